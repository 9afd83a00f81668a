/**
 * Extracts an article's main text and metadata from its HTML page. Pure and synchronous: the caller decodes
 * the bytes (feeds/decode.ts) and passes what it knows from the feed and the HTTP response as fallbacks.
 */

import { parseHTML } from 'linkedom';
import type { ExtractedArticle } from '../model';
import { findDates, type PageDate } from './dates';
import { type DomDocument, firstByTag } from './dom';
import { isArticleNode, readJsonLd } from './json-ld';
import { detectLanguage, primaryLanguage } from './language';
import { extractMainBlocks } from './main-text';
import { readMetadata } from './metadata';

/** What the pipeline knows about a page besides its HTML. */
export interface ExtractOptions {
  /** The page's final URL: base for relative links, and a date source of last resort. */
  readonly url: string;
  /** ISO 8601; used when the page states no publication date. */
  readonly feedPublishedAt?: string;
  /** Used when the page has no title of its own. */
  readonly feedTitle?: string;
  /** `Content-Language` of the HTTP response. */
  readonly httpContentLanguage?: string;
  /** The feed's declared language. */
  readonly feedLanguage?: string;
}

const US_STYLE_TLD = /\.(?:com|org|net|us|edu|gov)$/;

function monthFirstFor(document: DomDocument, url: string): boolean {
  const lang = (document.documentElement?.getAttribute('lang') ?? '').toLowerCase();
  if (lang === 'en-us') return true;
  if (lang && !lang.startsWith('en')) return false;
  try {
    return lang.startsWith('en') && US_STYLE_TLD.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

// Script, style, SVG and comment bodies never hold article text; JSON-LD scripts are kept for metadata.
const NEVER_TEXT =
  /<script\b(?![^>]*ld\+json)[^>]*>[\s\S]*?<\/script\s*>|<style\b[^>]*>[\s\S]*?<\/style\s*>|<svg\b[^>]*>[\s\S]*?<\/svg\s*>|<noscript\b[^>]*>[\s\S]*?<\/noscript\s*>|<!--[\s\S]*?-->/gi;
// Whitespace right after a block-level tag and before another tag is invisible in the text.
const BLOCK_WHITESPACE =
  /(<\/?(?:div|p|li|ul|ol|dl|dd|dt|section|article|header|footer|nav|aside|table|tr|td|th|tbody|thead|tfoot|h[1-6]|figure|figcaption|main|form|head|body|html|meta|link|title|blockquote|hr|option|select|picture|source|input|label|fieldset)\b[^>]*>)\s+(?=<)/gi;

/**
 * Drops what can never be article text before parsing: a DOM node costs far more than a regular expression
 * pass, and a third of a typical page's nodes are scripts, styles, icons and indentation.
 */
export function slimHtml(html: string): string {
  return dropNavigation(html.replace(NEVER_TEXT, '')).replace(BLOCK_WHITESPACE, '$1');
}

const NAV_TAG = /<(\/?)nav(?=[\s>/])[^>]*>/gi;

/**
 * Cuts `<nav>` elements (nested ones included) out of the markup. Menus are a fifth of a news page's markup;
 * the text extraction removes them anyway and no date, byline or title is read from them, so they need not
 * be parsed at all. An unclosed `<nav>` is left to the parser.
 */
function dropNavigation(html: string): string {
  let out = '';
  let kept = 0;
  let depth = 0;
  let openedAt = 0;
  NAV_TAG.lastIndex = 0;
  for (let m = NAV_TAG.exec(html); m; m = NAV_TAG.exec(html)) {
    if (!m[1]) {
      if (depth++ === 0) openedAt = m.index;
    } else if (depth > 0 && --depth === 0) {
      out += html.slice(kept, openedAt);
      kept = NAV_TAG.lastIndex;
    }
  }
  return kept === 0 ? html : out + html.slice(kept);
}

/** Parses an HTML string into a DOM document (linkedom: fast, no layout). */
export function parseDocument(html: string): DomDocument {
  const slim = slimHtml(html);
  // linkedom treats a page without <html> as a fragment; wrap it so that head/body exist.
  const source = /<html[\s>]/i.test(slim)
    ? slim
    : `<!doctype html><html><head></head><body>${slim}</body></html>`;
  return parseHTML(source).document as unknown as DomDocument;
}

/**
 * The publication date of a page with the calendar day as the page printed it (which UTC conversion can
 * move), for evaluations that judge days rather than instants. Uses the same sources as `extractArticle`.
 */
export function extractPublicationDate(
  html: string,
  opts: Pick<ExtractOptions, 'url' | 'feedPublishedAt'>,
): PageDate | undefined {
  const document = parseDocument(html);
  return findDates(document, readJsonLd(document), {
    url: opts.url,
    feedPublishedAt: opts.feedPublishedAt,
    monthFirst: monthFirstFor(document, opts.url),
  }).published;
}

/** Extracts main text and metadata (title, byline, dates, canonical URL, language, site, image) from a page. */
export function extractArticle(html: string, opts: ExtractOptions): ExtractedArticle {
  const document = parseDocument(html);
  const jsonLd = readJsonLd(document);
  const meta = readMetadata(document, jsonLd, opts.url);
  const dates = findDates(document, jsonLd, {
    url: opts.url,
    feedPublishedAt: opts.feedPublishedAt,
    monthFirst: monthFirstFor(document, opts.url),
  });
  const article = jsonLd.find((n) => isArticleNode(n) && typeof n.articleBody === 'string');
  const blocks = extractMainBlocks(document, {
    byline: meta.byline,
    titles: [meta.title, meta.rawTitle, firstByTag(document, 'h1')?.textContent ?? undefined].filter(
      (t): t is string => !!t,
    ),
    description: meta.description,
    url: opts.url,
    articleBody: article?.articleBody as string | undefined,
    reparse: () => parseDocument(html),
  });
  const text = blocks.join('\n\n');
  const wordCount = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  const language =
    meta.language ??
    primaryLanguage(opts.httpContentLanguage) ??
    primaryLanguage(opts.feedLanguage) ??
    detectLanguage(text);
  // Readers' excerpt when the page has no description: its opening paragraph, as Readability does.
  const firstParagraph = blocks.find((b) => b.length > 40);
  return {
    title: meta.title ?? opts.feedTitle?.trim() ?? undefined,
    byline: meta.byline,
    publishedAt: dates.published?.iso,
    modifiedAt: dates.modified?.iso,
    canonicalUrl: meta.canonicalUrl ?? opts.url,
    language,
    siteName: meta.siteName,
    description: meta.description ?? firstParagraph?.slice(0, 1000),
    leadImage: meta.leadImage,
    text,
    wordCount,
  };
}
