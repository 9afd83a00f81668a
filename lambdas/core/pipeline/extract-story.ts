/**
 * The extract stage: raw copy → main text and metadata → countries, people, organisations and the diplomatic
 * decision → the article table → the story event, raised exactly once through the outbox flag.
 */
import { createHash } from 'node:crypto';
import { extractArticle } from '../articles/extract';
import { analyseStory } from '../classify/analyse';
import { decodeDocument } from '../feeds/decode';
import type { ArticleRecord, RawArticleRecord } from '../model';
import type {
  ArticleRepository,
  Clock,
  RawArticleLocation,
  RawArticleStore,
  StoryEventPublisher,
} from '../ports';
import { publishStoryEvent } from './story-outbox';

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
  const eventRaised =
    status === 'leased' || status === 'pending'
      ? await publishStoryEvent(deps, article, { leased: status === 'leased' })
      : false;
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
