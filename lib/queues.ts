import { Duration, Validations } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** Dead letters are kept as long as SQS allows, to give an operator two weeks to look and redrive. */
const DEAD_LETTER_RETENTION = Duration.days(14);

/** Properties every queue of the stack shares: SSE-SQS encryption (S3 and EventBridge can send to it), TLS only. */
const SECURE_QUEUE: sqs.QueueProps = {
  encryption: sqs.QueueEncryption.SQS_MANAGED,
  enforceSSL: true,
};

/** SQS visibility must cover six runs of the function (plus its batching window), as Lambda recommends. */
export function visibilityFor(timeout: Duration, batchingWindow = Duration.seconds(0)): Duration {
  return Duration.seconds(6 * timeout.toSeconds() + batchingWindow.toSeconds());
}

export interface DeadLetterQueueProps {
  /** What fails into this queue, for the reason recorded with the cdk-nag acknowledgement. */
  readonly holds: string;
}

/** A queue that receives what another edge (queue, schedule or rule target) could not deliver. */
export class DeadLetterQueue extends sqs.Queue {
  constructor(scope: Construct, id: string, props: DeadLetterQueueProps) {
    super(scope, id, { ...SECURE_QUEUE, retentionPeriod: DEAD_LETTER_RETENTION });
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: `This queue is itself a dead-letter queue (${props.holds}); a DLQ of a DLQ would only move the problem.`,
    });
  }
}

export interface WorkQueueProps {
  /** At least six times the consuming function's timeout, so a slow batch is not delivered twice. */
  readonly visibilityTimeout: Duration;
  /** Receives before a message is moved to the dead-letter queue. */
  readonly maxReceiveCount: number;
  /** @default 4 days */
  readonly retentionPeriod?: Duration;
}

/** A queue feeding a Lambda function, with its dead-letter queue. */
export class WorkQueue extends Construct {
  public readonly queue: sqs.Queue;
  public readonly deadLetterQueue: DeadLetterQueue;

  constructor(scope: Construct, id: string, props: WorkQueueProps) {
    super(scope, id);
    this.deadLetterQueue = new DeadLetterQueue(this, 'DeadLetters', { holds: `messages ${id} gave up on` });
    this.queue = new sqs.Queue(this, 'Queue', {
      ...SECURE_QUEUE,
      visibilityTimeout: props.visibilityTimeout,
      retentionPeriod: props.retentionPeriod ?? Duration.days(4),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: props.maxReceiveCount },
    });
  }
}
