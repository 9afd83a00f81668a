/**
 * Cold start of each Lambda function: bundle its handler with esbuild as the CDK stack does (lib/pipeline-function.ts:
 * Node 22, CommonJS, minified, UTF-8 output, ES-module entry points preferred, the AWS SDK left to the runtime, the
 * module substitutions of lib/function-bundling.ts), then
 * time loading the bundle in a fresh Node process, several times, and keep the median.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { FUNCTION_HANDLERS, functionEsbuildOptions } from '../../lib/function-bundling';
import { percentile } from './instrument';

const ROOT = resolve(__dirname, '..', '..');
const HANDLERS_DIR = join(ROOT, 'lambdas', 'handlers');

/** One function's bundle and load time. */
export interface ColdStartFigure {
  readonly handler: string;
  /** Minified index.js, bytes. */
  readonly bundleBytes: number;
  /** Median time to `require` the bundle in a fresh process (module evaluation, SDK clients created). */
  readonly loadMs: number;
  /** Median CPU time (user + system) of that load: what it costs on a machine with no other load. */
  readonly loadCpuMs: number;
  /** Of the load, the AWS SDK packages the bundle requires (external: the runtime's copy in Lambda). */
  readonly sdkLoadMs: number;
  readonly sdkLoadCpuMs: number;
  /** The AWS SDK packages the bundle requires. */
  readonly sdkPackages: readonly string[];
  /** Median wall time of the whole fresh process: Node start-up, load, exit. */
  readonly processMs: number;
  readonly runs: number;
}

/** Cold start figures and the limits they are checked against. */
export interface ColdStartReport {
  readonly nodeVersion: string;
  readonly esbuild: string;
  readonly functions: readonly ColdStartFigure[];
}

/** The handler entry points: every `lambdas/handlers/*.ts` that exports a handler. */
export function handlerEntries(): string[] {
  return FUNCTION_HANDLERS.map((name) => join(HANDLERS_DIR, `${name}.ts`));
}

/** Environment a handler's config loader reads at load time (values are placeholders; nothing is called). */
const HANDLER_ENV = {
  TABLE_NAME: 'newswire-articles',
  RAW_BUCKET: 'newswire-raw',
  EVENT_BUS_NAME: 'newswire',
  POLL_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/000000000000/poll',
  FEED_LIST_PATH: 'feeds.json',
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  POWERTOOLS_METRICS_DISABLED: 'true',
  POWERTOOLS_TRACE_ENABLED: 'false',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

// Loads the AWS SDK packages the bundle requires first, then the bundle: the split says how much of a cold start
// is the SDK (the runtime's copy in Lambda) and how much is our own code.
const LOADER = `
const { performance } = require('node:perf_hooks');
const cpuMs = (u) => (u.user + u.system) / 1000;
const cpu = process.cpuUsage();
const started = performance.now();
for (const name of JSON.parse(process.argv[2])) require(name);
const sdkWall = performance.now() - started;
const sdkCpu = cpuMs(process.cpuUsage(cpu));
require(process.argv[1]);
const wall = performance.now() - started;
process.stdout.write(JSON.stringify({ wall, cpu: cpuMs(process.cpuUsage(cpu)), sdkWall, sdkCpu }));
`;

/** Bundles every handler and measures its load time over `runs` fresh processes. */
export async function measureColdStarts(options: { runs?: number } = {}): Promise<ColdStartReport> {
  const esbuild = await import('esbuild');
  const runs = Math.max(1, options.runs ?? 5);
  const dir = mkdtempSync(join(tmpdir(), 'newswire-bench-bundles-'));
  try {
    const functions: ColdStartFigure[] = [];
    for (const entry of handlerEntries()) {
      const name = entry.replace(/^.*\//, '').replace(/\.ts$/, '');
      const outDir = join(dir, name);
      mkdirSync(outDir, { recursive: true });
      const result = await esbuild.build({
        ...functionEsbuildOptions(),
        entryPoints: [entry],
        write: false,
        outfile: join(outDir, 'index.js'),
        logLevel: 'silent',
      });
      const code = result.outputFiles[0]?.contents ?? new Uint8Array();
      const file = join(outDir, 'index.js');
      writeFileSync(file, code);
      // The Lambda runtime ships the AWS SDK; here it comes from the project's node_modules.
      const env = { PATH: process.env.PATH ?? '', NODE_PATH: join(ROOT, 'node_modules'), ...HANDLER_ENV };
      const sdkPackages = [
        ...new Set(
          [
            ...Buffer.from(code)
              .toString('utf8')
              .matchAll(/require\("(@aws-sdk\/[^"]+)"\)/g),
          ].map((m) => m[1] as string),
        ),
      ].sort();
      const loads: number[] = [];
      const cpus: number[] = [];
      const sdkLoads: number[] = [];
      const sdkCpus: number[] = [];
      const processes: number[] = [];
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        const out = execFileSync(process.execPath, ['-e', LOADER, file, JSON.stringify(sdkPackages)], {
          env,
          cwd: outDir,
          encoding: 'utf8',
        });
        processes.push(performance.now() - started);
        const measured = JSON.parse(out) as { wall: number; cpu: number; sdkWall: number; sdkCpu: number };
        loads.push(measured.wall);
        cpus.push(measured.cpu);
        sdkLoads.push(measured.sdkWall);
        sdkCpus.push(measured.sdkCpu);
      }
      const median = (values: number[]) =>
        Math.round(
          percentile(
            [...values].sort((a, b) => a - b),
            50,
          ) * 10,
        ) / 10;
      functions.push({
        handler: name,
        bundleBytes: code.byteLength,
        loadMs: median(loads),
        loadCpuMs: median(cpus),
        sdkLoadMs: median(sdkLoads),
        sdkLoadCpuMs: median(sdkCpus),
        sdkPackages,
        processMs: median(processes),
        runs,
      });
    }
    return { nodeVersion: process.version, esbuild: esbuild.version, functions };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
