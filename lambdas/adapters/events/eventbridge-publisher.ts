/**
 * EventBridge adapter: publishes `Diplomatic Story Detected` events in calls of at most ten entries, retries the
 * entries EventBridge reports as failed, and throws when some still fail, so the caller keeps them pending.
 */
import {
  type EventBridgeClient,
  PutEventsCommand,
  type PutEventsRequestEntry,
} from '@aws-sdk/client-eventbridge';
import type { DiplomaticStoryDetected } from '../../core/model';
import type { StoryEventPublisher } from '../../core/ports';

export const EVENT_SOURCE = 'newswire.pipeline';
export const DETAIL_TYPE = 'Diplomatic Story Detected';
const MAX_ENTRIES_PER_CALL = 10;

/** Raised when some events could not be delivered after every retry. */
export class EventPublishError extends Error {
  constructor(
    message: string,
    readonly failedStoryIds: readonly string[],
  ) {
    super(message);
    this.name = 'EventPublishError';
  }
}

/** Publishes story events to an EventBridge bus. */
export class EventBridgeStoryPublisher implements StoryEventPublisher {
  constructor(
    private readonly client: EventBridgeClient,
    private readonly busName: string,
    private readonly options: { maxAttempts?: number; baseDelayMs?: number } = {},
  ) {}

  async publish(events: readonly DiplomaticStoryDetected[]): Promise<void> {
    const failed: string[] = [];
    const errors: string[] = [];
    for (let i = 0; i < events.length; i += MAX_ENTRIES_PER_CALL) {
      const chunk = events.slice(i, i + MAX_ENTRIES_PER_CALL);
      const left = await this.publishChunk(chunk, errors);
      failed.push(...left.map((e) => e.storyId));
    }
    if (failed.length > 0) {
      throw new EventPublishError(
        `EventBridge rejected ${failed.length} of ${events.length} events after retries: ${[...new Set(errors)].join('; ')}`,
        failed,
      );
    }
  }

  private async publishChunk(
    chunk: readonly DiplomaticStoryDetected[],
    errors: string[],
  ): Promise<DiplomaticStoryDetected[]> {
    const maxAttempts = this.options.maxAttempts ?? 4;
    let pending = [...chunk];
    for (let attempt = 1; attempt <= maxAttempts && pending.length > 0; attempt++) {
      if (attempt > 1) await sleep((this.options.baseDelayMs ?? 100) * 2 ** (attempt - 2));
      const entries: PutEventsRequestEntry[] = pending.map((detail) => ({
        EventBusName: this.busName,
        Source: EVENT_SOURCE,
        DetailType: DETAIL_TYPE,
        Detail: JSON.stringify(detail),
        Resources: [detail.url],
        Time: new Date(detail.detectedAt),
      }));
      const result = await this.client.send(new PutEventsCommand({ Entries: entries }));
      if (!result.FailedEntryCount) return [];
      // Entries come back in request order; keep the ones that carry an error code.
      const next: DiplomaticStoryDetected[] = [];
      (result.Entries ?? []).forEach((entry, index) => {
        const event = pending[index];
        if (entry.ErrorCode && event) {
          next.push(event);
          errors.push(`${entry.ErrorCode}: ${entry.ErrorMessage ?? ''}`.trim());
        }
      });
      pending = next;
    }
    return pending;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
