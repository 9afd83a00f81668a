/**
 * Article metadata other than dates: title (cleaned of site suffixes), byline, site name, description,
 * lead image, canonical URL and declared language. Each field tries JSON-LD first, then Open Graph / Twitter /
 * Dublin Core meta tags, then the page's own markup, because that is the order in which publishers keep them
 * accurate.
 */
import type { DomDocument } from './dom';
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
  for (const meta of Array.from(document.querySelectorAll('meta'))) {
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
    // Unknown suffix: drop a trailing '| Section' or '| Brand' when it is short and the title stays long.
    const last = parts[parts.length - 1] as string;
    const lastSep = (seps[seps.length - 1] ?? '').trim();
    const head = parts.slice(0, -1).join(' ');
    if (lastSep === '|' && last.split(/\s+/).length <= 4 && head.split(/\s+/).length >= 4) end--;
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
  if (/^https?:\/\//i.test(s)) return undefined;
  s = s.replace(/^(?:by|written by|von|par|por|di|door|av|af|autor(?:in)?|author)\s*:?\s+/i, '');
  s = s.replace(/\s*(?:[|,]\s*)?(?:updated|published|posted)\b.*$/i, '');
  s = s.trim().replace(/[,;|]+$/, '');
  if (!s || s.length > 120) return undefined;
  return s;
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

  const siteName = clean(
    meta.get('og:site_name') ??
      ldString(article?.publisher) ??
      ldString(website?.name) ??
      ldString(org?.name) ??
      meta.get('application-name') ??
      meta.get('twitter:site')?.replace(/^@/, ''),
  );

  const docTitle = clean(document.querySelector('title')?.textContent);
  const rawTitle = clean(
    ldString(article?.headline) ??
      ldString(article?.name) ??
      meta.get('og:title') ??
      meta.get('twitter:title') ??
      meta.get('dc.title') ??
      meta.get('title') ??
      docTitle ??
      document.querySelector('h1')?.textContent,
  );
  const title = rawTitle ? cleanTitle(rawTitle, siteName, url) : undefined;

  let byline = cleanByline(
    ldNames(article?.author)
      .filter((n) => !/^https?:/i.test(n))
      .join(', ') || undefined,
  );
  if (!byline) {
    for (const key of [
      'author',
      'dc.creator',
      'parsely-author',
      'sailthru.author',
      'article:author',
      'byl',
    ]) {
      byline = cleanByline(meta.get(key));
      if (byline) break;
    }
  }
  if (!byline) {
    const el = document.querySelector(
      '[itemprop="author"] [itemprop="name"], [itemprop="author"], [rel="author"], .byline, .author-name, .author',
    );
    const content = el?.getAttribute('content');
    byline = cleanByline(content ?? el?.textContent ?? undefined);
  }

  const description = clean(
    ldString(article?.description) ??
      meta.get('og:description') ??
      meta.get('description') ??
      meta.get('twitter:description') ??
      meta.get('dc.description'),
  );

  const image =
    meta.get('og:image') ??
    meta.get('og:image:url') ??
    meta.get('og:image:secure_url') ??
    meta.get('twitter:image') ??
    meta.get('twitter:image:src') ??
    ldString(article?.image, 'url') ??
    document.querySelector('link[rel="image_src"]')?.getAttribute('href') ??
    undefined;

  const canonical =
    document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta.get('og:url') ?? undefined;

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
