/**
 * The small part of the DOM that extraction uses. The project compiles without the `dom` lib (it runs on
 * Node), so the shapes linkedom provides are declared here rather than pulled in globally.
 */

/** A DOM node: text (nodeType 3), element (1) or other. */
export interface DomNode {
  readonly nodeType: number;
  readonly nodeValue: string | null;
  readonly firstChild: DomNode | null;
  readonly nextSibling: DomNode | null;
  readonly parentNode: DomNode | null;
  textContent: string | null;
}

/** Querying shared by documents and elements. */
export interface DomParent {
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement> & Iterable<DomElement>;
  /** A plain scan, without compiling a CSS selector (linkedom compiles one on every query). */
  getElementsByTagName(tag: string): ArrayLike<DomElement> & Iterable<DomElement>;
}

/** An element. */
export interface DomElement extends DomNode, DomParent {
  readonly tagName: string;
  /** The tag name in lower case as parsed; unlike `tagName`, linkedom does not upper-case it on every read. */
  readonly localName: string;
  getAttributeNode(name: string): { readonly value: string } | null;
  readonly parentElement: DomElement | null;
  innerHTML: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  closest(selector: string): DomElement | null;
  remove(): void;
  appendChild(node: DomNode): DomNode;
  replaceChildren(...nodes: DomNode[]): void;
}

/** A parsed HTML document. */
export interface DomDocument extends DomParent {
  readonly documentElement: DomElement | null;
  readonly body: DomElement | null;
  createElement(tag: string): DomElement;
}

// linkedom keeps a document as one linked list: each element is followed by its attributes, then its
// descendants, then an end marker. Following that list visits elements in document order without the
// `firstChild`/`nextSibling` getters, which skip attributes and look up end markers on every step.
// The two keys are linkedom's own symbols, found by name once; if a linkedom version names them otherwise,
// the walk falls back to the getters.
let NEXT: symbol | undefined;
let END: symbol | undefined;
let probed = false;

interface Linked extends DomNode {
  [key: symbol]: Linked | null | undefined;
}

function probeLinks(el: DomNode): void {
  probed = true;
  for (const key of Object.getOwnPropertySymbols(el)) {
    if (key.description === 'next') NEXT = key;
    else if (key.description === 'end') END = key;
  }
}

function walkLinked(
  root: Linked,
  next: symbol,
  end: symbol,
  visit: (el: DomElement) => boolean | undefined,
): void {
  const stop = root[end];
  let node = root[next];
  while (node && node !== stop) {
    if (node.nodeType === 1) {
      // Read what follows the element's subtree first: the visitor may remove the element.
      const after = node[end]?.[next];
      if (visit(node as unknown as DomElement) === false) {
        node = after;
        continue;
      }
    }
    node = node[next];
  }
}

function walkChildren(root: DomNode, visit: (el: DomElement) => boolean | undefined): void {
  for (let child = root.firstChild; child; ) {
    // Read the next sibling first: the visitor may remove the child.
    const next = child.nextSibling;
    if (child.nodeType === 1 && visit(child as DomElement) !== false) walkChildren(child, visit);
    child = next;
  }
}

/**
 * Visits the elements under `root` in document order; returning `false` skips an element's children (for
 * instance after removing it). Cheaper than `querySelectorAll` on linkedom, which compiles its selector on
 * every call.
 */
export function walkElements(root: DomNode, visit: (el: DomElement) => boolean | undefined): void {
  let start = root;
  if (root.nodeType === 9) {
    // linkedom does not chain a doctype to the root element, so start from the root element itself.
    const html = (root as unknown as DomDocument).documentElement;
    if (!html || visit(html) === false) return;
    start = html;
  }
  if (!probed && start.nodeType === 1) probeLinks(start);
  const linked = start as Linked;
  if (NEXT && END && start.nodeType === 1 && linked[END]) walkLinked(linked, NEXT, END, visit);
  else walkChildren(start, visit);
}

/** The same walk through the standard `firstChild`/`nextSibling` getters (for tests of the fast walk). */
export function walkElementsByGetters(root: DomNode, visit: (el: DomElement) => boolean | undefined): void {
  if (root.nodeType === 9) {
    const html = (root as unknown as DomDocument).documentElement;
    if (html && visit(html) !== false) walkChildren(html, visit);
    return;
  }
  walkChildren(root, visit);
}

/**
 * The tag name in lower case. Parsed elements already have a lower-case `localName`; elements created by
 * `createElement('DIV')` (Readability does) keep the case they were given. Cheaper than `tagName`, which
 * linkedom upper-cases on every read.
 */
export function tagOf(el: DomElement): string {
  const name = el.localName;
  const c = name.charCodeAt(0);
  return c >= 65 && c <= 90 ? name.toLowerCase() : name;
}

/**
 * The class attribute, read from the attribute node: linkedom answers `getAttribute('class')` by building a
 * class list (a Set) and joining it again, even for elements that have no class at all.
 */
export function classOf(el: DomElement): string {
  return el.getAttributeNode('class')?.value ?? '';
}

/** Elements that metadata and dates look up, gathered in one walk of the page before anything is removed. */
export interface PageIndex {
  readonly metas: readonly DomElement[];
  readonly links: readonly DomElement[];
  readonly scripts: readonly DomElement[];
  readonly times: readonly DomElement[];
  /** The first element of each tag name (lower case). */
  readonly first: ReadonlyMap<string, DomElement>;
}

const indexCache = new WeakMap<DomDocument, PageIndex>();

/**
 * One walk instead of a `getElementsByTagName` scan per tag: linkedom scans the whole document for each and
 * upper-cases every element's name to compare it. Remembered per document; only valid before nodes are removed.
 */
export function pageIndex(document: DomDocument): PageIndex {
  let index = indexCache.get(document);
  if (index) return index;
  const metas: DomElement[] = [];
  const links: DomElement[] = [];
  const scripts: DomElement[] = [];
  const times: DomElement[] = [];
  const first = new Map<string, DomElement>();
  walkElements(document as unknown as DomNode, (el) => {
    const name = tagOf(el);
    if (name === 'meta') metas.push(el);
    else if (name === 'link') links.push(el);
    else if (name === 'script') scripts.push(el);
    else if (name === 'time') times.push(el);
    if (!first.has(name)) first.set(name, el);
    return true;
  });
  index = { metas, links, scripts, times, first };
  indexCache.set(document, index);
  return index;
}

/** The `href` of the first `<link>` whose `rel` holds the given value (case-insensitive). */
export function linkHref(document: DomDocument, rel: string): string | undefined {
  for (const link of pageIndex(document).links) {
    const rels = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (rels.includes(rel)) return link.getAttribute('href') ?? undefined;
  }
  return undefined;
}

/**
 * The first element with the given tag name, or null. For a whole document it comes from `pageIndex`, so do
 * not use it after removing nodes.
 */
export function firstByTag(root: DomParent, tag: string): DomElement | null {
  if ((root as unknown as DomNode).nodeType === 9) {
    return pageIndex(root as DomDocument).first.get(tag.toLowerCase()) ?? null;
  }
  return root.getElementsByTagName(tag)[0] ?? null;
}
