/**
 * The feed state machine: when to poll a feed next, and when to stop.
 * - Success: an adaptive interval from the feed's observed publishing rate (half the typical gap between its
 *   items, so a new item waits on average a quarter of a gap), bounded to 5 minutes .. 24 hours and never
 *   sooner than the feed's `<ttl>` or `Cache-Control: max-age` ask.
 * - Failure: exponential backoff with jitter (so feeds that fail together do not retry in lockstep), at least
 *   what `Retry-After` asks on 429/503; parked after `MAX_CONSECUTIVE_FAILURES` failures or at once on 410 Gone.
 * - A permanent redirect (every hop 301/308) moves `currentUrl`; the configured `url` is never changed.
 */
import type { FeedConfig, FeedState } from '../model';

/** What one poll found, as the poll use case reports it to `afterPoll`. */
export type PollOutcome =
  | {
      kind: 'fetched';
      status: 200 | 304;
      etag?: string;
      lastModified?: string;
      permanentUrl?: string;
      ttlMinutes?: number;
      maxAgeSeconds?: number;
      /** Publication times (ISO) of the items in the document; empty on 304. */
      itemTimes: string[];
      newItems: number;
    }
  | {
      kind: 'failed';
      status?: number;
      code: string;
      message: string;
      retryAfterSeconds?: number;
      permanentUrl?: string;
    };

export const MIN_INTERVAL_SECONDS = 5 * 60;
export const MAX_INTERVAL_SECONDS = 24 * 60 * 60;
/** Interval of a feed never polled yet: frequent enough to learn its rhythm quickly. */
export const DEFAULT_INTERVAL_SECONDS = 15 * 60;
/** Consecutive failures after which a feed is parked until someone resumes it. */
export const MAX_CONSECUTIVE_FAILURES = 8;
/** First retry delay after a failure; doubles with each further failure. */
export const BACKOFF_BASE_SECONDS = 5 * 60;
/** A `Retry-After` is honoured up to this long; beyond it the server is more likely wrong than serious. */
export const MAX_RETRY_AFTER_SECONDS = 7 * 24 * 60 * 60;
/** How many recent item times are kept to estimate the publishing rate. */
export const RECENT_ITEM_TIMES = 30;
/** Only items published within this window count towards the rate. */
const RATE_WINDOW_MS = 14 * 24 * 60 * 60 * 1000;

const addSeconds = (now: Date, seconds: number) =>
  new Date(now.getTime() + Math.round(seconds * 1000)).toISOString();
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

type MutableState = { -readonly [K in keyof FeedState]: FeedState[K] };

/** The state of a newly registered feed: due now, no validators, default interval. */
export function initialFeedState(config: FeedConfig, now: Date): FeedState {
  const state: MutableState = {
    id: config.id,
    url: config.url,
    publisher: config.publisher,
    currentUrl: config.url,
    nextPollAt: now.toISOString(),
    consecutiveFailures: 0,
    intervalSeconds: DEFAULT_INTERVAL_SECONDS,
    itemsSeen: 0,
  };
  if (config.language) state.language = config.language;
  return state;
}

/** Merges item times into the recent list: valid, not in the future, newest first, deduplicated, bounded. */
function mergeTimes(previous: readonly string[] | undefined, fresh: readonly string[], now: Date): string[] {
  const limit = now.getTime() + 60 * 60 * 1000; // an hour of clock skew is tolerated
  const ms = new Set<number>();
  for (const t of [...(previous ?? []), ...fresh]) {
    const v = Date.parse(t);
    if (Number.isFinite(v) && v <= limit) ms.add(v);
  }
  return [...ms]
    .sort((a, b) => b - a)
    .slice(0, RECENT_ITEM_TIMES)
    .map((v) => new Date(v).toISOString());
}

/**
 * The interval the publishing rate suggests, in seconds, before bounds: half the mean gap between recent items;
 * for a feed that has gone quiet, half the time since its last item; unchanged when there are no dates at all.
 */
export function estimateInterval(
  times: readonly string[],
  previousSeconds: number,
  now: Date,
  newItems = 0,
): number {
  const nowMs = now.getTime();
  const recent = times.map((t) => Date.parse(t)).filter((v) => nowMs - v <= RATE_WINDOW_MS);
  if (recent.length >= 2) {
    const newest = recent[0]!;
    const oldest = recent[recent.length - 1]!;
    const meanGap = (newest - oldest) / (recent.length - 1) / 1000;
    // A feed silent for longer than its usual gap is slowing down: let the silence count too.
    const silence = (nowMs - newest) / 1000;
    return Math.max(meanGap, silence / 2) / 2;
  }
  if (times.length > 0) {
    const newest = Date.parse(times[0]!);
    return Math.max(6 * 3600, (nowMs - newest) / 1000 / 4);
  }
  // No dates at all: nudge by whether this poll found anything new.
  return newItems > 0 ? previousSeconds * 0.75 : previousSeconds * 1.25;
}

/** The next state of a feed after a poll. `random` is injectable for tests. */
export function afterPoll(
  state: FeedState,
  outcome: PollOutcome,
  now: Date,
  random: () => number = Math.random,
): FeedState {
  const next: MutableState = { ...state, lastPolledAt: now.toISOString() };
  if (outcome.permanentUrl) next.currentUrl = outcome.permanentUrl;

  if (outcome.kind === 'fetched') {
    next.consecutiveFailures = 0;
    next.lastSuccessAt = now.toISOString();
    next.lastStatus = String(outcome.status);
    delete next.lastError;
    delete next.parked;
    if (outcome.status === 200) {
      // A 200 replaces the validators: a server that stopped sending an ETag must not get a stale one back.
      if (outcome.etag) next.etag = outcome.etag;
      else delete next.etag;
      if (outcome.lastModified) next.lastModified = outcome.lastModified;
      else delete next.lastModified;
    } else {
      if (outcome.etag) next.etag = outcome.etag;
      if (outcome.lastModified) next.lastModified = outcome.lastModified;
    }
    next.itemsSeen = state.itemsSeen + Math.max(0, outcome.newItems);
    const times = mergeTimes(state.recentItemTimes, outcome.itemTimes, now);
    if (times.length) next.recentItemTimes = times;
    const estimate = estimateInterval(times, state.intervalSeconds, now, outcome.newItems);
    const floor = Math.max(
      outcome.ttlMinutes && outcome.ttlMinutes > 0 ? outcome.ttlMinutes * 60 : 0,
      outcome.maxAgeSeconds && outcome.maxAgeSeconds > 0 ? outcome.maxAgeSeconds : 0,
    );
    const interval = Math.round(clamp(Math.max(estimate, floor), MIN_INTERVAL_SECONDS, MAX_INTERVAL_SECONDS));
    next.intervalSeconds = interval;
    // A little jitter, upward only, so feeds registered together drift apart without polling before the floor.
    next.nextPollAt = addSeconds(now, interval * (1 + 0.1 * random()));
    return next;
  }

  const failures = state.consecutiveFailures + 1;
  next.consecutiveFailures = failures;
  next.lastStatus = outcome.status !== undefined ? String(outcome.status) : outcome.code;
  next.lastError = outcome.message;
  if (outcome.status === 410) {
    next.parked = { reason: 'gone', at: now.toISOString(), detail: `HTTP 410 Gone: ${outcome.message}` };
    return next;
  }
  // Rate limiting says "not now", not "broken": it backs off but never parks the feed by itself.
  const throttled = outcome.status === 429;
  if (failures >= MAX_CONSECUTIVE_FAILURES && !throttled) {
    next.parked = {
      reason: 'too-many-failures',
      at: now.toISOString(),
      detail: `${failures} consecutive failures; last: ${outcome.code}: ${outcome.message}`,
    };
    return next;
  }
  const exponential = Math.min(MAX_INTERVAL_SECONDS, BACKOFF_BASE_SECONDS * 2 ** (failures - 1));
  // "Equal jitter": half the backoff fixed, half random, so retries spread out without collapsing to zero.
  let delay = exponential / 2 + (exponential / 2) * random();
  if ((outcome.status === 429 || outcome.status === 503) && outcome.retryAfterSeconds !== undefined) {
    delay = Math.max(delay, Math.min(outcome.retryAfterSeconds, MAX_RETRY_AFTER_SECONDS));
  }
  next.nextPollAt = addSeconds(now, delay);
  return next;
}

/** Takes a parked feed back into polling: due now, failure count reset, validators kept. */
export function resumeFeed(state: FeedState, now: Date): FeedState {
  const next: MutableState = { ...state, consecutiveFailures: 0, nextPollAt: now.toISOString() };
  delete next.parked;
  return next;
}

/** `max-age` (or `s-maxage`) of a Cache-Control header in seconds, or undefined. */
export function parseCacheControlMaxAge(header?: string): number | undefined {
  if (!header) return undefined;
  let best: number | undefined;
  for (const part of header.split(',')) {
    const m = /^\s*(s-maxage|max-age)\s*=\s*"?(\d{1,10})"?\s*$/i.exec(part);
    if (!m) continue;
    const v = Number(m[2]);
    // s-maxage is meant for shared caches, which is what a poller is; prefer it when both are present
    if (m[1]!.toLowerCase() === 's-maxage' || best === undefined) best = v;
  }
  return best;
}

/** `Retry-After` in seconds from `now`: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | undefined, now: Date): number | undefined {
  if (!header) return undefined;
  const h = header.trim();
  if (/^\d+$/.test(h)) return Number(h);
  const t = Date.parse(h);
  if (!Number.isFinite(t) || !/[a-z]/i.test(h)) return undefined;
  return Math.max(0, Math.round((t - now.getTime()) / 1000));
}
