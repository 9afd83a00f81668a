/**
 * The extract stage: raw copy → main text and metadata → countries, people, organisations and the diplomatic
 * decision → the article table → the story event, raised exactly once through the outbox flag.
 */
import { createHash } from 'node:crypto';
import { extractArticle } from '../articles/extract';
import { analyseStory } from '../classify/analyse';
import { decodeDocument } from '../feeds/decode';
import type { ArticleRecord, DiplomaticStoryDetected, RawArticleRecord } from '../model';
import type {
  ArticleRepository,
  Clock,
  RawArticleLocation,
  RawArticleStore,
  StoryEventPublisher,
} from '../ports';

/** What the extract stage needs from the outside world. */
export interface ExtractStoryDeps {
  readonly rawStore: RawArticleStore;
  readonly articles: ArticleRepository;
  readonly publisher: StoryEventPublisher;
  readonly clock: Clock;
  /** Where the article table lives, so events say where the metadata is. */
  readonly tableName: string;
  readonly bucketName: string;
}

/** The outcome of extracting one article. */
export interface ExtractReport {
  readonly articleId: string;
  readonly title: string;
  readonly publisher: string;
  readonly diplomatic: boolean;
  readonly dyad?: string;
  readonly eventType?: string;
  /** True when this call published the story's event. */
  readonly eventRaised: boolean;
}

/** Builds the stored article from a raw copy: extraction plus classification. Pure apart from the clock. */
export function buildArticle(
  record: RawArticleRecord,
  page: Uint8Array,
  location: RawArticleLocation,
  now: Date,
): ArticleRecord {
  const { text: html } = decodeDocument(page, { contentType: record.fetch.contentType, kind: 'html' });
  const extracted = extractArticle(html, {
    url: record.fetch.finalUrl,
    feedPublishedAt: record.item.publishedAt,
    feedTitle: record.item.title,
    httpContentLanguage: record.fetch.contentLanguage,
    feedLanguage: record.feedLanguage,
  });
  const title = extracted.title ?? record.item.title ?? record.canonicalUrl;
  const text = extracted.text || record.item.summary || '';
  const language = extracted.language ?? record.feedLanguage;
  const analysis = analyseStory({ title, text, language });
  return {
    articleId: record.articleId,
    canonicalUrl: record.canonicalUrl,
    title,
    byline: extracted.byline ?? record.item.author,
    language,
    siteName: extracted.siteName,
    summary: extracted.description ?? record.item.summary,
    leadImage: extracted.leadImage,
    publishedAt: extracted.publishedAt ?? record.item.publishedAt ?? record.firstSeenAt,
    modifiedAt: extracted.modifiedAt ?? record.item.updatedAt,
    firstSeenAt: record.firstSeenAt,
    extractedAt: now.toISOString(),
    wordCount: extracted.wordCount,
    contentHash: createHash('sha256').update(text).digest('hex'),
    feedId: record.feedId,
    publisher: record.publisher,
    sources: [
      {
        feedId: record.feedId,
        publisher: record.publisher,
        guid: record.item.guid,
        firstSeenAt: record.firstSeenAt,
      },
    ],
    raw: { bucket: location.bucket, pageKey: location.pageKey, itemKey: location.itemKey },
    text,
    countries: analysis.countries,
    people: analysis.people,
    organizations: analysis.organizations,
    classification: analysis.decision,
  };
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

/** Extracts one raw article, stores it, and raises its event if it is a new diplomatic story. */
export async function extractStory(deps: ExtractStoryDeps, itemKey: string): Promise<ExtractReport> {
  const { record, page } = await deps.rawStore.get({ itemKey });
  const location = {
    bucket: deps.bucketName,
    itemKey,
    pageKey: itemKey.replace(/item\.json$/, 'page.html.gz'),
  };
  const article = buildArticle(record, page, location, deps.clock.now());
  const status = await deps.articles.save(article, article.classification.diplomatic);
  const eventRaised = status === 'pending' ? await publishStoryEvent(deps, article) : false;
  const c = article.classification;
  return {
    articleId: article.articleId,
    title: article.title,
    publisher: article.publisher,
    diplomatic: c.diplomatic,
    dyad: c.dyad,
    eventType: c.plover,
    eventRaised,
  };
}

/**
 * Publishes a stored story's event under the outbox lease: at most one publisher at a time, the flag set only
 * after EventBridge accepted the event, and the lease given back when publishing fails.
 */
export async function publishStoryEvent(
  deps: Pick<ExtractStoryDeps, 'articles' | 'publisher' | 'clock' | 'tableName'>,
  article: ArticleRecord,
): Promise<boolean> {
  if (!(await deps.articles.leaseEvent(article.articleId))) return false;
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
  deps: Pick<ExtractStoryDeps, 'articles' | 'publisher' | 'clock' | 'tableName'>,
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
