/**
 * `newswire eval metadata DIR [--json]`: metadata on Mozilla Readability's test pages (`DIR/<case>/source.html`,
 * `DIR/<case>/expected-metadata.json`). For each field, the share of pages with an expected value that
 * Newswire matches: title, byline, site name, language, excerpt (description) and published time (as instants).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePageDate } from '../../lambdas/core/articles/dates';
import { extractArticle } from '../../lambdas/core/articles/extract';
import { primaryLanguage } from '../../lambdas/core/articles/language';
import { decodeDocument } from '../../lambdas/core/feeds/decode';
import type { ExtractedArticle } from '../../lambdas/core/model';
import { parseArgs } from '../args';

interface Expected {
  readonly title?: string | null;
  readonly byline?: string | null;
  readonly siteName?: string | null;
  readonly lang?: string | null;
  readonly excerpt?: string | null;
  readonly publishedTime?: string | null;
}

type Field = 'title' | 'byline' | 'siteName' | 'language' | 'excerpt' | 'publishedTime';
const FIELDS: readonly Field[] = ['title', 'byline', 'siteName', 'language', 'excerpt', 'publishedTime'];

function norm(s: string): string {
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}

function stripBy(s: string): string {
  return norm(s).replace(/^by\s+/, '');
}

/**
 * Newswire removes site names from titles on purpose, so a title also matches when the expected one is
 * Newswire's plus a separator and a site name.
 */
function titleMatches(expected: string, actual: string): boolean {
  const e = norm(expected);
  const a = norm(actual);
  if (e === a) return true;
  if (!a) return false;
  if (e.startsWith(a) && /^\s*[|\-–—:·•»«/]/.test(e.slice(a.length))) return true;
  return e.endsWith(a) && /[|\-–—:·•»«/]\s*$/.test(e.slice(0, e.length - a.length));
}

function instant(s: string): number | undefined {
  const d = parsePageDate(s, 'expected');
  return d ? Date.parse(d.iso) : undefined;
}

function compare(field: Field, expected: Expected, got: ExtractedArticle): boolean | undefined {
  switch (field) {
    case 'title':
      return expected.title ? titleMatches(expected.title, got.title ?? '') : undefined;
    case 'byline':
      return expected.byline ? stripBy(expected.byline) === stripBy(got.byline ?? '') : undefined;
    case 'siteName':
      return expected.siteName ? norm(expected.siteName) === norm(got.siteName ?? '') : undefined;
    case 'language': {
      const e = primaryLanguage(expected.lang ?? undefined);
      return e ? e === got.language : undefined;
    }
    case 'excerpt':
      return expected.excerpt ? norm(expected.excerpt) === norm(got.description ?? '') : undefined;
    case 'publishedTime': {
      const e = expected.publishedTime ? instant(expected.publishedTime) : undefined;
      if (e === undefined) return undefined;
      return got.publishedAt !== undefined && Date.parse(got.publishedAt) === e;
    }
  }
}

/** Runs the metadata evaluation; exit code 0 on success, 2 on bad arguments. */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['json', 'errors']);
  const dir = args.positional[0];
  if (!dir || !existsSync(dir)) {
    console.error(
      'usage: newswire eval metadata DIR [--json] [--errors]  (DIR/<case>/source.html, expected-metadata.json)',
    );
    return 2;
  }
  const cases = readdirSync(dir)
    .filter(
      (c) => existsSync(join(dir, c, 'source.html')) && existsSync(join(dir, c, 'expected-metadata.json')),
    )
    .sort();
  const tally = Object.fromEntries(FIELDS.map((f) => [f, { n: 0, matched: 0 }])) as Record<
    Field,
    { n: number; matched: number }
  >;
  const errors: string[] = [];
  for (const c of cases) {
    const html = decodeDocument(readFileSync(join(dir, c, 'source.html')), { kind: 'html' }).text;
    const expected = JSON.parse(readFileSync(join(dir, c, 'expected-metadata.json'), 'utf8')) as Expected;
    const got = extractArticle(html, { url: `http://fakehost/test/page.html` });
    for (const field of FIELDS) {
      const ok = compare(field, expected, got);
      if (ok === undefined) continue;
      tally[field].n++;
      if (ok) tally[field].matched++;
      else {
        const want =
          field === 'language'
            ? expected.lang
            : field === 'excerpt'
              ? expected.excerpt
              : expected[field as keyof Expected];
        const have =
          field === 'excerpt'
            ? got.description
            : field === 'publishedTime'
              ? got.publishedAt
              : got[field as keyof ExtractedArticle];
        errors.push(
          `${c.padEnd(32)} ${field.padEnd(13)} want ${JSON.stringify(want)}  got ${JSON.stringify(have)}`,
        );
      }
    }
  }
  const fields = Object.fromEntries(
    FIELDS.map((f) => [f, { n: tally[f].n, matchRate: tally[f].n ? tally[f].matched / tally[f].n : 0 }]),
  );
  if (args.flags.has('json')) {
    console.log(JSON.stringify({ n: cases.length, fields }));
    return 0;
  }
  console.log(`pages: ${cases.length}`);
  for (const f of FIELDS) {
    const t = tally[f];
    console.log(
      `${f.padEnd(14)} ${(t.n ? t.matched / t.n : 0).toFixed(3)}  (${t.matched}/${t.n} pages with an expected value)`,
    );
  }
  if (args.flags.has('errors')) for (const e of errors) console.log(e);
  return 0;
}
