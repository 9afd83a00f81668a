/**
 * The domain model of Newswire: feeds, items, raw articles, stored articles and the diplomatic story event.
 * Nothing here knows about AWS; adapters translate these shapes to and from DynamoDB items, S3 objects and events.
 */

/** A feed as configured by the user (config/feeds.json) and kept in the feed registry. */
export interface FeedConfig {
  /** Stable short id chosen by the user, e.g. `khmer-times`. */
  readonly id: string;
  /** The feed URL as configured; a permanent redirect updates `FeedState.url`, not this. */
  readonly url: string;
  /** Publisher name shown in tables and events. */
  readonly publisher: string;
  /** Optional language hint (BCP 47) for articles of this feed. */
  readonly language?: string;
}

/** Why a feed stopped being polled. */
export type FeedParkReason = 'gone' | 'too-many-failures' | 'manual';

/** The polling state of one feed, as stored in the feed registry. */
export interface FeedState extends FeedConfig {
  /** Where the feed is fetched from now (after permanent redirects). */
  readonly currentUrl: string;
  readonly etag?: string;
  readonly lastModified?: string;
  /** ISO 8601 UTC. When the feed is next due. */
  readonly nextPollAt: string;
  readonly lastPolledAt?: string;
  readonly lastSuccessAt?: string;
  /** HTTP status or an error code such as `timeout`, `ssrf-blocked`, `parse-error`. */
  readonly lastStatus?: string;
  readonly lastError?: string;
  readonly consecutiveFailures: number;
  /** Adaptive interval currently used between polls, in seconds. */
  readonly intervalSeconds: number;
  /** Set when the feed is parked (not polled until resumed). */
  readonly parked?: { readonly reason: FeedParkReason; readonly at: string; readonly detail?: string };
  readonly itemsSeen: number;
  /** Recent item publication times (ISO), newest first, used to estimate the publishing rate. */
  readonly recentItemTimes?: readonly string[];
  /**
   * Ids of the articles this feed listed at its last successful poll, all settled in the ledger. Items with
   * these ids skip the ledger's conditional writes next time: a changed feed costs writes only for its new items.
   */
  readonly knownArticleIds?: readonly string[];
}

/** An enclosure (audio, video, image) attached to a feed item. */
export interface Enclosure {
  readonly url: string;
  readonly type?: string;
  readonly length?: number;
}

/** One entry of a parsed feed, normalised. */
export interface FeedItem {
  /** The item's GUID / Atom id / JSON Feed id, as given. */
  readonly guid?: string;
  /** Absolute link to the article page (resolved against xml:base and the feed URL). */
  readonly url?: string;
  readonly title?: string;
  readonly summary?: string;
  readonly author?: string;
  /** ISO 8601 UTC. */
  readonly publishedAt?: string;
  /** ISO 8601 UTC. */
  readonly updatedAt?: string;
  readonly categories: readonly string[];
  readonly enclosures: readonly Enclosure[];
}

/** A feed document after decoding, parsing and normalising. */
export interface ParsedFeed {
  readonly format: 'rss' | 'rdf' | 'atom' | 'json';
  readonly title?: string;
  /** `site` when the document has no title and `title` was made from its site's host, as feed readers do. */
  readonly titleSource?: 'document' | 'site';
  /** Link to the site the feed belongs to. */
  readonly link?: string;
  readonly description?: string;
  readonly language?: string;
  /** RSS `<ttl>` in minutes, when given. */
  readonly ttlMinutes?: number;
  readonly items: readonly FeedItem[];
}

/** Where an article was seen: one feed and its item. */
export interface ArticleSource {
  readonly feedId: string;
  readonly publisher: string;
  readonly guid?: string;
  readonly firstSeenAt: string;
}

/** The record kept beside a raw page in S3 (`item.json`): the feed item and how the page was fetched. */
export interface RawArticleRecord {
  readonly articleId: string;
  readonly canonicalUrl: string;
  readonly feedId: string;
  readonly feedUrl: string;
  readonly publisher: string;
  readonly feedLanguage?: string;
  readonly item: FeedItem;
  readonly fetch: {
    readonly status: number;
    readonly finalUrl: string;
    readonly contentType?: string;
    readonly contentLanguage?: string;
    readonly fetchedAt: string;
    readonly durationMs: number;
    readonly bytes: number;
  };
  readonly firstSeenAt: string;
}

/** A country named in an article. */
export interface CountryMention {
  /** ISO 3166-1 alpha-3. */
  readonly code: string;
  readonly name: string;
  readonly count: number;
  /** How it was named: `name`, `demonym`, `capital`, `leader-title`, `code`. */
  readonly namedAs: readonly string[];
}

/** A person named in an article. */
export interface PersonMention {
  readonly name: string;
  readonly role?: string;
  /** ISO3 of the country the text ties the person to. */
  readonly country?: string;
  readonly count: number;
}

/** An organisation named in an article. */
export interface OrganizationMention {
  readonly name: string;
  readonly acronym?: string;
  /** `igo`, `party`, `ministry`, `company`, `court`, `ngo`, `sports-body`, `central-bank`, `other`. */
  readonly type: string;
  /** ISO3 for national bodies; absent for international ones. */
  readonly country?: string;
  readonly count: number;
}

/** One side of the main event. */
export interface EventActor {
  readonly name: string;
  /** ISO 3166-1 alpha-3 country code or an IGO code (`UN`, `EU`, `ASEAN`, ...). */
  readonly country: string;
  readonly role?: string;
}

export type DiplomaticSubtype = 'cooperative' | 'conflictual' | 'mixed';

/** PLOVER root event types. */
export type PloverType =
  | 'AGREE'
  | 'CONSULT'
  | 'SUPPORT'
  | 'CONCEDE'
  | 'COOPERATE'
  | 'AID'
  | 'RETREAT'
  | 'REQUEST'
  | 'ACCUSE'
  | 'REJECT'
  | 'THREATEN'
  | 'PROTEST'
  | 'MOBILIZE'
  | 'SANCTION'
  | 'COERCE'
  | 'ASSAULT';

/** The classifier's verdict on an article's main event. */
export interface DiplomaticDecision {
  readonly diplomatic: boolean;
  readonly subtype?: DiplomaticSubtype;
  readonly plover?: PloverType;
  /** CAMEO code, e.g. `051`. */
  readonly cameoCode?: string;
  /** CAMEO root, e.g. `05`. */
  readonly cameoRoot?: string;
  /** 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
  readonly quadClass?: 1 | 2 | 3 | 4;
  readonly goldstein?: number;
  readonly actor?: EventActor;
  readonly recipient?: EventActor;
  /** `KHM-RUS` (two countries alphabetical) or `RUS-EU` (country first, then the body). */
  readonly dyad?: string;
  /** 0..1 */
  readonly confidence: number;
  /** The sentences that decided it. */
  readonly evidence: readonly string[];
  /** Human-readable reason, shown in evaluation error lists. */
  readonly reason: string;
}

/** Everything the classifier finds in one article. */
export interface StoryAnalysis {
  readonly countries: readonly CountryMention[];
  readonly people: readonly PersonMention[];
  readonly organizations: readonly OrganizationMention[];
  readonly decision: DiplomaticDecision;
}

/** Metadata and main text extracted from an article page. */
export interface ExtractedArticle {
  readonly title?: string;
  readonly byline?: string;
  /** ISO 8601 UTC. */
  readonly publishedAt?: string;
  /** ISO 8601 UTC. */
  readonly modifiedAt?: string;
  readonly canonicalUrl?: string;
  /** BCP 47 primary tag, lower case (`en`, `fr`). */
  readonly language?: string;
  readonly siteName?: string;
  readonly description?: string;
  readonly leadImage?: string;
  /** Main text, paragraphs separated by blank lines. */
  readonly text: string;
  readonly wordCount: number;
}

/** An article as stored in the article table. */
export interface ArticleRecord {
  readonly articleId: string;
  readonly canonicalUrl: string;
  readonly title: string;
  readonly byline?: string;
  readonly language?: string;
  readonly siteName?: string;
  readonly summary?: string;
  readonly leadImage?: string;
  /** Published time from the page, else the feed, else first seen. ISO 8601 UTC. */
  readonly publishedAt: string;
  readonly modifiedAt?: string;
  readonly firstSeenAt: string;
  readonly extractedAt: string;
  readonly wordCount: number;
  readonly contentHash: string;
  /** The feed that first delivered the article. */
  readonly feedId: string;
  readonly publisher: string;
  /** Every feed the article was seen in. */
  readonly sources: readonly ArticleSource[];
  /** S3 keys of the raw copy. */
  readonly raw: { readonly bucket: string; readonly pageKey: string; readonly itemKey: string };
  readonly text: string;
  readonly countries: readonly CountryMention[];
  readonly people: readonly PersonMention[];
  readonly organizations: readonly OrganizationMention[];
  readonly classification: DiplomaticDecision;
}

/** The detail of the `Diplomatic Story Detected` event (schemas/diplomatic-story-detected.v1.json). */
export interface DiplomaticStoryDetected {
  readonly schemaVersion: '1';
  /** Stable id subscribers deduplicate on: the article id. */
  readonly storyId: string;
  readonly articleId: string;
  readonly url: string;
  readonly title: string;
  readonly publisher: string;
  readonly feedId: string;
  readonly language?: string;
  readonly publishedAt: string;
  readonly detectedAt: string;
  readonly subtype: DiplomaticSubtype;
  readonly eventType: {
    readonly plover: PloverType;
    readonly cameoCode?: string;
    readonly cameoRoot?: string;
    readonly quadClass?: number;
    readonly goldstein?: number;
  };
  readonly actor?: EventActor;
  readonly recipient?: EventActor;
  readonly dyad?: string;
  readonly countries: readonly string[];
  readonly confidence: number;
  readonly evidence: readonly string[];
  readonly raw: { readonly bucket: string; readonly pageKey: string; readonly itemKey: string };
  readonly metadata: { readonly table: string; readonly key: { readonly pk: string; readonly sk: string } };
}
