import * as path from 'node:path';
import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readConfigFolder } from '../lib/config';
import { NewswireStack } from '../lib/newswire-stack';

// Configuration flows one way: config/ -> here -> construct props -> function environment.
// NEWSWIRE_CONFIG_DIR selects another folder (say, one per account); it must hold deploy.json and feeds.json.
const configDir = path.resolve(process.env.NEWSWIRE_CONFIG_DIR ?? path.join(__dirname, '..', 'config'));
const { deploy } = readConfigFolder(configDir);
const feedListFile = path.relative(path.join(__dirname, '..'), path.join(configDir, 'feeds.json'));

const app = new App();
// No env: the stack is environment-agnostic, so `cdk synth` needs no credentials and no lookups.
const stack = new NewswireStack(app, deploy.stackName, {
  config: deploy,
  feedListFile,
  description: 'Newswire: polls news feeds, keeps raw articles, raises an event for each diplomatic story',
});
for (const [key, value] of Object.entries(deploy.tags)) Tags.of(stack).add(key, value);

// AWS Solutions checks run at every synth; an unacknowledged finding fails it.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));

app.synth();
