import { Duration, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as schedulerTargets from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import type { FunctionSettings, LogLevel, QueueConsumerSettings } from './config';
import { acknowledgeWildcardResource, nagArn } from './nag';
import { PipelineFunction } from './pipeline-function';
import { DeadLetterQueue, visibilityFor, WorkQueue } from './queues';
import { RAW_PREFIX } from './raw-article-store';

/** Where the feed list is copied inside the dispatch bundle; FEED_LIST_PATH is relative to the bundle root. */
export const BUNDLED_FEED_LIST = 'feeds.json';

export interface FeedPollingProps {
  readonly table: dynamodb.ITable;
  readonly rawBucket: s3.IBucket;
  /** Dispatch republishes story events left pending by an extractor that died before publishing. */
  readonly bus: events.IEventBus;
  /** Environment shared by all pipeline functions (table, bucket, bus, Powertools settings). */
  readonly environment: Readonly<Record<string, string>>;
  /** When dispatch runs, e.g. `rate(5 minutes)`. */
  readonly schedule: string;
  /** Feed list file, relative to the repository root, copied into the dispatch bundle. */
  readonly feedListFile: string;
  readonly dispatch: FunctionSettings;
  readonly poll: QueueConsumerSettings;
  readonly logRetention: logs.RetentionDays;
  readonly logLevel: LogLevel;
  readonly logRemovalPolicy: RemovalPolicy;
}

/**
 * Feed polling: a schedule runs `dispatch-feeds`, which queues each feed that is due (with jitter as
 * DelaySeconds); `poll-feed` takes them from the poll queue, fetches feeds and new article pages and
 * writes raw copies to S3.
 */
export class FeedPolling extends Construct {
  public readonly dispatchFunction: PipelineFunction;
  public readonly pollFunction: PipelineFunction;
  public readonly pollQueue: WorkQueue;
  public readonly schedule: scheduler.Schedule;
  /** Dispatch runs that failed: schedule deliveries that could not invoke, and invocations that kept failing. */
  public readonly dispatchDeadLetters: DeadLetterQueue;

  constructor(scope: Construct, id: string, props: FeedPollingProps) {
    super(scope, id);
    const pollTimeout = Duration.seconds(props.poll.timeoutSeconds);

    this.pollQueue = new WorkQueue(this, 'PollQueue', {
      visibilityTimeout: visibilityFor(pollTimeout),
      maxReceiveCount: props.poll.maxReceiveCount,
    });

    this.dispatchFunction = new PipelineFunction(this, 'Dispatch', {
      entry: 'lambdas/handlers/dispatch-feeds.ts',
      description: 'Newswire dispatch-feeds: queues due feeds, republishes pending story events',
      memoryMb: props.dispatch.memoryMb,
      timeout: Duration.seconds(props.dispatch.timeoutSeconds),
      logRetention: props.logRetention,
      logLevel: props.logLevel,
      logRemovalPolicy: props.logRemovalPolicy,
      environment: {
        ...props.environment,
        POLL_QUEUE_URL: this.pollQueue.queue.queueUrl,
        FEED_LIST_PATH: BUNDLED_FEED_LIST,
      },
      bundleFiles: [[props.feedListFile, BUNDLED_FEED_LIST]],
      reservedConcurrency: props.dispatch.reservedConcurrency,
    });
    const dispatch = this.dispatchFunction.function;
    this.dispatchFunction.grantTableReadWrite(props.table);
    this.pollQueue.queue.grantSendMessages(dispatch);
    props.bus.grantPutEventsTo(dispatch);

    this.dispatchDeadLetters = new DeadLetterQueue(this, 'DispatchDeadLetters', {
      holds: 'dispatch runs the schedule could not start or that failed after retries',
    });
    // The schedule invokes asynchronously, so a failing run is retried by Lambda and then parked here.
    dispatch.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.minutes(15),
      onFailure: new destinations.SqsDestination(this.dispatchDeadLetters),
    });

    const schedulerRole = new iam.Role(this, 'SchedulerRole', {
      // Only schedules of this account may use the role (confused-deputy guard).
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
      description: 'Lets the dispatch schedule invoke dispatch-feeds and park failed deliveries',
    });
    acknowledgeWildcardResource(
      schedulerRole,
      `${nagArn(dispatch)}:*`,
      'lambda:InvokeFunction on the dispatch function and its versions/aliases, as the scheduler target grants it.',
    );
    this.schedule = new scheduler.Schedule(this, 'Schedule', {
      description: 'Runs dispatch-feeds, which queues the feeds that are due',
      schedule: scheduler.ScheduleExpression.expression(props.schedule),
      target: new schedulerTargets.LambdaInvoke(dispatch, {
        role: schedulerRole,
        retryAttempts: 2,
        maxEventAge: Duration.minutes(15),
        deadLetterQueue: this.dispatchDeadLetters,
      }),
    });

    this.pollFunction = new PipelineFunction(this, 'Poll', {
      entry: 'lambdas/handlers/poll-feed.ts',
      description: 'Newswire poll-feed: fetches one feed per message, stores new article pages in S3',
      memoryMb: props.poll.memoryMb,
      timeout: pollTimeout,
      reservedConcurrency: props.poll.reservedConcurrency,
      logRetention: props.logRetention,
      logLevel: props.logLevel,
      logRemovalPolicy: props.logRemovalPolicy,
      environment: { ...props.environment },
    });
    const poll = this.pollFunction.function;
    this.pollFunction.grantTableReadWrite(props.table);
    // Only writes, only under raw/: the poller never reads or deletes stored pages.
    this.pollFunction.grantObjects(props.rawBucket, 's3:PutObject', RAW_PREFIX);
    poll.addEventSource(
      new SqsEventSource(this.pollQueue.queue, {
        batchSize: props.poll.batchSize,
        maxConcurrency: props.poll.maxConcurrency,
        reportBatchItemFailures: true,
      }),
    );
  }
}
