/**
 * `newswire run --feeds FILE [--every 15m]`: the pipeline over real feeds, once or on a schedule, with a line
 * of progress per feed and an error line for each feed that fails.
 */
import { readFileSync } from 'node:fs';
import { SafeHttpFetcher } from '../../lambdas/adapters/http/safe-fetcher';
import { DEFAULT_USER_AGENT } from '../../lambdas/config';
import { parseFeedList } from '../../lambdas/core/pipeline/dispatch-feeds';
import { parseArgs, stringFlag } from '../args';
import { openPublisher, openStorage } from '../local/context';
import { runLocalPipeline, summaryLine } from '../local/pipeline';
import { renderTable } from '../table';
import { STORY_HEADERS, storyRows } from './report';

/** Parses `15m`, `1h`, `90s` into milliseconds. */
export function parseInterval(text: string): number {
  const match = /^(\d+)\s*(s|m|h)$/.exec(text.trim());
  if (!match) throw new Error(`--every takes a duration such as 90s, 15m or 1h, got '${text}'`);
  const unit = { s: 1_000, m: 60_000, h: 3_600_000 }[match[2] as 's' | 'm' | 'h'];
  const ms = Number(match[1]) * unit;
  if (ms < 60_000) throw new Error('--every must be at least one minute');
  return ms;
}

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['json', 'aws']);
  const file = stringFlag(args, 'feeds');
  if (!file) {
    console.error(
      'usage: newswire run --feeds FILE [--every 15m] [--data DIR] [--allow-host HOST[,HOST]] [--aws]',
    );
    return 2;
  }
  const feeds = parseFeedList(JSON.parse(readFileSync(file, 'utf8')), file);
  const every = stringFlag(args, 'every');
  const intervalMs = every ? parseInterval(every) : undefined;
  const storage = await openStorage(args);
  const tty = process.stdout.isTTY;
  const http = new SafeHttpFetcher({
    userAgent: process.env.USER_AGENT ?? DEFAULT_USER_AGENT,
    allowHosts: (stringFlag(args, 'allow-host') ?? '').split(',').filter(Boolean),
  });
  const publisher = openPublisher(storage, (line) => console.log(line));
  let stopping = false;
  process.once('SIGINT', () => {
    stopping = true;
    console.log('\nstopping after this cycle…');
  });
  try {
    let cycle = 0;
    do {
      cycle++;
      let done = 0;
      const summary = await runLocalPipeline(
        { services: storage, http, publisher, clock: { now: () => new Date() } },
        feeds,
        {
          // The first cycle polls every feed; later ones only the feeds whose adaptive interval has come round.
          dueOnly: cycle > 1,
          progress: {
            polled: (p) => {
              done++;
              const line = p.ok
                ? `  ✓ ${p.feedId}: ${p.status}, ${p.items} items, ${p.stored.length} new${p.pageFailures.length ? `, ${p.pageFailures.length} pages failed` : ''}`
                : `  ✗ ${p.feedId}: ${p.status}: ${p.error}`;
              console.log(tty ? `[${done}/${feeds.length}]${line}` : line);
              for (const f of p.pageFailures) console.log(`      page ${f.url}: ${f.error}`);
            },
            failed: (stage, subject, error) => console.log(`  ✗ ${stage} ${subject}: ${error}`),
          },
        },
      );
      if (summary.stories.length > 0)
        console.log(`\n${renderTable(STORY_HEADERS, storyRows(summary.stories))}\n`);
      console.log(`${new Date().toISOString()} ${summaryLine(summary)}`);
      if (intervalMs && !stopping) await sleepUnless(intervalMs, () => stopping);
    } while (intervalMs && !stopping);
    return 0;
  } finally {
    await storage.stop();
  }
}

async function sleepUnless(ms: number, stop: () => boolean): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until && !stop())
    await new Promise((r) => setTimeout(r, Math.min(1000, until - Date.now())));
}
