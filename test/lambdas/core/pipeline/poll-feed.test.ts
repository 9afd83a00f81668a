/** The poll stage on small in-memory fakes of its ports: what it asks of the ledger, the store and the web. */
import { initialFeedState } from '../../../../lambdas/core/feeds/schedule';
import type { FeedState, RawArticleRecord } from '../../../../lambdas/core/model';
import { pollFeed } from '../../../../lambdas/core/pipeline/poll-feed';
import type {
  ArticleLedger,
  FeedRegistry,
  FetchOptions,
  FetchResponse,
  HttpFetcher,
  RawArticleStore,
} from '../../../../lambdas/core/ports';

const FEED_URL = 'https://harbour.example/feed.xml';

class Registry implements FeedRegistry {
  readonly states = new Map<string, FeedState>();
  saves = 0;
  async register() {
    return { added: 0 };
  }
  async listDue() {
    return [];
  }
  async listAll() {
    return [...this.states.values()];
  }
  async get(id: string) {
    return this.states.get(id);
  }
  async save(state: FeedState) {
    this.saves++;
    this.states.set(state.id, state);
  }
}

class Ledger implements ArticleLedger {
  readonly claims: string[] = [];
  readonly settled = new Set<string>();
  readonly released: string[] = [];
  async claim(articleId: string) {
    this.claims.push(articleId);
    return this.settled.has(articleId)
      ? { status: 'seen' as const, addedSource: false }
      : { status: 'new' as const };
  }
  async markStored(articleId: string) {
    this.settled.add(articleId);
  }
  async release(articleId: string) {
    this.released.push(articleId);
  }
}

class Store implements RawArticleStore {
  readonly records: RawArticleRecord[] = [];
  async put(record: RawArticleRecord) {
    this.records.push(record);
    return {
      bucket: 'b',
      pageKey: `raw/x/${record.articleId}/page.html.gz`,
      itemKey: `raw/x/${record.articleId}/item.json`,
    };
  }
  async get(): Promise<never> {
    throw new Error('not used');
  }
  async *listItemKeys() {}
}

class Web implements HttpFetcher {
  readonly requests: { url: string; options: FetchOptions }[] = [];
  feed = '';
  etag = '"v1"';
  failingPages = new Set<string>();
  async get(url: string, options: FetchOptions): Promise<FetchResponse> {
    this.requests.push({ url, options });
    const reply = (status: number, body = '', headers: Record<string, string> = {}) => ({
      status,
      url,
      headers,
      body: Buffer.from(body),
      durationMs: 1,
    });
    if (url === FEED_URL) {
      if (options.etag === this.etag) return reply(304, '', { etag: this.etag });
      return reply(200, this.feed, { 'content-type': 'application/rss+xml', etag: this.etag });
    }
    if (this.failingPages.has(url)) return reply(500);
    return reply(200, `<html><body><p>${url}</p></body></html>`, { 'content-type': 'text/html' });
  }
}

const rss = (slugs: string[]) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour</title>${slugs
    .map((s) => `<item><title>${s}</title><link>https://harbour.example/${s}?utm_source=rss</link></item>`)
    .join('')}</channel></rss>`;

function setup() {
  const registry = new Registry();
  registry.states.set(
    'harbour',
    initialFeedState(
      { id: 'harbour', url: FEED_URL, publisher: 'Harbour' },
      new Date('2024-03-20T00:00:00Z'),
    ),
  );
  const deps = {
    registry,
    ledger: new Ledger(),
    rawStore: new Store(),
    http: new Web(),
    clock: { now: () => new Date('2024-03-20T01:00:00Z') },
  };
  return deps;
}

test('claims each item once, stores every new page, and remembers the settled ids', async () => {
  const deps = setup();
  deps.http.feed = rss(['a', 'b', 'c']);

  const report = await pollFeed(deps, 'harbour');

  expect(report).toMatchObject({ ok: true, status: '200', items: 3, newItems: 3 });
  expect(deps.ledger.claims).toHaveLength(3);
  expect(deps.rawStore.records.map((r) => r.canonicalUrl)).toEqual([
    'https://harbour.example/a',
    'https://harbour.example/b',
    'https://harbour.example/c',
  ]);
  expect(deps.registry.states.get('harbour')?.knownArticleIds).toHaveLength(3);
  expect(deps.registry.saves).toBe(1);
});

test('a changed feed asks the ledger only about its new items', async () => {
  const deps = setup();
  deps.http.feed = rss(['a', 'b', 'c']);
  await pollFeed(deps, 'harbour');
  deps.http.feed = rss(['d', 'a', 'b', 'c']);
  deps.http.etag = '"v2"';
  deps.ledger.claims.length = 0;

  const report = await pollFeed(deps, 'harbour');

  expect(report.newItems).toBe(1);
  expect(deps.ledger.claims).toHaveLength(1);
  expect(deps.rawStore.records).toHaveLength(4);
  expect(deps.registry.states.get('harbour')?.knownArticleIds).toHaveLength(4);
});

test('an article whose page failed is released and claimed again at the next poll', async () => {
  const deps = setup();
  deps.http.feed = rss(['a', 'b']);
  deps.http.failingPages.add('https://harbour.example/b?utm_source=rss');

  const first = await pollFeed(deps, 'harbour');
  deps.http.etag = '"v2"';
  deps.http.failingPages.clear();
  deps.ledger.claims.length = 0;
  const second = await pollFeed(deps, 'harbour');

  expect(first.pageFailures).toEqual([
    { url: 'https://harbour.example/b?utm_source=rss', error: 'HTTP 500' },
  ]);
  expect(deps.ledger.released).toHaveLength(1);
  expect(deps.ledger.claims).toHaveLength(1);
  expect(second.stored).toHaveLength(1);
});

test('an unchanged feed costs one conditional GET and one state write, and claims nothing', async () => {
  const deps = setup();
  deps.http.feed = rss(['a']);
  await pollFeed(deps, 'harbour');
  const before = {
    requests: deps.http.requests.length,
    claims: deps.ledger.claims.length,
    saves: deps.registry.saves,
  };

  const report = await pollFeed(deps, 'harbour');

  expect(report).toMatchObject({ ok: true, status: '304', newItems: 0 });
  expect(deps.http.requests.slice(before.requests)).toEqual([
    { url: FEED_URL, options: { kind: 'feed', etag: '"v1"', lastModified: undefined } },
  ]);
  expect(deps.ledger.claims.length).toBe(before.claims);
  expect(deps.registry.saves).toBe(before.saves + 1);
});

test('a document that is not a feed is a recorded failure with a clear error, and nothing is claimed', async () => {
  const deps = setup();
  deps.http.feed = '<!DOCTYPE html><html><body><h1>Moved</h1></body></html>';

  const report = await pollFeed(deps, 'harbour');

  expect(report).toMatchObject({ ok: false, status: 'parse-error' });
  expect(report.error).toMatch(/not a feed/);
  expect(deps.ledger.claims).toEqual([]);
  expect(deps.registry.states.get('harbour')).toMatchObject({
    consecutiveFailures: 1,
    lastStatus: 'parse-error',
  });
});

test('a request dispatched before the last poll is skipped without a request or a write', async () => {
  const deps = setup();
  deps.http.feed = rss(['a']);
  await pollFeed(deps, 'harbour');
  const before = { requests: deps.http.requests.length, saves: deps.registry.saves };

  const report = await pollFeed(deps, 'harbour', { dispatchedAt: '2024-03-20T00:30:00.000Z' });

  expect(report.status).toBe('already-polled');
  expect(deps.http.requests.length).toBe(before.requests);
  expect(deps.registry.saves).toBe(before.saves);
});
