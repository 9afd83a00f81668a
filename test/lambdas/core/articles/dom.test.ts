import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  classOf,
  type DomDocument,
  firstByTag,
  linkHref,
  pageIndex,
  tagOf,
  walkElements,
  walkElementsByGetters,
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

describe('walkElements', () => {
  const page = readFileSync(join(__dirname, '../../../fixtures/articles/cleanup-rules.html'), 'utf8');
  const names = (walk: typeof walkElements, skip: (cls: string) => boolean, removing: boolean) => {
    const doc = parseDocument(page);
    const seen: string[] = [];
    walk(doc as never, (el) => {
      seen.push(`${tagOf(el)}.${classOf(el)}`);
      if (!skip(classOf(el))) return true;
      if (removing) el.remove();
      return false;
    });
    return seen;
  };

  it('visits the same elements in the same order as a walk through the DOM getters', () => {
    const all = names(walkElements, () => false, false);
    expect(all.length).toBeGreaterThan(20);
    expect(all).toEqual(names(walkElementsByGetters, () => false, false));
  });

  it('skips the children of elements the visitor declines, also when it removes them', () => {
    const skip = (cls: string) => /story|social/.test(cls);
    const skipped = names(walkElements, skip, false);
    expect(skipped.length).toBeLessThan(names(walkElements, () => false, false).length);
    expect(skipped).toEqual(names(walkElementsByGetters, skip, false));
    expect(names(walkElements, skip, true)).toEqual(skipped);
  });

  it('walks a subtree only, from an element', () => {
    const doc = parseDocument(page);
    const body = firstByTag(doc, 'body');
    if (!body) throw new Error('no body');
    const inBody: string[] = [];
    walkElements(body, (el) => {
      inBody.push(tagOf(el));
      return true;
    });
    expect(inBody).not.toContain('body');
    expect(inBody).not.toContain('title');
    expect(inBody).toContain('p');
  });
});
