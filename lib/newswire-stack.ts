import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { ArticleExtraction } from './article-extraction';
import { ArticleTable } from './article-table';
import type { DeployConfig } from './config';
import { FeedPolling } from './feed-polling';
import { Monitoring } from './monitoring';
import { RawArticleStore } from './raw-article-store';
import { StoryEvents } from './story-events';

const S3_LOGS_USE_BUCKET_POLICY = '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy';

/** CloudWatch namespace of the pipeline metrics; the dashboard and the handlers must agree on it. */
export const METRICS_NAMESPACE = 'Newswire';

export interface NewswireStackProps extends StackProps {
  readonly config: DeployConfig;
  /** Feed list, relative to the repository root; copied into the dispatch bundle. @default config/feeds.json */
  readonly feedListFile?: string;
}

/** The whole pipeline: stateful stores first, then the stages that use them, then monitoring. */
export class NewswireStack extends Stack {
  public readonly rawStore: RawArticleStore;
  public readonly articles: ArticleTable;
  public readonly storyEvents: StoryEvents;
  public readonly feedPolling: FeedPolling;
  public readonly extraction: ArticleExtraction;
  public readonly monitoring: Monitoring;

  constructor(scope: Construct, id: string, props: NewswireStackProps) {
    super(scope, id, props);
    // The access-log bucket grants S3 logging by bucket policy, not ACLs; set here so the stack does not
    // depend on cdk.json being read (tests and direct runs of bin/ do not read it).
    this.node.setContext(S3_LOGS_USE_BUCKET_POLICY, true);
    const { config } = props;
    const logs_ = {
      logRetention: config.logRetentionDays as logs.RetentionDays,
      logLevel: config.logLevel,
      logRemovalPolicy: config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    };

    this.rawStore = new RawArticleStore(this, 'RawArticles', {
      archiveAfterDays: config.raw.archiveAfterDays,
      expireAfterDays: config.raw.expireAfterDays,
      accessLogRetentionDays: config.raw.accessLogRetentionDays,
      retainData: config.retainData,
    });
    this.articles = new ArticleTable(this, 'Articles', { retainData: config.retainData });
    this.storyEvents = new StoryEvents(this, 'StoryEvents', {
      eventBusName: config.eventBusName,
      archiveRetentionDays: config.events.archiveRetentionDays,
      targetRetryAttempts: config.events.targetRetryAttempts,
      targetMaxEventAge: Duration.hours(config.events.targetMaxEventAgeHours),
      storyEmail: config.storyEmail,
    });

    const environment = {
      TABLE_NAME: this.articles.table.tableName,
      RAW_BUCKET: this.rawStore.bucket.bucketName,
      EVENT_BUS_NAME: this.storyEvents.bus.eventBusName,
      USER_AGENT: config.userAgent,
      POWERTOOLS_SERVICE_NAME: config.serviceName,
      POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
    };

    this.feedPolling = new FeedPolling(this, 'FeedPolling', {
      table: this.articles.table,
      rawBucket: this.rawStore.bucket,
      bus: this.storyEvents.bus,
      environment,
      schedule: config.dispatchSchedule,
      feedListFile: props.feedListFile ?? 'config/feeds.json',
      dispatch: config.functions.dispatch,
      poll: config.functions.poll,
      ...logs_,
    });
    this.extraction = new ArticleExtraction(this, 'Extraction', {
      table: this.articles.table,
      rawBucket: this.rawStore.bucket,
      bus: this.storyEvents.bus,
      environment,
      extract: config.functions.extract,
      ...logs_,
    });

    this.monitoring = new Monitoring(this, 'Monitoring', {
      serviceName: config.serviceName,
      metricsNamespace: METRICS_NAMESPACE,
      alertEmail: config.alertEmail,
      dashboardName: `${config.stackName}-pipeline`,
      functions: [
        { label: 'DispatchFeeds', function: this.feedPolling.dispatchFunction.function },
        { label: 'PollFeed', function: this.feedPolling.pollFunction.function },
        { label: 'ExtractArticle', function: this.extraction.extractFunction.function },
      ],
      workQueues: [
        {
          label: 'Poll',
          queue: this.feedPolling.pollQueue.queue,
          maxAge: Duration.minutes(config.alarms.pollQueueMaxAgeMinutes),
        },
        {
          label: 'Extract',
          queue: this.extraction.extractQueue.queue,
          maxAge: Duration.minutes(config.alarms.extractQueueMaxAgeMinutes),
        },
      ],
      deadLetterQueues: [
        { label: 'Dispatch', queue: this.feedPolling.dispatchDeadLetters },
        { label: 'Poll', queue: this.feedPolling.pollQueue.deadLetterQueue },
        { label: 'Extract', queue: this.extraction.extractQueue.deadLetterQueue },
        { label: 'StoryDelivery', queue: this.storyEvents.deliveryDeadLetters },
        { label: 'Subscriber', queue: this.storyEvents.subscriberQueue.deadLetterQueue },
      ],
    });

    new CfnOutput(this, 'TableName', { value: this.articles.table.tableName });
    new CfnOutput(this, 'RawBucketName', { value: this.rawStore.bucket.bucketName });
    new CfnOutput(this, 'EventBusName', { value: this.storyEvents.bus.eventBusName });
    new CfnOutput(this, 'SubscriberQueueUrl', { value: this.storyEvents.subscriberQueue.queue.queueUrl });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.monitoring.alarmTopic.topicArn });
    new CfnOutput(this, 'DashboardName', { value: this.monitoring.dashboard.dashboardName });
  }
}
