/**
 * The story-event outbox: a stored diplomatic story's event is published under a lease, flagged once
 * EventBridge accepted it, and republished by a sweep when a publisher died in between. Kept apart from
 * extraction so the dispatch function can sweep without bundling the extractor.
 */
import type { ArticleRecord, DiplomaticStoryDetected } from '../model';
import type { ArticleRepository, Clock, StoryEventPublisher } from '../ports';

/** What publishing story events needs. */
export interface StoryOutboxDeps {
  readonly articles: ArticleRepository;
  readonly publisher: StoryEventPublisher;
  readonly clock: Clock;
  /** Where the article table lives, so events say where the metadata is. */
  readonly tableName: string;
}

/** The event detail for a diplomatic story. */
export function toStoryEvent(
  article: ArticleRecord,
  tableName: string,
  detectedAt: Date,
): DiplomaticStoryDetected {
  const c = article.classification;
  if (!c.diplomatic || !c.plover || !c.subtype)
    throw new Error(`article ${article.articleId} is not a diplomatic story`);
  return {
    schemaVersion: '1',
    storyId: article.articleId,
    articleId: article.articleId,
    url: article.canonicalUrl,
    title: article.title,
    publisher: article.publisher,
    feedId: article.feedId,
    language: article.language,
    publishedAt: article.publishedAt,
    detectedAt: detectedAt.toISOString(),
    subtype: c.subtype,
    eventType: {
      plover: c.plover,
      cameoCode: c.cameoCode,
      cameoRoot: c.cameoRoot,
      quadClass: c.quadClass,
      goldstein: c.goldstein,
    },
    actor: c.actor,
    recipient: c.recipient,
    dyad: c.dyad,
    countries: article.countries.map((x) => x.code),
    confidence: c.confidence,
    evidence: c.evidence,
    raw: article.raw,
    metadata: { table: tableName, key: { pk: `ARTICLE#${article.articleId}`, sk: 'META' } },
  };
}

/**
 * Publishes a stored story's event under the outbox lease: at most one publisher at a time, the flag set only
 * after EventBridge accepted the event, and the lease given back when publishing fails. `leased`: the caller
 * already holds the lease (a new story is stored with it).
 */
export async function publishStoryEvent(
  deps: StoryOutboxDeps,
  article: ArticleRecord,
  options: { leased?: boolean } = {},
): Promise<boolean> {
  if (!options.leased && !(await deps.articles.leaseEvent(article.articleId))) return false;
  try {
    await deps.publisher.publish([toStoryEvent(article, deps.tableName, deps.clock.now())]);
  } catch (error) {
    await deps.articles.releaseEvent(article.articleId);
    throw error;
  }
  await deps.articles.markEventPublished(article.articleId, deps.clock.now());
  return true;
}

/** Publishes the events of stories left pending (a publisher died, or EventBridge refused them) for a while. */
export async function sweepPendingStories(
  deps: StoryOutboxDeps,
  options: { olderThanMs: number; limit: number },
): Promise<{ published: number; failed: number }> {
  const before = new Date(deps.clock.now().getTime() - options.olderThanMs);
  let published = 0;
  let failed = 0;
  for (const articleId of await deps.articles.listPendingEvents(before, options.limit)) {
    const article = await deps.articles.get(articleId);
    if (!article) continue;
    try {
      if (await publishStoryEvent(deps, article)) published++;
    } catch {
      failed++;
    }
  }
  return { published, failed };
}
