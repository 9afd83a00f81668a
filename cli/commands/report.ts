/** Shared rendering of story rows for the terminal. */
import type { ExtractReport } from '../../lambdas/core/pipeline/extract-story';

export const STORY_HEADERS = ['title', 'publisher', 'diplomatic', 'dyad', 'event type'] as const;

/** Rows of the story table from extraction reports. */
export function storyRows(stories: readonly ExtractReport[]): string[][] {
  return [...stories]
    .sort((a, b) => Number(b.diplomatic) - Number(a.diplomatic) || a.title.localeCompare(b.title))
    .map((s) => [
      s.title,
      s.publisher,
      s.diplomatic ? 'yes' : 'no',
      s.dyad ?? '-',
      s.eventType && s.diplomatic ? s.eventType : '-',
    ]);
}
