/**
 * Feed parsing: bytes → decoded text → rss-parser (RSS 0.9x/1.0/2.0, Atom 0.3/1.0) or JSON Feed → Newswire's
 * normalised `ParsedFeed`. rss-parser reads the XML; what it drops or gets wrong for news polling is taken from
 * the raw nodes it hands back through `customFields`: every enclosure (not only the first), `xml:base` and the
 * feed URL for relative links, Atom 0.3 dates, Dublin Core fields under any prefix, GUID permalinks, and dates
 * in malformed forms.
 */
import { decodeHTML } from 'entities';
import Parser from 'rss-parser';
import type { Enclosure, FeedItem, ParsedFeed } from '../model';
import { normalizeDate } from './dates';
import { decodeDocument } from './decode';

/** Raised when the bytes are not a feed, or a feed too broken to read; `message` says which and why. */
export class FeedParseError extends Error {
  override readonly name = 'FeedParseError';
  /** A short machine-readable reason: `html-page`, `empty`, `not-a-feed`, `malformed-xml`, `malformed-json`. */
  readonly reason: string;
  constructor(reason: string, message: string) {
    super(message);
    this.reason = reason;
  }
}

export interface ParseFeedOptions {
  /** The URL the feed was fetched from: the base for relative links. */
  readonly url: string;
  readonly contentType?: string;
  /** The HTTP `Content-Language` header: the feed's language when the document states none. */
  readonly contentLanguage?: string;
  /** Reference time for rejecting dates in the far future; defaults to now. */
  readonly now?: Date;
}

/** Known namespaces and the prefix rss-parser and this module expect for them. */
const NAMESPACES: Record<string, string> = {
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/elements/1.1': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://purl.org/dc/terms': 'dcterms',
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://search.yahoo.com/mrss/': 'media',
  'http://search.yahoo.com/mrss': 'media',
  'http://www.w3.org/2005/Atom': 'atom',
  'http://purl.org/atom/ns#': 'atom03',
  'http://www.w3.org/1999/xhtml': 'xhtml',
  'http://rssnamespace.org/feedburner/ext/1.0': 'feedburner',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf',
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'http://purl.org/rss/1.0/': '',
  'http://purl.org/net/rss1.1#': '',
  'http://backend.userland.com/rss2': '',
  'http://backend.userland.com/rss': '',
  'http://blogs.law.harvard.edu/tech/rss': '',
  'http://my.netscape.com/rdf/simple/0.9/': '',
  'http://channel.netscape.com/rdf/simple/0.9/': '',
};

const NAMESPACES_LOWER = new Map(Object.entries(NAMESPACES).map(([k, v]) => [k.toLowerCase(), v]));

/** Element names whose case matters to rss-parser, restored after a lenient (case-folding) parse. */
const CAMEL_NAMES = [
  'pubDate',
  'lastBuildDate',
  'managingEditor',
  'webMaster',
  'skipHours',
  'skipDays',
  'textInput',
];
const CAMEL_ATTRS = ['isPermaLink'];
const CANONICAL_NAMES = new Map(
  [
    ...CAMEL_NAMES,
    'rss',
    'channel',
    'item',
    'title',
    'link',
    'description',
    'guid',
    'language',
    'ttl',
    'category',
    'enclosure',
    'author',
    'comments',
    'image',
    'url',
    'feed',
    'entry',
    'summary',
    'content',
    'id',
    'updated',
    'published',
  ].map((n) => [n.toLowerCase(), n]),
);

type XmlNode = string | { _?: string; $?: Record<string, string>; [key: string]: unknown };
type RawItem = Record<string, unknown> & Parser.Item;

const ITEM_FIELDS = [
  '$',
  'media:title',
  'media:description',
  'media:category',
  'itunes:summary',
  'itunes:subtitle',
  'itunes:author',
  'itunes:category',
  'link',
  'atom:link',
  'enclosure',
  'media:content',
  'media:group',
  'guid',
  'id',
  'title',
  'dc:title',
  'description',
  'dc:description',
  'summary',
  'content',
  'content:encoded',
  'xhtml:body',
  'body',
  'fullitem',
  'category',
  'dc:subject',
  'author',
  'dc:creator',
  'dc:author',
  'pubDate',
  'published',
  'issued',
  'created',
  'updated',
  'modified',
  'dc:date',
  'dcterms:issued',
  'dcterms:created',
  'dcterms:modified',
  'feedburner:origLink',
];
const FEED_FIELDS = [
  '$',
  'itunes:subtitle',
  'itunes:summary',
  'link',
  'atom:link',
  'title',
  'dc:title',
  'description',
  'dc:description',
  'subtitle',
  'tagline',
  'language',
  'dc:language',
  'ttl',
];
const RAW = 'nw:';

function rawField(name: string): [string, string, { keepArray: boolean }] {
  return [name, RAW + name, { keepArray: true }];
}

/** The nodes rss-parser kept for one element name (always an array, possibly empty). */
function raw(obj: Record<string, unknown>, name: string): XmlNode[] {
  const v = obj[RAW + name];
  if (v === undefined || v === null) return [];
  if (name === '$') return [{ $: v as Record<string, string> }];
  return Array.isArray(v) ? (v as XmlNode[]) : [v as XmlNode];
}

function attrs(node: XmlNode | undefined): Record<string, string> {
  return node && typeof node === 'object' && node.$ ? node.$ : {};
}

/** Text content of an xml2js node: a plain string, the `_` of an element with attributes, or ''. */
function nodeText(node: XmlNode | undefined): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string') return node;
  if (typeof node._ === 'string') return node._;
  return '';
}

function firstText(obj: Record<string, unknown>, ...names: string[]): string | undefined {
  for (const name of names) {
    for (const node of raw(obj, name)) {
      const t = nodeText(node).trim();
      if (t) return t;
    }
  }
  return undefined;
}

/** Resolves `href` against `base`; undefined for junk. */
function resolve(href: string | undefined, base: string | undefined): string | undefined {
  if (!href) return undefined;
  const h = href.trim();
  if (!h) return undefined;
  try {
    return base ? new URL(h, base).href : new URL(h).href;
  } catch {
    return undefined;
  }
}

function httpUrl(href: string | undefined, base: string | undefined): string | undefined {
  const u = resolve(href, base);
  return u && /^https?:\/\//i.test(u) ? u : undefined;
}

function withBase(node: XmlNode | undefined, base: string | undefined): string | undefined {
  const b = attrs(node)['xml:base'];
  return b ? (resolve(b, base) ?? base) : base;
}

/** Turns markup into plain text: tags removed, entities decoded, whitespace collapsed. */
export function htmlToText(html: string): string {
  const noTags = html
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!--[\s\S]*$/, '') // an unclosed comment hides the rest, as in a browser
    .replace(/<(script|style|object|applet|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<(script|style)\b[\s\S]*$/i, ' ')
    .replace(/<br\s*\/?>|<\/(p|div|li|h[1-6]|blockquote|tr|td|th|dd|dt)\s*>/gi, ' ')
    .replace(/<\/?[A-Za-z][\w:.-]*(?:\s(?:[^>"']|"[^"]*"|'[^']*')*)?\/?>/g, '')
    // tags with unbalanced quotes
    .replace(/<\/?[A-Za-z][\w:.-]*(?:\s[^<>]*)?>/g, '');
  return cleanText(decodeHTML(noTags));
}

/** Windows-1252 characters that C1 control codes stand for in mislabelled text (as HTML5 reads `&#146;`). */
const C1_TO_CP1252: Record<number, string> = {
  128: '€',
  130: '‚',
  131: 'ƒ',
  132: '„',
  133: '…',
  134: '†',
  135: '‡',
  136: 'ˆ',
  137: '‰',
  138: 'Š',
  139: '‹',
  140: 'Œ',
  142: 'Ž',
  145: '‘',
  146: '’',
  147: '“',
  148: '”',
  149: '•',
  150: '–',
  151: '—',
  152: '˜',
  153: '™',
  154: 'š',
  155: '›',
  156: 'œ',
  158: 'ž',
  159: 'Ÿ',
};

const CP1252_TO_BYTE = new Map(Object.entries(C1_TO_CP1252).map(([byte, ch]) => [ch, Number(byte)]));

/** UTF-8 read as Windows-1252 (or Latin-1): a lead character À-ô followed by one to three continuation characters. */
const MOJIBAKE =
  /[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{1,3}/g;

/**
 * Repairs text that went through a UTF-8 → Windows-1252 → UTF-8 round trip ("CafÃ©" → "Café"), one run at a
 * time, and only where the bytes form valid UTF-8, so genuine Latin-1 text such as "Ã " stays as it is.
 */
export function repairMojibake(s: string): string {
  if (!/[\u00c2-\u00f4]/.test(s)) return s;
  return s.replace(MOJIBAKE, (run) => {
    const bytes: number[] = [];
    for (const ch of run) {
      const cp = ch.codePointAt(0)!;
      const b = cp <= 0xff ? cp : CP1252_TO_BYTE.get(ch);
      if (b === undefined) return run;
      bytes.push(b);
    }
    const lead = bytes[0]!;
    const need = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : 1;
    if (bytes.length !== need + 1) return run;
    const decoded = Buffer.from(bytes).toString('utf8');
    return decoded.includes('\ufffd') || [...decoded].length !== 1 ? run : decoded;
  });
}

/** Collapses whitespace and repairs C1 control characters into the punctuation they were meant to be. */
function cleanText(s: string): string {
  return repairMojibake(s)
    .replace(/[\u0080-\u009f]/g, (c) => C1_TO_CP1252[c.charCodeAt(0)] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

const HTML_TAG =
  /<\/?(?:a|abbr|acronym|address|area|article|aside|audio|b|big|blockquote|body|br|button|caption|center|cite|code|col|colgroup|dd|del|dfn|dir|div|dl|dt|em|embed|fieldset|figcaption|figure|font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|input|ins|kbd|label|legend|li|link|map|mark|meta|nav|noscript|object|ol|optgroup|option|p|param|picture|pre|q|s|samp|script|section|select|small|source|span|strike|strong|style|sub|sup|svg|table|tbody|td|textarea|tfoot|th|thead|time|title|tr|tt|u|ul|var|video|wbr)\b[^>]*>/i;

/** True when text holds HTML tags or entities; an unknown `<word>` is literal text, not markup. */
function looksLikeMarkup(s: string): boolean {
  return HTML_TAG.test(s) || /<!--|&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+\d*);/.test(s);
}

/**
 * Text of a text construct (title, summary, content) as plain text, honouring Atom's `type` (text, html, xhtml)
 * and Atom 0.3's `mode` (escaped, base64). `html` says how to read a node without a type: summaries are HTML in
 * RSS; titles only when they look like markup (RSS titles are plain text in theory, escaped HTML in practice).
 */
function plainText(
  node: XmlNode | undefined,
  atom: boolean,
  html: 'always' | 'if-markup',
): string | undefined {
  const t = nodeText(node);
  if (!t.trim()) return undefined;
  // Atom text constructs default to type="text"; Atom 0.3 used MIME types and `mode`
  const type = (attrs(node).type ?? (atom ? 'text' : '')).toLowerCase().trim();
  const mode = (attrs(node).mode ?? '').toLowerCase();
  // Atom 1.0: a type that is neither text nor XML means base64; Atom 0.3 says so with mode="base64"
  const binary = type !== '' && !/^(text|html|xhtml)$|^text\/|[/+]xml$/.test(type);
  if (mode === 'base64' || binary) {
    const decoded = Buffer.from(t.replace(/\s+/g, ''), 'base64').toString('utf8');
    return (looksLikeMarkup(decoded) ? htmlToText(decoded) : cleanText(decoded)) || undefined;
  }
  const markup = attrs(node)['nw-markup'] === '1';
  if ((type === 'text' || type === 'text/plain') && mode !== 'escaped' && !markup)
    return cleanText(t) || undefined;
  const isHtml = markup || type !== '' || html === 'always' || looksLikeMarkup(t);
  return (isHtml ? htmlToText(t) : cleanText(t)) || undefined;
}

/** Rewrites element and attribute prefixes to the canonical ones so that `<dublin:date>` reads as `dc:date`. */
function prefixMapper(text: string, atomRoot: boolean): (name: string) => string {
  const map = new Map<string, string>();
  for (const m of text.matchAll(/xmlns:([\w.-]+)\s*=\s*["']([^"']*)["']/g)) {
    const uri = m[2]!.trim();
    const canonical = NAMESPACES[uri] ?? NAMESPACES_LOWER.get(uri.toLowerCase());
    if (canonical === undefined) continue;
    if (canonical === 'atom' && atomRoot) map.set(m[1]!, '');
    else if (canonical === 'atom03' && atomRoot) map.set(m[1]!, '');
    else if (canonical === 'atom03') map.set(m[1]!, 'atom');
    else map.set(m[1]!, canonical);
  }
  return (name: string) => {
    const colon = name.indexOf(':');
    if (colon < 0) return name;
    const prefix = name.slice(0, colon);
    if (prefix === 'xml' || prefix === 'xmlns') return name;
    const target = map.get(prefix);
    if (target === undefined) return name;
    return target ? `${target}:${name.slice(colon + 1)}` : name.slice(colon + 1);
  };
}

interface RootInfo {
  name: string;
  /** Position of the root start tag. */
  index: number;
}

/** The name of the root element, skipping the prolog, comments, processing instructions and a DOCTYPE. */
function rootElement(text: string): RootInfo | undefined {
  const re = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>|<([A-Za-z_][\w:.-]*)/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[1]) return { name: m[1], index: m.index };
    if (re.lastIndex > 200_000) break;
  }
  return undefined;
}

/** Expands entities declared in an internal DTD subset (feeds that declare `&nbsp;` and friends themselves). */
function expandInternalEntities(text: string): string {
  const doctype = /<!DOCTYPE[^[>]*\[([\s\S]*?)\]\s*>/i.exec(text);
  if (!doctype) return text;
  const entities = new Map<string, string>();
  for (const m of doctype[1]!.matchAll(/<!ENTITY\s+([\w.-]+)\s+(?:"([^"]*)"|'([^']*)')\s*>/g)) {
    entities.set(m[1]!, m[2] ?? m[3] ?? '');
  }
  const body = text.slice(0, doctype.index) + text.slice(doctype.index + doctype[0].length);
  if (!entities.size) return body;
  // Entities may refer to entities: expand a few levels, and stop growing at a fixed budget so that
  // "billion laughs" documents stay small (their unexpanded references are then repaired as text).
  const limit = text.length * 2 + 1_000_000;
  let out = body;
  for (let pass = 0; pass < 4; pass++) {
    let changed = false;
    out = out.replace(/&([\w.-]+);/g, (all, name: string) => {
      const value = XML_ENTITIES.has(name) ? undefined : entities.get(name);
      if (value === undefined || out.length + value.length > limit) return all;
      changed = true;
      return value;
    });
    if (!changed || out.length > limit) break;
  }
  return out;
}

/** Text constructs whose content may arrive as markup rather than text. */
const TEXT_CONSTRUCTS =
  '(?:[\\w.-]+:)?(?:content|summary|title|subtitle|tagline|rights|copyright|info|description|encoded|fullitem|body)';

/**
 * Wraps text constructs that hold child elements (Atom `type="xhtml"`, Atom 0.3 `mode="xml"`, and RSS
 * descriptions with naked HTML) in CDATA: xml2js would otherwise lose the order of mixed content.
 */
function protectXhtml(text: string): string {
  return replaceElements(text, TEXT_CONSTRUCTS, ({ name, attrs: attrsText, inner }) => {
    const all = `<${name}${attrsText}>${inner}</${name}>`;
    // only elements that really contain elements, outside CDATA sections
    if (!/<[A-Za-z]/.test(inner.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, ''))) return all;
    let html = inner.trim();
    if (/\btype\s*=\s*["'](?:xhtml|application\/xhtml\+xml)["']/i.test(attrsText)) {
      // drop the wrapping xhtml:div that Atom requires
      const div = /^<(?:[\w.-]+:)?div\b[^>]*>([\s\S]*)<\/(?:[\w.-]+:)?div\s*>$/i.exec(html);
      if (div) html = div[1]!.trim();
    }
    html = html
      .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
      .replace(/<(\/?)[\w.-]+:/g, '<$1')
      .replace(/\s+xmlns(?::[\w.-]+)?\s*=\s*("[^"]*"|'[^']*')/g, '');
    // the marker tells plainText() that this node held markup, whatever its declared type
    return `<${name}${attrsText} nw-markup="1"><![CDATA[${html.replace(/\]\]>/g, ']]]]><![CDATA[>')}]]></${name}>`;
  });
}

interface ElementMatch {
  readonly start: number;
  readonly end: number;
  readonly name: string;
  readonly attrs: string;
  readonly inner: string;
}

/**
 * Finds the elements whose name matches the `names` pattern together with their closing tags, without regex
 * backtracking: unclosed elements are skipped, and remembered positions keep the scan linear, so a broken
 * document of thousands of unclosed elements does not turn into minutes of matching.
 */
function findElements(text: string, names: string): ElementMatch[] {
  const open = new RegExp(`<(${names})(\\s[^<>]*?)?(\\/?)>`, 'g');
  const nextClose = new Map<string, number>();
  const out: ElementMatch[] = [];
  const nextOpenOf = (name: string, from: number): number => {
    let i = text.indexOf(`<${name}`, from);
    while (i >= 0 && !/[\s/>]/.test(text[i + name.length + 1] ?? '')) i = text.indexOf(`<${name}`, i + 1);
    return i;
  };
  for (let m = open.exec(text); m; m = open.exec(text)) {
    if (m[3]) continue; // self-closing
    const name = m[1]!;
    const openEnd = m.index + m[0].length;
    let close = nextClose.get(name);
    if (close === undefined || (close !== -1 && close < openEnd)) {
      close = text.indexOf(`</${name}`, openEnd);
      nextClose.set(name, close);
    }
    if (close === -1) continue;
    // another opening of the same element before the close: this one was never closed
    const again = nextOpenOf(name, openEnd);
    if (again !== -1 && again < close) continue;
    const closeEnd = text.indexOf('>', close);
    if (closeEnd === -1) continue;
    out.push({
      start: m.index,
      end: closeEnd + 1,
      name,
      attrs: m[2] ?? '',
      inner: text.slice(openEnd, close),
    });
    open.lastIndex = closeEnd + 1;
  }
  return out;
}

/** Replaces each found element by `replace(match)`. */
function replaceElements(text: string, names: string, replace: (m: ElementMatch) => string): string {
  let out = '';
  let at = 0;
  for (const m of findElements(text, names)) {
    out += text.slice(at, m.start) + replace(m);
    at = m.end;
  }
  return out + text.slice(at);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: XML forbids these characters; removing them is the repair
const XML_ILLEGAL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/** Repairs the usual sins of hand-made feeds (bare `&`, HTML entities, control characters) outside CDATA. */
function repairXml(text: string): string {
  const parts = text.split(/(<!\[CDATA\[[\s\S]*?\]\]>)/);
  return parts
    .map((part, i) => {
      if (i % 2 === 1) return part;
      return part
        .replace(XML_ILLEGAL_CHARS, '')
        .replace(/&(?!#\d{1,7};|#x[0-9a-fA-F]{1,6};|[A-Za-z][\w.-]{0,31};)/g, '&amp;')
        .replace(/&([A-Za-z][\w.-]{0,31});/g, (all, name: string) => {
          if (XML_ENTITIES.has(name)) return all;
          const decoded = decodeHTML(all);
          if (decoded === all) return `&amp;${name};`;
          return Array.from(decoded)
            .map((c) => `&#${c.codePointAt(0)};`)
            .join('');
        });
    })
    .join('');
}

const TAG_SCAN =
  /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>|<(\/?)([A-Za-z_][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;

/** Inserts a channel into an RSS document that has none. */
function addChannel(text: string, root: RootInfo, format: ParsedFeed['format']): string {
  const open = text.indexOf('>', root.index);
  if (open < 0 || text[open - 1] === '/') return text;
  if (format === 'rdf') return `${text.slice(0, open + 1)}<channel/>${text.slice(open + 1)}`;
  const close = text.lastIndexOf(`</${root.name}`);
  if (close < open) return text;
  return `${text.slice(0, open + 1)}<channel>${text.slice(open + 1, close)}</channel>${text.slice(close)}`;
}

/** Names of the elements still open at the end of `text`, outermost first (a light, forgiving tag scan). */
function openElements(text: string): string[] {
  const stack: string[] = [];
  for (const m of text.matchAll(TAG_SCAN)) {
    const name = m[2];
    if (!name) continue;
    if (m[1]) {
      const at = stack.lastIndexOf(name);
      if (at >= 0) stack.length = at;
    } else if (!m[3]?.trimEnd().endsWith('/')) {
      stack.push(name);
    }
  }
  return stack;
}

/**
 * Rebuilds a broken feed around its complete items: the part before the first item with its stray open
 * elements closed, then every complete item, then the closing tags. Handles unclosed elements in the channel
 * and truncated downloads; undefined when there is nothing to rebuild.
 */
function salvageXml(text: string, format: ParsedFeed['format']): string | undefined {
  const tag = format === 'atom' ? 'entry' : 'item';
  const items = findElements(text, `(?:[\\w.-]+:)?${tag}`);
  const head = (items.length ? text.slice(0, items[0]!.start) : text).replace(/<[^>]*$/, '');
  const stack = openElements(head);
  if (!stack.length) return undefined;
  // keep the root and, for RSS 2.0, the channel open; close whatever else was left open in the head
  const keep = format === 'rss' && /^(?:[\w.-]+:)?channel$/.test(stack[1] ?? '') ? 2 : 1;
  const close = (names: string[]) =>
    names
      .slice()
      .reverse()
      .map((n) => `</${n}>`)
      .join('');
  const bodies = items.map((m) => text.slice(m.start, m.end)).join('\n');
  return head + close(stack.slice(keep)) + bodies + close(stack.slice(0, keep));
}

/** The first `<rss>`, `<feed>` or `<rdf:RDF>` element inside another document, as text. */
function embeddedFeed(text: string): string | undefined {
  const m = /<((?:[\w.-]+:)?(?:rss|feed|RDF))\b[^>]*>/.exec(text);
  if (!m) return undefined;
  const end = text.lastIndexOf(`</${m[1]}`);
  if (end < 0) return undefined;
  const close = text.indexOf('>', end);
  // namespace declarations made on the wrapper are lost; the feed element usually declares its own
  return text.slice(m.index, close + 1);
}

function makeParser(
  text: string,
  atomRoot: boolean,
  lenient: boolean,
): Parser<Record<string, unknown>, RawItem> {
  const mapPrefix = prefixMapper(text, atomRoot);
  const camelAttrs = new Map(CAMEL_ATTRS.map((n) => [n.toLowerCase(), n]));
  // Element names are case-sensitive in XML, but hand-written feeds say <TITLE> or <pubdate>
  const tag = (name: string) => {
    const lower = name.toLowerCase();
    return mapPrefix(CANONICAL_NAMES.get(lower) ?? (lenient ? lower : name));
  };
  const attr = lenient
    ? (name: string) => {
        const lower = name.toLowerCase();
        return mapPrefix(camelAttrs.get(lower) ?? lower);
      }
    : mapPrefix;
  const options = {
    defaultRSS: 2,
    xml2js: { strict: !lenient, tagNameProcessors: [tag], attrNameProcessors: [attr] },
    customFields: {
      feed: FEED_FIELDS.map(rawField),
      item: ITEM_FIELDS.map(rawField),
    },
  };
  return new Parser(options as unknown as Parser.ParserOptions<Record<string, unknown>, RawItem>);
}

function personName(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.replace(/\s+/g, ' ').trim();
  // RSS wants "email (Name)"; show the name
  const paren = /^\S+@\S+\s*\((.+)\)$/.exec(v);
  if (paren) return paren[1]!.trim();
  const angle = /^(.+?)\s*<\S+@\S+>$/.exec(v);
  if (angle) return angle[1]!.trim();
  const trailing = /^(.+?)\s*\((?:mailto:)?\S+@\S+\)$/.exec(v);
  if (trailing) return trailing[1]!.trim();
  return v || undefined;
}

function authorOf(item: Record<string, unknown>): string | undefined {
  for (const node of raw(item, 'author')) {
    if (typeof node === 'object' && node !== null && !('_' in node) && 'name' in node) {
      const name = nodeText((node.name as XmlNode[] | undefined)?.[0]).trim();
      if (name) return name;
      const email = nodeText((node.email as XmlNode[] | undefined)?.[0]).trim();
      if (email) return email;
      continue;
    }
    const t = personName(nodeText(node));
    if (t) return t;
  }
  return personName(firstText(item, 'dc:creator', 'dc:author', 'itunes:author'));
}

function lengthOf(v: string | undefined): number | undefined {
  if (!v) return undefined;
  const n = Number(v.trim());
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

function enclosuresOf(item: Record<string, unknown>, base: string | undefined): Enclosure[] {
  const out: Enclosure[] = [];
  const seen = new Set<string>();
  const add = (
    href: string | undefined,
    type: string | undefined,
    length: string | undefined,
    b: string | undefined,
  ) => {
    const url = resolve(href, b);
    if (!url || seen.has(url)) return;
    seen.add(url);
    const e: { url: string; type?: string; length?: number } = { url };
    if (type?.trim()) e.type = type.trim();
    const len = lengthOf(length);
    if (len !== undefined) e.length = len;
    out.push(e);
  };
  for (const node of raw(item, 'enclosure')) {
    const a = attrs(node);
    add(a.url ?? a['rdf:resource'], a.type, a.length, withBase(node, base));
  }
  for (const node of [...raw(item, 'link'), ...raw(item, 'atom:link')]) {
    const a = attrs(node);
    if ((a.rel ?? '').toLowerCase() === 'enclosure') add(a.href, a.type, a.length, withBase(node, base));
  }
  const media = [...raw(item, 'media:content')];
  for (const group of raw(item, 'media:group')) {
    if (typeof group === 'object' && group !== null) {
      const inner = (group as Record<string, unknown>)['media:content'];
      if (Array.isArray(inner)) media.push(...(inner as XmlNode[]));
    }
  }
  for (const node of media) {
    const a = attrs(node);
    const type = a.type ?? (a.medium ? `${a.medium}/*` : undefined);
    add(a.url, type, a.fileSize, withBase(node, base));
  }
  return out;
}

function itemLink(item: Record<string, unknown>, base: string | undefined): string | undefined {
  // FeedBurner rewrites links to its own tracker; origLink is the publisher's address
  const orig = httpUrl(firstText(item, 'feedburner:origLink'), base);
  if (orig) return orig;
  const links = [...raw(item, 'link'), ...raw(item, 'atom:link')];
  let alternate: string | undefined;
  let fallback: string | undefined;
  for (const node of links) {
    const a = attrs(node);
    const b = withBase(node, base);
    if (a.href !== undefined) {
      const rel = (a.rel ?? 'alternate').toLowerCase();
      const url = httpUrl(a.href, b);
      if (!url) continue;
      if (rel === 'alternate') {
        const type = (a.type ?? '').toLowerCase();
        if (!alternate || type === 'text/html')
          alternate = alternate && type !== 'text/html' ? alternate : url;
      } else if (!['enclosure', 'self', 'edit', 'replies', 'license', 'via', 'related'].includes(rel)) {
        fallback ??= url;
      }
      continue;
    }
    // Atom 0.3 and RSS: the address is the element's text
    const rel = (a.rel ?? 'alternate').toLowerCase();
    const url = httpUrl(nodeText(node), b) ?? httpUrl(a['rdf:resource'], b);
    if (url && rel === 'alternate' && !alternate) alternate = url;
  }
  if (alternate) return alternate;
  // RSS: a GUID is a permalink unless it says isPermaLink="false"
  for (const node of raw(item, 'guid')) {
    const perma = (attrs(node).isPermaLink ?? 'true').trim().toLowerCase();
    if (perma === 'false') continue;
    const url = httpUrl(nodeText(node), undefined);
    if (url) return url;
  }
  const about = httpUrl(attrs(raw(item, '$')[0])['rdf:about'], base);
  return about ?? fallback;
}

function categoriesOf(item: Record<string, unknown>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (v: string | undefined) => {
    const t = v ? htmlToText(v) : '';
    if (t && !seen.has(t.toLowerCase())) {
      seen.add(t.toLowerCase());
      out.push(t);
    }
  };
  for (const node of raw(item, 'category')) {
    const a = attrs(node);
    // Atom: `term` is the category, `label` only its display form
    add(a.term || nodeText(node).trim() || a.label);
  }
  for (const node of raw(item, 'dc:subject')) add(nodeText(node));
  for (const node of raw(item, 'media:category')) add(nodeText(node));
  const itunes = (nodes: XmlNode[]) => {
    for (const node of nodes) {
      add(attrs(node).text);
      if (node && typeof node === 'object')
        itunes(((node as Record<string, unknown>)['itunes:category'] as XmlNode[]) ?? []);
    }
  };
  itunes(raw(item, 'itunes:category'));
  return out;
}

function itemGuid(item: Record<string, unknown>): string | undefined {
  return firstText(item, 'guid', 'id') ?? (attrs(raw(item, '$')[0])['rdf:about']?.trim() || undefined);
}

/** The first of the named date elements that holds a readable date, normalised. */
function firstDate(item: Record<string, unknown>, now: Date, ...names: string[]): string | undefined {
  for (const name of names) {
    for (const node of raw(item, name)) {
      const d = normalizeDate(nodeText(node), now);
      if (d) return d;
    }
  }
  return undefined;
}

function normaliseItem(item: RawItem, base: string | undefined, now: Date, atom: boolean): FeedItem {
  const itemBase = withBase(raw(item, '$')[0], base);
  const titleNode = raw(item, 'title')[0] ?? raw(item, 'dc:title')[0] ?? raw(item, 'media:title')[0];
  const summaryNode =
    raw(item, 'description')[0] ??
    raw(item, 'summary')[0] ??
    raw(item, 'dc:description')[0] ??
    raw(item, 'content:encoded')[0] ??
    raw(item, 'content')[0] ??
    raw(item, 'xhtml:body')[0] ??
    raw(item, 'body')[0] ??
    raw(item, 'fullitem')[0] ??
    raw(item, 'itunes:summary')[0] ??
    raw(item, 'media:description')[0] ??
    raw(item, 'itunes:subtitle')[0];
  const published = firstDate(
    item,
    now,
    'pubDate',
    'published',
    'issued',
    'dcterms:issued',
    'dc:date',
    'created',
    'dcterms:created',
  );
  const updated = firstDate(item, now, 'updated', 'modified', 'dcterms:modified');
  const out: {
    -readonly [K in keyof FeedItem]: FeedItem[K];
  } = {
    categories: categoriesOf(item),
    enclosures: enclosuresOf(item, itemBase),
  };
  const guid = itemGuid(item);
  if (guid) out.guid = guid;
  const url = itemLink(item, itemBase);
  if (url) out.url = url;
  const title = plainText(titleNode, atom, 'if-markup');
  if (title) out.title = title;
  const summary = plainText(summaryNode, atom, 'always');
  if (summary) out.summary = summary;
  const author = authorOf(item);
  if (author) out.author = author;
  if (published ?? updated) out.publishedAt = published ?? updated;
  if (updated) out.updatedAt = updated;
  return out;
}

function feedLink(feed: Record<string, unknown>, base: string | undefined): string | undefined {
  let fallback: string | undefined;
  for (const node of [...raw(feed, 'link'), ...raw(feed, 'atom:link')]) {
    const a = attrs(node);
    const b = withBase(node, base);
    if (a.href !== undefined) {
      const rel = (a.rel ?? 'alternate').toLowerCase();
      const url = httpUrl(a.href, b);
      if (url && rel === 'alternate') return url;
      continue;
    }
    fallback ??= httpUrl(nodeText(node), b);
  }
  return fallback;
}

function formatOf(root: string): ParsedFeed['format'] | undefined {
  const local = root.includes(':') ? root.slice(root.indexOf(':') + 1) : root;
  switch (local.toLowerCase()) {
    case 'rss':
      return 'rss';
    case 'rdf':
      return 'rdf';
    case 'feed':
      return 'atom';
    default:
      return undefined;
  }
}

function describeNonFeed(text: string, root: string | undefined): FeedParseError {
  const head = text.slice(0, 2000).toLowerCase();
  if (!text.trim()) return new FeedParseError('empty', 'not a feed: empty document');
  const sample = text.slice(0, 2000);
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 9 || (c > 13 && c < 32) || c === 0xfffd) controls++;
  }
  if (controls > sample.length / 20) return new FeedParseError('not-a-feed', 'not a feed: binary data');
  if ((root && /^html$/i.test(root)) || head.includes('<!doctype html') || /<html[\s>]/.test(head)) {
    return new FeedParseError('html-page', 'not a feed: HTML page');
  }
  if (root && /^opml$/i.test(root))
    return new FeedParseError('not-a-feed', 'not a feed: OPML subscription list');
  if (root) {
    return new FeedParseError(
      'not-a-feed',
      `not a feed: XML document with root element <${root}> (expected <rss>, <rdf:RDF> or <feed>)`,
    );
  }
  return new FeedParseError('not-a-feed', 'not a feed: no XML root element and not a JSON Feed');
}

function firstNonSpaceByte(bytes: Uint8Array): number | undefined {
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  for (; i < bytes.length && i < 4096; i++) {
    const b = bytes[i]!;
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return b;
  }
  return undefined;
}

/** Parses a JSON Feed 1.0/1.1 document. */
function parseJsonFeed(text: string, opts: ParseFeedOptions, now: Date): ParsedFeed {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new FeedParseError('malformed-json', `malformed JSON Feed: ${(e as Error).message}`);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new FeedParseError('not-a-feed', 'not a feed: JSON document that is not a JSON Feed');
  }
  const d = doc as Record<string, unknown>;
  const version = typeof d.version === 'string' ? d.version : '';
  if (!version.includes('jsonfeed.org') && !Array.isArray(d.items)) {
    throw new FeedParseError(
      'not-a-feed',
      'not a feed: JSON document that is not a JSON Feed (no version, no items)',
    );
  }
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const base = httpUrl(str(d.feed_url), opts.url) ?? opts.url;
  const items: FeedItem[] = [];
  for (const entry of Array.isArray(d.items) ? d.items : []) {
    if (!entry || typeof entry !== 'object') continue;
    const e = entry as Record<string, unknown>;
    const out: { -readonly [K in keyof FeedItem]: FeedItem[K] } = { categories: [], enclosures: [] };
    const id = e.id === undefined || e.id === null ? undefined : String(e.id).trim() || undefined;
    if (id) out.guid = id;
    const url = httpUrl(str(e.url), base) ?? httpUrl(str(e.external_url), base);
    if (url) out.url = url;
    const title = str(e.title);
    if (title) out.title = looksLikeMarkup(title) ? htmlToText(title) : title;
    const summaryHtml = str(e.summary) ?? str(e.content_html);
    const summary = summaryHtml ? htmlToText(summaryHtml) : str(e.content_text)?.replace(/\s+/g, ' ');
    if (summary) out.summary = summary;
    const authors = Array.isArray(e.authors) ? e.authors : e.author ? [e.author] : [];
    const author = authors.map((a) =>
      a && typeof a === 'object' ? str((a as { name?: unknown }).name) : undefined,
    )[0];
    if (author) out.author = author;
    const published = normalizeDate(str(e.date_published), now);
    const updated = normalizeDate(str(e.date_modified), now);
    if (published ?? updated) out.publishedAt = published ?? updated;
    if (updated) out.updatedAt = updated;
    if (Array.isArray(e.tags)) out.categories = e.tags.filter((t): t is string => typeof t === 'string');
    if (Array.isArray(e.attachments)) {
      const encl: Enclosure[] = [];
      for (const a of e.attachments) {
        if (!a || typeof a !== 'object') continue;
        const att = a as Record<string, unknown>;
        const u = resolve(str(att.url), base);
        if (!u) continue;
        const en: { url: string; type?: string; length?: number } = { url: u };
        const mime = str(att.mime_type);
        if (mime) en.type = mime;
        const size = typeof att.size_in_bytes === 'number' ? att.size_in_bytes : undefined;
        if (size !== undefined && Number.isSafeInteger(size) && size > 0) en.length = size;
        encl.push(en);
      }
      out.enclosures = encl;
    }
    items.push(out);
  }
  const feed: { -readonly [K in keyof ParsedFeed]: ParsedFeed[K] } = { format: 'json', items };
  const title = str(d.title);
  if (title) feed.title = title;
  const link = httpUrl(str(d.home_page_url), base);
  if (link) feed.link = link;
  const description = str(d.description);
  if (description) feed.description = description;
  const language = str(d.language);
  if (language) feed.language = language;
  return feed;
}

async function parseXml(parser: Parser<Record<string, unknown>, RawItem>, text: string) {
  return parser.parseString(text);
}

/**
 * Parses feed bytes (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed 1.x) into a normalised `ParsedFeed`.
 * Throws `FeedParseError` for documents that are not feeds or cannot be read.
 */
export async function parseFeed(bytes: Uint8Array, opts: ParseFeedOptions): Promise<ParsedFeed> {
  const feed = await parseFeedDocument(bytes, opts);
  if (feed.title) return feed;
  // A feed with no title is named after its site, as feed readers do (the site link, else the feed's own host).
  const title = hostOf(feed.link) ?? hostOf(opts.url);
  return title ? { ...feed, title, titleSource: 'site' } : feed;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}

async function parseFeedDocument(bytes: Uint8Array, opts: ParseFeedOptions): Promise<ParsedFeed> {
  const now = opts.now ?? new Date();
  const ct = (opts.contentType ?? '').toLowerCase();
  const first = firstNonSpaceByte(bytes);
  if (first === undefined && bytes.length < 4096)
    throw new FeedParseError('empty', 'not a feed: empty document');
  const looksJson = first === 0x7b || (ct.includes('json') && first !== 0x3c);
  if (looksJson) {
    const { text } = decodeDocument(bytes, { contentType: opts.contentType, kind: 'json' });
    return parseJsonFeed(text, opts, now);
  }
  const decoded = decodeDocument(bytes, { contentType: opts.contentType, kind: 'xml' });
  let text = decoded.text;
  const root = rootElement(text);
  const format = root ? formatOf(root.name) : undefined;
  if (root && !format && /^(html|body|div)$/i.test(root.name)) {
    // a feed served inside an XHTML wrapper: parse the feed element itself
    const inner = embeddedFeed(text);
    if (inner)
      return parseFeedDocument(Buffer.from(inner, 'utf8'), {
        ...opts,
        contentType: 'application/xml; charset=utf-8',
      });
  }
  if (!root || !format) throw describeNonFeed(text, root?.name);
  // rss-parser cannot read an RSS document without a channel: give it an empty one (items stay where they are
  // for RSS 1.0, which keeps them beside the channel, and move inside it for RSS 0.9x/2.0)
  if (/^<[^>]*\/>/.test(text.slice(root.index))) return { format, items: [] }; // <rss/>: an empty feed
  if (format !== 'atom' && !/<(?:[\w.-]+:)?channel[\s>/]/i.test(text)) text = addChannel(text, root, format);
  text = expandInternalEntities(text);
  text = protectXhtml(text);
  const atomRoot = format === 'atom';

  let result: Awaited<ReturnType<typeof parseXml>>;
  try {
    result = await parseXml(makeParser(text, atomRoot, false), text);
  } catch (strictError) {
    const repaired = repairXml(text);
    const salvaged = salvageXml(repaired, format);
    const attempts: [string, boolean][] = [[repaired, false]];
    // a document rebuilt around its complete items, for unclosed elements and truncated downloads
    if (salvaged) attempts.push([salvaged, false], [salvaged, true]);
    // last resort: a forgiving parse that tolerates unclosed tags (HTML pasted into an RSS description)
    attempts.push([repaired, true]);
    let parsed: typeof result | undefined;
    for (const [doc, lenient] of attempts) {
      try {
        parsed = await parseXml(makeParser(doc, atomRoot, lenient), doc);
        break;
      } catch {
        // try the next, more forgiving reading
      }
    }
    if (!parsed) {
      const msg = String((strictError as Error).message ?? strictError)
        .split('\n')
        .join(' ');
      throw new FeedParseError('malformed-xml', `malformed feed XML: ${msg}`);
    }
    result = parsed;
  }

  const r = result as unknown as Record<string, unknown> & { items?: RawItem[] };
  // xml:base on the root element (rss-parser only shows us the channel / feed element)
  const rootTag = text.slice(root.index, text.indexOf('>', root.index) + 1);
  const rootBase = /\bxml:base\s*=\s*["']([^"']*)["']/.exec(rootTag)?.[1];
  let base = resolve(rootBase, opts.url) ?? opts.url;
  if (format !== 'atom') base = withBase(raw(r, '$')[0], base) ?? base;
  else base = withBase(raw(r, '$')[0], opts.url) ?? base;

  const items = (r.items ?? []).map((it) => normaliseItem(it, base, now, atomRoot));
  const feed: { -readonly [K in keyof ParsedFeed]: ParsedFeed[K] } = { format, items };
  const title = plainText(raw(r, 'title')[0] ?? raw(r, 'dc:title')[0], atomRoot, 'if-markup');
  if (title) feed.title = title;
  const link = feedLink(r, base);
  if (link) feed.link = link;
  const descNode =
    raw(r, 'description')[0] ??
    raw(r, 'subtitle')[0] ??
    raw(r, 'tagline')[0] ??
    raw(r, 'dc:description')[0] ??
    raw(r, 'itunes:subtitle')[0] ??
    raw(r, 'itunes:summary')[0];
  const description = plainText(descNode, atomRoot, 'always');
  if (description) feed.description = description;
  const rootLang = /\bxml:lang\s*=\s*["']([^"']*)["']/.exec(rootTag)?.[1];
  const language =
    firstText(r, 'language', 'dc:language') ??
    (attrs(raw(r, '$')[0])['xml:lang'] || undefined) ??
    (rootLang || undefined) ??
    opts.contentLanguage?.split(',')[0];
  // BCP 47 uses hyphens; feeds often write en_US
  if (language?.trim()) feed.language = language.trim().replace(/_/g, '-');
  const ttl = Number(firstText(r, 'ttl'));
  if (Number.isInteger(ttl) && ttl > 0) feed.ttlMinutes = ttl;
  return feed;
}
