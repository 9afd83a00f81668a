import {
  classOf,
  type DomDocument,
  firstByTag,
  linkHref,
  pageIndex,
  tagOf,
} from '../../../../lambdas/core/articles/dom';
import { parseDocument } from '../../../../lambdas/core/articles/extract';

const html = `<html><head><title>Page</title><meta name="a" content="1"><link rel="Canonical" href="https://x.example/c">
<link rel="alternate icon" href="/i.png"><script type="application/ld+json">{}</script></head>
<body><div class="one  two">x</div><p>y</p><h1>First</h1><h1>Second</h1><time>today</time></body></html>`;

describe('page index', () => {
  it('gathers metas, links, scripts, times and the first element of each tag in one walk', () => {
    const doc = parseDocument(html);
    const index = pageIndex(doc);
    expect(index.metas.map((m) => m.getAttribute('name'))).toEqual(['a']);
    expect(index.links).toHaveLength(2);
    expect(index.scripts).toHaveLength(1);
    expect(index.times.map((t) => t.textContent)).toEqual(['today']);
    expect(firstByTag(doc, 'h1')?.textContent).toBe('First');
    expect(firstByTag(doc, 'H1')?.textContent).toBe('First');
    expect(firstByTag(doc, 'article')).toBeNull();
  });

  it('finds a link by one of its rel values, whatever the case', () => {
    const doc = parseDocument(html);
    expect(linkHref(doc, 'canonical')).toBe('https://x.example/c');
    expect(linkHref(doc, 'icon')).toBe('/i.png');
    expect(linkHref(doc, 'image_src')).toBeUndefined();
  });
});

describe('element helpers', () => {
  it('reads the class attribute, empty when there is none, and follows class list changes', () => {
    const doc = parseDocument(html);
    const div = firstByTag(doc, 'div');
    const p = firstByTag(doc, 'p');
    if (!div || !p) throw new Error('fixture elements missing');
    expect(classOf(div)).toBe(div.getAttribute('class') as string);
    expect(classOf(div).split(' ')).toEqual(['one', 'two']);
    expect(classOf(p)).toBe('');
    (div as unknown as { classList: { add(c: string): void } }).classList.add('three');
    expect(classOf(div)).toBe('one two three');
  });

  it('gives lower-case tag names, also for elements created with upper-case names', () => {
    const doc: DomDocument = parseDocument(html);
    expect(tagOf(doc.createElement('DIV'))).toBe('div');
    expect(tagOf(firstByTag(doc, 'p') as never)).toBe('p');
  });
});
