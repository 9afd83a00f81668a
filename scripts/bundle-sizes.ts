/**
 * Bundles the three functions exactly as `cdk synth` does (local esbuild, same options) and reports each
 * bundle's size: the handler, its source map, the files copied in, and the deflated size Lambda stores.
 * Exits non-zero when a bundle's code (index.js) is over the limit.
 *
 *   npx tsx scripts/bundle-sizes.ts            # table on stdout
 *   npx tsx scripts/bundle-sizes.ts --json     # machine-readable
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { App, type AssetStaging } from 'aws-cdk-lib';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { readConfigFolder } from '../lib/config';
import { NewswireStack } from '../lib/newswire-stack';

/** The ceiling for one function bundle. */
export const BUNDLE_LIMIT_BYTES = 1024 * 1024;

export interface BundleSize {
  readonly stage: string;
  readonly directory: string;
  /** Bytes of each file in the bundle folder. */
  readonly files: Readonly<Record<string, number>>;
  /** index.js: the code Lambda loads. */
  readonly codeBytes: number;
  /** All files together, as unzipped on the function's disk. */
  readonly totalBytes: number;
  /** Sum of the deflated files: about what the deployment zip holds. */
  readonly deflatedBytes: number;
}

/** Where a function's bundled asset was staged. */
function stagedDirectory(fn: NodejsFunction): string {
  const stage = fn.node.findChild('Code').node.findChild('Stage') as AssetStaging;
  return stage.absoluteStagedPath;
}

/** Builds the stack with real bundling into `outdir` and measures each function bundle. */
export function measureBundles(
  outdir: string,
  configDir = path.join(__dirname, '..', 'config'),
): BundleSize[] {
  const { deploy } = readConfigFolder(configDir);
  const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': ['**'] } });
  const stack = new NewswireStack(app, 'BundleSizes', { config: deploy });
  const stages: Array<[string, NodejsFunction]> = [
    ['dispatch-feeds', stack.feedPolling.dispatchFunction.function],
    ['poll-feed', stack.feedPolling.pollFunction.function],
    ['extract-article', stack.extraction.extractFunction.function],
  ];
  return stages.map(([stage, fn]) => {
    const directory = stagedDirectory(fn);
    const files: Record<string, number> = {};
    let deflatedBytes = 0;
    for (const name of fs.readdirSync(directory)) {
      const content = fs.readFileSync(path.join(directory, name));
      files[name] = content.length;
      deflatedBytes += zlib.deflateRawSync(content, { level: 9 }).length;
    }
    const totalBytes = Object.values(files).reduce((a, b) => a + b, 0);
    return { stage, directory, files, codeBytes: files['index.js'] ?? 0, totalBytes, deflatedBytes };
  });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

if (require.main === module) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'newswire-bundles-'));
  const started = Date.now();
  const sizes = measureBundles(outdir);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(sizes, null, 2));
  } else {
    console.log('stage             index.js   index.js.map   all files   deflated (zip)');
    for (const s of sizes) {
      console.log(
        `${s.stage.padEnd(17)} ${kb(s.codeBytes).padStart(8)}   ${kb(s.files['index.js.map'] ?? 0).padStart(12)}   ${kb(s.totalBytes).padStart(9)}   ${kb(s.deflatedBytes).padStart(14)}`,
      );
    }
    console.log(
      `bundled in ${((Date.now() - started) / 1000).toFixed(1)} s; limit ${kb(BUNDLE_LIMIT_BYTES)} of code per function`,
    );
  }
  fs.rmSync(outdir, { recursive: true, force: true });
  const over = sizes.filter((s) => s.codeBytes > BUNDLE_LIMIT_BYTES);
  if (over.length > 0) {
    console.error(`over the limit: ${over.map((s) => s.stage).join(', ')}`);
    process.exitCode = 1;
  }
}
