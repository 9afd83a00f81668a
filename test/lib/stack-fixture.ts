import * as fs from 'node:fs';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { DEFAULT_DEPLOY_CONFIG, type DeployConfig } from '../../lib/config';
import { NewswireStack } from '../../lib/newswire-stack';

/** A deploy config for tests: the defaults with the given changes. */
export function testConfig(overrides: Partial<DeployConfig> = {}): DeployConfig {
  return { ...DEFAULT_DEPLOY_CONFIG, ...overrides };
}

// CDK's built-in CloudFormation schema validation adds ~25 s per synth; cdk-nag is the check these tests make.
process.env.CDK_VALIDATION = 'false';

/** The feature flags of cdk.json, so tests synthesise what `cdk synth` does. */
const CDK_JSON_CONTEXT: Record<string, unknown> = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', '..', 'cdk.json'), 'utf8'),
).context;

/** Builds the stack without running esbuild (bundling is covered by scripts/bundle-sizes.ts). */
export function buildStack(overrides: Partial<DeployConfig> = {}): { app: App; stack: NewswireStack } {
  const app = new App({ context: { ...CDK_JSON_CONTEXT, 'aws:cdk:bundling-stacks': [] } });
  const stack = new NewswireStack(app, 'TestNewswire', { config: testConfig(overrides) });
  return { app, stack };
}

/** The synthesised template of a stack built with the given config changes. */
export function synthTemplate(overrides: Partial<DeployConfig> = {}): Template {
  return Template.fromStack(buildStack(overrides).stack);
}
