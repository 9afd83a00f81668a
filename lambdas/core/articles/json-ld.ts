/**
 * Reads schema.org JSON-LD blocks from a page. Pages put the article's metadata (headline, author, dates,
 * publisher, sometimes the whole body) there more reliably than anywhere else, but the blocks are often
 * nested in `@graph`, wrapped in arrays, or broken JSON; this module flattens what parses and skips the rest.
 */

import { type DomDocument, pageIndex } from './dom';

/** A JSON-LD node as parsed: any object. */
export type JsonLdNode = Record<string, unknown>;

const ARTICLE_TYPES =
  /^(Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|BlogPosting|LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference|LiveBlogPosting)$/;

function typesOf(node: JsonLdNode): string[] {
  const t = node['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/#:]/, ''));
}

/** True when the node is one of schema.org's article types (NewsArticle, BlogPosting, ...). */
export function isArticleNode(node: JsonLdNode): boolean {
  return typesOf(node).some((t) => ARTICLE_TYPES.test(t));
}

/** True when the node is of the given schema.org type (ignoring any vocabulary prefix). */
export function hasType(node: JsonLdNode, type: string): boolean {
  return typesOf(node).includes(type);
}

function collect(value: unknown, out: JsonLdNode[], depth: number): void {
  if (depth > 6 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) collect(v, out, depth + 1);
    return;
  }
  const node = value as JsonLdNode;
  if (node['@type'] !== undefined) out.push(node);
  if (Array.isArray(node['@graph'])) collect(node['@graph'], out, depth + 1);
  // Some sites nest the article under mainEntity / mainEntityOfPage of a WebPage node.
  for (const key of ['mainEntity', 'mainEntityOfPage', 'itemListElement']) {
    const child = node[key];
    if (child && typeof child === 'object') collect(child, out, depth + 1);
  }
}

/**
 * Mends hand-edited JSON-LD templates: trailing commas, a closing brace too many or too few. Braces inside
 * strings are skipped; a closer with nothing open is dropped, and what is still open at the end is closed.
 */
export function balanceJson(text: string): string {
  const open: string[] = [];
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (inString) {
      if (c === '\\') {
        out += c + (text[i + 1] ?? '');
        i++;
        continue;
      }
      if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') open.push(c === '{' ? '}' : ']');
    else if (c === '}' || c === ']') {
      if (open[open.length - 1] !== c) continue;
      open.pop();
    }
    out += c;
  }
  if (inString) out += '"';
  return (out + open.reverse().join('')).replace(/,(\s*[}\]])/g, '$1');
}

/** Parses JSON text leniently: strips CDATA and HTML comments, escapes raw control characters. */
function parseLenient(text: string): unknown {
  const cleaned = text
    .replace(/^\s*(?:<!--|<!\[CDATA\[)/, '')
    .replace(/(?:-->|\]\]>)\s*$/, '')
    .trim();
  if (!cleaned) return undefined;
  try {
    return JSON.parse(cleaned);
  } catch {
    try {
      // Raw newlines and tabs inside strings are the most common breakage (articleBody pasted verbatim).
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is replaced
      const flat = cleaned.replace(/[\u0000-\u001f]+/g, ' ');
      try {
        return JSON.parse(flat);
      } catch {
        return JSON.parse(balanceJson(flat));
      }
    } catch {
      return undefined;
    }
  }
}

/** Every typed JSON-LD node of the document, flattened out of arrays and `@graph`. */
export function readJsonLd(document: DomDocument): JsonLdNode[] {
  const out: JsonLdNode[] = [];
  for (const script of pageIndex(document).scripts) {
    const type = (script.getAttribute('type') ?? '').toLowerCase();
    if (!type.includes('ld+json')) continue;
    collect(parseLenient(script.textContent ?? ''), out, 0);
  }
  return out;
}

/** The string value of a JSON-LD property, following `{name}`/`{@value}` objects and taking the first of a list. */
export function ldString(value: unknown, key = 'name'): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    for (const v of value) {
      const s = ldString(v, key);
      if (s) return s;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    const obj = value as JsonLdNode;
    return ldString(obj[key] ?? obj['@value']);
  }
  return undefined;
}

/** All names of a JSON-LD person/organisation value (string, object or list of them). */
export function ldNames(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  const names: string[] = [];
  for (const v of list) {
    const name = ldString(v);
    if (name) names.push(name);
  }
  return names;
}
