/**
 * Dispatch planning: turns the feeds due now into poll requests whose SQS delays spread the feeds of one host
 * apart (a host serving many feeds sees at most one poll per `minHostGapSeconds` from us) and add a little
 * jitter everywhere, so that a thousand feeds due at the same minute do not all fire in the same second.
 */
import type { FeedState } from '../model';
import type { PollRequest } from '../ports';

/** SQS refuses DelaySeconds above 15 minutes. */
export const SQS_MAX_DELAY_SECONDS = 900;

export interface PlanPollsOptions {
  /** Minimum gap between two polls of feeds on the same host. */
  readonly minHostGapSeconds: number;
  /** Largest delay to assign (default and upper bound: 900, the SQS limit). */
  readonly maxDelaySeconds?: number;
  readonly random?: () => number;
}

/** The politeness key of a feed: its host name, lower case, without a leading `www.`. */
export function hostKey(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return url;
  }
}

/**
 * Plans one poll request per due feed, in input order within each host. Feeds of one host get delays at least
 * `minHostGapSeconds` apart; every feed gets up to `min(30, gap)` seconds of jitter. Feeds that would need a
 * delay beyond `maxDelaySeconds` are left out: they stay due and lead the next dispatch.
 */
export function planPolls(due: readonly FeedState[], opts: PlanPollsOptions): PollRequest[] {
  const random = opts.random ?? Math.random;
  const maxDelay = Math.max(
    0,
    Math.min(opts.maxDelaySeconds ?? SQS_MAX_DELAY_SECONDS, SQS_MAX_DELAY_SECONDS),
  );
  const gap = Math.max(0, opts.minHostGapSeconds);
  const jitter = Math.max(1, Math.min(30, gap));
  // Each slot is gap + jitter (+1 for integer rounding) wide, so two neighbours stay at least `gap` apart.
  const slot = gap + jitter + 1;
  const perHost = new Map<string, number>();
  const requests: PollRequest[] = [];
  const seen = new Set<string>();
  for (const feed of due) {
    if (feed.parked || seen.has(feed.id)) continue;
    seen.add(feed.id);
    const host = hostKey(feed.currentUrl);
    const k = perHost.get(host) ?? 0;
    const raw = Math.floor(k * slot + random() * jitter);
    // the first feed of a host always goes out, within the allowed delay
    const delay = k === 0 ? Math.min(raw, maxDelay) : raw;
    if (delay > maxDelay) continue;
    perHost.set(host, k + 1);
    requests.push({ feedId: feed.id, delaySeconds: delay });
  }
  return requests.sort((a, b) => a.delaySeconds - b.delaySeconds);
}
