import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'lib');

/** Runs bin/newswire-app.ts as `cdk synth` would, without esbuild, into a fresh folder. */
function runApp(configDir: string): { status: number | null; stderr: string; outdir: string } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'newswire-app-'));
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'bin/newswire-app.ts'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        // No AWS_* variables reach the app: synth must not need an account, a region or credentials.
        ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_'))),
        NEWSWIRE_CONFIG_DIR: configDir,
        CDK_OUTDIR: outdir,
        CDK_CONTEXT_JSON: JSON.stringify({ 'aws:cdk:bundling-stacks': [] }),
        CDK_VALIDATION: 'false',
      },
    },
  );
  return { status: result.status, stderr: result.stderr, outdir };
}

describe('bin/newswire-app.ts', () => {
  it('synthesises the stack a config folder describes, cdk-nag included, with no AWS credentials', () => {
    const { status, stderr, outdir } = runApp(path.join(FIXTURES, 'alt-config'));
    expect(stderr).not.toMatch(/AwsSolutions-/);
    expect(status).toBe(0);
    const template = JSON.parse(fs.readFileSync(path.join(outdir, 'NewswireStaging.template.json'), 'utf8'));
    const resources = Object.values(template.Resources) as Array<{
      Type: string;
      Properties: Record<string, unknown>;
    }>;
    const bus = resources.find((r) => r.Type === 'AWS::Events::EventBus');
    expect(bus?.Properties.Name).toBe('newswire-staging');
    const schedule = resources.find((r) => r.Type === 'AWS::Scheduler::Schedule');
    expect(schedule?.Properties.ScheduleExpression).toBe('rate(10 minutes)');
    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
    // Environment-agnostic: deployable to whichever account and region the credentials name.
    expect(manifest.artifacts.NewswireStaging.environment).toBe('aws://unknown-account/unknown-region');
    fs.rmSync(outdir, { recursive: true, force: true });
  }, 60_000);

  it('refuses a config that names a bad value, saying which', () => {
    const { status, stderr, outdir } = runApp(path.join(FIXTURES, 'bad-config'));
    expect(status).not.toBe(0);
    expect(stderr).toMatch(/batchSize/);
    fs.rmSync(outdir, { recursive: true, force: true });
  }, 60_000);
});
