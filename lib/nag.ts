import { type CfnElement, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** How cdk-nag writes a resource's ARN inside a finding id: `<LogicalId.Arn>`. */
export function nagArn(resource: IConstruct): string {
  const cfn = resource.node.defaultChild as CfnElement | undefined;
  if (!cfn) throw new Error(`${resource.node.path} has no CloudFormation resource`);
  return `<${Stack.of(resource).getLogicalId(cfn)}.Arn>`;
}

/**
 * Acknowledges one wildcard-resource finding (AwsSolutions-IAM5) on a role or policy. cdk-nag 3 matches
 * findings exactly, so any other wildcard added later is still reported.
 */
export function acknowledgeWildcardResource(scope: IConstruct, resource: string, reason: string): void {
  Validations.of(scope).acknowledge({ id: `AwsSolutions-IAM5[Resource::${resource}]`, reason });
}
