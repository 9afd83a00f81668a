/**
 * `newswire bench [--feeds N] [--items M] [--json]` (`npm run bench`): runs the local pipeline over a generated
 * loopback feed farm and reports throughput, per-stage times, the bare-library baselines, what an unchanged feed
 * costs, requests and modelled AWS cost per article, and each Lambda bundle's size and load time.
 *
 * Other flags: --hosts H (4), --seed S (7), --concurrency C (feeds at once, 4), --host-concurrency (4),
 * --host-delay MS (0: the farm is ours), --cold-start-runs R (5), --no-cold-start, --in-process (farm and
 * embedded services in this process rather than a child process), --profile FILE (CPU profile of pass 1).
 */
import { intFlag, parseArgs, stringFlag } from '../args';
import { installCoreProbes } from '../bench/instrument';

/** Defaults sized to finish in about two minutes on a 2-core machine. */
export const DEFAULT_FEEDS = 20;
export const DEFAULT_ITEMS = 25;

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['json', 'no-cold-start', 'in-process']);
  // Before the pipeline modules load: time extraction, classification and feed parsing inside the use cases.
  const probes = installCoreProbes();
  // Loaded only now, after the probes (a static import would load the pipeline first).
  const { runBench } = require('../bench/harness') as typeof import('../bench/harness');
  const { renderReport } = require('../bench/render') as typeof import('../bench/render');
  const json = args.flags.has('json');
  const feeds = intFlag(args, 'feeds', DEFAULT_FEEDS);
  const items = intFlag(args, 'items', DEFAULT_ITEMS);
  if (feeds < 1 || items < 1) {
    console.error('newswire bench: --feeds and --items must be at least 1');
    return 2;
  }
  const report = await runBench(
    {
      feeds,
      items,
      hosts: intFlag(args, 'hosts', 4),
      seed: intFlag(args, 'seed', 7),
      feedConcurrency: intFlag(args, 'concurrency', 4),
      perHostConcurrency: intFlag(args, 'host-concurrency', 4),
      perHostDelayMs: intFlag(args, 'host-delay', 0),
      coldStart: !args.flags.has('no-cold-start'),
      coldStartRuns: intFlag(args, 'cold-start-runs', 5),
      inProcess: args.flags.has('in-process'),
      profileFile: stringFlag(args, 'profile'),
      say: json ? undefined : (line) => console.error(line),
    },
    probes.installed,
  );
  console.log(json ? JSON.stringify(report, null, 2) : renderReport(report));
  return 0;
}
