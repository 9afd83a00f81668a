import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BUNDLE_LIMIT_BYTES, type BundleSize, measureBundles } from '../../scripts/bundle-sizes';

/** 1,097 KB measured on 2026-11-29, plus room for small changes. */

// Real esbuild bundling of the three handlers, as `cdk synth` does it (about 6 s).
process.env.CDK_VALIDATION = 'false';

describe('function bundles (real esbuild)', () => {
  let outdir: string;
  let bundles: BundleSize[];

  beforeAll(() => {
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'newswire-bundles-test-'));
    bundles = measureBundles(outdir);
  }, 120_000);
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  const bundle = (stage: string): BundleSize => {
    const found = bundles.find((b) => b.stage === stage);
    if (!found) throw new Error(`no bundle for ${stage}`);
    return found;
  };

  it.each(['dispatch-feeds', 'poll-feed', 'extract-article'])(
    '%s is minified code with its source map',
    (stage) => {
      const b = bundle(stage);
      expect(Object.keys(b.files)).toEqual(expect.arrayContaining(['index.js', 'index.js.map']));
      const code = fs.readFileSync(path.join(b.directory, 'index.js'), 'utf8');
      expect(code).toMatch(/sourceMappingURL=index\.js\.map/);
      // Minified: no indentation-heavy lines.
      expect(code.split('\n').length).toBeLessThan(200);
    },
  );

  it.each(['dispatch-feeds', 'poll-feed', 'extract-article'])(
    '%s leaves the AWS SDK to the runtime',
    (stage) => {
      const code = fs.readFileSync(path.join(bundle(stage).directory, 'index.js'), 'utf8');
      expect(code).toMatch(/require\("@aws-sdk\/client-[a-z]+"\)/);
    },
  );

  /** Loads a bundle in a fresh Node process, as Lambda would, and runs `script` against its exports. */
  function runBundle(
    stage: string,
    script: string,
  ): { status: number | null; stdout: string; stderr: string } {
    // --no-warnings: the SDK warns about the local Node version, which is not the runtime's.
    return spawnSync(process.execPath, ['--enable-source-maps', '--no-warnings', '-e', script], {
      cwd: bundle(stage).directory,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH ?? '',
        // The runtime provides the AWS SDK; here it comes from the project's node_modules.
        NODE_PATH: path.join(__dirname, '..', '..', 'node_modules'),
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
        AWS_LAMBDA_FUNCTION_NAME: stage,
        POWERTOOLS_TRACE_ENABLED: 'false',
        POWERTOOLS_METRICS_DISABLED: 'true',
        POWERTOOLS_SERVICE_NAME: 'newswire',
        POWERTOOLS_METRICS_NAMESPACE: 'Newswire',
        TABLE_NAME: 'articles',
        RAW_BUCKET: 'raw',
        EVENT_BUS_NAME: 'newswire',
        POLL_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/poll',
        FEED_LIST_PATH: 'feeds.json',
        USER_AGENT: 'NewswireTest/0',
        LOG_LEVEL: 'ERROR',
      },
      timeout: 30_000,
    });
  }

  it.each(['dispatch-feeds', 'poll-feed', 'extract-article'])('%s starts from its bundle alone', (stage) => {
    const result = runBundle(stage, "const m = require('./index.js'); console.log(typeof m.handler);");
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('function');
  });

  it.each(['poll-feed', 'extract-article'])('%s answers an empty SQS batch with no failures', (stage) => {
    const result = runBundle(
      stage,
      "require('./index.js').handler({ Records: [] }, { functionName: 'f', awsRequestId: 'r', getRemainingTimeInMillis: () => 60000 })" +
        '.then((r) => console.log(JSON.stringify(r)), (e) => { console.error(e); process.exit(1); });',
    );
    // Powertools may warn on stderr that an empty batch produced no metrics; errors would fail the exit status.
    expect(result.status).toBe(0);
    expect(result.stderr).not.toMatch(/Error/);
    expect(JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}')).toEqual({ batchItemFailures: [] });
  });

  it('copies the feed list into the dispatch bundle only', () => {
    const copied = fs.readFileSync(path.join(bundle('dispatch-feeds').directory, 'feeds.json'), 'utf8');
    const source = fs.readFileSync(path.join(__dirname, '..', '..', 'config', 'feeds.json'), 'utf8');
    expect(JSON.parse(copied)).toEqual(JSON.parse(source));
    expect(bundle('poll-feed').files['feeds.json']).toBeUndefined();
  });

  it.each(['dispatch-feeds', 'poll-feed', 'extract-article'])('%s code is at most 1 MB', (stage) => {
    expect(bundle(stage).codeBytes).toBeLessThanOrEqual(BUNDLE_LIMIT_BYTES);
  });
});
