/**
 * Local stand-in for EventBridge: appends each event, in the shape EventBridge would deliver it, to a JSON-lines
 * file and tells the terminal. Same interface as the EventBridge publisher.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DiplomaticStoryDetected } from '../../core/model';
import type { StoryEventPublisher } from '../../core/ports';
import { DETAIL_TYPE, EVENT_SOURCE } from './eventbridge-publisher';

/** Writes story events to a JSON-lines file (one EventBridge-shaped envelope per line). */
export class JsonLinesStoryPublisher implements StoryEventPublisher {
  constructor(
    readonly path: string,
    private readonly announce: (line: string) => void = () => {},
  ) {
    mkdirSync(dirname(path), { recursive: true });
  }

  async publish(events: readonly DiplomaticStoryDetected[]): Promise<void> {
    for (const detail of events) {
      const envelope = {
        source: EVENT_SOURCE,
        'detail-type': DETAIL_TYPE,
        time: detail.detectedAt,
        resources: [detail.url],
        detail,
      };
      appendFileSync(this.path, `${JSON.stringify(envelope)}\n`);
      this.announce(
        `event: ${DETAIL_TYPE} ${detail.dyad ?? '-'} ${detail.eventType.plover} "${detail.title}"`,
      );
    }
  }
}
