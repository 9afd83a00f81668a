/**
 * The article table's key design, shared by the CDK construct (lib/article-table.ts) and the local
 * embedded DynamoDB, so both create the same table. Every access pattern is one Query (docs/queries.md).
 *
 * Items:
 *  - article      pk `ARTICLE#<id>`        sk `META`            (+ index attributes below)
 *  - mention      pk `COUNTRY#<ISO3>`      sk `<publishedAt>#<id>` one per country an article names
 *  - feed         pk `FEED#<feedId>`       sk `STATE`           (+ health and due attributes)
 *  - claim        pk `ARTICLE#<id>`        sk `CLAIM`           the exactly-once "is this item new" record
 */
export interface IndexDesign {
  readonly name: string;
  readonly partitionKey: string;
  readonly sortKey?: string;
  /** `summary`: keys plus STORY_SUMMARY_ATTRIBUTES (keeps the article text out of the indexes); `all`: every attribute; `keys`: keys only. */
  readonly projection: 'summary' | 'all' | 'keys';
  /** What the index answers, for docs and the console. */
  readonly serves: string;
}

export const ARTICLE_TABLE = {
  partitionKey: 'pk',
  sortKey: 'sk',
  indexes: [
    {
      name: 'diplomatic-by-time',
      partitionKey: 'storyList',
      sortKey: 'publishedKey',
      projection: 'summary',
      serves: 'latest diplomatic stories, for a day or a range of days',
    },
    {
      name: 'stories-by-dyad',
      partitionKey: 'dyad',
      sortKey: 'publishedKey',
      projection: 'summary',
      serves: 'diplomatic stories between two countries',
    },
    {
      name: 'stories-by-type',
      partitionKey: 'eventType',
      sortKey: 'publishedKey',
      projection: 'summary',
      serves: 'diplomatic stories of a PLOVER event type',
    },
    {
      name: 'articles-by-feed',
      partitionKey: 'feedId',
      sortKey: 'publishedKey',
      projection: 'summary',
      serves: 'articles from one feed',
    },
    {
      name: 'articles-by-publisher',
      partitionKey: 'publisher',
      sortKey: 'publishedKey',
      projection: 'summary',
      serves: 'articles from one publisher',
    },
    {
      name: 'articles-by-url',
      partitionKey: 'canonicalUrl',
      projection: 'summary',
      serves: 'an article by its canonical URL',
    },
    {
      name: 'feeds-by-health',
      partitionKey: 'healthGroup',
      sortKey: 'healthKey',
      projection: 'all',
      serves: 'feed health: every feed, failing and parked ones first by prefix',
    },
    {
      name: 'feeds-due',
      partitionKey: 'dueGroup',
      sortKey: 'nextPollAt',
      projection: 'all',
      serves: 'feeds due for polling (dispatch)',
    },
    {
      name: 'pending-events',
      partitionKey: 'outbox',
      sortKey: 'firstSeenAt',
      projection: 'summary',
      serves: 'stories whose event is not yet published (outbox sweep)',
    },
  ] as const satisfies readonly IndexDesign[],
} as const;

/**
 * Attributes copied into the story and article indexes: what a console user wants to see in a result row.
 * DynamoDB allows 100 projected non-key attributes summed over all indexes: 13 x 6 indexes stays under it.
 */
export const STORY_SUMMARY_ATTRIBUTES = [
  'articleId',
  'title',
  'publisher',
  'feedId',
  'publishedAt',
  'canonicalUrl',
  'diplomatic',
  'subtype',
  'dyad',
  'eventType',
  'actorName',
  'recipientName',
  'countryCodes',
] as const;

export type ArticleIndexName = (typeof ARTICLE_TABLE.indexes)[number]['name'];

/** How an index projects attributes, as DynamoDB's CreateTable and CDK both express it. */
export function indexProjection(index: IndexDesign): {
  type: 'ALL' | 'KEYS_ONLY' | 'INCLUDE';
  nonKeyAttributes?: string[];
} {
  if (index.projection === 'all') return { type: 'ALL' };
  if (index.projection === 'keys') return { type: 'KEYS_ONLY' };
  // An index's own keys are projected anyway and may not be listed again.
  const own = new Set([index.partitionKey, index.sortKey]);
  return { type: 'INCLUDE', nonKeyAttributes: STORY_SUMMARY_ATTRIBUTES.filter((a) => !own.has(a)) };
}
