/**
 * Ports: the interfaces the core owns and the adapters implement (DynamoDB, S3, EventBridge, SQS, HTTP).
 * The use cases in core/pipeline depend on these only.
 */
import type {
  ArticleRecord,
  ArticleSource,
  DiplomaticStoryDetected,
  FeedConfig,
  FeedState,
  RawArticleRecord,
} from './model';

/** Supplies the current time; tests pass a fixed clock. */
export interface Clock {
  now(): Date;
}

/** The feed registry: every configured feed and its polling state. */
export interface FeedRegistry {
  /** Adds feeds not yet registered (existing ones keep their state; publisher and language are refreshed). */
  register(feeds: readonly FeedConfig[], now: Date): Promise<{ added: number }>;
  /** Feeds whose next poll time is at or before `now`, not parked, oldest due first. */
  listDue(now: Date, limit: number): Promise<FeedState[]>;
  /** Every feed with its state. */
  listAll(): Promise<FeedState[]>;
  get(feedId: string): Promise<FeedState | undefined>;
  /** Saves the state after a poll. */
  save(state: FeedState): Promise<void>;
}

/** Result of claiming an article id for a feed item. */
export type ClaimResult =
  /** First sighting: the caller fetches and stores the page. */
  | { readonly status: 'new' }
  /** Already known; this feed was added to its sources if it was not there yet. */
  | { readonly status: 'seen'; readonly addedSource: boolean };

/** Decides exactly once whether an article is new (a conditional write). */
export interface ArticleLedger {
  claim(articleId: string, canonicalUrl: string, source: ArticleSource): Promise<ClaimResult>;
  /** Records that the raw copy is stored: the claim is done. */
  markStored(articleId: string): Promise<void>;
  /** Gives a claim back when the page could not be fetched, so a later poll tries again (a few times). */
  release(articleId: string, reason: string): Promise<void>;
}

/** Keys of a raw article copy. */
export interface RawArticleLocation {
  readonly bucket: string;
  readonly pageKey: string;
  readonly itemKey: string;
}

/** Where raw pages and their fetch records are kept (S3 `raw/YYYY/MM/DD/<id>/`). */
export interface RawArticleStore {
  put(record: RawArticleRecord, page: Uint8Array): Promise<RawArticleLocation>;
  get(location: Pick<RawArticleLocation, 'itemKey'>): Promise<{ record: RawArticleRecord; page: Uint8Array }>;
  /** Item keys of raw copies first seen between two days (inclusive, `YYYY-MM-DD`). */
  listItemKeys(fromDay: string, toDay: string): AsyncIterable<string>;
}

/** How far the event of a stored diplomatic story has got (the outbox flag). */
export type StoryEventStatus = 'none' | 'pending' | 'published';

/**
 * What storing an article left to do about its event: `leased` (a new story, stored with the publish lease
 * already held by the caller), `pending` (publish it after taking the lease), `published` or `none`.
 */
export type SaveResult = StoryEventStatus | 'leased';

/** The article table. */
export interface ArticleRepository {
  /**
   * Stores an article and its index items. Idempotent: storing the same article again replaces it
   * but never moves its event status backwards (`published` stays `published`).
   */
  save(article: ArticleRecord, wantsEvent: boolean): Promise<SaveResult>;
  get(articleId: string): Promise<ArticleRecord | undefined>;
  /**
   * Takes the right to publish a pending story's event (pending → publishing, under a lease so that a publisher
   * that died is replaced). False when it is already published or another publisher holds it.
   */
  leaseEvent(articleId: string): Promise<boolean>;
  /** Puts a leased event back to pending after a failed publish. */
  releaseEvent(articleId: string): Promise<void>;
  /** Records that the story's event was published (the outbox flag). */
  markEventPublished(articleId: string, at: Date): Promise<void>;
  /** Stories whose event is still pending, first sighted before `olderThan`. */
  listPendingEvents(olderThan: Date, limit: number): Promise<string[]>;
}

/** Publishes story events (EventBridge in AWS, a JSON-lines file and the terminal locally). */
export interface StoryEventPublisher {
  publish(events: readonly DiplomaticStoryDetected[]): Promise<void>;
}

/** A request to poll one feed, as queued by dispatch. */
export interface PollRequest {
  readonly feedId: string;
  /** Seconds to hold the message back, to spread feeds of one host. */
  readonly delaySeconds: number;
  /**
   * When dispatch queued it (ISO). A poll that finds the feed polled after this skips: a later dispatch run
   * may queue a feed again while its delayed message still waits.
   */
  readonly dispatchedAt?: string;
}

/** The queue between dispatch and poll. */
export interface PollQueue {
  send(requests: readonly PollRequest[]): Promise<void>;
}

/** Options of one HTTP GET. */
export interface FetchOptions {
  readonly kind: 'feed' | 'page';
  readonly etag?: string;
  readonly lastModified?: string;
}

/** What an HTTP GET returned, after redirects and decompression. */
export interface FetchResponse {
  readonly status: number;
  /** The URL finally fetched. */
  readonly url: string;
  /** Set when the chain had only permanent redirects (301/308): the new address to store. */
  readonly permanentUrl?: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
  readonly durationMs: number;
}

/** Fetches feeds and pages, politely and safely. Throws `FetchError` for network, size and safety failures. */
export interface HttpFetcher {
  get(url: string, options: FetchOptions): Promise<FetchResponse>;
}
