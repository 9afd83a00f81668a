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
  const ours = /\/((?:lambdas|cli|lib|scripts)\/(?:[^/]+\/)?)/.exec(url);
  return ours ? (ours[1] as string) : url;
}

/** Self time per bucket, largest first. */
export function summariseProfile(profile: CpuProfile, top = 20): ProfileBucket[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const us = profile.timeDeltas[i] ?? 0;
    if (!node) return;
    const name = bucketOf(node.callFrame.functionName, node.callFrame.url);
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
      return summariseProfile(profile);
    },
  };
}
