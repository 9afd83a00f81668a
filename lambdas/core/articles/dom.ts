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
}

/** A parsed HTML document. */
export interface DomDocument extends DomParent {
  readonly documentElement: DomElement | null;
  createElement(tag: string): DomElement;
}
