/**
 * The poll stage: fetch one feed (conditionally), decide exactly once which items are new, fetch each new
 * article page and keep its raw copy, then record the feed's new polling state.
 */
import { articleIdentity } from '../feeds/identity';
import { parseFeed } from '../feeds/parse';
import { afterPoll, type PollOutcome, parseCacheControlMaxAge, parseRetryAfter } from '../feeds/schedule';
import type { FeedItem, FeedState, ParsedFeed, RawArticleRecord } from '../model';
import type {
  ArticleLedger,
  ClaimResult,
  Clock,
  FeedRegistry,
  FetchResponse,
  HttpFetcher,
  RawArticleLocation,
  RawArticleStore,
} from '../ports';

/** What the poll stage needs from the outside world. */
export interface PollFeedDeps {
  readonly registry: FeedRegistry;
  readonly ledger: ArticleLedger;
  readonly rawStore: RawArticleStore;
  readonly http: HttpFetcher;
  readonly clock: Clock;
  /** How many article pages of one feed are fetched at once (the fetcher also limits per host). */
  readonly pageConcurrency?: number;
  /** How many ledger claims of one feed are in flight at once. */
  readonly claimConcurrency?: number;
}

/** One article page that could not be fetched or stored. */
export interface PageFailure {
  readonly url: string;
  readonly error: string;
}

/** The outcome of polling one feed, for logs, metrics and the CLI. */
export interface PollReport {
  readonly feedId: string;
  /** `200`, `304`, another HTTP status, or an error code such as `timeout`, `parse-error`, `parked`. */
  readonly status: string;
  readonly ok: boolean;
  readonly items: number;
  readonly newItems: number;
  /** Raw copies written, with their locations (extraction starts from these). */
  readonly stored: readonly RawArticleLocation[];
  readonly pageFailures: readonly PageFailure[];
  /** Items already known that this feed now also lists as a source. */
  readonly crossFeedDuplicates: number;
  readonly error?: string;
  readonly nextPollAt?: string;
}

const errorCode = (error: unknown): string =>
  (typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : undefined) ??
  'network';
const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Polls one feed: conditional GET, parse, claim new items, store their pages, save the feed state.
 * With `dispatchedAt`, a feed already polled after that moment is skipped (a duplicate request): no request,
 * no write.
 */
export async function pollFeed(
  deps: PollFeedDeps,
  feedId: string,
  options: { dispatchedAt?: string } = {},
): Promise<PollReport> {
  const state = await deps.registry.get(feedId);
  if (!state) throw new Error(`unknown feed '${feedId}'`);
  const base = { feedId, items: 0, newItems: 0, stored: [], pageFailures: [], crossFeedDuplicates: 0 };
  if (state.parked) {
    return { ...base, status: 'parked', ok: false, error: `feed is parked (${state.parked.reason})` };
  }
  if (options.dispatchedAt && state.lastPolledAt && state.lastPolledAt > options.dispatchedAt) {
    return { ...base, status: 'already-polled', ok: true, nextPollAt: state.nextPollAt };
  }

  let response: FetchResponse;
  try {
    response = await deps.http.get(state.currentUrl, {
      kind: 'feed',
      etag: state.etag,
      lastModified: state.lastModified,
    });
  } catch (error) {
    return finish(deps, state, base, {
      kind: 'failed',
      code: errorCode(error),
      message: errorMessage(error),
    });
  }

  if (response.status === 304) {
    return finish(deps, state, base, {
      kind: 'fetched',
      status: 304,
      etag: response.headers.etag ?? state.etag,
      lastModified: response.headers['last-modified'] ?? state.lastModified,
      permanentUrl: response.permanentUrl,
      maxAgeSeconds: parseCacheControlMaxAge(response.headers['cache-control']),
      itemTimes: [],
      newItems: 0,
    });
  }
  if (response.status < 200 || response.status >= 300) {
    return finish(deps, state, base, {
      kind: 'failed',
      status: response.status,
      code: String(response.status),
      message: `HTTP ${response.status} from ${response.url}`,
      retryAfterSeconds: parseRetryAfter(response.headers['retry-after'], deps.clock.now()),
      permanentUrl: response.permanentUrl,
    });
  }

  let feed: ParsedFeed;
  try {
    feed = await parseFeed(response.body, {
      url: response.url,
      contentType: response.headers['content-type'],
    });
  } catch (error) {
    return finish(deps, state, base, {
      kind: 'failed',
      code: 'parse-error',
      message: errorMessage(error),
    });
  }

  const collected = await collectNewItems(deps, state, feed.items);
  return finish(
    deps,
    { ...state, knownArticleIds: collected.settledIds.slice(0, MAX_KNOWN_ARTICLE_IDS) },
    { ...base, ...collected, items: feed.items.length },
    {
      kind: 'fetched',
      status: 200,
      etag: response.headers.etag,
      lastModified: response.headers['last-modified'],
      permanentUrl: response.permanentUrl,
      ttlMinutes: feed.ttlMinutes,
      maxAgeSeconds: parseCacheControlMaxAge(response.headers['cache-control']),
      itemTimes: feed.items.map((i) => i.publishedAt ?? i.updatedAt).filter((t): t is string => Boolean(t)),
      newItems: collected.newItems,
    },
  );
}

/**
 * How many settled article ids a feed remembers: about 19 bytes each in the feed item, written at every poll,
 * against two conditional writes saved per known item each time the feed changes.
 */
export const MAX_KNOWN_ARTICLE_IDS = 100;

async function collectNewItems(deps: PollFeedDeps, state: FeedState, items: readonly FeedItem[]) {
  const now = deps.clock.now().toISOString();
  const seen = new Set<string>();
  const known = new Set(state.knownArticleIds ?? []);
  const candidates: { item: FeedItem; articleId: string; canonicalUrl: string }[] = [];
  for (const item of items) {
    const identity = articleIdentity(item, { id: state.id, url: state.currentUrl });
    if (!identity || seen.has(identity.articleId)) continue;
    seen.add(identity.articleId);
    // Settled at an earlier poll of this feed: already in the ledger with this feed as a source.
    if (!known.has(identity.articleId)) candidates.push({ item, ...identity });
  }
  // Each claim is one conditional write that decides "new" on its own, so they need not wait for each other.
  const claims = new Map<string, ClaimResult>();
  await forEachLimited(candidates, deps.claimConcurrency ?? 8, async ({ item, articleId, canonicalUrl }) => {
    claims.set(
      articleId,
      await deps.ledger.claim(articleId, canonicalUrl, {
        feedId: state.id,
        publisher: state.publisher,
        guid: item.guid,
        firstSeenAt: now,
      }),
    );
  });
  const fresh = candidates.filter((c) => claims.get(c.articleId)?.status === 'new');
  const crossFeedDuplicates = [...claims.values()].filter((c) => c.status === 'seen' && c.addedSource).length;

  const stored: RawArticleLocation[] = [];
  const pageFailures: PageFailure[] = [];
  await forEachLimited(fresh, deps.pageConcurrency ?? 4, async ({ item, articleId, canonicalUrl }) => {
    const url = item.url ?? canonicalUrl;
    try {
      const page = await deps.http.get(url, { kind: 'page' });
      if (page.status !== 200) throw new Error(`HTTP ${page.status}`);
      const record: RawArticleRecord = {
        articleId,
        canonicalUrl,
        feedId: state.id,
        feedUrl: state.currentUrl,
        publisher: state.publisher,
        feedLanguage: state.language,
        item,
        fetch: {
          status: page.status,
          finalUrl: page.url,
          contentType: page.headers['content-type'],
          contentLanguage: page.headers['content-language'],
          fetchedAt: deps.clock.now().toISOString(),
          durationMs: page.durationMs,
          bytes: page.body.byteLength,
        },
        firstSeenAt: now,
      };
      stored.push(await deps.rawStore.put(record, page.body));
      await deps.ledger.markStored(articleId);
    } catch (error) {
      const message = errorMessage(error);
      pageFailures.push({ url, error: message });
      await deps.ledger.release(articleId, message);
    }
  });
  // Every id this feed lists is settled except those whose page failed: the ledger retries them next poll.
  const failed = new Set(
    fresh.filter((f) => !stored.some((s) => s.itemKey.includes(`/${f.articleId}/`))).map((f) => f.articleId),
  );
  const settledIds = [...seen].filter((id) => !failed.has(id));
  return { newItems: fresh.length, stored, pageFailures, crossFeedDuplicates, settledIds };
}

async function finish(
  deps: PollFeedDeps,
  state: FeedState,
  report: Omit<PollReport, 'status' | 'ok'> & { settledIds?: unknown },
  outcome: PollOutcome,
): Promise<PollReport> {
  const next = afterPoll(state, outcome, deps.clock.now());
  await deps.registry.save(next);
  const ok = outcome.kind === 'fetched';
  const { settledIds: _settled, ...rest } = report;
  return {
    ...rest,
    status: ok ? String(outcome.status) : outcome.code,
    ok,
    error: ok ? undefined : outcome.message,
    nextPollAt: next.parked ? undefined : next.nextPollAt,
  };
}

/** Runs `work` over `items` with at most `limit` at a time. */
export async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  });
  await Promise.all(workers);
}
