import { type Stack, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { DeployConfig } from '../../lib/config';
import { buildStack } from './stack-fixture';

/** Unacknowledged AwsSolutions findings, as `rule at construct path`. */
function findings(overrides: Partial<DeployConfig>, addToStack?: (stack: Stack) => void): string[] {
  const { app, stack } = buildStack(overrides);
  addToStack?.(stack);
  const report = new AwsSolutionsChecks(app).validateScope(app);
  return report.violations.flatMap((v) =>
    v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath}`),
  );
}

/** Every acknowledgement recorded in the construct tree, with its reason. */
function acknowledgements(stack: Stack): Array<{ path: string; id: string; reason: string }> {
  return stack.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) =>
        Object.entries(m.data as Record<string, string>).map(([id, reason]) => ({
          path: c.node.path,
          id,
          reason,
        })),
      ),
  );
}

describe('cdk-nag AwsSolutions checks', () => {
  it.each([
    ['defaults', {}],
    ['with e-mail subscriptions', { alertEmail: 'ops@example.org', storyEmail: 'desk@example.org' }],
    [
      'without data retention',
      { retainData: false, raw: { accessLogRetentionDays: 7, expireAfterDays: 365 } },
    ],
  ])('reports no unacknowledged finding (%s)', (_name, overrides) => {
    expect(findings(overrides as Partial<DeployConfig>)).toEqual([]);
  });

  it('still catches a new finding (the check is live)', () => {
    const found = findings({}, (stack) => new s3.Bucket(stack, 'CarelessBucket'));
    expect(found).toEqual(
      expect.arrayContaining([
        'AwsSolutions-S1 at TestNewswire/CarelessBucket/Resource',
        'AwsSolutions-S10 at TestNewswire/CarelessBucket/Resource',
      ]),
    );
  });

  it('gives every acknowledgement a written reason, next to its resource (never on the stack)', () => {
    const { stack } = buildStack({ storyEmail: 'desk@example.org' });
    const acks = acknowledgements(stack);
    expect(acks.length).toBeGreaterThan(5);
    for (const ack of acks) {
      expect(ack.reason.length).toBeGreaterThan(40);
      expect(ack.path).not.toBe(stack.node.path);
    }
  });
});
