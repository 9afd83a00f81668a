/**
 * The main text of an article page. Mozilla Readability finds the article container; around it Newswire
 * removes what readers never want (share bars, newsletter prompts, "read more" blocks, bylines repeated in
 * the body, credits of images) and serialises what they do want (paragraphs, subheadings, lists, quotes) as
 * plain text with blank lines between blocks. When the page's JSON-LD carries an `articleBody` that agrees with
 * the page, that body is used instead, because publishers write it without boilerplate.
 */

import { Readability } from '@mozilla/readability';
import { isDateLine } from './dates';
import { classOf, type DomDocument, type DomElement, type DomNode, tagOf, walkElements } from './dom';
import { benchmarkTokens } from './shingle-score';

// Containers whose class or id says they hold page furniture, never article text.
const BOILERPLATE_HINT =
  /(?:^|[\s_-])(?:share|sharing|sharebar|social|newsletter|subscribe|subscription|signup|sign-up|related|read-?more|readmore|recommend(?:ed|ations)?|promo|advert|advertisement|ad-slot|ads|outbrain|taboola|popular|trending|most-read|more-stories|also-read|tags|tag-list|breadcrumbs?|comments?|author-bio|bio|author-?box|author-?info|about-?the-?author|newsletter-signup|paywall|print|toolbar|jump-link|further-reading|see-also|cookie|consent|gdpr|skip-?link|screen-?reader|sr-only|visually-hidden|hovercard|popover|tooltip)(?:$|[\s_-])/i;
// Elements that may carry a boilerplate-looking class yet wrap the article itself.
const CONTENT_HINT = /article|story|content|body|entry|post|main|text/i;
const EMBED_HINT = /(?:^|[\s_-])(?:embed|embedded|twitter-tweet|instagram-media|tiktok-embed)(?:$|[\s_-])/i;
// Inside the article: wrappers of pictures, whose text is a caption or a credit, not the story.
const MEDIA_HINT = /caption|credit|gallery|slideshow|carousel|lightbox|image-?meta|photo-?meta|media-?meta/i;

// Labels that make up a whole block, or head one ("Related: ...", "Advertisement").
const LABEL_RE =
  /^(?:advertisement|advert|ad|anzeige|werbung|publicité|publicidad|sponsored|read more|read next|read also|also read|see also|see more|more|more from|related|related articles?|related coverage|related stories|related content|recommended|you may also like|share|share this|share this article|tweet|tags|topics|trending|watch|listen|comments?|iklan|baca juga|lesen sie auch|mehr zum thema|à lire aussi|lire aussi|leia também|leer más|lee también|читайте также|читайте також)\s*(?:[:|»›>\-–—.…]|$)/i;
// Prompts that start a block whatever follows.
const PROMPT_RE =
  /^(?:follow (?:us|(?:\S+\s+){1,3}on\b)|sign up (?:for|to) our|subscribe to our|click here (?:to|for) (?:subscribe|sign|read|follow|join|get|download)|subscribe to\b|additional reporting by|this (?:post|article|page) (?:may )?contains? affiliate|download (?:the|our) app|join our|we (?:use|value) cookies|this website uses cookies|this article (?:was|is) (?:originally|first)|filed under|skip to|reading time|tempo de leitura|\d+ min(?:ute)?s? read)/i;
const PROMPT_ANYWHERE_RE =
  /(?:sign up (?:for|to) our|subscribe to our|newsletter|get (?:our|the) .{0,30} (?:in|to) your inbox|follow us on|download our app|by clicking here|enable javascript|requires javascript|your browser does not support|if you enjoyed this article|(?:may|can) be reached at|uses cookies|all rights reserved|©\s?\d{4}|copyright\s*[©@]?\s*\d{4})/i;
// Picture credits: "(Image: © NASA)", "Photo: AP", "Jane Doe | Getty Images".
const CREDIT_RE =
  /^\(?(?:image|images|photo|photos|picture|credit|foto|bild|source|illustration)s?(?:\s+credit)?\s*(?::|©|by\b)|getty images|shutterstock|\bap photo\b|\bafp\b.{0,20}$|reuters\/|\bvia getty\b|\(photo\b|\(image\b/i;

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'thead',
  'tr',
  'ul',
]);
const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'button',
  'select',
  'iframe',
  'object',
]);

function hintOf(el: DomElement, classAndId: string): string {
  return `${classAndId} ${el.getAttribute('role') ?? ''} ${el.getAttribute('aria-label') ?? ''}`;
}

/** Removes page furniture before Readability scores the page, so it cannot win or leak into the text. */
export function removeBoilerplate(root: DomElement | DomDocument, description?: string): void {
  const standfirst = description ? letters(description) : '';
  walkElements(root as unknown as DomNode, (el) => {
    const tag = tagOf(el);
    const classAndId = `${classOf(el)} ${el.getAttribute('id') ?? ''}`;
    if (standfirst.length >= 30 && isStandfirst(el, tag, classAndId, standfirst)) {
      el.remove();
      return false;
    }
    if (tag === 'body' || tag === 'html' || tag === 'article' || tag === 'main' || tag === 'head')
      return true;
    if (tag === 'nav') {
      el.remove();
      return false;
    }
    if (
      el.getAttribute('hidden') !== null ||
      el.getAttribute('aria-hidden') === 'true' ||
      hiddenByStyle(el)
    ) {
      if ((el.textContent ?? '').length < 2000) {
        el.remove();
        return false;
      }
    }
    const hint = hintOf(el, classAndId);
    if (hint.length === 3 && tag !== 'form' && tag !== 'figure' && tag !== 'figcaption') return true;
    if (EMBED_HINT.test(hint)) {
      // Embedded posts (tweets, Instagram) are quotes the story makes; "social" in their class must not make
      // them look like a share bar, to us or to Readability.
      el.setAttribute('class', 'embedded-post');
      el.removeAttribute('id');
      return false;
    }
    if (tag === 'figure' || tag === 'figcaption' || MEDIA_HINT.test(hint)) {
      // Captions and credits describe pictures, not the story; a "figure" holding real paragraphs is kept.
      if (el.getElementsByTagName('p').length <= 2 && (el.textContent ?? '').length < 400) {
        el.remove();
        return false;
      }
      return true;
    }
    // Cheap test first: textContent of every element would make this quadratic.
    if (tag !== 'form' && !BOILERPLATE_HINT.test(hint)) return true;
    const text = el.textContent ?? '';
    if (tag === 'form') {
      if (text.length < 500) {
        el.remove();
        return false;
      }
      if (!BOILERPLATE_HINT.test(hint)) return true;
    }
    // A container with a lot of paragraph text is more likely the article mislabelled than a share bar.
    const paragraphs = el.getElementsByTagName('p').length;
    if (CONTENT_HINT.test(hint) && paragraphs > 3) return true;
    if (text.length > 3000 && paragraphs > 5) return true;
    el.remove();
    return false;
  });
}

function hiddenByStyle(el: DomElement): boolean {
  const style = el.getAttribute('style');
  return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

const STANDFIRST_HINT =
  /standfirst|(?:^|[\s_-])dek(?:$|[\s_-])|sub-?head|subtitle|summary|(?:^|[\s_-])lead(?:$|[\s_-])|__lead|intro|excerpt|teaser|description|abstract|strapline|sapo|chapo/i;

function letters(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * A standfirst is the summary printed between headline and story, which pages also give as their description.
 * Only an element marked as such (subheading, `itemprop=description`, a summary-like class) counts, because on
 * many pages the description is simply the first paragraph, which is article text.
 */
function isStandfirst(el: DomElement, tag: string, classAndId: string, target: string): boolean {
  const itemprop = el.getAttribute('itemprop') ?? '';
  const marked =
    tag === 'h2' ||
    tag === 'h3' ||
    /description|alternativeHeadline/i.test(itemprop) ||
    (classAndId.length > 1 && STANDFIRST_HINT.test(classAndId));
  if (!marked) return false;
  const raw = el.textContent ?? '';
  if (raw.length < 30) return false;
  const text = letters(raw);
  if (text.length < 30 || text.length > target.length * 1.3) return false;
  return (
    text === target ||
    (target.includes(text) && text.length >= 0.8 * target.length) ||
    (text.includes(target) && target.length >= 0.8 * text.length)
  );
}

/** Turns an element into text blocks: one block per paragraph, heading, list item, quote or table row. */
export function blocksOf(root: DomElement): string[] {
  return textBlocks(root).map((b) => b.text);
}

/** A block of text and whether all of it is the text of links to the same site (other stories, most often). */
export interface TextBlock {
  readonly text: string;
  readonly linkOnly: boolean;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\d?\./, '');
  } catch {
    return undefined;
  }
}

function isOwnLink(href: string | null, host: string | undefined): boolean {
  if (!href || href.startsWith('#') || /^(?:mailto|tel|javascript):/i.test(href)) return false;
  if (!/^(?:[a-z][a-z\d+.-]*:)?\/\//i.test(href)) return true;
  const target = hostOf(href.startsWith('//') ? `https:${href}` : href);
  return (
    !!host && !!target && (target === host || target.endsWith(`.${host}`) || host.endsWith(`.${target}`))
  );
}

/** Like `blocksOf`, telling for each block whether it is made only of link text. */
export function textBlocks(root: DomElement, pageUrl?: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  const host = hostOf(pageUrl);
  let current = '';
  let linkText = '';
  let linkDepth = 0;
  const flush = () => {
    const t = current
      .replace(/[ \t\f\v\r\u00a0]+/g, ' ')
      .replace(/ *\n */g, '\n')
      .trim()
      .replace(/\n{2,}/g, '\n');
    if (t) {
      // Without link text the block is link-only only if it has no letters at all.
      const linkOnly = linkText ? letters(linkText).length >= letters(t).length : !/[\p{L}\p{N}]/u.test(t);
      blocks.push({ text: t, linkOnly });
    }
    current = '';
    linkText = '';
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      const v = node.nodeValue ?? '';
      current += v;
      if (linkDepth > 0) linkText += v;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as DomElement;
    const tag = tagOf(el);
    if (SKIP_TAGS.has(tag)) return;
    if (tag === 'br') {
      current += '\n';
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    if (tag === 'pre') {
      blocks.push({ text: (el.textContent ?? '').replace(/\s+$/, ''), linkOnly: false });
      return;
    }
    // Only links to the page's own site count: a list of links elsewhere (sources, bug reports, shops) is
    // content, a list of links to the site's other stories is not.
    const ownLink = tag === 'a' && isOwnLink(el.getAttribute('href'), host);
    if (ownLink) linkDepth++;
    for (let child = el.firstChild; child; child = child.nextSibling) walk(child);
    if (ownLink) linkDepth--;
    if (tag === 'td' || tag === 'th') current += ' ';
    if (block) flush();
    else if (tag === 'img') current += ' ';
  };
  walk(root);
  flush();
  return blocks;
}

function normaliseName(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}]+/gu, ' ')
    .trim();
}

/** True when a short block is only a byline ("By Jane Doe", "Jane Doe, Reuters") of the known author. */
export function isBylineBlock(block: string, byline: string | undefined): boolean {
  if (block.length > 160) return false;
  const b = normaliseName(block);
  if (/^(?:by|von|par|por|door|di|av)\s/.test(b) && b.split(' ').length <= 12 && !/[.!?]\s/.test(block))
    return true;
  if (!byline) return false;
  const name = normaliseName(byline);
  return name.length > 3 && (b === name || (b.startsWith(name) && b.length < name.length + 40));
}

/** True for a block that is a prompt or page furniture: "Advertisement", "Read more", newsletter sign-ups. */
export function isPromptBlock(block: string): boolean {
  const t = block.trim();
  if (!t) return true;
  if (LABEL_RE.test(t) && t.length < 200) return true;
  if (PROMPT_RE.test(t) && t.length < 200) return true;
  if (PROMPT_ANYWHERE_RE.test(t) && t.length < 250) return true;
  if (CREDIT_RE.test(t) && t.length < 160) return true;
  return isDateLine(t);
}

/**
 * Drops blocks that are nothing but a link to another page: the "more stories" rows that sit inside article
 * bodies. A lone short link (a product, a source) is kept; headline-length links are not.
 */
function dropLinkLists(blocks: readonly TextBlock[]): string[] {
  return blocks
    .filter((b, i) => {
      if (!b.linkOnly) return true;
      const words = b.text.split(/\s+/).length;
      const neighbourIsLink = blocks[i - 1]?.linkOnly === true || blocks[i + 1]?.linkOnly === true;
      return !(words >= LINK_LIST_MIN_WORDS || (neighbourIsLink && words >= 3));
    })
    .map((b) => b.text);
}

const LINK_LIST_MIN_WORDS = 8;

function bodyOf(document: DomDocument): DomElement | undefined {
  const root = document.documentElement;
  for (let child = root?.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1 && tagOf(child as DomElement) === 'body') return child as DomElement;
  }
  return root?.getElementsByTagName('body')[0];
}

/**
 * When one `<article>`, `<main>` or `itemprop=articleBody` element holds nearly all of the page's paragraph text,
 * Readability only needs to look inside it: the rest of the page is navigation and teasers (often smaller
 * `<article>` cards), and scoring it is most of Readability's cost.
 */
function narrowToArticle(document: DomDocument): void {
  const body = bodyOf(document);
  if (!body) return;
  const candidates = new Map<DomNode, number>();
  const paragraphs: DomElement[] = [];
  walkElements(body, (el) => {
    const tag = tagOf(el);
    if (tag === 'p') paragraphs.push(el);
    else if (tag === 'article' || tag === 'main' || el.getAttribute('itemprop') === 'articleBody') {
      candidates.set(el, 0);
    }
    return true;
  });
  if (candidates.size === 0) return;
  // Paragraph text per container in one pass: each paragraph adds its length to the containers above it.
  let total = 0;
  for (const p of paragraphs) {
    const n = (p.textContent ?? '').length;
    total += n;
    for (let up = p.parentNode; up && up !== body; up = up.parentNode) {
      const sum = candidates.get(up);
      if (sum !== undefined) candidates.set(up, sum + n);
    }
  }
  const needed = Math.max(500, 0.8 * total);
  // The smallest container that still holds the story: an <article> inside <main> wins over <main>.
  let best: DomElement | undefined;
  let bestText = Number.POSITIVE_INFINITY;
  for (const [el, n] of candidates) {
    if (n >= needed && n < bestText) {
      best = el as DomElement;
      bestText = n;
    }
  }
  if (!best) return;
  // Not `innerHTML = ''`: linkedom builds a whole new document to parse the empty string.
  best.remove();
  body.replaceChildren(best);
}

/** Options for finding the main text. */
export interface MainTextOptions {
  readonly byline?: string;
  /** The page's titles (meta, `<title>`, `<h1>`): repeated in the body, they are header, not text. */
  readonly titles?: readonly string[];
  /** The page's URL: links to the same site in a row are "more stories" lists. */
  readonly url?: string;
  /** The page's description: printed under the headline as a standfirst, it is not article text. */
  readonly description?: string;
  /** JSON-LD `articleBody`, when the page has one. */
  readonly articleBody?: string;
  /**
   * A fresh parse of the same page. With it, Readability's copy of the page (kept in case it must start
   * again, which it seldom does) is only made when it is needed.
   */
  readonly reparse?: () => DomDocument;
}

/**
 * Readability looks nodes up with `querySelectorAll(tags.join(','))`, which linkedom compiles into a CSS
 * matcher on every call; a plain walk returns the same nodes in the same order for a fraction of the time.
 */
function fastNodesWithTag(node: DomNode, tagNames: readonly string[]): DomElement[] {
  const wanted = new Set(tagNames.map((t) => t.toLowerCase()));
  const found: DomElement[] = [];
  walkElements(node, (el) => {
    if (wanted.has(tagOf(el))) found.push(el);
    return true;
  });
  return found;
}

// Readability's scoring walks ancestors for every node: on pathologically deep or huge documents it runs for
// minutes. Past these bounds the page is read as plain blocks instead, which is fast and keeps the text.
const MAX_DEPTH = 150;
const MAX_ELEMENTS = 30_000;

function tooDeep(root: DomNode, limit: number): boolean {
  const deeper = (node: DomNode, depth: number): boolean => {
    if (depth > limit) return true;
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 1 && deeper(child, depth + 1)) return true;
    }
    return false;
  };
  return deeper(root, 0);
}

function plainBlocks(document: DomDocument, pageUrl?: string): TextBlock[] {
  const body = document.documentElement?.getElementsByTagName('body')[0] ?? document.documentElement;
  return body && !tooDeep(body, 2 * MAX_DEPTH) ? textBlocks(body, pageUrl) : [];
}

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:;|$)/i;

/**
 * Readability's visibility test, without linkedom building a style object for every node it asks about: the
 * same rules (display none, visibility hidden, `hidden`, `aria-hidden` except on fallback images) read from
 * the attributes.
 */
function isProbablyVisible(node: DomElement): boolean {
  const style = node.getAttribute('style');
  if (style && HIDDEN_STYLE.test(style)) return false;
  if (node.getAttribute('hidden') !== null) return false;
  return node.getAttribute('aria-hidden') !== 'true' || classOf(node).includes('fallback-image');
}

/**
 * Replaces Readability steps that cost time on linkedom and cannot change the text: node lookups by tag (a CSS
 * matcher compiled per call), the visibility test (a style object per node), and making links absolute (the
 * text keeps no links; relative and absolute links to the page's site are told apart by host either way).
 * Each is replaced only if this version of Readability still has it.
 */
function speedUp(reader: Record<string, unknown>): void {
  const replace = (name: string, fn: unknown) => {
    if (typeof reader[name] === 'function') reader[name] = fn;
  };
  replace('_getAllNodesWithTag', fastNodesWithTag);
  replace('_isProbablyVisible', isProbablyVisible);
  replace('_fixRelativeUris', () => undefined);
}

/**
 * Readability starts by serialising the whole page (`innerHTML`) so that it can put it back and try again with
 * looser rules when it finds too little text, which happens on about one page in twenty. Instead the body
 * hands out a marker, and only when Readability writes the marker back is the page rebuilt from `rebuild`.
 * Returns a function that removes the stand-in.
 */
function deferPageCopy(body: DomElement, rebuild: () => string): () => void {
  let accessor: PropertyDescriptor | undefined;
  for (let o = Object.getPrototypeOf(body); o && !accessor; o = Object.getPrototypeOf(o)) {
    accessor = Object.getOwnPropertyDescriptor(o, 'innerHTML');
  }
  const { get, set } = accessor ?? {};
  if (!get || !set) return () => undefined;
  const marker = `<!--newswire page before Readability ${Math.random()}-->`;
  let handedOut = false;
  Object.defineProperty(body, 'innerHTML', {
    configurable: true,
    get() {
      if (handedOut) return get.call(body);
      handedOut = true;
      return marker;
    },
    set(value: string) {
      set.call(body, value === marker ? rebuild() : value);
    },
  });
  return () => {
    delete (body as unknown as Record<string, unknown>).innerHTML;
  };
}

/** Removes furniture and narrows the page to the story, in place: what Readability is given. */
function prepareForReadability(document: DomDocument, description?: string): void {
  removeBoilerplate(document, description);
  narrowToArticle(document);
}

function readabilityBlocks(document: DomDocument, pageUrl?: string, rebuild?: () => string): TextBlock[] {
  const root = document.documentElement;
  if (!root || tooDeep(root, MAX_DEPTH)) return plainBlocks(document, pageUrl);
  const body = rebuild ? document.body : null;
  const restore = body && rebuild ? deferPageCopy(body, rebuild) : () => undefined;
  try {
    const reader = new Readability<DomNode>(document, {
      serializer: (n: DomNode) => n,
      charThreshold: 300,
      keepClasses: true,
      maxElemsToParse: MAX_ELEMENTS,
    });
    speedUp(reader as unknown as Record<string, unknown>);
    const content = reader.parse()?.content as DomElement | null | undefined;
    return content ? textBlocks(content, pageUrl) : [];
  } catch {
    // Too many elements (Readability refuses) or a DOM it cannot handle.
    return plainBlocks(document, pageUrl);
  } finally {
    restore();
  }
}

function tokenSet(text: string): Set<string> {
  return new Set(benchmarkTokens(text.toLowerCase()));
}

/** How much of `a`'s vocabulary appears in `b` (0..1). */
function coverage(a: Set<string>, b: Set<string>): number {
  if (a.size === 0) return 0;
  let hit = 0;
  for (const t of a) if (b.has(t)) hit++;
  return hit / a.size;
}

/** Splits a JSON-LD articleBody into paragraphs, decoding any HTML it carries. */
function articleBodyBlocks(body: string, document: DomDocument): string[] {
  if (/<\/?(?:p|br|div)\b/i.test(body)) {
    const holder = document.createElement('div');
    holder.innerHTML = body;
    return blocksOf(holder);
  }
  return body
    .split(/\n\s*\n|\r?\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/**
 * Finds the main text as blocks. `document` is consumed (Readability rewrites it): parse a fresh copy for
 * anything else.
 */
export function extractMainBlocks(document: DomDocument, opts: MainTextOptions = {}): string[] {
  prepareForReadability(document, opts.description);
  const { reparse } = opts;
  const rebuild = reparse
    ? () => {
        const fresh = reparse();
        prepareForReadability(fresh, opts.description);
        return fresh.body?.innerHTML ?? '';
      }
    : undefined;
  let blocks = dropLinkLists(readabilityBlocks(document, opts.url, rebuild))
    .filter((b) => !isPromptBlock(b))
    .filter((b) => !isBylineBlock(b, opts.byline));
  // A heading that repeats the title belongs to the page header, wherever the header ends.
  const titles = new Set((opts.titles ?? []).map(normaliseName).filter((t) => t.length > 0));
  if (titles.size) blocks = blocks.filter((b, i) => i > 5 || !titles.has(normaliseName(b)));

  if (opts.articleBody) {
    const ld = articleBodyBlocks(opts.articleBody, document).filter((b) => !isPromptBlock(b));
    const ldText = ld.join(' ');
    const domText = blocks.join(' ');
    const ldTokens = tokenSet(ldText);
    const domTokens = tokenSet(domText);
    const ldLen = benchmarkTokens(ldText).length;
    const domLen = benchmarkTokens(domText).length;
    // Trust articleBody when it is a real body (not a teaser) and its words are the page's words.
    const trustworthy =
      ldLen >= 50 && (domLen === 0 || coverage(ldTokens, domTokens) >= 0.8) && ldLen >= 0.6 * domLen;
    if (trustworthy) return ld;
  }
  return blocks;
}
