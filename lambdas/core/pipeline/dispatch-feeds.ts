/**
 * The dispatch stage: find the feeds whose next poll time has come and queue one poll request for each,
 * spread so that feeds on one host are not fetched together.
 */
import { planPolls } from '../feeds/dispatch-plan';
import type { FeedConfig } from '../model';
import type { Clock, FeedRegistry, PollQueue, PollRequest } from '../ports';

/** What the dispatch stage needs from the outside world. */
export interface DispatchFeedsDeps {
  readonly registry: FeedRegistry;
  readonly queue: PollQueue;
  readonly clock: Clock;
}

/** Dispatch tuning; the defaults suit a 15-minute schedule. */
export interface DispatchOptions {
  /** At most this many feeds per run; the rest stay due for the next run. */
  readonly maxFeeds?: number;
  /** Minimum gap between two polls of feeds on the same host. */
  readonly minHostGapSeconds?: number;
}

/** Queues a poll request for every feed that is due. */
export async function dispatchFeeds(
  deps: DispatchFeedsDeps,
  options: DispatchOptions = {},
): Promise<{ due: number; requests: PollRequest[] }> {
  const now = deps.clock.now();
  const due = await deps.registry.listDue(now, options.maxFeeds ?? 5000);
  const dispatchedAt = now.toISOString();
  const requests = planPolls(due, { minHostGapSeconds: options.minHostGapSeconds ?? 5 }).map((r) => ({
    ...r,
    dispatchedAt,
  }));
  await deps.queue.send(requests);
  return { due: due.length, requests };
}

/** Checks a feed list read from configuration and returns it typed; throws naming the first bad entry. */
export function parseFeedList(json: unknown, origin: string): FeedConfig[] {
  if (!Array.isArray(json)) throw new Error(`${origin}: expected a JSON array of feeds`);
  const ids = new Set<string>();
  return json.map((entry, index) => {
    const e = entry as Partial<FeedConfig> | null;
    if (!e || typeof e.id !== 'string' || !/^[a-z0-9][a-z0-9._-]*$/i.test(e.id)) {
      throw new Error(`${origin}[${index}]: 'id' must be a short name of letters, digits, '.', '_' or '-'`);
    }
    if (ids.has(e.id)) throw new Error(`${origin}[${index}]: duplicate feed id '${e.id}'`);
    ids.add(e.id);
    if (typeof e.url !== 'string' || !/^https?:\/\//i.test(e.url))
      throw new Error(`${origin}[${index}] (${e.id}): 'url' must be an http(s) URL`);
    if (typeof e.publisher !== 'string' || !e.publisher.trim())
      throw new Error(`${origin}[${index}] (${e.id}): 'publisher' is required`);
    if (e.language !== undefined && typeof e.language !== 'string')
      throw new Error(`${origin}[${index}] (${e.id}): 'language' must be a string`);
    return {
      id: e.id,
      url: e.url,
      publisher: e.publisher.trim(),
      ...(e.language ? { language: e.language } : {}),
    };
  });
}
