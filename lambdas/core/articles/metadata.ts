/**
 * Article metadata other than dates: title (cleaned of site suffixes), byline, site name, description,
 * lead image, canonical URL and declared language. Each field tries JSON-LD first, then Open Graph / Twitter /
 * Dublin Core meta tags, then the page's own markup, because that is the order in which publishers keep them
 * accurate.
 */

import { isDateLine } from './dates';
import {
  classOf,
  type DomDocument,
  type DomElement,
  type DomNode,
  firstByTag,
  linkHref,
  pageIndex,
  tagOf,
  walkElements,
} from './dom';
import { hasType, isArticleNode, type JsonLdNode, ldNames, ldString } from './json-ld';
import { primaryLanguage } from './language';

/** The metadata fields read from the page head and structured data. */
export interface PageMetadata {
  readonly title?: string;
  /** The title as the page gave it, before removing the site name. */
  readonly rawTitle?: string;
  readonly byline?: string;
  readonly siteName?: string;
  readonly description?: string;
  readonly leadImage?: string;
  readonly canonicalUrl?: string;
  /** Declared by the document (`<html lang>`, content-language meta, og:locale). */
  readonly language?: string;
}

/** Meta tags keyed by lower-case property/name; the first value wins. */
export function readMetaTags(document: DomDocument): Map<string, string> {
  const map = new Map<string, string>();
  for (const meta of pageIndex(document).metas) {
    const content = meta.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const raw = meta.getAttribute(attr);
      if (!raw) continue;
      // `property` may hold several space-separated names.
      for (const key of raw.toLowerCase().split(/\s+/)) {
        if (key && !map.has(key)) map.set(key, content);
      }
    }
  }
  return map;
}

function clean(s: string | null | undefined): string | undefined {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : undefined;
}

function absolute(href: string | undefined, base: string): string | undefined {
  if (!href) return undefined;
  try {
    return new URL(href.trim(), base).toString();
  } catch {
    return undefined;
  }
}

function hostWords(url: string): string[] {
  try {
    const host = new URL(url).hostname.replace(/^www\d?\./, '');
    return host.split('.').filter((p) => p.length > 2);
  } catch {
    return [];
  }
}

function squash(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

const SEPARATORS = /\s+[|\-–—:·•»«/]\s+|\s+::\s+/;

/**
 * Removes a site name from either end of a title (`Story - Site`, `Site | Story`): a part is dropped when it
 * names the site or the host, or, for the last part only, when it is much shorter than the rest.
 */
export function cleanTitle(title: string, siteName: string | undefined, url: string): string {
  const t = title.replace(/\s+/g, ' ').trim();
  const parts = t.split(SEPARATORS);
  if (parts.length < 2) return t;
  const seps = t.match(new RegExp(SEPARATORS.source, 'g')) ?? [];
  const site = siteName ? squash(siteName) : '';
  const hosts = hostWords(url).map(squash);
  const isSite = (p: string): boolean => {
    const q = squash(p);
    if (!q) return true;
    if (site && (q === site || (q.length >= 3 && (site.includes(q) || q.includes(site)) && p.length < 40)))
      return true;
    return hosts.some((h) => h.length > 3 && (q === h || (q.includes(h) && p.split(/\s+/).length <= 4)));
  };
  let start = 0;
  let end = parts.length;
  while (end - start > 1 && isSite(parts[end - 1] as string)) end--;
  while (end - start > 1 && isSite(parts[start] as string)) start++;
  if (start === 0 && end === parts.length) {
    // Unknown suffix: a short last part after '|', '-', '–', '—', '·' or '»' is a brand or a section when
    // the rest is still a full headline.
    const last = parts[parts.length - 1] as string;
    const lastSep = (seps[seps.length - 1] ?? '').trim();
    const head = parts.slice(0, -1).join(' ');
    if (/^[|\-–—·»]$/.test(lastSep) && last.split(/\s+/).length <= 4 && head.split(/\s+/).length >= 4) end--;
  }
  if (start === 0 && end === parts.length) return t;
  let out = parts[start] as string;
  for (let i = start + 1; i < end; i++) out += `${seps[i - 1] ?? ' - '}${parts[i]}`;
  return out.trim();
}

/** Strips "By", "Von", "Par", dates and roles glued to a byline, and rejects values that are URLs. */
export function cleanByline(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let s = raw.replace(/\s+/g, ' ').trim();
  if (/^https?:\/\//i.test(s) || /^(?:last\s+)?(?:updated|modified|published)\b/i.test(s)) return undefined;
  s = s.replace(/^(?:by|written by|von|par|por|di|door|av|af|autor(?:in)?|author)\s*:?\s+/i, '');
  s = s.replace(/\s*(?:[|,]\s*)?(?:updated|published|posted)\b.*$/i, '');
  // Dates, times, handles and "8h ago" glued after the name.
  s = s.replace(
    /\s*(?:[-–—|•·,]\s*)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d{1,2}[:/.]\d|\d+\s*[hm]\b|@\w).*$/i,
    '',
  );
  s = s.trim().replace(/[\s\d,;|•·—–-]+$/, '');
  if (!s || s.length > 120) return undefined;
  return s;
}

const BYLINE_META = [
  'dc:creator',
  'dc.creator',
  'dcterm:creator',
  'dcterms.creator',
  'author',
  'parsely-author',
  'sailthru.author',
  'article:author',
  'byl',
];

function first(meta: Map<string, string>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const v = meta.get(key);
    if (v) return v;
  }
  return undefined;
}

function words(s: string): Set<string> {
  return new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** Share of `a`'s words found in `b`. */
function overlap(a: string, b: string): number {
  const wa = words(a);
  if (wa.size === 0) return 0;
  const wb = words(b);
  let n = 0;
  for (const w of wa) if (wb.has(w)) n++;
  return n / wa.size;
}

/**
 * JSON-LD `headline` and `name` usually agree; when they do not, one of them is often the site's name or a
 * description, so the one that the HTML `<title>` confirms wins.
 */
function articleTitle(article: JsonLdNode | undefined, docTitle: string | undefined): string | undefined {
  const headline = ldString(article?.headline);
  const name = typeof article?.name === 'string' ? article.name.trim() : undefined;
  if (headline && name && headline !== name && docTitle) {
    if (overlap(headline, docTitle) >= 0.75) return headline;
    if (overlap(name, docTitle) >= 0.75) return name;
  }
  return headline ?? name;
}

/** "Aktuálně.cz - Víte, co se právě děje" → "Aktuálně.cz": the brand without its slogan. */
function siteNameWithoutTagline(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const [head, ...rest] = name.split(/\s+[|\-–—:]\s+/);
  return rest.length && head && head.split(/\s+/).length <= 3 ? head : name;
}

const BYLINE_HINT = /byline|author|writtenby|dateline/i;
const NOT_BYLINE_AREA = /comment/i;

function isBylineElement(el: DomElement, cls: string): boolean {
  if (/(?:^|\s)author(?:\s|$)/.test(el.getAttribute('itemprop') ?? '')) return true;
  if (el.getAttribute('rel') === 'author') return true;
  return BYLINE_HINT.test(`${cls} ${el.getAttribute('id') ?? ''}`);
}

function nameInside(el: DomElement): DomElement | undefined {
  let found: DomElement | undefined;
  walkElements(el, (child) => {
    if (found) return false;
    if (child.getAttribute('itemprop') === 'name') found = child;
    return !found;
  });
  return found;
}

/** A byline printed in the page: the first short author element, as Readability looks for it. */
function bylineFromMarkup(document: DomDocument): string | undefined {
  let byline: string | undefined;
  walkElements(document as unknown as DomNode, (el) => {
    if (byline) return false;
    const tag = tagOf(el);
    // Comments, footers and sidebars carry other people's names.
    if (tag === 'footer' || tag === 'aside' || tag === 'script' || tag === 'style') return false;
    const cls = classOf(el);
    if (NOT_BYLINE_AREA.test(cls)) return false;
    if (!isBylineElement(el, cls)) return true;
    const raw = el.getAttribute('content') ?? nameInside(el)?.textContent ?? el.textContent ?? '';
    const text = raw.replace(/\s+/g, ' ').trim();
    // A "dateline" element often holds only the date.
    if (text.length < 3 || text.length > 100 || isDateLine(text, true)) return true;
    const cleaned = cleanByline(text);
    // A long run of words without a comma or "and" is a headline in an author box, not a list of names.
    const wordCount = cleaned?.split(/\s+/).length ?? 0;
    if (cleaned && wordCount > 6 && !/,|\s(?:and|et|und|y|e|i|avec|with)\s|&|\(/.test(cleaned)) return true;
    if (cleaned && /\p{L}/u.test(cleaned)) byline = cleaned;
    return !byline;
  });
  return byline;
}

function articleNode(nodes: readonly JsonLdNode[]): JsonLdNode | undefined {
  return nodes.find(isArticleNode);
}

/** Reads title, byline, site name, description, image, canonical URL and declared language. */
export function readMetadata(
  document: DomDocument,
  jsonLd: readonly JsonLdNode[],
  url: string,
): PageMetadata {
  const meta = readMetaTags(document);
  const article = articleNode(jsonLd);
  const org = jsonLd.find((n) => hasType(n, 'Organization') || hasType(n, 'NewsMediaOrganization'));
  const website = jsonLd.find((n) => hasType(n, 'WebSite'));

  const siteName = siteNameWithoutTagline(
    clean(
      meta.get('og:site_name') ??
        ldString(article?.publisher) ??
        ldString(website?.name) ??
        ldString(org?.name) ??
        meta.get('application-name') ??
        meta.get('twitter:site')?.replace(/^@/, ''),
    ),
  );

  const docTitle = clean(firstByTag(document, 'title')?.textContent);
  const rawTitle = clean(
    articleTitle(article, docTitle) ??
      first(meta, [
        'dc:title',
        'dc.title',
        'dcterm:title',
        'dcterms.title',
        'og:title',
        'twitter:title',
        'parsely-title',
      ]) ??
      docTitle ??
      firstByTag(document, 'h1')?.textContent,
  );
  const title = rawTitle ? cleanTitle(rawTitle, siteName, url) : undefined;

  let byline = cleanByline(
    ldNames(article?.author)
      .filter((n) => !/^https?:/i.test(n))
      .join(', ') || undefined,
  );
  for (const key of BYLINE_META) {
    if (byline) break;
    byline = cleanByline(meta.get(key));
  }
  if (!byline) byline = bylineFromMarkup(document);

  const description = clean(
    ldString(article?.description) ??
      first(meta, [
        'dc:description',
        'dc.description',
        'dcterm:description',
        'dcterms.description',
        'og:description',
        'weibo:article:description',
        'weibo:webpage:description',
        'description',
        'twitter:description',
      ]),
  );

  const image =
    meta.get('og:image') ??
    meta.get('og:image:url') ??
    meta.get('og:image:secure_url') ??
    meta.get('twitter:image') ??
    meta.get('twitter:image:src') ??
    ldString(article?.image, 'url') ??
    linkHref(document, 'image_src') ??
    undefined;

  const canonical = linkHref(document, 'canonical') ?? meta.get('og:url') ?? undefined;

  const language =
    primaryLanguage(document.documentElement?.getAttribute('lang')) ??
    primaryLanguage(document.documentElement?.getAttribute('xml:lang')) ??
    primaryLanguage(meta.get('content-language')) ??
    primaryLanguage(meta.get('language')) ??
    primaryLanguage(meta.get('dc.language')) ??
    primaryLanguage(ldString(article?.inLanguage)) ??
    primaryLanguage(meta.get('og:locale'));

  return {
    title,
    rawTitle,
    byline,
    siteName,
    description,
    leadImage: absolute(image, url),
    canonicalUrl: absolute(canonical, url),
    language,
  };
}
