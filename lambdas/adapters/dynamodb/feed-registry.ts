/**
 * DynamoDB adapter for the feed registry: one item per feed (`FEED#<id>` / `STATE`) holding its polling state,
 * indexed for "feeds due now" (dispatch) and "feed health" (the console and `newswire feeds`).
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { initialFeedState } from '../../core/feeds/schedule';
import type { FeedConfig, FeedState } from '../../core/model';
import type { FeedRegistry } from '../../core/ports';

const feedKey = (feedId: string) => ({ pk: `FEED#${feedId}`, sk: 'STATE' });

/** The health bucket a feed sorts under in the `feeds-by-health` index. */
export function feedHealth(state: FeedState): 'parked' | 'failing' | 'ok' | 'new' {
  if (state.parked) return 'parked';
  if (state.consecutiveFailures > 0) return 'failing';
  return state.lastSuccessAt ? 'ok' : 'new';
}

function toFeedItem(state: FeedState): Record<string, unknown> {
  return {
    ...feedKey(state.id),
    ...state,
    healthGroup: 'FEEDS',
    healthKey: `${feedHealth(state)}#${state.id}`,
    // Parked feeds leave the due index, so dispatch never sees them.
    dueGroup: state.parked ? undefined : 'DUE',
  };
}

function fromFeedItem(item: Record<string, unknown>): FeedState {
  const { pk: _pk, sk: _sk, healthGroup: _hg, healthKey: _hk, dueGroup: _dg, ...state } = item;
  return state as unknown as FeedState;
}

/** The feed registry on the article table. */
export class DynamoFeedRegistry implements FeedRegistry {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    readonly tableName: string,
  ) {}

  async register(feeds: readonly FeedConfig[], now: Date): Promise<{ added: number }> {
    let added = 0;
    for (const feed of feeds) {
      try {
        await this.doc.send(
          new PutCommand({
            TableName: this.tableName,
            Item: toFeedItem(initialFeedState(feed, now)),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        added++;
      } catch (error) {
        if (
          !(
            error instanceof ConditionalCheckFailedException ||
            (error as Error).name === 'ConditionalCheckFailedException'
          )
        ) {
          throw error;
        }
        // Known feed: keep its state, refresh what the user may have edited in the feed list.
        await this.doc.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: feedKey(feed.id),
            UpdateExpression: `SET publisher = :publisher, #url = :url${feed.language ? ', #language = :language' : ''}`,
            ExpressionAttributeNames: {
              '#url': 'url',
              ...(feed.language ? { '#language': 'language' } : {}),
            },
            ExpressionAttributeValues: {
              ':publisher': feed.publisher,
              ':url': feed.url,
              ...(feed.language ? { ':language': feed.language } : {}),
            },
          }),
        );
      }
    }
    return { added };
  }

  async listDue(now: Date, limit: number): Promise<FeedState[]> {
    const due: FeedState[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'feeds-due',
          KeyConditionExpression: 'dueGroup = :due AND nextPollAt <= :now',
          ExpressionAttributeValues: { ':due': 'DUE', ':now': now.toISOString() },
          Limit: Math.min(limit - due.length, 1000),
          ExclusiveStartKey: startKey,
        }),
      );
      due.push(...(page.Items ?? []).map(fromFeedItem));
      startKey = page.LastEvaluatedKey;
    } while (startKey && due.length < limit);
    return due;
  }

  async listAll(): Promise<FeedState[]> {
    const feeds: FeedState[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'feeds-by-health',
          KeyConditionExpression: 'healthGroup = :feeds',
          ExpressionAttributeValues: { ':feeds': 'FEEDS' },
          ExclusiveStartKey: startKey,
        }),
      );
      feeds.push(...(page.Items ?? []).map(fromFeedItem));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return feeds.sort((a, b) => a.id.localeCompare(b.id));
  }

  async get(feedId: string): Promise<FeedState | undefined> {
    const result = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: feedKey(feedId), ConsistentRead: true }),
    );
    return result.Item ? fromFeedItem(result.Item) : undefined;
  }

  async save(state: FeedState): Promise<void> {
    await this.doc.send(new PutCommand({ TableName: this.tableName, Item: toFeedItem(state) }));
  }
}
