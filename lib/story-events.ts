import { Duration, Validations } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DeadLetterQueue, WorkQueue } from './queues';

/** The event the extractor raises for each new diplomatic story (schemas/ holds its detail schema). */
export const STORY_EVENT = {
  source: 'newswire.pipeline',
  detailType: 'Diplomatic Story Detected',
} as const;

export interface StoryEventsProps {
  /** Name of the custom bus. @default newswire */
  readonly eventBusName?: string;
  /** Days the archive keeps events for replay. @default 90 */
  readonly archiveRetentionDays?: number;
  /** Delivery attempts of the rule targets before an event goes to the dead-letter queue. @default 8 */
  readonly targetRetryAttempts?: number;
  /** How long the rule targets keep trying one event. @default 24 hours */
  readonly targetMaxEventAge?: Duration;
  /** When set, stories are also mailed to this address through an SNS topic. @default no topic */
  readonly storyEmail?: string;
}

/**
 * The custom bus stories are raised on, its archive for replay, and an example subscription: a rule that
 * delivers every diplomatic story to a subscriber queue and, when configured, to an e-mail topic.
 */
export class StoryEvents extends Construct {
  public readonly bus: events.EventBus;
  public readonly archive: events.Archive;
  public readonly rule: events.Rule;
  /** Subscribers read stories from here (with its own dead-letter queue for failed processing). */
  public readonly subscriberQueue: WorkQueue;
  /** Events the rule could not deliver to a target after its retries. */
  public readonly deliveryDeadLetters: sqs.IQueue;
  public readonly storyTopic?: sns.Topic;

  constructor(scope: Construct, id: string, props: StoryEventsProps = {}) {
    super(scope, id);

    this.bus = new events.EventBus(this, 'Bus', { eventBusName: props.eventBusName ?? 'newswire' });
    this.archive = this.bus.archive('Archive', {
      description: 'Every pipeline event, for replay to new or repaired subscribers',
      eventPattern: { source: [STORY_EVENT.source] },
      retention: Duration.days(props.archiveRetentionDays ?? 90),
    });

    this.rule = new events.Rule(this, 'DiplomaticStories', {
      eventBus: this.bus,
      description: 'Delivers each new diplomatic story to its subscribers',
      eventPattern: { source: [STORY_EVENT.source], detailType: [STORY_EVENT.detailType] },
    });

    this.deliveryDeadLetters = new DeadLetterQueue(this, 'DeliveryDeadLetters', {
      holds: 'story events the rule could not deliver',
    });
    const delivery = {
      deadLetterQueue: this.deliveryDeadLetters,
      retryAttempts: props.targetRetryAttempts ?? 8,
      maxEventAge: props.targetMaxEventAge ?? Duration.hours(24),
    };

    // Visibility for a consumer we do not own: five minutes is a common processing budget.
    this.subscriberQueue = new WorkQueue(this, 'Subscriber', {
      visibilityTimeout: Duration.minutes(5),
      maxReceiveCount: 5,
      retentionPeriod: Duration.days(14),
    });
    this.rule.addTarget(new targets.SqsQueue(this.subscriberQueue.queue, delivery));

    if (props.storyEmail) {
      this.storyTopic = new sns.Topic(this, 'StoryTopic', {
        displayName: 'Newswire diplomatic stories',
        enforceSSL: true,
      });
      Validations.of(this.storyTopic).acknowledge({
        id: 'AwsSolutions-SNS2',
        reason:
          'Story summaries are public news; EventBridge can only publish to a KMS-encrypted topic with a ' +
          'customer-managed key, which would add a key charge for no confidentiality gain.',
      });
      this.storyTopic.addSubscription(new subscriptions.EmailSubscription(props.storyEmail));
      this.rule.addTarget(
        new targets.SnsTopic(this.storyTopic, {
          ...delivery,
          // A readable mail; the full detail (schemas/diplomatic-story-detected.v1.json) stays on the queue.
          message: events.RuleTargetInput.fromText(
            [
              `${events.EventField.fromPath('$.detail.title')}`,
              `${events.EventField.fromPath('$.detail.publisher')}, published ${events.EventField.fromPath('$.detail.publishedAt')}`,
              `${events.EventField.fromPath('$.detail.url')}`,
              `Event type ${events.EventField.fromPath('$.detail.eventType.plover')}, dyad ${events.EventField.fromPath('$.detail.dyad')}`,
              `Story id ${events.EventField.fromPath('$.detail.storyId')}`,
            ].join('\n'),
          ),
        }),
      );
    }
  }
}
