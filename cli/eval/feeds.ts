/**
 * `newswire eval feeds DIR [--json] [--failures N]`: runs Python feedparser's test corpus (DIR laid out as
 * `feedparser-tests`, driven by its `EXPECTATIONS.jsonl`) through Newswire's own fetch-free parse path
 * (bytes → decode → parse → normalise) and checks every expectation that maps onto Newswire's model.
 *
 * Mapping, stated once so the figures can be judged:
 * - feed title/subtitle/tagline/description, entry title/summary/description/content → `title`, `description`,
 *   `summary`. Newswire keeps these as plain text, so the expected value is reduced to its text (tags removed,
 *   entities decoded, whitespace collapsed) before comparing; an expected value with no text at all only tests
 *   HTML sanitising, which plain text makes moot, and is skipped.
 * - entry link → `url`; id/guid → `guid`; author / author_detail.name → `author` (names only, so an email in
 *   the expected value is dropped); tags[j].term / category → `categories[j]`; enclosures[j] href/url, type,
 *   length → `enclosures[j]`; published_parsed → `publishedAt`; updated_parsed → `updatedAt`, else `publishedAt`
 *   (a lone dc:date is stored as the publication time); feed link, language, ttl; `encoding` → the charset
 *   decodeDocument chose; `version` → `format`.
 * - Everything else (detail objects, links[], contributors, source, iTunes, GeoRSS, bozo flags ...) has no
 *   counterpart in the model and is skipped, counted by reason.
 * - `text/*` content without a charset defaulting to US-ASCII (RFC 3023) is skipped: Newswire follows the
 *   document's own declaration, as browsers and most feed readers do.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { decodeDocument } from '../../lambdas/core/feeds/decode';
import { FeedParseError, htmlToText, parseFeed } from '../../lambdas/core/feeds/parse';
import type { FeedItem, ParsedFeed } from '../../lambdas/core/model';
import { intFlag, parseArgs } from '../args';

interface Expectation {
  readonly file: string;
  readonly expect: string;
  readonly headers: Record<string, string>;
  readonly http: boolean;
  readonly simple?: { path: (string | number)[]; value: unknown };
}

type PathPart = string | number;
interface Check {
  readonly path: PathPart[];
  readonly value: unknown;
}

/** The value Newswire has for a feedparser path, with how to compare it; or why the path does not map. */
type Mapped =
  | { kind: 'value'; actual: unknown; compare: 'text' | 'exact' | 'url' | 'time' | 'charset' | 'person' }
  | { kind: 'skip'; reason: string };

interface Outcome {
  readonly file: string;
  readonly folder: string;
  readonly expect: string;
  readonly status: 'passed' | 'failed' | 'skipped';
  readonly reason?: string;
  readonly detail?: string;
  /** Every check compared text and the expected text was empty: a markup-only (sanitiser) expectation. */
  readonly markupOnly?: boolean;
}

/** Reads a Python literal, joining string literals concatenated with `+`. */
function pyLiteral(s: string): { value: unknown; rest: string } | undefined {
  const first = pyAtom(s);
  if (!first || typeof first.value !== 'string') return first;
  let value = first.value;
  let rest = first.rest;
  while (/^\s*\+/.test(rest)) {
    const next = pyAtom(rest.replace(/^\s*\+/, ''));
    if (!next || typeof next.value !== 'string') return undefined;
    value += next.value;
    rest = next.rest;
  }
  return { value, rest };
}

/** Reads a Python string or number literal from the start of `s`; returns it and the rest. */
function pyAtom(s: string): { value: unknown; rest: string } | undefined {
  const t = s.trimStart();
  const num = /^-?\d+(?:\.\d+)?/.exec(t);
  if (num) return { value: Number(num[0]), rest: t.slice(num[0].length) };
  if (t.startsWith('None')) return { value: null, rest: t.slice(4) };
  const m = /^[uU]?(['"])/.exec(t);
  if (!m) return undefined;
  const quote = m[1]!;
  let i = m[0].length;
  let out = '';
  while (i < t.length) {
    const c = t[i]!;
    if (c === quote) return { value: out, rest: t.slice(i + 1) };
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    const n = t[i + 1] ?? '';
    const simpleEscapes: Record<string, string> = {
      n: '\n',
      t: '\t',
      r: '\r',
      '\\': '\\',
      "'": "'",
      '"': '"',
    };
    if (n in simpleEscapes) {
      out += simpleEscapes[n];
      i += 2;
    } else if (n === 'x') {
      out += String.fromCharCode(Number.parseInt(t.slice(i + 2, i + 4), 16));
      i += 4;
    } else if (n === 'u') {
      out += String.fromCharCode(Number.parseInt(t.slice(i + 2, i + 6), 16));
      i += 6;
    } else if (n === 'U') {
      out += String.fromCodePoint(Number.parseInt(t.slice(i + 2, i + 10), 16));
      i += 10;
    } else {
      out += c;
      i++;
    }
  }
  return undefined;
}

/** Reads `entries[0]['title']`, `feed.link`, `encoding` ... into a path. */
function pyPath(s: string): { path: PathPart[]; rest: string } | undefined {
  const t = s.trimStart();
  const head = /^[A-Za-z_]\w*/.exec(t);
  if (!head) return undefined;
  const path: PathPart[] = [head[0]];
  let rest = t.slice(head[0].length);
  for (;;) {
    const idx = /^\[(\d+)\]/.exec(rest);
    if (idx) {
      path.push(Number(idx[1]));
      rest = rest.slice(idx[0].length);
      continue;
    }
    const key = /^\[\s*(['"])([^'"]*)\1\s*\]/.exec(rest);
    if (key) {
      path.push(key[2]!);
      rest = rest.slice(key[0].length);
      continue;
    }
    const attr = /^\.([A-Za-z_]\w*)(?!\s*\()/.exec(rest);
    if (attr) {
      path.push(attr[1]!);
      rest = rest.slice(attr[0].length);
      continue;
    }
    return { path, rest };
  }
}

/**
 * Turns an expectation into checks: its `simple` form, or clauses `PATH == LITERAL` (chains allowed) joined by
 * `and`, ignoring `bozo` clauses. Undefined when the expression is anything more complex.
 */
export function expectationChecks(e: Expectation): Check[] | undefined {
  if (e.simple) return [{ path: e.simple.path, value: e.simple.value }];
  // "1": the file must parse without an exception (feedparser's crash tests)
  if (e.expect.trim() === '1') return [{ path: [PARSES], value: true }];
  // "not bozo" alone: the file is a well-formed feed, which for Newswire means it parses
  if (e.expect.trim() === 'not bozo') return [{ path: [PARSES], value: true }];
  const clauses = e.expect
    .replace(/^\s*\(|\)\s*$/g, '')
    .split(/\)?\s+and\s+\(?/)
    .map((c) => c.trim().replace(/^\(|\)$/g, ''));
  const checks: Check[] = [];
  for (const clause of clauses) {
    if (/^(not\s+)?bozo$/.test(clause)) continue;
    // ord(PATH) == N: the value is that single character
    const ord = /^ord\((.+)\)\s*==\s*(\d+)$/.exec(clause);
    if (ord) {
      const p = pyPath(ord[1]!);
      if (!p || p.rest.trim()) return undefined;
      checks.push({ path: p.path, value: String.fromCodePoint(Number(ord[2])) });
      continue;
    }
    // not PATH.has_key('k') / not 'k' in PATH: the field is absent
    const absent =
      /^not\s+(.+)\.has_key\(\s*(['"])(\w+)\2\s*\)$/.exec(clause) ??
      /^not\s+(['"])(\w+)\1\s+in\s+(.+)$/.exec(clause);
    if (absent) {
      const [target, name] = absent[0].includes('has_key')
        ? [absent[1]!, absent[3]!]
        : [absent[3]!, absent[2]!];
      const p = pyPath(target);
      if (!p || p.rest.trim() || p.path[0] === 'locals') return undefined;
      checks.push({ path: [...p.path, name], value: ABSENT });
      continue;
    }
    // PATH != None: the field has a value
    const present = /^(.+?)\s*!=\s*None$/.exec(clause);
    if (present) {
      const p = pyPath(present[1]!);
      if (!p || p.rest.trim()) return undefined;
      checks.push({ path: p.path, value: PRESENT });
      continue;
    }
    const paths: PathPart[][] = [];
    let rest = clause;
    let value: unknown;
    for (;;) {
      const p = pyPath(rest);
      if (p && /^\s*==/.test(p.rest)) {
        paths.push(p.path);
        rest = p.rest.replace(/^\s*==/, '');
        continue;
      }
      const lit = pyLiteral(rest);
      if (!lit || lit.rest.trim() || !paths.length) return undefined;
      value = lit.value;
      break;
    }
    for (const path of paths) checks.push({ path, value });
  }
  return checks.length ? checks : undefined;
}

/** Pseudo path: the file parsed. */
const PARSES = '(parses)';
/** Expected value meaning "this field is absent". */
const ABSENT = Symbol('absent');
/** Expected value meaning "this field has a value". */
const PRESENT = Symbol('present');

const FORMAT_OF_VERSION: Record<string, ParsedFeed['format']> = {
  rss090: 'rdf',
  rss10: 'rdf',
  rss091n: 'rss',
  rss091u: 'rss',
  rss092: 'rss',
  rss093: 'rss',
  rss094: 'rss',
  rss20: 'rss',
  rss: 'rss',
  atom: 'atom',
  atom01: 'atom',
  atom02: 'atom',
  atom03: 'atom',
  atom10: 'atom',
  json1: 'json',
  json11: 'json',
};

const key = (p: PathPart[]) => p.map((x) => (typeof x === 'number' ? '[i]' : x)).join('.');

/** Maps one feedparser path onto the parsed feed. */
export function mapPath(path: PathPart[], feed: ParsedFeed | undefined, charset: string): Mapped {
  const [root, ...rest] = path;
  if (root === PARSES) return { kind: 'value', actual: feed !== undefined, compare: 'exact' };
  if (root === 'encoding' && rest.length === 0) return { kind: 'value', actual: charset, compare: 'charset' };
  if (root === 'version' && rest.length === 0)
    return { kind: 'value', actual: feed?.format, compare: 'exact' };
  const k = key(rest);
  if (root === 'feed') {
    switch (k) {
      case 'title':
      case 'title_detail.value':
        // feedparser reports the document's own title; a title Newswire made from the site's host is not one.
        return {
          kind: 'value',
          actual: feed?.titleSource === 'site' ? undefined : feed?.title,
          compare: 'text',
        };
      case 'subtitle':
      case 'tagline':
      case 'description':
      case 'subtitle_detail.value':
      case 'tagline_detail.value':
        return { kind: 'value', actual: feed?.description, compare: 'text' };
      case 'link':
        return { kind: 'value', actual: feed?.link, compare: 'url' };
      case 'language':
        return { kind: 'value', actual: feed?.language, compare: 'exact' };
      case 'ttl':
        return {
          kind: 'value',
          actual: feed?.ttlMinutes === undefined ? undefined : String(feed.ttlMinutes),
          compare: 'exact',
        };
      default:
        return { kind: 'skip', reason: `feed.${k}` };
    }
  }
  if (root === 'entries' && typeof rest[0] === 'number') {
    const item: FeedItem | undefined = feed?.items[rest[0]];
    const sub = rest.slice(1);
    const sk = key(sub);
    const j = typeof sub[1] === 'number' ? sub[1] : 0;
    switch (sk) {
      case 'title':
      case 'title_detail.value':
        return { kind: 'value', actual: item?.title, compare: 'text' };
      case 'summary':
      case 'description':
      case 'summary_detail.value':
      case 'content.[i].value':
        return { kind: 'value', actual: item?.summary, compare: 'text' };
      case 'link':
        return { kind: 'value', actual: item?.url, compare: 'url' };
      case 'id':
      case 'guid':
        return { kind: 'value', actual: item?.guid, compare: 'exact' };
      case 'author':
      case 'author_detail.name':
        return { kind: 'value', actual: item?.author, compare: 'person' };
      case 'category':
        return { kind: 'value', actual: item?.categories[0], compare: 'text' };
      case 'tags.[i].term':
        return { kind: 'value', actual: item?.categories[j], compare: 'text' };
      case 'enclosures.[i].href':
      case 'enclosures.[i].url':
        return { kind: 'value', actual: item?.enclosures[j]?.url, compare: 'url' };
      case 'enclosures.[i].type':
        return { kind: 'value', actual: item?.enclosures[j]?.type, compare: 'exact' };
      case 'enclosures.[i].length': {
        const len = item?.enclosures[j]?.length;
        return { kind: 'value', actual: len === undefined ? undefined : String(len), compare: 'exact' };
      }
      case 'published_parsed':
        return { kind: 'value', actual: item?.publishedAt, compare: 'time' };
      case 'updated_parsed':
        return { kind: 'value', actual: item?.updatedAt ?? item?.publishedAt, compare: 'time' };
      default:
        return { kind: 'skip', reason: `entries.${sk}` };
    }
  }
  return { kind: 'skip', reason: k ? `${String(root)}.${k}` : String(root) };
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A person as Newswire keeps it: the name without an email address. */
function personName(s: string): string {
  return collapse(
    s
      .replace(/\(?\s*(mailto:)?[\w.+-]+@[\w-]+(\.[\w-]+)+\s*\)?/g, ' ')
      .replace(/<\s*>|\(\s*\)/g, ' ')
      .replace(/[<>]/g, ' '),
  );
}

/** Labels that name the same decoder (Newswire reports the superset it decodes with). */
const CHARSET_ALIASES: Record<string, string> = {
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'tis-620': 'windows-874',
};

/** Compares; returns undefined when equal, else a description of the difference. Throws 'skip:...' to skip. */
function compare(
  m: Extract<Mapped, { kind: 'value' }>,
  expected: unknown,
): string | undefined | { skip: string } {
  const actual = m.actual;
  const show = (v: unknown) => JSON.stringify(v);
  if (expected === ABSENT) return actual === undefined ? undefined : `expected no value, got ${show(actual)}`;
  if (expected === PRESENT) return actual !== undefined ? undefined : 'expected a value, got none';
  if (typeof expected === 'boolean')
    return actual === expected ? undefined : `expected ${expected}, got ${show(actual)}`;
  switch (m.compare) {
    case 'text': {
      if (typeof expected !== 'string') return { skip: 'non-string expected value' };
      // an expected value that is only markup has no text: Newswire must then have none either
      const want = htmlToText(expected);
      const got = typeof actual === 'string' ? collapse(actual) : (actual ?? '');
      return got === want ? undefined : `expected ${show(want)}, got ${show(got)}`;
    }
    case 'person': {
      if (typeof expected !== 'string') return { skip: 'non-string expected value' };
      const want = personName(expected);
      if (!want) return { skip: 'expected author is only an email address' };
      return actual === want ? undefined : `expected ${show(want)}, got ${show(actual)}`;
    }
    case 'url': {
      if (typeof expected !== 'string') return { skip: 'non-string expected value' };
      let want = expected;
      try {
        want = new URL(expected).href;
      } catch {
        // a relative or odd expected value: compare as given
      }
      return actual === want || actual === expected
        ? undefined
        : `expected ${show(want)}, got ${show(actual)}`;
    }
    case 'time': {
      if (!Array.isArray(expected) || expected.length < 6) return { skip: 'unreadable time tuple' };
      const [y, mo, d, h, mi, s] = expected as number[];
      const want = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!)).toISOString().replace('.000Z', 'Z');
      const got = typeof actual === 'string' ? actual.replace(/\.\d+Z$/, 'Z') : actual;
      return got === want ? undefined : `expected ${want}, got ${show(actual)}`;
    }
    case 'charset': {
      if (typeof expected !== 'string') return { skip: 'non-string expected value' };
      const want = expected.toLowerCase();
      const got = String(actual).toLowerCase();
      return got === want || CHARSET_ALIASES[want] === got ? undefined : `expected ${want}, got ${got}`;
    }
    default: {
      if (m.compare === 'exact' && actual === undefined && expected === null) return undefined;
      if (typeof expected === 'string' && /^(rss|atom|json)/.test(expected) && FORMAT_OF_VERSION[expected]) {
        const want = FORMAT_OF_VERSION[expected];
        return actual === want ? undefined : `expected ${want} (${expected}), got ${show(actual)}`;
      }
      if (typeof expected !== 'string') return { skip: 'non-string expected value' };
      return actual === expected ? undefined : `expected ${show(expected)}, got ${show(actual)}`;
    }
  }
}

function headerOf(headers: Record<string, string>, name: string): string | undefined {
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === name) return v;
  return undefined;
}

const contentTypeOf = (headers: Record<string, string>) => headerOf(headers, 'content-type');

interface ParsedFile {
  feed?: ParsedFeed;
  charset: string;
  error?: string;
}

async function parseFile(dir: string, e: Expectation): Promise<ParsedFile> {
  const bytes = readFileSync(join(dir, e.file));
  const contentType = e.http ? contentTypeOf(e.headers) : undefined;
  const charset = decodeDocument(bytes, { contentType, kind: 'xml' }).charset;
  try {
    // feedparser's test server serves the corpus at this address; relative links resolve against it
    const contentLanguage = e.http ? headerOf(e.headers, 'content-language') : undefined;
    const feed = await parseFeed(bytes, {
      url: `http://127.0.0.1:8097/tests/${e.file}`,
      contentType,
      contentLanguage,
    });
    return { feed, charset };
  } catch (err) {
    const message = err instanceof FeedParseError ? err.message : `crash: ${(err as Error).message}`;
    return { charset, error: message };
  }
}

/** Runs the evaluation; exit code 0 on success, 2 on bad arguments. */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['json']);
  const dir = args.positional[0];
  if (!dir || !existsSync(join(dir, 'EXPECTATIONS.jsonl'))) {
    console.error('usage: newswire eval feeds DIR [--json] [--failures N]   (DIR holds EXPECTATIONS.jsonl)');
    return 2;
  }
  const expectations = readFileSync(join(dir, 'EXPECTATIONS.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Expectation);

  const cache = new Map<string, ParsedFile>();
  const outcomes: Outcome[] = [];
  for (const e of expectations) {
    const folder = dirname(e.file);
    const base = { file: e.file, folder, expect: e.expect };
    const checks = expectationChecks(e);
    if (!checks) {
      outcomes.push({ ...base, status: 'skipped', reason: 'expression is not a simple comparison' });
      continue;
    }
    const mapped = checks.map((c) => ({ c, m: mapPath(c.path, undefined, '') }));
    const unmapped = mapped.find(({ m }) => m.kind === 'skip');
    if (unmapped && unmapped.m.kind === 'skip') {
      outcomes.push({ ...base, status: 'skipped', reason: `no counterpart: ${unmapped.m.reason}` });
      continue;
    }
    const ct = contentTypeOf(e.headers) ?? '';
    if (
      checks.some((c) => c.path[0] === 'encoding' && c.value === 'us-ascii') &&
      /^text\//i.test(ct) &&
      !/charset\s*=\s*["']?\s*us-ascii/i.test(ct)
    ) {
      outcomes.push({
        ...base,
        status: 'skipped',
        reason: 'RFC 3023 text/* defaults to US-ASCII (not followed)',
      });
      continue;
    }
    let parsed = cache.get(e.file);
    if (!parsed) {
      parsed = await parseFile(dir, e);
      cache.set(e.file, parsed);
    }
    const problems: string[] = [];
    let skip: string | undefined;
    let markupOnly = true;
    for (const { c } of mapped) {
      const m = mapPath(c.path, parsed.feed, parsed.charset);
      if (m.kind === 'skip') {
        skip = m.reason;
        break;
      }
      if (!(m.compare === 'text' && typeof c.value === 'string' && htmlToText(c.value) === ''))
        markupOnly = false;
      const diff = compare(m, c.value);
      if (diff && typeof diff === 'object') {
        skip = diff.skip;
        break;
      }
      if (diff) problems.push(`${c.path.join('.')}: ${diff}`);
    }
    if (skip) outcomes.push({ ...base, status: 'skipped', reason: skip });
    else if (
      problems.length ||
      (parsed.error && !parsed.feed && checks.some((c) => c.path[0] !== 'encoding'))
    ) {
      outcomes.push({ ...base, status: 'failed', detail: parsed.error ?? problems.join('; '), markupOnly });
    } else outcomes.push({ ...base, status: 'passed', markupOnly });
  }

  const byFolder: Record<string, { mapped: number; passed: number; failed: number; skipped: number }> = {};
  const skipReasons: Record<string, number> = {};
  for (const o of outcomes) {
    const f = byFolder[o.folder] ?? { mapped: 0, passed: 0, failed: 0, skipped: 0 };
    byFolder[o.folder] = f;
    if (o.status === 'skipped') {
      f.skipped++;
      const r = (o.reason ?? '').replace(/\[i\]/g, '[i]');
      skipReasons[r] = (skipReasons[r] ?? 0) + 1;
    } else {
      f.mapped++;
      if (o.status === 'passed') f.passed++;
      else f.failed++;
    }
  }
  const mappedCount = outcomes.filter((o) => o.status !== 'skipped').length;
  const passed = outcomes.filter((o) => o.status === 'passed').length;
  const failures = outcomes.filter((o) => o.status === 'failed');
  const textful = outcomes.filter((o) => o.status !== 'skipped' && !o.markupOnly);
  const textfulPassed = textful.filter((o) => o.status === 'passed').length;
  const summary = {
    dir,
    expectations: outcomes.length,
    files: cache.size,
    mapped: mappedCount,
    passed,
    failed: failures.length,
    skipped: outcomes.length - mappedCount,
    passRate: mappedCount ? passed / mappedCount : 0,
    // the same without markup-only expectations (expected text empty), which a plain-text model passes easily
    withoutMarkupOnly: {
      mapped: textful.length,
      passed: textfulPassed,
      passRate: textful.length ? textfulPassed / textful.length : 0,
    },
    byFolder,
    skipReasons: Object.fromEntries(Object.entries(skipReasons).sort((a, b) => b[1] - a[1])),
    failures: failures.map(({ file, expect, detail }) => ({ file, expect, detail })),
  };
  if (args.flags.has('json')) {
    console.log(JSON.stringify(summary, null, 2));
    return 0;
  }
  console.log(`feeds ${dir}: ${summary.expectations} expectations over ${summary.files} files`);
  console.log(
    `mapped ${summary.mapped}  passed ${summary.passed}  failed ${summary.failed}  skipped ${summary.skipped}  pass rate ${(summary.passRate * 100).toFixed(1)}%`,
  );
  const w = summary.withoutMarkupOnly;
  console.log(
    `without markup-only expectations: mapped ${w.mapped}  passed ${w.passed}  pass rate ${(w.passRate * 100).toFixed(1)}%`,
  );
  console.log('');
  console.log(
    `${'folder'.padEnd(28)} ${'mapped'.padStart(7)} ${'passed'.padStart(7)} ${'failed'.padStart(7)} ${'skipped'.padStart(8)}`,
  );
  for (const [folder, f] of Object.entries(byFolder).sort()) {
    console.log(
      `${folder.padEnd(28)} ${String(f.mapped).padStart(7)} ${String(f.passed).padStart(7)} ${String(f.failed).padStart(7)} ${String(f.skipped).padStart(8)}`,
    );
  }
  const limit = intFlag(args, 'failures', 30);
  if (failures.length && limit > 0) {
    console.log(`\nfailures (${Math.min(limit, failures.length)} of ${failures.length}):`);
    for (const f of failures.slice(0, limit)) console.log(`  ${f.file}: ${f.detail}`);
  }
  return 0;
}
