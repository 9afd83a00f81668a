/**
 * The three Lambda handlers, end to end, against dynalite, s3rver and a loopback site. EventBridge and SQS
 * have no local stand-in, so their clients are mocked and the exact requests asserted.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { SQSBatchResponse } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { buildQuery, runQuery } from '../../cli/local/queries';
import { documentClient } from '../../lambdas/adapters/dynamodb/article-table';
import { DynamoFeedRegistry } from '../../lambdas/adapters/dynamodb/feed-registry';
import schema from '../../schemas/diplomatic-story-detected.v1.json';
import {
  lambdaContext,
  listKeys,
  s3Notification,
  sqsEvent,
  startTestStack,
  type TestStack,
} from '../support/stack';

type Handler = (event: unknown, context?: unknown) => Promise<unknown>;

const eventBridge = mockClient(EventBridgeClient);
const sqs = mockClient(SQSClient);
const validateEvent = addFormats(new Ajv2020({ allErrors: true, strict: true })).compile(schema);

let stack: TestStack;
let dispatch: Handler;
let poll: Handler;
let extract: Handler;

const FEEDS = [
  { id: 'harbour-times', path: '/feeds/news.rss.xml', publisher: 'Harbour Times' },
  { id: 'coastal-wire', path: '/feeds/wire.atom.xml', publisher: 'Coastal Wire' },
  { id: 'broken', path: '/feeds/broken.rss.xml', publisher: 'Broken Feed' },
  { id: 'not-a-feed', path: '/feeds/not-a-feed.html', publisher: 'Not A Feed' },
];

beforeAll(async () => {
  stack = await startTestStack();
  const dir = mkdtempSync(join(tmpdir(), 'newswire-feeds-'));
  const feedList = join(dir, 'feeds.json');
  writeFileSync(
    feedList,
    JSON.stringify(FEEDS.map(({ path, ...f }) => ({ ...f, url: `${stack.site.base}${path}` }))),
  );
  process.env.FEED_LIST_PATH = feedList;
  // Handlers read their configuration once, at import: import them after the environment is set.
  dispatch = require('../../lambdas/handlers/dispatch-feeds').handler;
  poll = require('../../lambdas/handlers/poll-feed').handler;
  extract = require('../../lambdas/handlers/extract-article').handler;
});

afterAll(async () => {
  await stack?.stop();
});

beforeEach(() => {
  eventBridge.reset();
  sqs.reset();
  sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
  eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e-1' }] });
});

function publishedDetails(): Record<string, unknown>[] {
  return eventBridge
    .commandCalls(PutEventsCommand)
    .flatMap((call) => call.args[0].input.Entries ?? [])
    .map((entry) => JSON.parse(entry.Detail as string) as Record<string, unknown>);
}

async function rawItemKeys(): Promise<string[]> {
  return (await listKeys(stack.services)).filter((k) => k.endsWith('/item.json'));
}

describe('the pipeline handlers on embedded AWS stand-ins', () => {
  let pollMessages: string[] = [];

  test('dispatch registers the bundled feed list and queues one poll request per due feed', async () => {
    const result = (await dispatch({})) as { due: number; queued: number };

    expect(result).toMatchObject({ due: 4, queued: 4 });
    const calls = sqs.commandCalls(SendMessageBatchCommand);
    expect(calls).toHaveLength(1);
    const input = calls[0]?.args[0].input;
    expect(input?.QueueUrl).toBe(process.env.POLL_QUEUE_URL);
    const bodies = (input?.Entries ?? []).map(
      (e) => JSON.parse(e.MessageBody as string) as { feedId: string; delaySeconds: number },
    );
    expect(bodies.map((b) => b.feedId).sort()).toEqual([
      'broken',
      'coastal-wire',
      'harbour-times',
      'not-a-feed',
    ]);
    for (const entry of input?.Entries ?? []) {
      const body = JSON.parse(entry.MessageBody as string) as { delaySeconds: number };
      expect(entry.DelaySeconds).toBe(Math.round(body.delaySeconds));
      expect(entry.DelaySeconds).toBeGreaterThanOrEqual(0);
      expect(entry.DelaySeconds).toBeLessThanOrEqual(900);
    }
    // All four feeds live on one host: dispatch spreads them rather than sending them at once.
    expect(new Set((input?.Entries ?? []).map((e) => e.DelaySeconds)).size).toBe(4);
    for (const body of bodies)
      expect(body).toMatchObject({ dispatchedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
    pollMessages = (input?.Entries ?? []).map((e) => e.MessageBody as string);
  });

  test('poll stores each new article once, records broken feeds, and fails no message', async () => {
    const response = (await poll(sqsEvent(pollMessages, 'poll'), lambdaContext)) as SQSBatchResponse;

    expect(response.batchItemFailures).toEqual([]);
    const keys = await listKeys(stack.services);
    // Five distinct articles: the Hun Sen story listed by both feeds (once with utm_ parameters) is one.
    expect(keys.filter((k) => k.endsWith('/item.json'))).toHaveLength(5);
    expect(keys.filter((k) => k.endsWith('/page.html.gz'))).toHaveLength(5);

    const registry = new DynamoFeedRegistry(documentClient(stack.services.dynamo), stack.services.tableName);
    // A truncated feed is read as far as it goes (its complete items count), like a forgiving reader does.
    const broken = await registry.get('broken');
    expect(broken?.lastStatus).toBe('200');
    // An HTML page where a feed should be is a clear, per-feed error; the other feeds went on.
    const notFeed = await registry.get('not-a-feed');
    expect(notFeed?.lastStatus).toBe('parse-error');
    expect(notFeed?.lastError).toMatch(/feed/i);
    expect(notFeed?.consecutiveFailures).toBe(1);
    const good = await registry.get('harbour-times');
    expect(good?.lastStatus).toBe('200');
    expect(good?.etag).toBeTruthy();
    expect(good?.consecutiveFailures).toBe(0);
  });

  test('a second poll gets 304 Not Modified and writes nothing to S3', async () => {
    const before = await listKeys(stack.services);
    const requestsBefore = stack.site.requests.length;

    const response = (await poll(
      sqsEvent([JSON.stringify({ feedId: 'harbour-times', delaySeconds: 0 })], 'repoll'),
      lambdaContext,
    )) as SQSBatchResponse;

    expect(response.batchItemFailures).toEqual([]);
    expect(stack.site.requests.slice(requestsBefore)).toEqual([{ path: '/feeds/news.rss.xml', status: 304 }]);
    expect(await listKeys(stack.services)).toEqual(before);
    const registry = new DynamoFeedRegistry(documentClient(stack.services.dynamo), stack.services.tableName);
    expect((await registry.get('harbour-times'))?.lastStatus).toBe('304');
  });

  test('a poll request queued again before its first delivery was handled is skipped: no request, no write', async () => {
    const requestsBefore = stack.site.requests.length;
    const keysBefore = await listKeys(stack.services);
    const registry = new DynamoFeedRegistry(documentClient(stack.services.dynamo), stack.services.tableName);
    const stateBefore = await registry.get('coastal-wire');

    const response = (await poll(sqsEvent(pollMessages, 'requeued'), lambdaContext)) as SQSBatchResponse;

    expect(response.batchItemFailures).toEqual([]);
    expect(stack.site.requests.length).toBe(requestsBefore);
    expect(await listKeys(stack.services)).toEqual(keysBefore);
    expect(await registry.get('coastal-wire')).toEqual(stateBefore);
  });

  test('extract stores every article and raises one schema-valid event per diplomatic story', async () => {
    const keys = await rawItemKeys();
    const event = sqsEvent(
      keys.map((k) => s3Notification(stack.services.bucket, k)),
      'extract',
    );

    const response = (await extract(event, lambdaContext)) as SQSBatchResponse;

    expect(response.batchItemFailures).toEqual([]);
    const details = publishedDetails();
    for (const call of eventBridge.commandCalls(PutEventsCommand)) {
      for (const entry of call.args[0].input.Entries ?? []) {
        expect(entry).toMatchObject({
          EventBusName: 'newswire-test',
          Source: 'newswire.pipeline',
          DetailType: 'Diplomatic Story Detected',
        });
      }
    }
    for (const detail of details) expect(validateEvent(detail) ? [] : validateEvent.errors).toEqual([]);
    const seed = details.find((d) => d.dyad === 'KHM-RUS');
    expect(seed).toMatchObject({
      subtype: 'cooperative',
      eventType: { plover: 'SUPPORT' },
      publisher: expect.any(String),
    });
    expect(details.map((d) => d.dyad).sort()).toEqual(['KHM-RUS', 'POL-RUS']);
  });

  test('every documented access pattern is one Query that returns the stored stories', async () => {
    const doc = documentClient(stack.services.dynamo);
    const table = stack.services.tableName;
    const q = (query: Parameters<typeof buildQuery>[1]) => runQuery(doc, buildQuery(table, query));

    const latest = await q({ since: '2024-03-01', until: '2024-03-31' });
    expect(latest.map((i) => i.dyad).sort()).toEqual(['KHM-RUS', 'POL-RUS']);
    expect(latest.every((i) => i.diplomatic === true)).toBe(true);

    const byCountry = await q({ country: 'KHM' });
    expect(byCountry.map((i) => i.storyDyad)).toContain('KHM-RUS');
    const byDyad = await q({ dyad: 'KHM-RUS' });
    expect(byDyad).toHaveLength(1);
    const byType = await q({ type: 'ACCUSE' });
    expect(byType.map((i) => i.dyad)).toEqual(['POL-RUS']);
    // Each article is listed under the feed that delivered it first; together the feeds hold all five.
    const perFeed = await Promise.all(FEEDS.map((f) => q({ feed: f.id })));
    expect(perFeed.flat()).toHaveLength(5);
    expect(new Set(perFeed.flat().map((i) => i.articleId)).size).toBe(5);
    const byPublisher = await q({ publisher: 'Coastal Wire' });
    expect(byPublisher.length).toBeGreaterThanOrEqual(1);

    const seedId = byDyad[0]?.articleId as string;
    const byId = await q({ articleId: seedId });
    const meta = byId.find((i) => i.sk === 'META');
    const claim = byId.find((i) => i.sk === 'CLAIM');
    expect(meta?.title).toMatch(/Hun Sen/);
    // The story came through both feeds: one article, two sources.
    expect(((claim?.sources ?? []) as { feedId: string }[]).map((s) => s.feedId).sort()).toEqual([
      'coastal-wire',
      'harbour-times',
    ]);
    const byUrl = await q({ url: meta?.canonicalUrl as string });
    expect(byUrl.map((i) => i.articleId)).toEqual([seedId]);

    const health = await q({ feeds: 'all' });
    expect(health).toHaveLength(4);
    const failing = await q({ feeds: 'failing' });
    expect(failing.map((i) => i.id)).toEqual(['not-a-feed']);
  });

  test('a duplicate delivery of the same message gives one article and no second event', async () => {
    const keys = await rawItemKeys();
    const event = sqsEvent(
      keys.map((k) => s3Notification(stack.services.bucket, k)),
      'again',
    );

    const response = (await extract(event, lambdaContext)) as SQSBatchResponse;

    expect(response.batchItemFailures).toEqual([]);
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(0);
    const doc = documentClient(stack.services.dynamo);
    const latest = await runQuery(doc, buildQuery(stack.services.tableName, {}));
    expect(latest).toHaveLength(2);
  });
});
