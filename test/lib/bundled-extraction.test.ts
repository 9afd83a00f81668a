/**
 * The function bundles replace a few modules with stubs (lib/function-bundling.ts). This bundles the extractor
 * and the classifier with those substitutions, exactly as the stack does, and checks that they give the same
 * result as the unbundled code on every fixture page.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import type { RawArticleRecord } from '../../lambdas/core/model';
import { buildArticle } from '../../lambdas/core/pipeline/extract-story';
import { functionEsbuildOptions } from '../../lib/function-bundling';

const ROOT = join(__dirname, '..', '..');
const PAGES = [
  join(ROOT, 'test', 'fixtures', 'site', 'articles'),
  join(ROOT, 'cli', 'demo', 'articles'),
].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(dir, f)),
);

function record(file: string): RawArticleRecord {
  const url = `https://news.example/${file.replace(/^.*\//, '')}`;
  return {
    articleId: 'bundle0000000001',
    canonicalUrl: url,
    feedId: 'f',
    feedUrl: 'https://news.example/feed',
    publisher: 'News',
    item: { url, categories: [], enclosures: [] },
    fetch: {
      status: 200,
      finalUrl: url,
      contentType: 'text/html; charset=utf-8',
      fetchedAt: '2024-03-20T00:00:00.000Z',
      durationMs: 1,
      bytes: 1,
    },
    firstSeenAt: '2024-03-20T00:00:00.000Z',
  };
}

let bundled: typeof import('../../lambdas/core/pipeline/extract-story');
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'newswire-bundled-'));
  const result = buildSync({
    ...functionEsbuildOptions(),
    entryPoints: [join(ROOT, 'lambdas', 'core', 'pipeline', 'extract-story.ts')],
    write: false,
    logLevel: 'silent',
  });
  const file = join(dir, 'extract.js');
  writeFileSync(file, result.outputFiles[0]?.contents ?? '');
  bundled = require(file);
});

test.each(PAGES.map((p) => [p.replace(/^.*\//, ''), p]))(
  'bundled extraction matches the source on %s',
  (_name, file) => {
    const page = readFileSync(file);
    const location = {
      bucket: 'b',
      itemKey: 'raw/2024/03/20/x/item.json',
      pageKey: 'raw/2024/03/20/x/page.html.gz',
    };
    const now = new Date('2024-03-20T01:00:00.000Z');

    const expected = buildArticle(record(file), page, location, now);
    const actual = bundled.buildArticle(record(file), page, location, now);

    expect(actual).toEqual(expected);
    expect(actual.text.length).toBeGreaterThan(200);
  },
);
