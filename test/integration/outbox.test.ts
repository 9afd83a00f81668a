/**
 * The story-event outbox on dynalite and s3rver: a crash between the DynamoDB write and the publish loses no
 * event, and reruns, duplicates and sweeps raise it exactly once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type LocalServices, startLocalServices } from '../../cli/local/services';
import { DynamoArticleTable, documentClient } from '../../lambdas/adapters/dynamodb/article-table';
import { S3RawArticleStore } from '../../lambdas/adapters/s3/raw-article-store';
import type { DiplomaticStoryDetected, RawArticleRecord } from '../../lambdas/core/model';
import { extractStory } from '../../lambdas/core/pipeline/extract-story';
import { sweepPendingStories } from '../../lambdas/core/pipeline/story-outbox';
import type { StoryEventPublisher } from '../../lambdas/core/ports';
import { FIXTURE_SITE } from '../support/stack';

let services: LocalServices;
beforeAll(async () => {
  services = await startLocalServices();
});
afterAll(async () => {
  await services?.stop();
});

/** A publisher that records what it publishes and can be told to fail (EventBridge down, or the process dying). */
class RecordingPublisher implements StoryEventPublisher {
  readonly published: DiplomaticStoryDetected[] = [];
  failNext = 0;
  async publish(events: readonly DiplomaticStoryDetected[]): Promise<void> {
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('injected crash before the event reached EventBridge');
    }
    this.published.push(...events);
  }
}

async function storeSeedArticle(articleId: string): Promise<string> {
  const page = readFileSync(join(FIXTURE_SITE, 'articles', 'hun-sen-letter-putin-re-election.html'));
  const record: RawArticleRecord = {
    articleId,
    canonicalUrl: `https://harbourtimes.example/${articleId}`,
    feedId: 'harbour-times',
    feedUrl: 'https://harbourtimes.example/feed.xml',
    publisher: 'Harbour Times',
    item: {
      title: 'Hun Sen writes to Putin',
      url: `https://harbourtimes.example/${articleId}`,
      categories: [],
      enclosures: [],
    },
    fetch: {
      status: 200,
      finalUrl: `https://harbourtimes.example/${articleId}`,
      contentType: 'text/html; charset=utf-8',
      fetchedAt: '2024-03-20T10:00:00.000Z',
      durationMs: 5,
      bytes: page.byteLength,
    },
    firstSeenAt: '2024-03-20T10:00:00.000Z',
  };
  const location = await new S3RawArticleStore(services.s3, services.bucket).put(record, page);
  return location.itemKey;
}

function deps(publisher: StoryEventPublisher, now: () => Date) {
  const clock = { now };
  return {
    rawStore: new S3RawArticleStore(services.s3, services.bucket),
    articles: new DynamoArticleTable(documentClient(services.dynamo), services.tableName, now),
    publisher,
    clock,
    tableName: services.tableName,
    bucketName: services.bucket,
  };
}

test('a crash between the write and the publish is healed by the rerun, which raises the event exactly once', async () => {
  const itemKey = await storeSeedArticle('outbox0000000001');
  const publisher = new RecordingPublisher();
  const d = deps(publisher, () => new Date());

  publisher.failNext = 1;
  await expect(extractStory(d, itemKey)).rejects.toThrow(/injected crash/);
  expect(publisher.published).toHaveLength(0);
  expect(await d.articles.eventStatus('outbox0000000001')).toBe('pending');

  const rerun = await extractStory(d, itemKey);
  const duplicate = await extractStory(d, itemKey);

  expect(rerun.eventRaised).toBe(true);
  expect(duplicate.eventRaised).toBe(false);
  expect(publisher.published.map((e) => e.storyId)).toEqual(['outbox0000000001']);
  expect(await d.articles.eventStatus('outbox0000000001')).toBe('published');
});

test('a publisher that died holding the lease is replaced by the sweep once the lease runs out', async () => {
  const itemKey = await storeSeedArticle('outbox0000000002');
  let now = new Date('2024-03-20T10:05:00.000Z');
  const publisher = new RecordingPublisher();
  const d = deps(publisher, () => now);
  // The process stores the new story, which takes the publish lease in the same write, then dies before publishing.
  const { record, page } = await d.rawStore.get({ itemKey });
  const { buildArticle } = await import('../../lambdas/core/pipeline/extract-story');
  const article = buildArticle(
    record,
    page,
    { bucket: services.bucket, itemKey, pageKey: itemKey.replace('item.json', 'page.html.gz') },
    now,
  );
  expect(await d.articles.save(article, true)).toBe('leased');
  expect(await d.articles.leaseEvent(article.articleId)).toBe(false);

  // While the lease holds, neither a duplicate delivery nor the sweep publishes.
  expect((await extractStory(d, itemKey)).eventRaised).toBe(false);
  expect(await sweepPendingStories(d, { olderThanMs: 0, limit: 10 })).toEqual({ published: 0, failed: 0 });

  now = new Date(now.getTime() + 3 * 60_000);
  const swept = await sweepPendingStories(d, { olderThanMs: 0, limit: 10 });
  const again = await sweepPendingStories(d, { olderThanMs: 0, limit: 10 });

  expect(swept.published).toBe(1);
  expect(again.published).toBe(0);
  expect(publisher.published.filter((e) => e.storyId === 'outbox0000000002')).toHaveLength(1);
});
