/**
 * Trains the sentence-typing model (lambdas/core/classify/sentence-model.ts) and writes its counts to
 * lambdas/core/classify/sentence-model.data.ts. Licensed sources only (pass their paths):
 *   --gsr    PLOVER_GSR_CAMEO.json (openeventdata/PLOVER gold records, CC BY-SA 4.0): sentences with source,
 *            target and event marked; older labels mapped (DEMAND→REQUEST, DISAPPROVE/INVESTIGATE→ACCUSE,
 *            FIGHT→ASSAULT).
 *   --icews  cameo-codes.icews.csv (andybega/icews, MIT): one example sentence and a short name per CAMEO code.
 *   --cameo  CAMEO.2.0.txt (openeventdata/petrarch2, MIT): verbs and phrase patterns with CAMEO codes.
 *   --plover CAMEO2PLOVER-2021.txt (openeventdata/PLOVER, CC BY-SA 4.0): CAMEO code → PLOVER type.
 * The output holds per-class counts of stemmed features, not sentences; because it is derived from CC BY-SA
 * 4.0 data it carries that licence. PLV_train.tsv (no licence) must never be passed here.
 *
 * Usage: npx tsx scripts/train-sentence-model.ts --gsr P --icews P --cameo P --plover P [--min-count N]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDelimited } from '../cli/eval/events';
import { sentenceFeatures } from '../lambdas/core/classify/sentence-model';

const OUT = join(__dirname, '..', 'lambdas/core/classify/sentence-model.data.ts');

/** The classes, in the order their indices are written. */
export const CLASSES = [
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
] as const;

/** One training example: a sentence (or phrase) with `<s>`/`<t>` marks, its type, its weight, its origin. */
export interface Doc {
  readonly marked: string;
  readonly label: string;
  readonly weight: number;
  readonly origin: 'gsr' | 'icews' | 'icews-name' | 'cameo-verb' | 'cameo-pattern' | 'cameo-synonym';
}

const OLD_LABELS: Record<string, string> = {
  DEMAND: 'REQUEST',
  DISAPPROVE: 'ACCUSE',
  INVESTIGATE: 'ACCUSE',
  FIGHT: 'ASSAULT',
};

/** CAMEO code → PLOVER type from the conversion table (`code: TYPE, mode, context # label`). */
export function readPlover(path: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const m = /^(\d{2,4}):\s*([A-Z]+)/.exec(line);
    if (m?.[1] && m[2] && (CLASSES as readonly string[]).includes(m[2])) out.set(m[1], m[2]);
  }
  return out;
}

/** PLOVER type of a CAMEO code; 02x (appeals) folds into REQUEST, 01x (statements) has none. */
export function ploverOf(code: string, table: Map<string, string>): string | undefined {
  if (!/^\d{2,4}$/.test(code) || code.startsWith('01')) return undefined;
  if (code.startsWith('02')) return 'REQUEST';
  return table.get(code) ?? table.get(code.slice(0, 3)) ?? table.get(code.slice(0, 2));
}

/** PLOVER gold records → marked sentences from their markup (first SRC, first TAR; EVT marks dropped). */
export function gsrDocs(path: string): Doc[] {
  const records = JSON.parse(readFileSync(path, 'utf8')) as unknown[];
  const out: Doc[] = [];
  for (const r of records) {
    if (!r || typeof r !== 'object') continue;
    const rec = r as { event?: string; textInfo?: unknown; text?: string };
    const markup =
      typeof rec.textInfo === 'string' ? rec.textInfo : (rec.textInfo as { markup?: string })?.markup;
    if (!markup || !rec.event) continue;
    const label = OLD_LABELS[rec.event] ?? rec.event;
    if (!(CLASSES as readonly string[]).includes(label)) continue;
    let src = false;
    let tgt = false;
    // Innermost marks first, so that "(LOC: in (TAR: Iran))" resolves before its container.
    let text = markup;
    for (let guard = 0; guard < 20; guard++) {
      const next = text.replace(/\(([A-Z/]+):\s*([^()]*?)\s*[)}]/g, (_all, kind: string, body: string) => {
        if (kind.startsWith('SRC') && !src) {
          src = true;
          return `<s>${body}</s>`;
        }
        if (kind.startsWith('TAR') || (kind === 'SRC/TAR' && src)) {
          if (tgt) return body;
          tgt = true;
          return `<t>${body}</t>`;
        }
        return body;
      });
      if (next === text) break;
      text = next;
    }
    out.push({ marked: text, label, weight: 1, origin: 'gsr' });
  }
  return out;
}

const CAP_RUN = /(?:\p{Lu}[\p{L}.'’-]*)(?:\s+(?:(?:of|the|for|and|de)\s+)?\p{Lu}[\p{L}.'’-]*)*/gu;

/** Marks an unmarked example: the first capitalised run (not a bare "The") is the source, the next the target. */
export function markCrudely(sentence: string): string {
  const runs = [...sentence.matchAll(CAP_RUN)].filter((m) => !/^(?:The|A|An|In|On|At|After)$/.test(m[0]));
  const [s, t] = runs;
  if (!s) return sentence;
  const sEnd = (s.index ?? 0) + s[0].length;
  let out = `${sentence.slice(0, s.index)}<s>${s[0]}</s>`;
  if (t && (t.index ?? 0) >= sEnd) {
    out += `${sentence.slice(sEnd, t.index)}<t>${t[0]}</t>${sentence.slice((t.index ?? 0) + t[0].length)}`;
  } else out += sentence.slice(sEnd);
  return out;
}

/** ICEWS codebook: example sentences (crudely marked) and code names ("Appeal for economic aid"). */
export function icewsDocs(path: string, table: Map<string, string>, nameWeight: number): Doc[] {
  const out: Doc[] = [];
  for (const r of parseDelimited(readFileSync(path, 'utf8'), ',')) {
    const code = r.code ?? '';
    const label = ploverOf(code, table);
    if (!label) continue;
    const example = (r.example ?? '').trim();
    if (example && example !== 'NA')
      out.push({ marked: markCrudely(example), label, weight: 1, origin: 'icews' });
    const name = (r.name ?? '').trim();
    if (name && nameWeight > 0)
      out.push({ marked: `<s>X</s> ${name.toLowerCase()}`, label, weight: nameWeight, origin: 'icews-name' });
  }
  return out;
}

/** CAMEO verb dictionary: each typed verb and each phrase pattern ("rush aid") as a short pseudo-sentence. */
export function cameoDocs(
  path: string,
  table: Map<string, string>,
  weights: { verb: number; synonym: number; pattern: number },
): Doc[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const synsets = new Map<string, string[]>();
  let set: string | undefined;
  for (const raw of lines) {
    const line = raw.trim();
    if (line.startsWith('&')) set = line.slice(1).split(/\s/)[0];
    else if (set && line.startsWith('+')) {
      const member = line.slice(1).split(/\s/)[0]?.replace(/_+$/, '').replace(/_/g, ' ').toLowerCase();
      if (member) synsets.set(set, [...(synsets.get(set) ?? []), member]);
    } else if (!line) set = undefined;
  }
  const start = lines.findIndex((l) => l.startsWith('####### VERB PATTERNS'));
  const out: Doc[] = [];
  let blockCode: string | undefined;
  let blockName = '';
  let verbs: string[] = [];
  for (const raw of lines.slice(start + 1)) {
    if (raw.startsWith('########')) break;
    const line = raw.replace(/#.*$/, '').trim();
    const header = /^---\s+(\S+)\s+\[([^\]]*)\]\s+---/.exec(line);
    if (header) {
      blockName = header[1] ?? '';
      blockCode = header[2]?.trim();
      verbs = [];
      continue;
    }
    if (line.startsWith('-')) {
      const m = /^-\s+(.*?)\s*\[([^\]]+)\]/.exec(line);
      const label = m?.[2] ? ploverOf(m[2].split(':')[0]?.trim() ?? '', table) : undefined;
      if (!m?.[1] || !label) continue;
      const body = m[1];
      const star = body.indexOf('*');
      if (star < 0) continue;
      const verb = ((/#\s*(\S+)/.exec(raw)?.[1] ?? verbs[0] ?? blockName) as string)
        .toLowerCase()
        .replace(/_/g, ' ');
      const words: string[][] = [[]];
      for (const tok of body
        .slice(star + 1)
        .replace(/[(){}$%^=]/g, ' ')
        .trim()
        .split(/\s+/)) {
        if (tok.startsWith('&')) {
          const members = (synsets.get(tok.slice(1)) ?? []).slice(0, 3);
          if (members.length) {
            const prev = words.splice(0);
            for (const w of prev) for (const mem of members) words.push([...w, mem]);
          }
        } else if (/^[A-Z][A-Z'-]*$/.test(tok)) for (const w of words) w.push(tok.toLowerCase());
        else if (tok === '+' || tok === '*') for (const w of words) w.push('@T');
      }
      for (const w of words)
        out.push({
          marked: `<s>X</s> ${verb} ${w.join(' ').replace(/@T/g, '<t>Y</t>')}`,
          label,
          weight: weights.pattern / words.length,
          origin: 'cameo-pattern',
        });
      continue;
    }
    const v = /^\+?([A-Z][A-Z_'-]*)\s*(?:\{[^}]*\})?\s*(?:\[([^\]]+)\])?/.exec(line);
    if (!v?.[1]) continue;
    const lemma = v[1].toLowerCase().replace(/_+$/, '').replace(/_/g, ' ');
    verbs.push(lemma);
    const own = v[2]?.trim();
    const code = own && own !== '---' ? own : blockCode && blockCode !== '---' ? blockCode : undefined;
    const label = code ? ploverOf(code, table) : undefined;
    if (!label) continue;
    const head = (own && own !== '---') || v[1] === blockName;
    out.push({
      marked: `<s>X</s> ${lemma}`,
      label,
      weight: head ? weights.verb : weights.synonym,
      origin: head ? 'cameo-verb' : 'cameo-synonym',
    });
  }
  return out;
}

/** Per-feature, per-class weighted counts. */
export function countFeatures(docs: readonly Doc[]): Map<string, Map<number, number>> {
  const counts = new Map<string, Map<number, number>>();
  for (const d of docs) {
    const c = (CLASSES as readonly string[]).indexOf(d.label);
    if (c < 0) continue;
    for (const f of sentenceFeatures(d.marked)) {
      const m = counts.get(f) ?? new Map<number, number>();
      counts.set(f, m);
      m.set(c, (m.get(c) ?? 0) + d.weight);
    }
  }
  return counts;
}

/** Serialises counts as rows `feature class:count ...` (counts rounded to two decimals). */
export function serialise(counts: Map<string, Map<number, number>>, minCount: number): string[] {
  const rows: string[] = [];
  for (const [f, m] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const total = [...m.values()].reduce((a, b) => a + b, 0);
    if (total < minCount) continue;
    const cells = [...m]
      .sort((a, b) => a[0] - b[0])
      .map(([c, n]) => `${c}:${Number(n.toFixed(2))}`)
      .join(' ');
    rows.push(`${f} ${cells}`);
  }
  return rows;
}

export const DEFAULTS = { verb: 1, synonym: 0.3, pattern: 0.5, name: 1, minCount: 2 };

/** All training documents from the four licensed files. */
export function allDocs(
  paths: { gsr: string; icews: string; cameo: string; plover: string },
  w = DEFAULTS,
): Doc[] {
  const table = readPlover(paths.plover);
  const gsr = gsrDocs(paths.gsr);
  const seen = new Set(gsr.map((d) => d.marked.replace(/<\/?[st]>/g, '').slice(0, 60)));
  // The codebook examples and the gold records share about 180 sentences: keep one copy.
  const icews = icewsDocs(paths.icews, table, w.name).filter(
    (d) => d.origin !== 'icews' || !seen.has(d.marked.replace(/<\/?[st]>/g, '').slice(0, 60)),
  );
  return [...gsr, ...icews, ...cameoDocs(paths.cameo, table, w)];
}

function arg(name: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? process.argv[i + 1] : undefined;
  if (!v) {
    console.error(
      'usage: tsx scripts/train-sentence-model.ts --gsr PLOVER_GSR_CAMEO.json --icews cameo-codes.icews.csv --cameo CAMEO.2.0.txt --plover CAMEO2PLOVER-2021.txt',
    );
    process.exit(2);
  }
  return v;
}

function main(): void {
  const docs = allDocs({ gsr: arg('gsr'), icews: arg('icews'), cameo: arg('cameo'), plover: arg('plover') });
  const mi = process.argv.indexOf('--min-count');
  const rows = serialise(countFeatures(docs), mi >= 0 ? Number(process.argv[mi + 1]) : DEFAULTS.minCount);
  const header = [
    '// GENERATED by scripts/train-sentence-model.ts. Do not edit by hand.',
    '// Per-class counts of stemmed predicate-window features (no sentences), learned from: PLOVER_GSR_CAMEO.json',
    '//   and CAMEO2PLOVER-2021.txt (openeventdata/PLOVER, Philip Schrodt et al., CC BY-SA 4.0,',
    '//   https://github.com/openeventdata/PLOVER), cameo-codes.csv (andybega/icews, MIT) and CAMEO.2.0.txt',
    '//   (openeventdata/petrarch2, MIT). Because it adapts CC BY-SA 4.0 material, this file is licensed CC BY-SA 4.0',
    '//   (https://creativecommons.org/licenses/by-sa/4.0/): keep this attribution and share changes alike.',
    '// Row: feature classIndex:count ...; classes in MODEL_CLASSES order.',
    '',
    '/** Class names, space-separated, in index order. */',
    `export const MODEL_CLASSES =\n  '${CLASSES.join(' ')}';`,
    '',
    '/** Feature rows; see the header for the format. */',
    `export const MODEL_ROWS =\n  '${JSON.stringify(rows.join('\n')).slice(1, -1).replace(/'/g, "\\'")}';`,
    '',
  ].join('\n');
  writeFileSync(OUT, header);
  const by = new Map<string, number>();
  for (const d of docs) by.set(d.origin, (by.get(d.origin) ?? 0) + 1);
  console.log(
    `${docs.length} docs (${[...by].map(([o, n]) => `${o} ${n}`).join(', ')}), ${rows.length} features → ${OUT} (${header.length} bytes)`,
  );
}

if (require.main === module) main();
