/**
 * linkedom is patched (patches/linkedom+*.patch, applied by `npm ci`'s postinstall) so that a DOM node gets its
 * event-listener map on first use instead of at construction: parsing a news page creates thousands of nodes
 * and the eager maps cost about a third of extraction time. These tests prove the patch is installed and that
 * events still behave.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseHTML } from 'linkedom';

describe('patched linkedom event targets', () => {
  it('is installed in both the CommonJS and the ES module builds', () => {
    for (const build of ['cjs', 'esm']) {
      // The package's export map hides its files; find them beside its CommonJS entry point (cjs/index.js).
      const root = dirname(dirname(require.resolve('linkedom')));
      const source = readFileSync(join(root, build, 'interface', 'event-target.js'), 'utf8');
      expect(source).toContain('if (!map) wm.set(this, (map = new Map));');
      expect(source).not.toMatch(/constructor\(\) \{\s*wm\.set/);
    }
  });

  it('still delivers, bubbles and removes listeners', () => {
    const { document } = parseHTML('<html><body><div id="outer"><p id="inner">x</p></div></body></html>');
    const outer = document.getElementById('outer');
    const inner = document.getElementById('inner');
    const heard: string[] = [];
    const onOuter = (e: { type: string }) => heard.push(`outer:${e.type}`);
    outer?.addEventListener('ping', onOuter);
    inner?.addEventListener('ping', () => heard.push('inner:ping'));
    inner?.dispatchEvent(new document.defaultView.Event('ping', { bubbles: true }));
    outer?.removeEventListener('ping', onOuter);
    inner?.dispatchEvent(new document.defaultView.Event('ping', { bubbles: true }));
    expect(heard).toEqual(['inner:ping', 'outer:ping', 'inner:ping']);
  });

  it('lets a listener be removed from a node that never had one', () => {
    const { document } = parseHTML('<p>x</p>');
    const p = document.querySelector('p');
    expect(() => p?.removeEventListener('click', () => undefined)).not.toThrow();
  });
});
