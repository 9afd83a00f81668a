import { Duration, type RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as events from 'aws-cdk-lib/aws-events';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import { Construct } from 'constructs';
import type { LogLevel, QueueConsumerSettings } from './config';
import { PipelineFunction } from './pipeline-function';
import { visibilityFor, WorkQueue } from './queues';
import { RAW_PREFIX } from './raw-article-store';

/** The object whose creation marks a raw article complete: it is written after its page.html.gz. */
export const RAW_ITEM_SUFFIX = '/item.json';

/** Short window so a burst of new items from one poll reaches the extractor as one batch. */
const BATCHING_WINDOW = Duration.seconds(5);

export interface ArticleExtractionProps {
  readonly table: dynamodb.ITable;
  readonly rawBucket: s3.IBucket;
  readonly bus: events.IEventBus;
  /** Environment shared by all pipeline functions. */
  readonly environment: Readonly<Record<string, string>>;
  readonly extract: QueueConsumerSettings;
  readonly logRetention: logs.RetentionDays;
  readonly logLevel: LogLevel;
  readonly logRemovalPolicy: RemovalPolicy;
}

/**
 * Extraction: each new raw `item.json` in S3 is announced on the extract queue; `extract-article` reads the
 * raw copy, writes the article and its index items to the table and raises the story event.
 */
export class ArticleExtraction extends Construct {
  public readonly extractFunction: PipelineFunction;
  public readonly extractQueue: WorkQueue;

  constructor(scope: Construct, id: string, props: ArticleExtractionProps) {
    super(scope, id);
    const timeout = Duration.seconds(props.extract.timeoutSeconds);

    this.extractQueue = new WorkQueue(this, 'ExtractQueue', {
      visibilityTimeout: visibilityFor(timeout, BATCHING_WINDOW),
      maxReceiveCount: props.extract.maxReceiveCount,
    });
    props.rawBucket.addEventNotification(
      s3.EventType.OBJECT_CREATED,
      new s3n.SqsDestination(this.extractQueue.queue),
      { prefix: RAW_PREFIX, suffix: RAW_ITEM_SUFFIX },
    );
    acknowledgeNotificationHandler(Stack.of(this));

    this.extractFunction = new PipelineFunction(this, 'Extract', {
      entry: 'lambdas/handlers/extract-article.ts',
      description: 'Newswire extract-article: metadata, places, people and diplomatic classification',
      memoryMb: props.extract.memoryMb,
      timeout,
      reservedConcurrency: props.extract.reservedConcurrency,
      logRetention: props.logRetention,
      logLevel: props.logLevel,
      logRemovalPolicy: props.logRemovalPolicy,
      environment: { ...props.environment },
    });
    const extract = this.extractFunction.function;
    this.extractFunction.grantTableReadWrite(props.table);
    // Reads the raw copy only; it never writes to the bucket.
    this.extractFunction.grantObjects(props.rawBucket, 's3:GetObject', RAW_PREFIX);
    props.bus.grantPutEventsTo(extract);
    extract.addEventSource(
      new SqsEventSource(this.extractQueue.queue, {
        batchSize: props.extract.batchSize,
        maxBatchingWindow: BATCHING_WINDOW,
        maxConcurrency: props.extract.maxConcurrency,
        reportBatchItemFailures: true,
      }),
    );
  }
}

/** The id CDK gives its singleton bucket-notification custom resource handler. */
const NOTIFICATION_HANDLER_ID = 'BucketNotificationsHandler050a0587b7544547bf325f094a3db834';

/** CDK's own handler that configures bucket notifications; its role is not ours to shape. */
function acknowledgeNotificationHandler(stack: Stack): void {
  const handler = stack.node.tryFindChild(NOTIFICATION_HANDLER_ID);
  if (!handler) return;
  Validations.of(handler).acknowledge(
    {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        'CDK-provided handler that sets the bucket notification once at deploy time; its role is fixed by CDK.',
    },
    {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 's3:PutBucketNotification is granted by CDK on "*" for its deploy-time notification handler.',
    },
  );
}
