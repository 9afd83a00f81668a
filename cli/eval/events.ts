/**
 * `newswire eval events FILE [--json] [--split all|tune|holdout] [--errors]`: sentence-level PLOVER typing on the
 * Zero-Shot-PLOVER TSV format (columns `sentence`, `marked_sentence`, `gold_root`; `YIELD` stands for CONCEDE
 * and RETREAT). Sentences are deduplicated; `--split` keeps a fixed hash-based hold-out (about 30%) that the
 * cue lexicon is never tuned on, so figures on it estimate unseen data.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { typeSentence } from '../../lambdas/core/classify/sentences';
import { parseArgs, stringFlag } from '../args';

/** Parses tab-separated text whose fields may be quoted CSV-style ("" escapes a quote). */
export function parseTsv(text: string): Record<string, string>[] {
  return parseDelimited(text, '\t');
}

/** Parses delimited text with a header row (fields may be quoted, "" escapes a quote) into records. */
export function parseDelimited(text: string, separator: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === separator) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows;
  if (!header) return [];
  return body
    .filter((r) => r.length > 1)
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** Which side of the fixed split a sentence falls on: about 30% hold-out by a hash of its text. */
export function splitOf(sentence: string): 'tune' | 'holdout' {
  const h = createHash('sha1').update(sentence.trim().toLowerCase()).digest();
  return (h[0] as number) % 10 < 3 ? 'holdout' : 'tune';
}

const asGold = (p: string | undefined) => (p === 'CONCEDE' || p === 'RETREAT' ? 'YIELD' : (p ?? 'NONE'));

/** Entry point of `newswire eval events`. */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const file = args.positional[0];
  if (!file) {
    console.error('usage: newswire eval events FILE [--json] [--split all|tune|holdout] [--errors]');
    return 2;
  }
  const split = stringFlag(args, 'split') ?? 'all';
  const seen = new Set<string>();
  const rows = parseTsv(readFileSync(file, 'utf8')).filter((r) => {
    const key = (r.sentence ?? '').trim().toLowerCase();
    if (!key || !r.gold_root || seen.has(key)) return false;
    seen.add(key);
    return split === 'all' || splitOf(r.sentence ?? '') === split;
  });
  const classes = [...new Set(rows.map((r) => r.gold_root as string))].sort();
  const stats = new Map(classes.map((c) => [c, { tp: 0, fp: 0, fn: 0 }]));
  let correct = 0;
  const errors: { sentence: string; gold: string; got: string; cue?: string }[] = [];
  for (const r of rows) {
    const gold = r.gold_root as string;
    const result = typeSentence(r.marked_sentence || (r.sentence as string));
    const got = asGold(result.plover);
    if (got === gold) {
      correct++;
      const s = stats.get(gold);
      if (s) s.tp++;
    } else {
      const g = stats.get(gold);
      if (g) g.fn++;
      const p = stats.get(got);
      if (p) p.fp++;
      errors.push({
        sentence: r.sentence as string,
        gold,
        got,
        ...(result.match ? { cue: result.match } : {}),
      });
    }
  }
  const perClass: Record<string, { precision: number; recall: number; f1: number; support: number }> = {};
  for (const [c, s] of stats) {
    const precision = s.tp + s.fp === 0 ? 0 : s.tp / (s.tp + s.fp);
    const recall = s.tp + s.fn === 0 ? 0 : s.tp / (s.tp + s.fn);
    perClass[c] = {
      precision,
      recall,
      f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
      support: s.tp + s.fn,
    };
  }
  const macroF1 =
    classes.length === 0 ? 0 : Object.values(perClass).reduce((a, b) => a + b.f1, 0) / classes.length;
  const result = {
    n: rows.length,
    split,
    accuracy: rows.length ? correct / rows.length : 0,
    macroF1,
    perClass,
  };
  if (args.flags.has('json')) {
    console.log(JSON.stringify({ ...result, errors: errors.length }, null, 2));
    return 0;
  }
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  console.log(
    `sentences: ${result.n} (deduplicated, split ${split})  accuracy ${pct(result.accuracy)}  macro-F1 ${pct(macroF1)}`,
  );
  for (const [c, s] of Object.entries(perClass))
    console.log(
      `  ${c.padEnd(10)} P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}  n=${s.support}`,
    );
  if (args.flags.has('errors'))
    for (const e of errors)
      console.log(`  [${e.gold} got ${e.got}${e.cue ? ` via "${e.cue}"` : ''}] ${e.sentence}`);
  return 0;
}
