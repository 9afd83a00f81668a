/**
 * DynamoDB adapter for the article table: articles, country mentions, the exactly-once article ledger and the
 * story-event outbox. Key layout in table-design.ts; the queries an analyst runs are in docs/queries.md.
 */
import { ConditionalCheckFailedException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { ArticleRecord, ArticleSource } from '../../core/model';
import type {
  ArticleLedger,
  ArticleRepository,
  ClaimResult,
  SaveResult,
  StoryEventStatus,
} from '../../core/ports';

/** A claim older than this while still `claimed` belongs to a poll that died; another poll may take it over. */
const STALE_CLAIM_MS = 15 * 60 * 1000;
/** How many failed page fetches an article gets before the ledger stops retrying it. */
export const MAX_FETCH_ATTEMPTS = 3;
/** How long a publisher holds an event before another may publish it (crash recovery). */
const PUBLISH_LEASE_MS = 2 * 60 * 1000;
/** DynamoDB items top out at 400 KB; main text beyond this is cut (the raw copy in S3 keeps everything). */
const MAX_STORED_TEXT_CHARS = 150_000;

export const articleKey = (articleId: string) => ({ pk: `ARTICLE#${articleId}`, sk: 'META' });
const claimKey = (articleId: string) => ({ pk: `ARTICLE#${articleId}`, sk: 'CLAIM' });
const mentionKey = (country: string, publishedKey: string) => ({
  pk: `COUNTRY#${country}`,
  sk: publishedKey,
});

/** Creates the document client used by every table adapter (empty strings and undefined are dropped). */
export function documentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
}

function isConditionFailure(error: unknown): boolean {
  return (
    error instanceof ConditionalCheckFailedException ||
    (error instanceof Error && error.name === 'ConditionalCheckFailedException')
  );
}

/** The sort key shared by every time-ordered index: newest sorts last, so queries read backwards. */
export function publishedKey(publishedAt: string, articleId: string): string {
  return `${publishedAt}#${articleId}`;
}

/** Article storage, the ledger that decides "new" exactly once, and the outbox, on one table. */
export class DynamoArticleTable implements ArticleRepository, ArticleLedger {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    readonly tableName: string,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async claim(articleId: string, canonicalUrl: string, source: ArticleSource): Promise<ClaimResult> {
    const now = this.clock();
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: claimKey(articleId),
          UpdateExpression:
            'SET claimState = :claimed, claimedAt = :now, claimUrl = :url, firstSeenAt = if_not_exists(firstSeenAt, :now), ' +
            'sources = if_not_exists(sources, :sources), attempts = if_not_exists(attempts, :zero) ADD feedIds :feed',
          ConditionExpression:
            'attribute_not_exists(pk) OR (claimState = :failed AND attempts < :max) OR (claimState = :claimed AND claimedAt < :stale)',
          ExpressionAttributeValues: {
            ':claimed': 'claimed',
            ':failed': 'failed',
            ':now': now.toISOString(),
            ':stale': new Date(now.getTime() - STALE_CLAIM_MS).toISOString(),
            ':url': canonicalUrl,
            ':sources': [source],
            ':zero': 0,
            ':max': MAX_FETCH_ATTEMPTS,
            ':feed': new Set([source.feedId]),
          },
        }),
      );
      return { status: 'new' };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
    // Known article: record this feed as a further source, once.
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: claimKey(articleId),
          UpdateExpression: 'SET sources = list_append(sources, :source) ADD feedIds :feed',
          ConditionExpression: 'attribute_exists(pk) AND NOT contains(feedIds, :feedId)',
          ExpressionAttributeValues: {
            ':source': [source],
            ':feed': new Set([source.feedId]),
            ':feedId': source.feedId,
          },
        }),
      );
      return { status: 'seen', addedSource: true };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return { status: 'seen', addedSource: false };
    }
  }

  async release(articleId: string, reason: string): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: claimKey(articleId),
        UpdateExpression: 'SET claimState = :failed, lastError = :reason ADD attempts :one',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':failed': 'failed', ':reason': reason.slice(0, 500), ':one': 1 },
      }),
    );
  }

  /** Marks a claim as done once its raw copy is stored. */
  async markStored(articleId: string): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: claimKey(articleId),
        UpdateExpression: 'SET claimState = :stored',
        ExpressionAttributeValues: { ':stored': 'stored' },
      }),
    );
  }

  async save(article: ArticleRecord, wantsEvent: boolean): Promise<SaveResult> {
    const mentions = mentionItems(article);
    // Mentions first and the article last: the article item is what marks the work done (and holds the outbox flag).
    await this.batchWrite(mentions.map((Item) => ({ PutRequest: { Item } })));
    // The common case, a new article: one conditional put, with the publish lease already taken for a story.
    const now = this.clock();
    const fresh: Record<string, unknown> = wantsEvent
      ? {
          ...toArticleItem(article, 'publishing'),
          leaseUntil: new Date(now.getTime() + PUBLISH_LEASE_MS).toISOString(),
        }
      : toArticleItem(article, 'none');
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: fresh,
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return wantsEvent ? 'leased' : 'none';
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
    return this.resave(article, wantsEvent, mentions);
  }

  /** Stores an article that is already there (a duplicate delivery or a reprocess), never moving its outbox flag back. */
  private async resave(
    article: ArticleRecord,
    wantsEvent: boolean,
    mentions: Record<string, unknown>[],
  ): Promise<SaveResult> {
    const current = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: articleKey(article.articleId),
        ConsistentRead: true,
        ProjectionExpression: 'eventStatus, countryCodes, publishedKey, leaseUntil, eventPublishedAt',
      }),
    );
    const previous = current.Item as
      | {
          eventStatus?: StoryEventStatus | 'publishing';
          countryCodes?: string[];
          publishedKey?: string;
          leaseUntil?: string;
          eventPublishedAt?: string;
        }
      | undefined;
    const status: StoryEventStatus | 'publishing' =
      previous?.eventStatus === 'published' || previous?.eventStatus === 'publishing'
        ? previous.eventStatus
        : wantsEvent
          ? 'pending'
          : 'none';
    // The outbox fields survive a re-save.
    const item: Record<string, unknown> = {
      ...toArticleItem(article, status),
      leaseUntil: previous?.leaseUntil,
      eventPublishedAt: previous?.eventPublishedAt,
    };
    const key = item.publishedKey as string;
    const stale = (previous?.countryCodes ?? [])
      .filter((code) => previous?.publishedKey !== key || !mentions.some((m) => m.pk === `COUNTRY#${code}`))
      .map((code) => ({ DeleteRequest: { Key: mentionKey(code, previous?.publishedKey ?? key) } }));
    await this.batchWrite(stale);
    await this.doc.send(new PutCommand({ TableName: this.tableName, Item: item }));
    return status === 'publishing' ? 'pending' : status;
  }

  async get(articleId: string): Promise<ArticleRecord | undefined> {
    const result = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `ARTICLE#${articleId}` },
        ConsistentRead: true,
      }),
    );
    const items = result.Items ?? [];
    const meta = items.find((i) => i.sk === 'META');
    if (!meta) return undefined;
    const claim = items.find((i) => i.sk === 'CLAIM');
    return fromArticleItem(meta, claim?.sources as ArticleSource[] | undefined);
  }

  /** Reads the outbox flag of a story (`none` when the article is unknown). */
  async eventStatus(articleId: string): Promise<StoryEventStatus | 'publishing'> {
    const result = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: articleKey(articleId),
        ConsistentRead: true,
        ProjectionExpression: 'eventStatus',
      }),
    );
    return (result.Item?.eventStatus as StoryEventStatus | undefined) ?? 'none';
  }

  /**
   * Takes the right to publish a story's event: pending → publishing, with a lease so that a publisher that
   * died is replaced. Returns false when another publisher holds it or it is already published.
   */
  async leaseEvent(articleId: string): Promise<boolean> {
    const now = this.clock();
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: articleKey(articleId),
          UpdateExpression: 'SET eventStatus = :publishing, leaseUntil = :until',
          ConditionExpression: 'eventStatus = :pending OR (eventStatus = :publishing AND leaseUntil < :now)',
          ExpressionAttributeValues: {
            ':publishing': 'publishing',
            ':pending': 'pending',
            ':now': now.toISOString(),
            ':until': new Date(now.getTime() + PUBLISH_LEASE_MS).toISOString(),
          },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async releaseEvent(articleId: string): Promise<void> {
    await this.doc
      .send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: articleKey(articleId),
          UpdateExpression: 'SET eventStatus = :pending REMOVE leaseUntil',
          ConditionExpression: 'eventStatus = :publishing',
          ExpressionAttributeValues: { ':pending': 'pending', ':publishing': 'publishing' },
        }),
      )
      .catch((error: unknown) => {
        if (!isConditionFailure(error)) throw error;
      });
  }

  async markEventPublished(articleId: string, at: Date): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: articleKey(articleId),
        UpdateExpression: 'SET eventStatus = :published, eventPublishedAt = :at REMOVE outbox, leaseUntil',
        ExpressionAttributeValues: { ':published': 'published', ':at': at.toISOString() },
      }),
    );
  }

  async listPendingEvents(olderThan: Date, limit: number): Promise<string[]> {
    const result = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'pending-events',
        KeyConditionExpression: 'outbox = :pending AND firstSeenAt < :before',
        ExpressionAttributeValues: { ':pending': 'PENDING', ':before': olderThan.toISOString() },
        Limit: limit,
      }),
    );
    return (result.Items ?? []).map((i) => String(i.pk).replace(/^ARTICLE#/, ''));
  }

  /** Removes an article's claim; used by tests and by operators who want an article fetched again. */
  async forgetClaim(articleId: string): Promise<void> {
    await this.doc.send(new DeleteCommand({ TableName: this.tableName, Key: claimKey(articleId) }));
  }

  private async batchWrite(requests: Record<string, unknown>[]): Promise<void> {
    for (let i = 0; i < requests.length; i += 25) {
      let pending: Record<string, unknown>[] | undefined = requests.slice(i, i + 25);
      for (let attempt = 0; pending && pending.length > 0; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(2000, 50 * 2 ** attempt)));
        if (attempt > 8)
          throw new Error(`BatchWriteItem left ${pending.length} unprocessed items after retries`);
        const result = await this.doc.send(
          new BatchWriteCommand({ RequestItems: { [this.tableName]: pending as never } }),
        );
        pending = result.UnprocessedItems?.[this.tableName] as Record<string, unknown>[] | undefined;
      }
    }
  }
}

/** One mention item per country the article names, under `COUNTRY#<ISO3>`, sorted by publication time. */
function mentionItems(article: ArticleRecord): Record<string, unknown>[] {
  const key = publishedKey(article.publishedAt, article.articleId);
  return article.countries.map((country) => ({
    ...mentionKey(country.code, key),
    articleId: article.articleId,
    title: article.title,
    publisher: article.publisher,
    publishedAt: article.publishedAt,
    diplomatic: article.classification.diplomatic,
    storyDyad: article.classification.dyad,
    storyType: article.classification.plover,
    mentions: country.count,
    namedAs: [...country.namedAs],
  }));
}

/** Maps an article to its table item, with the index attributes that make it findable. */
export function toArticleItem(
  article: ArticleRecord,
  eventStatus: StoryEventStatus | 'publishing',
): Record<string, unknown> {
  const c = article.classification;
  const key = publishedKey(article.publishedAt, article.articleId);
  const text =
    article.text.length > MAX_STORED_TEXT_CHARS ? article.text.slice(0, MAX_STORED_TEXT_CHARS) : article.text;
  const { sources: _sources, ...rest } = article;
  return {
    ...articleKey(article.articleId),
    ...rest,
    text,
    textTruncated: text.length < article.text.length || undefined,
    publishedKey: key,
    diplomatic: c.diplomatic,
    subtype: c.subtype,
    cameoCode: c.cameoCode,
    confidence: c.confidence,
    actorName: c.actor?.name,
    recipientName: c.recipient?.name,
    countryCodes: article.countries.map((x) => x.code),
    // Sparse index attributes: only diplomatic stories appear in the story indexes.
    storyList: c.diplomatic ? 'DIPLOMATIC' : undefined,
    dyad: c.diplomatic ? c.dyad : undefined,
    eventType: c.diplomatic ? c.plover : undefined,
    eventStatus,
    outbox: eventStatus === 'pending' || eventStatus === 'publishing' ? 'PENDING' : undefined,
  };
}

const INDEX_ONLY_ATTRIBUTES = [
  'pk',
  'sk',
  'publishedKey',
  'diplomatic',
  'subtype',
  'cameoCode',
  'confidence',
  'actorName',
  'recipientName',
  'countryCodes',
  'storyList',
  'dyad',
  'eventType',
  'eventStatus',
  'eventPublishedAt',
  'outbox',
  'leaseUntil',
  'textTruncated',
];

/** Maps a table item back to an article. */
export function fromArticleItem(item: Record<string, unknown>, sources?: ArticleSource[]): ArticleRecord {
  const record: Record<string, unknown> = { ...item };
  for (const name of INDEX_ONLY_ATTRIBUTES) delete record[name];
  return {
    ...(record as unknown as ArticleRecord),
    sources: sources ?? [
      {
        feedId: item.feedId as string,
        publisher: item.publisher as string,
        firstSeenAt: item.firstSeenAt as string,
      },
    ],
  };
}
