/**
 * `newswire eval feeds-smoke DIR [--json] [--timeout MS]`: robustness of the feed parse path on real feeds.
 * Every feed-like file under DIR (recursively, `.gz` included) goes through bytes → decode → parse → normalise,
 * in a worker thread so that a hang is caught and counted instead of freezing the run. A file is
 * - ok: it parsed with a title and at least one item, or it was refused with a specific "not a feed" error;
 * - failed: it parsed without a title or items, or it was refused as malformed;
 * - crashed: anything else escaped (a bug), or parsing did not finish within the timeout (a hang).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import { intFlag, parseArgs } from '../args';

/** Extensions of files worth parsing (after an optional `.gz`). */
const FEED_EXTENSIONS = new Set([
  'xml',
  'rss',
  'rss2',
  'atom',
  'rdf',
  'feed',
  'json',
  'html',
  'htm',
  'xhtml',
  'opml',
]);

interface FileResult {
  readonly file: string;
  readonly status: 'ok' | 'failed' | 'crashed';
  readonly detail: string;
  readonly format?: string;
  readonly items?: number;
}

type WorkerReply =
  | { kind: 'parsed'; format: string; title?: string; items: number; withLink: number }
  | { kind: 'refused'; reason: string; message: string }
  | { kind: 'crashed'; message: string };

/** Runs inside the worker: parses one file per message. */
function workerLoop(): void {
  // Loaded lazily so that the main thread does not pay for the parser it never uses.
  const { parseFeed, FeedParseError } =
    require('../../lambdas/core/feeds/parse') as typeof import('../../lambdas/core/feeds/parse');
  parentPort?.on('message', async (path: string) => {
    let reply: WorkerReply;
    try {
      let bytes: Uint8Array = readFileSync(path);
      if (path.endsWith('.gz')) bytes = gunzipSync(bytes);
      const feed = await parseFeed(bytes, { url: 'https://feed.invalid/feed' });
      reply = {
        kind: 'parsed',
        format: feed.format,
        title: feed.title,
        items: feed.items.length,
        withLink: feed.items.filter((i) => i.url || i.guid).length,
      };
    } catch (e) {
      if (e instanceof FeedParseError) reply = { kind: 'refused', reason: e.reason, message: e.message };
      else reply = { kind: 'crashed', message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
    }
    parentPort?.postMessage(reply);
  });
}

if (!isMainThread && (workerData as { role?: string } | undefined)?.role === 'feeds-smoke') workerLoop();

/** Every file under `dir` whose extension looks like a feed or a page, sorted. */
export function listFeedFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      if (name.startsWith('.')) continue;
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else {
        const ext = name.replace(/\.gz$/i, '').split('.').pop()?.toLowerCase() ?? '';
        if (name.includes('.') && FEED_EXTENSIONS.has(ext)) out.push(p);
      }
    }
  };
  walk(dir);
  return out;
}

class ParseWorker {
  private worker: Worker;
  constructor() {
    this.worker = ParseWorker.spawn();
  }
  private static spawn(): Worker {
    return new Worker(__filename, {
      workerData: { role: 'feeds-smoke' },
      execArgv: ['--require', 'tsx/cjs'],
    });
  }
  /** Parses one file; restarts the worker when it hangs or dies. */
  parse(path: string, timeoutMs: number): Promise<WorkerReply> {
    return new Promise((resolve) => {
      const w = this.worker;
      const done = (reply: WorkerReply) => {
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        resolve(reply);
      };
      const onMessage = (reply: WorkerReply) => done(reply);
      const onError = (e: Error) => {
        this.worker = ParseWorker.spawn();
        done({ kind: 'crashed', message: `worker died: ${e.message}` });
      };
      const timer = setTimeout(() => {
        void w.terminate();
        this.worker = ParseWorker.spawn();
        done({ kind: 'crashed', message: `hang: no result within ${timeoutMs} ms` });
      }, timeoutMs);
      w.on('message', onMessage);
      w.on('error', onError);
      w.postMessage(path);
    });
  }
  close(): Promise<number> {
    return this.worker.terminate();
  }
}

/** Classifies one worker reply. */
function judge(file: string, reply: WorkerReply): FileResult {
  if (reply.kind === 'crashed') return { file, status: 'crashed', detail: reply.message };
  if (reply.kind === 'refused') {
    // A specific "not a feed" verdict is the right answer for pages and other documents; malformed XML is not.
    const clear = reply.reason !== 'malformed-xml' && reply.reason !== 'malformed-json';
    return { file, status: clear ? 'ok' : 'failed', detail: reply.message };
  }
  const problems: string[] = [];
  if (!reply.title) problems.push('no title');
  if (reply.items === 0) problems.push('no items');
  return {
    file,
    status: problems.length ? 'failed' : 'ok',
    detail: problems.length ? problems.join(', ') : `${reply.format}, ${reply.items} items`,
    format: reply.format,
    items: reply.items,
  };
}

/** Runs the smoke evaluation; exit code 0 when nothing crashed, 1 otherwise, 2 on bad arguments. */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['json']);
  const dir = args.positional[0];
  if (!dir) {
    console.error('usage: newswire eval feeds-smoke DIR [--json] [--timeout MS]');
    return 2;
  }
  let files: string[];
  try {
    files = listFeedFiles(dir);
  } catch (e) {
    console.error(`newswire eval feeds-smoke: cannot read ${dir}: ${(e as Error).message}`);
    return 2;
  }
  const timeoutMs = intFlag(args, 'timeout', 20_000);
  const worker = new ParseWorker();
  const results: FileResult[] = [];
  const started = Date.now();
  try {
    for (const file of files) results.push(judge(relative(dir, file), await worker.parse(file, timeoutMs)));
  } finally {
    await worker.close();
  }
  const count = (s: FileResult['status']) => results.filter((r) => r.status === s).length;
  const summary = {
    dir,
    files: results.length,
    ok: count('ok'),
    failed: count('failed'),
    crashed: count('crashed'),
    okRate: results.length ? count('ok') / results.length : 0,
    notFeeds: results.filter((r) => r.status === 'ok' && r.format === undefined).length,
    seconds: (Date.now() - started) / 1000,
    failures: results
      .filter((r) => r.status !== 'ok')
      .map(({ file, status, detail }) => ({ file, status, detail })),
  };
  if (args.flags.has('json')) {
    console.log(JSON.stringify(summary, null, 2));
  } else {
    console.log(`feeds-smoke ${dir}`);
    console.log(
      `files ${summary.files}  ok ${summary.ok} (${(summary.okRate * 100).toFixed(1)}%, of which ${summary.notFeeds} refused as not a feed)  failed ${summary.failed}  crashed ${summary.crashed}  in ${summary.seconds.toFixed(1)} s`,
    );
    for (const f of summary.failures) console.log(`  ${f.status.padEnd(7)} ${f.file}: ${f.detail}`);
  }
  return summary.crashed ? 1 : 0;
}
