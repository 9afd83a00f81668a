/** SQS adapter for the poll queue: one message per feed, delayed to spread feeds of one host. */
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { PollQueue, PollRequest } from '../../core/ports';

const MAX_BATCH = 10;
const MAX_DELAY_SECONDS = 900;

/** Sends poll requests to SQS in batches of ten, failing loudly on any entry SQS refuses. */
export class SqsPollQueue implements PollQueue {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async send(requests: readonly PollRequest[]): Promise<void> {
    for (let i = 0; i < requests.length; i += MAX_BATCH) {
      const chunk = requests.slice(i, i + MAX_BATCH);
      const result = await this.sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: this.queueUrl,
          Entries: chunk.map((request, index) => ({
            Id: String(index),
            MessageBody: JSON.stringify(request),
            DelaySeconds: Math.max(0, Math.min(MAX_DELAY_SECONDS, Math.round(request.delaySeconds))),
          })),
        }),
      );
      if (result.Failed && result.Failed.length > 0) {
        const detail = result.Failed.map(
          (f) => `${chunk[Number(f.Id)]?.feedId}: ${f.Code} ${f.Message ?? ''}`,
        ).join('; ');
        throw new Error(`SQS refused ${result.Failed.length} poll requests: ${detail}`);
      }
    }
  }
}
