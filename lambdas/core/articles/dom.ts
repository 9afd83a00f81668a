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
  readonly parentElement: DomElement | null;
  innerHTML: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  closest(selector: string): DomElement | null;
  remove(): void;
  appendChild(node: DomNode): DomNode;
}

/** A parsed HTML document. */
export interface DomDocument extends DomParent {
  readonly documentElement: DomElement | null;
  createElement(tag: string): DomElement;
}

/**
 * Visits the elements under `root` in document order; returning `false` skips an element's children (for
 * instance after removing it). Cheaper than `querySelectorAll` on linkedom, which compiles its selector on
 * every call.
 */
export function walkElements(root: DomNode, visit: (el: DomElement) => boolean | undefined): void {
  if (root.nodeType === 9) {
    // linkedom does not chain a doctype to the root element, so start from the root element itself.
    const html = (root as unknown as DomDocument).documentElement;
    if (html && visit(html) !== false) walkElements(html, visit);
    return;
  }
  for (let child = root.firstChild; child; ) {
    // Read the next sibling first: the visitor may remove the child.
    const next = child.nextSibling;
    if (child.nodeType === 1 && visit(child as DomElement) !== false) walkElements(child, visit);
    child = next;
  }
}

const firstCache = new WeakMap<DomParent, Map<string, DomElement | null>>();

/**
 * The first element with the given tag name, or null. Remembered per root, because metadata, dates and text
 * all ask for the same `<h1>` and `<title>` before the page is changed; do not use it after removing nodes.
 */
export function firstByTag(root: DomParent, tag: string): DomElement | null {
  let cache = firstCache.get(root);
  if (!cache) {
    cache = new Map();
    firstCache.set(root, cache);
  }
  let el = cache.get(tag);
  if (el === undefined) {
    el = root.getElementsByTagName(tag)[0] ?? null;
    cache.set(tag, el);
  }
  return el;
}
