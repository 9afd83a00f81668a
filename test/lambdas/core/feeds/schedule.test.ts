import {
  afterPoll,
  DEFAULT_INTERVAL_SECONDS,
  initialFeedState,
  MAX_CONSECUTIVE_FAILURES,
  MAX_INTERVAL_SECONDS,
  MIN_INTERVAL_SECONDS,
  type PollOutcome,
  parseCacheControlMaxAge,
  parseRetryAfter,
  resumeFeed,
} from '../../../../lambdas/core/feeds/schedule';
import type { FeedState } from '../../../../lambdas/core/model';

const now = new Date('2024-03-19T12:00:00Z');
const config = {
  id: 'harbour',
  url: 'https://news.example.org/feed',
  publisher: 'Harbour Gazette',
  language: 'en',
};
const fresh = () => initialFeedState(config, now);
const seconds = (s: FeedState) => (Date.parse(s.nextPollAt) - now.getTime()) / 1000;
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000).toISOString();
const ok = (over: Partial<Extract<PollOutcome, { kind: 'fetched' }>> = {}): PollOutcome => ({
  kind: 'fetched',
  status: 200,
  itemTimes: [],
  newItems: 0,
  ...over,
});
const fail = (over: Partial<Extract<PollOutcome, { kind: 'failed' }>> = {}): PollOutcome => ({
  kind: 'failed',
  code: 'timeout',
  message: 'no response',
  ...over,
});
const half = () => 0.5;

describe('initialFeedState', () => {
  it('is due now with the default interval and the configured URL', () => {
    const s = fresh();
    expect(s).toMatchObject({
      id: 'harbour',
      currentUrl: config.url,
      nextPollAt: now.toISOString(),
      consecutiveFailures: 0,
      intervalSeconds: DEFAULT_INTERVAL_SECONDS,
      itemsSeen: 0,
      language: 'en',
    });
  });
});

describe('afterPoll on success', () => {
  it('polls a busy feed often: half the typical gap, not below 5 minutes', () => {
    const times = [0.25, 0.5, 0.75, 1, 1.25, 1.5].map(hoursAgo); // every 15 minutes
    const s = afterPoll(fresh(), ok({ itemTimes: times, newItems: 6 }), now, half);
    expect(s.intervalSeconds).toBe(450);
    expect(s.itemsSeen).toBe(6);
    const faster = afterPoll(fresh(), ok({ itemTimes: [0.02, 0.04, 0.06].map(hoursAgo) }), now, half);
    expect(faster.intervalSeconds).toBe(MIN_INTERVAL_SECONDS);
  });

  it('polls a slow feed rarely, at most once a day', () => {
    const daily = afterPoll(fresh(), ok({ itemTimes: [24, 48, 72].map(hoursAgo) }), now, half);
    expect(daily.intervalSeconds).toBe(12 * 3600);
    const dead = afterPoll(fresh(), ok({ itemTimes: [24 * 300, 24 * 400].map(hoursAgo) }), now, half);
    expect(dead.intervalSeconds).toBe(MAX_INTERVAL_SECONDS);
  });

  it('never polls sooner than ttl or Cache-Control max-age ask', () => {
    const times = [0.1, 0.2, 0.3].map(hoursAgo);
    expect(afterPoll(fresh(), ok({ itemTimes: times, ttlMinutes: 60 }), now, half).intervalSeconds).toBe(
      3600,
    );
    expect(afterPoll(fresh(), ok({ itemTimes: times, maxAgeSeconds: 1800 }), now, half).intervalSeconds).toBe(
      1800,
    );
  });

  it('schedules the next poll after the interval with upward jitter only', () => {
    const s0 = afterPoll(fresh(), ok({ ttlMinutes: 60 }), now, () => 0);
    const s1 = afterPoll(fresh(), ok({ ttlMinutes: 60 }), now, () => 0.999);
    expect(seconds(s0)).toBe(s0.intervalSeconds);
    expect(seconds(s1)).toBeGreaterThan(s1.intervalSeconds);
    expect(seconds(s1)).toBeLessThanOrEqual(s1.intervalSeconds * 1.1);
  });

  it('stores validators from a 200 and keeps them on a 304', () => {
    const a = afterPoll(fresh(), ok({ etag: '"v1"', lastModified: 'Tue, 19 Mar 2024 08:00:00 GMT' }), now);
    expect(a.etag).toBe('"v1"');
    const b = afterPoll(a, ok({ status: 304 }), now);
    expect(b.etag).toBe('"v1"');
    expect(b.lastModified).toBe('Tue, 19 Mar 2024 08:00:00 GMT');
    expect(b.lastStatus).toBe('304');
    const c = afterPoll(b, ok({ status: 200 }), now);
    expect(c.etag).toBeUndefined();
  });

  it('keeps recent item times newest first and deduplicated across polls', () => {
    const a = afterPoll(fresh(), ok({ itemTimes: [hoursAgo(2), hoursAgo(1)] }), now);
    const b = afterPoll(a, ok({ itemTimes: [hoursAgo(1), hoursAgo(0.5)] }), now);
    expect(b.recentItemTimes).toEqual([hoursAgo(0.5), hoursAgo(1), hoursAgo(2)]);
  });

  it('moves currentUrl on a permanent redirect but keeps the configured url', () => {
    const s = afterPoll(fresh(), ok({ permanentUrl: 'https://new.example.org/rss' }), now);
    expect(s.currentUrl).toBe('https://new.example.org/rss');
    expect(s.url).toBe(config.url);
  });

  it('clears the failure count and error after a success', () => {
    const failed = afterPoll(afterPoll(fresh(), fail(), now), fail(), now);
    expect(failed.consecutiveFailures).toBe(2);
    const back = afterPoll(failed, ok(), now);
    expect(back.consecutiveFailures).toBe(0);
    expect(back.lastError).toBeUndefined();
    expect(back.lastSuccessAt).toBe(now.toISOString());
  });
});

describe('afterPoll on failure', () => {
  it('backs off exponentially with jitter', () => {
    let s = fresh();
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      s = afterPoll(s, fail(), now, () => 1);
      delays.push(seconds(s));
    }
    expect(delays).toEqual([300, 600, 1200, 2400]);
    const low = afterPoll(fresh(), fail(), now, () => 0);
    expect(seconds(low)).toBe(150);
  });

  it('spreads feeds that fail together', () => {
    const values = [0.1, 0.5, 0.9].map((r) => seconds(afterPoll(fresh(), fail(), now, () => r)));
    expect(new Set(values).size).toBe(3);
  });

  it('honours Retry-After on 429 and 503', () => {
    const s = afterPoll(fresh(), fail({ status: 429, code: '429', retryAfterSeconds: 7200 }), now, half);
    expect(seconds(s)).toBe(7200);
    const t = afterPoll(fresh(), fail({ status: 503, code: '503', retryAfterSeconds: 3600 }), now, half);
    expect(seconds(t)).toBe(3600);
    expect(t.lastStatus).toBe('503');
  });

  it('parks after the maximum number of consecutive failures, with the reason', () => {
    let s = fresh();
    for (let i = 0; i < MAX_CONSECUTIVE_FAILURES - 1; i++) s = afterPoll(s, fail(), now);
    expect(s.parked).toBeUndefined();
    s = afterPoll(s, fail({ code: 'ssrf-blocked', message: 'resolves to 10.0.0.1' }), now);
    expect(s.parked?.reason).toBe('too-many-failures');
    expect(s.parked?.detail).toContain('ssrf-blocked');
    expect(s.parked?.at).toBe(now.toISOString());
  });

  it('does not park a feed only because it is rate limited', () => {
    let s = fresh();
    for (let i = 0; i < MAX_CONSECUTIVE_FAILURES + 2; i++)
      s = afterPoll(s, fail({ status: 429, code: '429' }), now);
    expect(s.parked).toBeUndefined();
    expect(seconds(s)).toBeLessThanOrEqual(MAX_INTERVAL_SECONDS);
  });

  it('parks at once on 410 Gone', () => {
    const s = afterPoll(fresh(), fail({ status: 410, code: '410', message: 'HTTP 410' }), now);
    expect(s.parked?.reason).toBe('gone');
    expect(s.consecutiveFailures).toBe(1);
  });

  it('resumes a parked feed: due now, failures reset', () => {
    const parked = afterPoll(fresh(), fail({ status: 410, code: '410' }), now);
    const later = new Date(now.getTime() + 86400_000);
    const r = resumeFeed(parked, later);
    expect(r.parked).toBeUndefined();
    expect(r.consecutiveFailures).toBe(0);
    expect(r.nextPollAt).toBe(later.toISOString());
  });
});

describe('header parsing', () => {
  it('reads Cache-Control max-age and prefers s-maxage', () => {
    expect(parseCacheControlMaxAge('public, max-age=600')).toBe(600);
    expect(parseCacheControlMaxAge('max-age=600, s-maxage=1200')).toBe(1200);
    expect(parseCacheControlMaxAge('no-cache')).toBeUndefined();
    expect(parseCacheControlMaxAge(undefined)).toBeUndefined();
  });
  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter('Tue, 19 Mar 2024 13:00:00 GMT', now)).toBe(3600);
    expect(parseRetryAfter('Tue, 19 Mar 2024 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
