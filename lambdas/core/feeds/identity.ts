/**
 * Article identity. An article is its canonical URL: the same story reached through two feeds, or re-published
 * with an edited title or a new GUID, keeps one id. Items without a usable link fall back to their GUID, scoped
 * to the feed, because GUIDs are only unique within one feed (and some feeds reuse one GUID for every item, so
 * a GUID never overrides a link).
 */
import { createHash } from 'node:crypto';
import type { FeedItem } from '../model';

/** Query parameters that only track the click and never select content. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  '__hstc',
  '__hssc',
  '__hsfp',
  'hsctatracking',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'vero_conv',
  'rb_clickid',
  's_cid',
  'cmpid',
  'ncid',
  'ocid',
  'sr_share',
  'spm',
  'wt_mc',
  'wt.mc_id',
  'at_medium',
  'at_campaign',
  'at_custom1',
  'at_custom2',
  'at_custom3',
  'at_custom4',
  'xtor',
  'ito',
  'ref_src',
  'ref_url',
  'soc_src',
  'soc_trk',
  'ns_mchannel',
  'ns_source',
  'ns_campaign',
  'ns_linkname',
  'ns_fee',
  'icid',
  'int_source',
  'int_medium',
  'int_campaign',
  'smid',
]);

/** Prefixes of tracking parameter families (`utm_source`, `pk_campaign`, `mtm_kwd`, ...). */
const TRACKING_PREFIXES = [
  'utm_',
  'pk_',
  'mtm_',
  'matomo_',
  'piwik_',
  'hmb_',
  'ga_',
  'stm_',
  'oly_',
  'vgo_ee',
];

function isTrackingParam(name: string): boolean {
  const n = name.toLowerCase();
  return TRACKING_PARAMS.has(n) || TRACKING_PREFIXES.some((p) => n.startsWith(p));
}

/**
 * The canonical form of an article URL: lower-case scheme and host, no default port, no fragment, tracking
 * parameters removed, the remaining query sorted; the path is kept as published (it is case-sensitive).
 */
export function canonicalArticleUrl(url: string): string {
  const u = new URL(url.trim());
  u.hash = '';
  u.username = '';
  u.password = '';
  // URL already lower-cases scheme and host and drops default ports; a trailing dot on the host is the same host
  if (u.hostname.endsWith('.')) u.hostname = u.hostname.slice(0, -1);
  const kept: [string, string][] = [];
  for (const [k, v] of u.searchParams) if (!isTrackingParam(k)) kept.push([k, v]);
  kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  u.search = kept.length ? new URLSearchParams(kept).toString() : '';
  if (!u.pathname) u.pathname = '/';
  return u.href;
}

/** A short stable hash: the first 16 hex digits of SHA-256. */
export function shortHash(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 16);
}

function usableHttpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const u = new URL(value.trim());
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    if (!u.hostname) return undefined;
    return canonicalArticleUrl(u.href);
  } catch {
    return undefined;
  }
}

/**
 * The article id and canonical URL of a feed item: from its link when it has a usable http(s) one, else from
 * its GUID scoped to the feed; undefined when the item has neither.
 */
export function articleIdentity(
  item: FeedItem,
  feed: { id: string; url: string },
): { articleId: string; canonicalUrl: string } | undefined {
  const fromLink = usableHttpUrl(item.url);
  if (fromLink) return { articleId: shortHash(fromLink), canonicalUrl: fromLink };
  const guid = item.guid?.trim();
  if (!guid) return undefined;
  // The GUID only identifies within its feed, so the feed id is part of the key.
  const articleId = shortHash(`guid\u0000${feed.id}\u0000${guid}`);
  const guidUrl = usableHttpUrl(guid);
  const canonicalUrl = guidUrl ?? `urn:newswire:${encodeURIComponent(feed.id)}:${encodeURIComponent(guid)}`;
  return { articleId, canonicalUrl };
}

/**
 * Removes repeats of one article within a single poll (same identity), keeping the first occurrence;
 * items with no identity are dropped.
 */
export function dedupeItems<T extends FeedItem>(
  items: readonly T[],
  feed: { id: string; url: string },
): { item: T; articleId: string; canonicalUrl: string }[] {
  const seen = new Set<string>();
  const out: { item: T; articleId: string; canonicalUrl: string }[] = [];
  for (const item of items) {
    const id = articleIdentity(item, feed);
    if (!id || seen.has(id.articleId)) continue;
    seen.add(id.articleId);
    out.push({ item, ...id });
  }
  return out;
}
