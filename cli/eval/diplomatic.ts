/**
 * `newswire eval diplomatic FILE [--json] [--half a|b]`: runs labelled articles (JSON lines as in
 * eval/diplomatic-dev/articles.jsonl) through analyseStory, the code the pipeline calls, and scores the
 * diplomatic decision, its type, dyad and subtype, and the country, people and organisation sets.
 * `--half a|b` scores only odd or even lines, so a classifier can be tuned on one half and checked on the other.
 */
import { readFileSync } from 'node:fs';
import { analyseStory } from '../../lambdas/core/classify/analyse';
import { parseArgs, stringFlag } from '../args';

interface Labelled {
  id: string;
  title: string;
  body: string;
  language?: string;
  labels: {
    diplomatic: boolean;
    subtype?: string | null;
    plover?: string | null;
    dyad?: string | null;
    countries?: string[];
    people?: string[];
    organizations?: string[];
  };
}

interface SetScore {
  tp: number;
  fp: number;
  fn: number;
}

interface Tally {
  n: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  typeOk: number;
  dyadOk: number;
  subtypeOk: number;
  countries: SetScore;
  people: SetScore;
  organizations: SetScore;
}

const newTally = (): Tally => ({
  n: 0,
  tp: 0,
  fp: 0,
  fn: 0,
  tn: 0,
  typeOk: 0,
  dyadOk: 0,
  subtypeOk: 0,
  countries: { tp: 0, fp: 0, fn: 0 },
  people: { tp: 0, fp: 0, fn: 0 },
  organizations: { tp: 0, fp: 0, fn: 0 },
});

const norm = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Adds a predicted set against a gold set; names match after folding case, accents and punctuation. */
function scoreSet(acc: SetScore, predicted: readonly string[], gold: readonly string[]): void {
  const p = new Set(predicted.map(norm));
  const g = new Set(gold.map(norm));
  for (const x of p)
    if (g.has(x)) acc.tp++;
    else acc.fp++;
  for (const x of g) if (!p.has(x)) acc.fn++;
}

const f1 = (s: SetScore) =>
  s.tp === 0 ? (s.fp + s.fn === 0 ? 1 : 0) : (2 * s.tp) / (2 * s.tp + s.fp + s.fn);
const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

function summary(t: Tally) {
  // With no positives predicted (or none to find) there is nothing to get wrong: count it as perfect.
  const precision = t.tp + t.fp === 0 ? 1 : ratio(t.tp, t.tp + t.fp);
  const recall = t.tp + t.fn === 0 ? 1 : ratio(t.tp, t.tp + t.fn);
  return {
    n: t.n,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    // Undefined without true positives (a language with no diplomatic story found): null, not 0.
    typeAccuracy: t.tp === 0 ? null : ratio(t.typeOk, t.tp),
    dyadAccuracy: t.tp === 0 ? null : ratio(t.dyadOk, t.tp),
    subtypeAccuracy: t.tp === 0 ? null : ratio(t.subtypeOk, t.tp),
    countriesF1: f1(t.countries),
    peopleF1: f1(t.people),
    organizationsF1: f1(t.organizations),
  };
}

/** Entry point of `newswire eval diplomatic`. */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const file = args.positional[0];
  if (!file) {
    console.error('usage: newswire eval diplomatic FILE [--json] [--half a|b]');
    return 2;
  }
  const half = stringFlag(args, 'half');
  const rows = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Labelled)
    .filter((_, i) => (half === 'a' ? i % 2 === 0 : half === 'b' ? i % 2 === 1 : true));
  const total = newTally();
  const byLanguage = new Map<string, Tally>();
  const errors: { id: string; kind: string; expected: string; got: string; reason: string }[] = [];
  // Speed of the metadata step alone: one warm-up pass (module loading, JIT), then the best of three timed
  // passes, since other processes on the machine add noise to any single pass.
  for (const row of rows) analyseStory({ title: row.title, text: row.body });
  let best = Number.POSITIVE_INFINITY;
  for (let pass = 0; pass < 3; pass++) {
    // CPU time of this process, so that other processes on the machine do not count against it.
    const t0 = process.cpuUsage();
    for (const row of rows)
      analyseStory({ title: row.title, text: row.body, ...(row.language ? { language: row.language } : {}) });
    const used = process.cpuUsage(t0);
    best = Math.min(best, (used.user + used.system) * 1000);
  }
  for (const row of rows) {
    const lang = row.language ?? 'und';
    const analysis = analyseStory({
      title: row.title,
      text: row.body,
      ...(row.language ? { language: row.language } : {}),
    });
    const d = analysis.decision;
    const gold = row.labels;
    for (const t of [total, byLanguage.get(lang) ?? byLanguage.set(lang, newTally()).get(lang)]) {
      if (!t) continue;
      t.n++;
      if (d.diplomatic && gold.diplomatic) {
        t.tp++;
        if (d.plover === gold.plover) t.typeOk++;
        if (d.dyad === gold.dyad) t.dyadOk++;
        if (d.subtype === gold.subtype) t.subtypeOk++;
      } else if (d.diplomatic) t.fp++;
      else if (gold.diplomatic) t.fn++;
      else t.tn++;
      scoreSet(
        t.countries,
        analysis.countries.map((c) => c.code),
        gold.countries ?? [],
      );
      scoreSet(
        t.people,
        analysis.people.map((p) => p.name),
        gold.people ?? [],
      );
      scoreSet(
        t.organizations,
        analysis.organizations.map((o) => o.name),
        gold.organizations ?? [],
      );
    }
    if (d.diplomatic !== gold.diplomatic) {
      errors.push({
        id: row.id,
        kind: d.diplomatic ? 'false positive' : 'false negative',
        expected: String(gold.diplomatic),
        got: String(d.diplomatic),
        reason: d.reason,
      });
    } else if (d.diplomatic) {
      if (d.plover !== gold.plover)
        errors.push({
          id: row.id,
          kind: 'type',
          expected: String(gold.plover),
          got: String(d.plover),
          reason: d.reason,
        });
      if (d.dyad !== gold.dyad)
        errors.push({
          id: row.id,
          kind: 'dyad',
          expected: String(gold.dyad),
          got: String(d.dyad),
          reason: d.reason,
        });
      if (d.subtype !== gold.subtype)
        errors.push({
          id: row.id,
          kind: 'subtype',
          expected: String(gold.subtype),
          got: String(d.subtype),
          reason: d.reason,
        });
    }
    const cp = new Set(analysis.countries.map((c) => c.code));
    const cg = new Set(gold.countries ?? []);
    const extra = [...cp].filter((c) => !cg.has(c));
    const missing = [...cg].filter((c) => !cp.has(c));
    if (extra.length || missing.length)
      errors.push({
        id: row.id,
        kind: 'countries',
        expected: missing.length ? `missing ${missing.join(',')}` : '',
        got: extra.length ? `extra ${extra.join(',')}` : '',
        reason: '',
      });
  }
  const seconds = best / 1e9;
  const result = {
    ...summary(total),
    articlesPerSecond: rows.length / seconds,
    byLanguage: Object.fromEntries([...byLanguage.entries()].map(([k, v]) => [k, summary(v)])),
    errors,
  };
  if (args.flags.has('json')) {
    console.log(JSON.stringify(result, null, 2));
    return 0;
  }
  const pct = (x: number | null) => (x === null ? 'n/a' : `${(100 * x).toFixed(1)}%`);
  console.log(
    `articles: ${result.n}  (${result.articlesPerSecond.toFixed(0)} articles per CPU-second in analyseStory, best of 3 warm passes)`,
  );
  console.log(
    `diplomatic  precision ${pct(result.precision)}  recall ${pct(result.recall)}  F1 ${pct(result.f1)}`,
  );
  console.log(
    `on true positives: type ${pct(result.typeAccuracy)}  dyad ${pct(result.dyadAccuracy)}  subtype ${pct(result.subtypeAccuracy)}`,
  );
  console.log(
    `set F1: countries ${pct(result.countriesF1)}  people ${pct(result.peopleF1)}  organisations ${pct(result.organizationsF1)}`,
  );
  for (const [lang, s] of Object.entries(result.byLanguage)) {
    console.log(
      `  ${lang}: n=${s.n} F1 ${pct(s.f1)} type ${pct(s.typeAccuracy)} dyad ${pct(s.dyadAccuracy)} countries ${pct(s.countriesF1)}`,
    );
  }
  if (errors.length) console.log('\nerrors:');
  for (const e of errors)
    console.log(
      `  ${e.id} ${e.kind}: expected ${e.expected} got ${e.got}${e.reason ? ` | ${e.reason}` : ''}`,
    );
  return 0;
}
