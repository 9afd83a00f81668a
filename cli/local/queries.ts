/**
 * The analyst's access patterns, each as exactly one DynamoDB Query (docs/queries.md shows the same queries
 * for the console and the AWS CLI). Used by `newswire query` and by the integration tests.
 */
import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';

/** What the user asked for; at most one of the selectors (country, dyad, type, feed, publisher, id, url, feeds). */
export interface StoryQuery {
  readonly country?: string;
  readonly dyad?: string;
  readonly type?: string;
  readonly feed?: string;
  readonly publisher?: string;
  readonly articleId?: string;
  readonly url?: string;
  /** `all` or `failing` or `parked`: the feed health list. */
  readonly feeds?: 'all' | 'failing' | 'parked';
  /** First day, `YYYY-MM-DD`, inclusive. */
  readonly since?: string;
  /** Last day, `YYYY-MM-DD`, inclusive. */
  readonly until?: string;
  /** Only diplomatic stories (for the country, feed and publisher queries, which list every article). */
  readonly diplomaticOnly?: boolean;
  readonly limit?: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The exclusive upper bound for a day: the next day, which sorts after every key of the day itself. */
function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function range(query: StoryQuery): { from: string; to: string } {
  for (const [name, value] of [
    ['since', query.since],
    ['until', query.until],
  ] as const) {
    if (value !== undefined && !DAY.test(value))
      throw new Error(`--${name} takes a day as YYYY-MM-DD, got '${value}'`);
  }
  return { from: query.since ?? '0000-01-01', to: query.until ? dayAfter(query.until) : '9999-12-31' };
}

/** Turns a request into the one Query that answers it. */
export function buildQuery(tableName: string, query: StoryQuery): QueryCommandInput {
  const { from, to } = range(query);
  const newestFirst = { ScanIndexForward: false, Limit: query.limit ?? 50 };
  const timeRange = (
    index: string | undefined,
    pkName: string,
    pkValue: string,
    skName: string,
  ): QueryCommandInput => ({
    TableName: tableName,
    ...(index ? { IndexName: index } : {}),
    KeyConditionExpression: `${pkName} = :key AND ${skName} BETWEEN :from AND :to`,
    ExpressionAttributeValues: {
      ':key': pkValue,
      ':from': from,
      ':to': to,
      ...(query.diplomaticOnly ? { ':yes': true } : {}),
    },
    ...(query.diplomaticOnly ? { FilterExpression: 'diplomatic = :yes' } : {}),
    ...newestFirst,
  });

  if (query.articleId) {
    return {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `ARTICLE#${query.articleId}` },
    };
  }
  if (query.url) {
    return {
      TableName: tableName,
      IndexName: 'articles-by-url',
      KeyConditionExpression: 'canonicalUrl = :url',
      ExpressionAttributeValues: { ':url': query.url },
    };
  }
  if (query.feeds) {
    return {
      TableName: tableName,
      IndexName: 'feeds-by-health',
      KeyConditionExpression:
        query.feeds === 'all'
          ? 'healthGroup = :feeds'
          : 'healthGroup = :feeds AND begins_with(healthKey, :health)',
      ExpressionAttributeValues: {
        ':feeds': 'FEEDS',
        ...(query.feeds === 'all' ? {} : { ':health': `${query.feeds}#` }),
      },
    };
  }
  if (query.country) return timeRange(undefined, 'pk', `COUNTRY#${query.country.toUpperCase()}`, 'sk');
  if (query.dyad) return timeRange('stories-by-dyad', 'dyad', query.dyad.toUpperCase(), 'publishedKey');
  if (query.type) return timeRange('stories-by-type', 'eventType', query.type.toUpperCase(), 'publishedKey');
  if (query.feed) return timeRange('articles-by-feed', 'feedId', query.feed, 'publishedKey');
  if (query.publisher)
    return timeRange('articles-by-publisher', 'publisher', query.publisher, 'publishedKey');
  return timeRange('diplomatic-by-time', 'storyList', 'DIPLOMATIC', 'publishedKey');
}

/** Runs a query and returns its items (following pages up to the limit). */
export async function runQuery(
  doc: DynamoDBDocumentClient,
  input: QueryCommandInput,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  const limit = input.Limit ?? Number.POSITIVE_INFINITY;
  do {
    const page = await doc.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey && items.length < limit);
  return items.slice(0, limit);
}
