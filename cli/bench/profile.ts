/**
 * A CPU profile of one bench pass (the V8 sampling profiler through `node:inspector`), saved as a `.cpuprofile`
 * (open it in Chrome DevTools or speedscope) and summarised by where the time goes: each npm package, each of
 * our source folders, Node internals, garbage collection and idle time.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

/** Self time of one bucket (package, folder, Node internals, GC, idle). */
export interface ProfileBucket {
  readonly name: string;
  readonly ms: number;
  readonly share: number;
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** The bucket a sample's function belongs to. */
export function bucketOf(functionName: string, url: string): string {
  if (functionName === '(idle)') return '(idle)';
  if (functionName === '(garbage collector)') return '(garbage collection)';
  if (!url) return functionName === '(program)' ? '(program)' : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] as string;
  if (url.startsWith('node:')) return 'node (internals)';
  const ours = /\/((?:lambdas\/core|lambdas|cli|lib|scripts)\/[^/]+\/)/.exec(url);
  return ours ? (ours[1] as string) : url;
}

const UNATTRIBUTED = new Set(['(native)', 'node (internals)', '(program)']);

/**
 * Self time per bucket, largest first. Native code and Node internals are charged to the nearest caller that is
 * a package or our source (a socket write made for the AWS SDK counts as the SDK's); what only the event loop
 * called stays under Node.
 */
export function summariseProfile(profile: CpuProfile, top = 20): ProfileBucket[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const bucketCache = new Map<number, string>();
  const bucketFor = (id: number): string => {
    const cached = bucketCache.get(id);
    if (cached) return cached;
    const node = byId.get(id);
    let name = node ? bucketOf(node.callFrame.functionName, node.callFrame.url) : '(native)';
    if (UNATTRIBUTED.has(name)) {
      for (let up = parent.get(id); up !== undefined; up = parent.get(up)) {
        const frame = byId.get(up)?.callFrame;
        const candidate = frame ? bucketOf(frame.functionName, frame.url) : '(native)';
        if (!UNATTRIBUTED.has(candidate) && !candidate.startsWith('(')) {
          name = candidate;
          break;
        }
      }
      if (name === '(native)') name = 'node (internals)';
    }
    bucketCache.set(id, name);
    return name;
  };
  const totals = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const name = bucketFor(id);
    totals.set(name, (totals.get(name) ?? 0) + us);
    all += us;
  });
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, us]) => ({
      name,
      ms: Math.round(us / 1000),
      share: Math.round((us / Math.max(1, all)) * 1000) / 1000,
    }));
}

/** What each bucket is part of, for the short "where the time goes" list. */
export function groupOf(bucket: string): string {
  if (/^@smithy\/|^@aws-sdk\//.test(bucket)) return 'AWS SDK (clients, signing, serde, HTTP handler)';
  if (
    /^(linkedom|htmlparser2|@mozilla\/readability|css-select|css-what|entities|domhandler|domutils|nth-check|boolbase|uhyphen|html-escaper|cssom)$/.test(
      bucket,
    ) ||
    bucket === 'lambdas/core/articles/'
  )
    return 'main-text extraction (linkedom, Readability, our extractor)';
  if (bucket === 'lambdas/core/classify/' || bucket === 'tinyld') return 'classification';
  if (/^(rss-parser|xml2js|sax|iconv-lite)$/.test(bucket) || bucket === 'lambdas/core/feeds/')
    return 'feed parsing and decoding';
  if (bucket.startsWith('lambdas/')) return 'other Newswire code (use cases, adapters)';
  if (bucket.startsWith('cli/')) return 'bench instrumentation and local runner';
  if (bucket === '(garbage collection)') return 'garbage collection';
  if (bucket === '(idle)') return 'idle (waiting for I/O or the other process)';
  if (bucket === 'node (internals)') return 'Node internals (sockets, streams, timers)';
  return 'other';
}

/** The profile's buckets added up by group, largest first. */
export function groupProfile(buckets: readonly ProfileBucket[]): ProfileBucket[] {
  const totals = new Map<string, number>();
  for (const b of buckets) totals.set(groupOf(b.name), (totals.get(groupOf(b.name)) ?? 0) + b.ms);
  const all = [...totals.values()].reduce((a, b) => a + b, 0);
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .map(([name, ms]) => ({ name, ms, share: Math.round((ms / Math.max(1, all)) * 1000) / 1000 }));
}

/** Starts the sampling profiler; `stop` saves the profile to `file` (if given) and returns its summary. */
export async function startProfile(): Promise<{ stop(file?: string): Promise<ProfileBucket[]> }> {
  const session = new Session();
  session.connect();
  const post = <T>(method: string, params?: object) =>
    new Promise<T>((resolve, reject) =>
      session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T))),
    );
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 500 });
  await post('Profiler.start');
  return {
    async stop(file?: string) {
      const { profile } = await post<{ profile: CpuProfile }>('Profiler.stop');
      session.disconnect();
      if (file) writeFileSync(file, JSON.stringify(profile));
      return summariseProfile(profile, Number.POSITIVE_INFINITY);
    },
  };
}
