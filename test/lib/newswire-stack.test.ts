import * as fs from 'node:fs';
import * as path from 'node:path';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { ARTICLE_TABLE } from '../../lambdas/adapters/dynamodb/table-design';
import { loadConfig } from '../../lambdas/config';
import { PIPELINE_METRICS } from '../../lib/monitoring';
import { synthTemplate, testConfig } from './stack-fixture';

// biome-ignore lint/suspicious/noExplicitAny: synthesised CloudFormation is untyped JSON; the assertions check its shape.
type Cfn = any;
type Resource = { Type: string; Properties: Record<string, Cfn>; DeletionPolicy?: string };

const template = synthTemplate();
const withEmails = synthTemplate({ alertEmail: 'ops@example.org', storyEmail: 'desk@example.org' });

function resources(t: Template, type: string): Record<string, Resource> {
  return t.findResources(type) as Record<string, Resource>;
}

/** The pipeline's Node.js functions (CDK's own notification handler is Python). */
function pipelineFunctions(t: Template): Record<string, Resource> {
  return Object.fromEntries(
    Object.entries(resources(t, 'AWS::Lambda::Function')).filter(([, r]) =>
      String(r.Properties.Runtime).startsWith('nodejs'),
    ),
  );
}

function functionByHandlerName(t: Template, name: string): [string, Resource] {
  const found = Object.entries(pipelineFunctions(t)).find(([, r]) =>
    String(r.Properties.Description).includes(name),
  );
  if (!found) throw new Error(`no function ${name}`);
  return found;
}

/** Every statement of every IAM policy in the template (managed and inline). */
function policyStatements(t: Template): Array<{ policy: string; statement: Record<string, Cfn> }> {
  const out: Array<{ policy: string; statement: Record<string, Cfn> }> = [];
  for (const [id, r] of Object.entries(resources(t, 'AWS::IAM::Policy'))) {
    for (const statement of r.Properties.PolicyDocument.Statement) out.push({ policy: id, statement });
  }
  for (const [id, r] of Object.entries(resources(t, 'AWS::IAM::Role'))) {
    for (const inline of r.Properties.Policies ?? []) {
      for (const statement of inline.PolicyDocument.Statement) out.push({ policy: id, statement });
    }
  }
  return out;
}

function actionsOf(statement: Record<string, Cfn>): string[] {
  return ([] as string[]).concat(statement.Action ?? []);
}

/** The actions granted to the role of one function. */
function actionsOfFunction(t: Template, name: string): string[] {
  const [, fn] = functionByHandlerName(t, name);
  const roleId = fn.Properties.Role['Fn::GetAtt'][0];
  return policyStatements(t)
    .filter(({ policy }) =>
      JSON.stringify(resources(t, 'AWS::IAM::Policy')[policy]?.Properties.Roles ?? []).includes(roleId),
    )
    .flatMap(({ statement }) => actionsOf(statement));
}

describe('functions', () => {
  it('runs the three stages on Node.js 22, arm64, traced, with explicit memory and timeout', () => {
    const fns = Object.values(pipelineFunctions(template));
    expect(fns).toHaveLength(3);
    for (const fn of fns) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogFormat: 'JSON', LogGroup: expect.anything() },
      });
      expect(fn.Properties.MemorySize).toBeGreaterThanOrEqual(128);
      expect(fn.Properties.Timeout).toBeGreaterThan(3);
    }
  });

  it("logs at the configured level, in Powertools and in Lambda's JSON log filter alike", () => {
    for (const t of [template, synthTemplate({ logLevel: 'DEBUG' })]) {
      for (const fn of Object.values(pipelineFunctions(t))) {
        const level = fn.Properties.Environment.Variables.LOG_LEVEL;
        expect(fn.Properties.LoggingConfig.ApplicationLogLevel).toBe(level);
      }
    }
    const [, debugFn] = functionByHandlerName(synthTemplate({ logLevel: 'DEBUG' }), 'poll-feed');
    expect(debugFn.Properties.Environment.Variables.LOG_LEVEL).toBe('DEBUG');
  });

  it('runs one dispatch at a time, and reserves concurrency elsewhere only when asked', () => {
    expect(functionByHandlerName(template, 'dispatch-feeds')[1].Properties.ReservedConcurrentExecutions).toBe(
      1,
    );
    expect(
      functionByHandlerName(template, 'poll-feed')[1].Properties.ReservedConcurrentExecutions,
    ).toBeUndefined();
    const reserved = synthTemplate({
      functions: {
        ...testConfig().functions,
        extract: { ...testConfig().functions.extract, reservedConcurrency: 7 },
      },
    });
    const [, extract] = functionByHandlerName(reserved, 'extract-article');
    const [, poll] = functionByHandlerName(reserved, 'poll-feed');
    expect(extract.Properties.ReservedConcurrentExecutions).toBe(7);
    expect(poll.Properties.ReservedConcurrentExecutions).toBeUndefined();
  });

  it('keeps logs for the configured retention', () => {
    const groups = Object.values(resources(template, 'AWS::Logs::LogGroup'));
    expect(groups).toHaveLength(3);
    for (const group of groups) expect(group.Properties.RetentionInDays).toBe(30);
  });

  it('gives every function the shared environment and dispatch its queue and feed list', () => {
    for (const fn of Object.values(pipelineFunctions(template))) {
      expect(Object.keys(fn.Properties.Environment.Variables)).toEqual(
        expect.arrayContaining([
          'TABLE_NAME',
          'RAW_BUCKET',
          'EVENT_BUS_NAME',
          'USER_AGENT',
          'POWERTOOLS_SERVICE_NAME',
          'POWERTOOLS_METRICS_NAMESPACE',
          'LOG_LEVEL',
        ]),
      );
      expect(fn.Properties.Environment.Variables.POWERTOOLS_METRICS_NAMESPACE).toBe('Newswire');
    }
    const [, dispatch] = functionByHandlerName(template, 'dispatch-feeds');
    expect(dispatch.Properties.Environment.Variables).toMatchObject({
      POLL_QUEUE_URL: { Ref: expect.stringMatching(/PollQueue/) },
      FEED_LIST_PATH: 'feeds.json',
    });
    const [, poll] = functionByHandlerName(template, 'poll-feed');
    expect(poll.Properties.Environment.Variables.POLL_QUEUE_URL).toBeUndefined();
  });
});

describe('the contract with the handlers', () => {
  it.each([
    ['dispatch-feeds', 'lambdas/handlers/dispatch-feeds.ts'],
    ['poll-feed', 'lambdas/handlers/poll-feed.ts'],
    ['extract-article', 'lambdas/handlers/extract-article.ts'],
  ])('sets every variable %s loads at cold start', (name, file) => {
    const source = fs.readFileSync(path.join(__dirname, '..', '..', file), 'utf8');
    const call = /loadConfig\(\[([^\]]*)\]/.exec(source);
    expect(call).not.toBeNull();
    const names = [...(call?.[1] ?? '').matchAll(/'([A-Za-z]+)'/g)].map((m) => m[1]) as Parameters<
      typeof loadConfig
    >[0][number][];
    expect(names.length).toBeGreaterThan(0);
    const [, fn] = functionByHandlerName(template, name);
    // Tokens (Ref, GetAtt) become strings at deploy; only presence matters here.
    const env = Object.fromEntries(
      Object.entries(fn.Properties.Environment.Variables as Record<string, unknown>).map(([k, v]) => [
        k,
        typeof v === 'string' ? v : JSON.stringify(v),
      ]),
    );
    expect(() => loadConfig(names, env)).not.toThrow();
    // And nothing falls back to a default the stack meant to set.
    expect(() => loadConfig(names, {})).toThrow();
  });
});

describe('queues and their failure paths', () => {
  const queues = resources(template, 'AWS::SQS::Queue');
  const functions = pipelineFunctions(template);

  it('reports partial batch failures and bounds concurrency on every SQS event source', () => {
    const mappings = Object.values(resources(template, 'AWS::Lambda::EventSourceMapping'));
    expect(mappings).toHaveLength(2);
    for (const mapping of mappings) {
      expect(mapping.Properties.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
      expect(mapping.Properties.ScalingConfig.MaximumConcurrency).toBeGreaterThanOrEqual(2);
    }
  });

  it('gives each queue that feeds a function a DLQ and at least six times its timeout of visibility', () => {
    for (const mapping of Object.values(resources(template, 'AWS::Lambda::EventSourceMapping'))) {
      const queue = queues[mapping.Properties.EventSourceArn['Fn::GetAtt'][0]];
      const fn = functions[mapping.Properties.FunctionName.Ref];
      expect(queue?.Properties.RedrivePolicy.deadLetterTargetArn).toBeDefined();
      expect(queue?.Properties.VisibilityTimeout).toBeGreaterThanOrEqual(6 * fn?.Properties.Timeout);
    }
  });

  it('encrypts every queue and refuses plain-HTTP access to it', () => {
    const policies = Object.values(resources(template, 'AWS::SQS::QueuePolicy'));
    for (const [id, queue] of Object.entries(queues)) {
      expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
      const policy = policies.find((p) => JSON.stringify(p.Properties.Queues).includes(id));
      expect(policy?.Properties.PolicyDocument.Statement).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            Effect: 'Deny',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      );
    }
  });

  it('runs dispatch on a schedule with retries and a DLQ, also for failed asynchronous runs', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(5 minutes)',
      Target: {
        Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('Dispatch'), 'Arn'] },
        RetryPolicy: { MaximumRetryAttempts: 2 },
        DeadLetterConfig: { Arn: Match.anyValue() },
      },
    });
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Principal: { Service: 'scheduler.amazonaws.com' },
            Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
          }),
        ],
      },
    });
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
  });

  it('announces each complete raw article (its item.json) on the extract queue', () => {
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: {
        QueueConfigurations: [
          {
            Events: ['s3:ObjectCreated:*'],
            Filter: {
              Key: {
                // arrayWith keeps order: CDK writes the suffix rule first.
                FilterRules: Match.arrayWith([
                  { Name: 'suffix', Value: '/item.json' },
                  { Name: 'prefix', Value: 'raw/' },
                ]),
              },
            },
            QueueArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('ExtractQueue'), 'Arn'] },
          },
        ],
      },
    });
  });
});

describe('raw article store', () => {
  it('blocks public access, encrypts, enforces TLS and moves old objects to a cheaper class', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      LoggingConfiguration: Match.anyValue(),
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({
            Prefix: 'raw/',
            Transitions: [{ StorageClass: 'GLACIER_IR', TransitionInDays: 90 }],
          }),
        ]),
      },
    });
    for (const policy of Object.values(resources(template, 'AWS::S3::BucketPolicy'))) {
      expect(policy.Properties.PolicyDocument.Statement).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            Effect: 'Deny',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      );
    }
  });

  it('keeps buckets on stack deletion by default and removes them only when asked', () => {
    for (const bucket of Object.values(resources(template, 'AWS::S3::Bucket'))) {
      expect(bucket.DeletionPolicy).toBe('Retain');
    }
    const disposable = synthTemplate({ retainData: false });
    for (const bucket of Object.values(resources(disposable, 'AWS::S3::Bucket'))) {
      expect(bucket.DeletionPolicy).toBe('Delete');
    }
  });
});

describe('article table', () => {
  const tables = Object.values(resources(template, 'AWS::DynamoDB::Table'));
  const table = tables[0] as Resource;

  it('is the only table', () => expect(tables).toHaveLength(1));

  it('is on demand with point-in-time recovery, TTL and retained by default', () => {
    expect(table.Properties).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
    });
    expect(table.DeletionPolicy).toBe('Retain');
  });

  it('is deleted with the stack, with its logs, only when retainData is false', () => {
    const disposable = synthTemplate({ retainData: false });
    const [gone] = Object.values(resources(disposable, 'AWS::DynamoDB::Table'));
    expect(gone?.DeletionPolicy).toBe('Delete');
    expect(gone?.Properties.DeletionProtectionEnabled).toBe(false);
    expect(table.Properties.DeletionProtectionEnabled).toBe(true);
    for (const group of Object.values(resources(disposable, 'AWS::Logs::LogGroup'))) {
      expect(group.DeletionPolicy).toBe('Delete');
    }
    for (const group of Object.values(resources(template, 'AWS::Logs::LogGroup'))) {
      expect(group.DeletionPolicy).toBe('Retain');
    }
  });

  it('has exactly the indexes of the shared table design, story indexes projecting a summary under the 100-attribute cap', () => {
    const indexes = table.Properties.GlobalSecondaryIndexes as Array<Record<string, Cfn>>;
    expect(indexes.map((i) => i.IndexName).sort()).toEqual(ARTICLE_TABLE.indexes.map((i) => i.name).sort());
    for (const design of ARTICLE_TABLE.indexes) {
      const index = indexes.find((i) => i.IndexName === design.name);
      const keys: Array<{ AttributeName: string; KeyType: string }> = [
        { AttributeName: design.partitionKey, KeyType: 'HASH' },
      ];
      if ('sortKey' in design) keys.push({ AttributeName: design.sortKey, KeyType: 'RANGE' });
      const expected: Record<string, unknown> = {
        ProjectionType: { all: 'ALL', keys: 'KEYS_ONLY', summary: 'INCLUDE' }[design.projection],
      };
      expect(index).toMatchObject({ KeySchema: keys, Projection: expected });
      if (design.projection === 'summary') {
        const included =
          (index?.Projection as { NonKeyAttributes?: string[] } | undefined)?.NonKeyAttributes ?? [];
        expect(included).toEqual(expect.arrayContaining(['articleId', 'title', 'publishedAt']));
        expect(included).not.toContain('text');
      }
    }
    // DynamoDB allows 100 projected non-key attributes summed over all indexes.
    const projected = indexes.flatMap(
      (i) => (i.Projection as { NonKeyAttributes?: string[] }).NonKeyAttributes ?? [],
    );
    expect(projected.length).toBeLessThanOrEqual(100);
    for (const attribute of table.Properties.AttributeDefinitions) expect(attribute.AttributeType).toBe('S');
  });
});

describe('story events', () => {
  it('creates the custom bus and archives pipeline events', () => {
    template.hasResourceProperties('AWS::Events::EventBus', { Name: 'newswire' });
    template.hasResourceProperties('AWS::Events::Archive', {
      EventPattern: { source: ['newswire.pipeline'] },
      RetentionDays: 90,
    });
  });

  it('routes diplomatic stories to the subscriber queue with retries and a DLQ', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['newswire.pipeline'], 'detail-type': ['Diplomatic Story Detected'] },
      Targets: [
        {
          Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('SubscriberQueue'), 'Arn'] },
          RetryPolicy: { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 86400 },
          DeadLetterConfig: { Arn: Match.anyValue() },
          Id: Match.anyValue(),
        },
      ],
    });
  });

  it('builds the story e-mail only from fields of the published detail schema', () => {
    const schema = JSON.parse(
      fs.readFileSync(
        path.join(__dirname, '..', '..', 'schemas', 'diplomatic-story-detected.v1.json'),
        'utf8',
      ),
    );
    const [rule] = Object.values(resources(withEmails, 'AWS::Events::Rule'));
    const mail = ((rule?.Properties.Targets ?? []) as Cfn[]).find((t) => t.InputTransformer);
    const paths = Object.values(mail.InputTransformer.InputPathsMap) as string[];
    expect(paths.length).toBeGreaterThanOrEqual(5);
    for (const jsonPath of paths) {
      const [root, ...fields] = jsonPath.replace(/^\$\./, '').split('.');
      expect(root).toBe('detail');
      let node = schema;
      for (const field of fields) {
        node = node.properties?.[field];
        expect(node).toBeDefined();
      }
    }
  });

  it('adds an e-mail topic only when a story address is configured', () => {
    template.resourceCountIs('AWS::SNS::Subscription', 0);
    withEmails.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'desk@example.org',
    });
    const [rule] = Object.values(resources(withEmails, 'AWS::Events::Rule'));
    const targets = rule?.Properties.Targets as Array<Record<string, Cfn>>;
    expect(targets).toHaveLength(2);
    for (const target of targets) expect(target.DeadLetterConfig).toBeDefined();
  });
});

describe('IAM', () => {
  it('has no statement with a wildcard action', () => {
    const statements = policyStatements(withEmails);
    expect(statements.length).toBeGreaterThan(5);
    const wildcards = statements.flatMap(({ policy, statement }) =>
      actionsOf(statement)
        .filter((action) => action.includes('*'))
        .map((action) => `${policy}: ${action}`),
    );
    expect(wildcards).toEqual([]);
  });

  it('uses no AWS managed policy on the pipeline roles', () => {
    for (const fn of Object.values(pipelineFunctions(template))) {
      const role = resources(template, 'AWS::IAM::Role')[fn.Properties.Role['Fn::GetAtt'][0]];
      expect(role?.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });

  it('lets each stage do only its part with the bucket, queue and bus', () => {
    const dispatch = actionsOfFunction(template, 'dispatch-feeds');
    const poll = actionsOfFunction(template, 'poll-feed');
    const extract = actionsOfFunction(template, 'extract-article');
    expect(dispatch).toEqual(
      expect.arrayContaining(['sqs:SendMessage', 'events:PutEvents', 'dynamodb:Query']),
    );
    expect(dispatch).not.toContain('s3:PutObject');
    expect(poll).toEqual(expect.arrayContaining(['s3:PutObject', 'sqs:ReceiveMessage', 'sqs:DeleteMessage']));
    expect(poll).not.toContain('s3:GetObject');
    expect(poll).not.toContain('events:PutEvents');
    expect(extract).toEqual(expect.arrayContaining(['s3:GetObject', 'events:PutEvents', 'dynamodb:PutItem']));
    expect(extract).not.toContain('s3:PutObject');
  });

  it('scopes object access to the raw/ prefix of the bucket', () => {
    const s3Statements = policyStatements(template).filter(({ statement }) =>
      actionsOf(statement).some((a) => a === 's3:PutObject' || a === 's3:GetObject'),
    );
    expect(s3Statements).toHaveLength(2);
    for (const { statement } of s3Statements) {
      expect(JSON.stringify(statement.Resource)).toMatch(/\/raw\/\*/);
    }
  });
});

describe('monitoring', () => {
  const alarms = Object.values(resources(withEmails, 'AWS::CloudWatch::Alarm'));
  const byMetric = (metric: string) => alarms.filter((a) => a.Properties.MetricName === metric);

  it('alarms on every dead-letter queue, function errors and throttles, and queue age', () => {
    expect(byMetric('ApproximateNumberOfMessagesVisible')).toHaveLength(5);
    expect(byMetric('Errors')).toHaveLength(3);
    expect(byMetric('Throttles')).toHaveLength(3);
    expect(byMetric('ApproximateAgeOfOldestMessage')).toHaveLength(2);
    expect(byMetric(PIPELINE_METRICS.eventPublishFailures)).toHaveLength(1);
  });

  it('has a DLQ alarm for every queue that is a dead-letter target', () => {
    const queues = resources(withEmails, 'AWS::SQS::Queue');
    const deadLetterIds = Object.keys(queues).filter((id) => /DeadLetters/.test(id));
    const watched = byMetric('ApproximateNumberOfMessagesVisible').map(
      (a) => a.Properties.Dimensions[0].Value['Fn::GetAtt'][0],
    );
    expect(watched.sort()).toEqual(deadLetterIds.sort());
  });

  it('notifies the alarm topic, which mails the alert address', () => {
    for (const alarm of alarms) {
      expect(alarm.Properties.AlarmActions).toEqual([{ Ref: expect.stringMatching(/AlarmTopic/) }]);
    }
    withEmails.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.org',
    });
  });

  it("lets only this account's alarms publish to the alarm topic, over TLS", () => {
    const policies = Object.values(resources(template, 'AWS::SNS::TopicPolicy'));
    expect(policies).toHaveLength(1);
    const statements = policies[0]?.Properties.PolicyDocument.Statement as Cfn[];
    expect(statements).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Effect: 'Allow',
          Principal: { Service: 'cloudwatch.amazonaws.com' },
          Action: 'sns:Publish',
          Condition: expect.objectContaining({
            StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
          }),
        }),
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      ]),
    );
  });

  it('charts every metric the handlers emit', () => {
    const dir = path.join(__dirname, '..', '..', 'lambdas', 'handlers');
    const emitted = new Set<string>();
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      for (const m of source.matchAll(/addMetric\(\s*'([A-Za-z]+)'/g)) if (m[1]) emitted.add(m[1]);
    }
    expect(emitted.size).toBeGreaterThanOrEqual(5);
    expect(Object.values(PIPELINE_METRICS)).toEqual(expect.arrayContaining([...emitted]));
  });

  it('shows every pipeline counter on the dashboard', () => {
    const [dashboard] = Object.values(resources(template, 'AWS::CloudWatch::Dashboard'));
    const body = JSON.stringify(dashboard?.Properties.DashboardBody);
    for (const metric of Object.values(PIPELINE_METRICS)) {
      expect(body).toContain(`\\"Newswire\\",\\"${metric}\\",\\"service\\",\\"newswire\\"`);
    }
  });
});
