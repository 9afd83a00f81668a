/**
 * Generates lambdas/core/classify/verbs.data.ts: a compact English verb lexicon for sentence-level PLOVER
 * typing, derived from the PETRARCH CAMEO verb dictionary and the CAMEO→PLOVER conversion table.
 *
 * Sources (pass their paths; nothing is read from ../shared by default):
 *   - CAMEO.2.0.txt, the PETRARCH verb-pattern dictionary (openeventdata/petrarch2, MIT licence): verb
 *     blocks, their synonyms and irregular forms, and phrase patterns with CAMEO codes.
 *   - CAMEO2PLOVER-2021.txt (openeventdata/PLOVER, Philip Schrodt, CC BY-SA 4.0): CAMEO code → PLOVER type.
 * CAMEO 02x (appeal) is absent from the conversion table; it is mapped to REQUEST, as the PLOVER manual folds
 * CAMEO's appeals into REQUEST. CAMEO 01x (public statements) has no PLOVER type and is dropped.
 *
 * What is kept: for every verb whose code maps to a PLOVER type, its lemma, irregular forms and that type; and
 * for its patterns, the literal words right after the verb (at most two) when they give a different type.
 * The output carries CC BY-SA 4.0 attribution and share-alike terms in its header.
 *
 * Usage: npx tsx scripts/generate-verb-lexicon.ts --cameo PATH/CAMEO.2.0.txt --plover PATH/CAMEO2PLOVER-2021.txt
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const OUT = join(__dirname, '..', 'lambdas/core/classify/verbs.data.ts');

/** PLOVER type → one-letter key used in the generated data (decoded by verbs.ts). */
const LETTER: Record<string, string> = {
  AGREE: 'A',
  CONSULT: 'C',
  SUPPORT: 'S',
  CONCEDE: 'N',
  COOPERATE: 'O',
  AID: 'D',
  RETREAT: 'R',
  REQUEST: 'Q',
  ACCUSE: 'U',
  REJECT: 'J',
  THREATEN: 'T',
  PROTEST: 'P',
  SANCTION: 'X',
  MOBILIZE: 'M',
  COERCE: 'E',
  ASSAULT: 'K',
};

function arg(name: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? process.argv[i + 1] : undefined;
  if (!v) {
    console.error(
      'usage: tsx scripts/generate-verb-lexicon.ts --cameo CAMEO.2.0.txt --plover CAMEO2PLOVER-2021.txt',
    );
    process.exit(2);
  }
  return v;
}

/** CAMEO code → PLOVER type from the conversion table (`code: TYPE, mode, context # label`). */
function readPlover(path: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const m = /^(\d{2,4}):\s*([A-Z]+)/.exec(line);
    if (m?.[1] && m[2] && LETTER[m[2]]) out.set(m[1], m[2]);
  }
  return out;
}

function ploverOf(code: string, table: Map<string, string>): string | undefined {
  if (!/^\d{3,4}$/.test(code)) return undefined;
  if (code.startsWith('01')) return undefined;
  if (code.startsWith('02')) return 'REQUEST';
  return table.get(code) ?? table.get(code.slice(0, 3)) ?? table.get(code.slice(0, 2));
}

interface Verb {
  lemma: string;
  forms: string[];
  code?: string;
  patterns: [string, string][];
}

/** Reads the VERB PATTERNS section: block headers, verb lines (with own code and irregular forms), patterns. */
function readVerbs(path: string): Verb[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const start = lines.findIndex((l) => l.startsWith('####### VERB PATTERNS'));
  const end = lines.findIndex((l, i) => i > start && l.startsWith('########'));
  const verbs: Verb[] = [];
  const byName = new Map<string, Verb>();
  let blockCode: string | undefined;
  let blockName = '';
  let blockVerbs: Verb[] = [];
  for (const raw of lines.slice(start + 1, end < 0 ? undefined : end)) {
    const line = raw.replace(/\s+$/, '');
    const header = /^---\s+(\S+)\s+\[([^\]]*)\]\s+---/.exec(line);
    if (header) {
      blockCode = header[2]?.trim();
      blockName = header[1] ?? '';
      blockVerbs = [];
      continue;
    }
    if (line.startsWith('-')) {
      const m = /^-\s+(.*?)\s*\[([^\]]+)\]\s*(?:#\s*(\S+))?/.exec(line);
      if (!m?.[1] || !m[2]) continue;
      const owner = (m[3] && byName.get(m[3])) || blockVerbs[0];
      if (!owner) continue;
      const body = m[1];
      const star = body.indexOf('*');
      if (star < 0) continue;
      // Literal words right after the verb: parentheses and braces only group, so they are dropped.
      const words: string[] = [];
      for (const tok of body
        .slice(star + 1)
        .replace(/[(){}]/g, ' ')
        .trim()
        .split(/\s+/)) {
        if (!/^[A-Z][A-Z'-]*$/.test(tok)) break;
        words.push(tok.toLowerCase());
        if (words.length === 2) break;
      }
      const code = m[2].split(':')[0]?.trim() ?? '';
      if (words.length) owner.patterns.push([words.join(' '), code]);
      continue;
    }
    const v = /^\+?([A-Z][A-Z_'-]*)\s*(\{[^}]*\})?\s*(?:\[([^\]]+)\])?\s*(\{[^}]*\})?/.exec(line);
    if (!v?.[1]) continue;
    const forms = `${v[2] ?? ''} ${v[4] ?? ''}`
      .replace(/[{},]/g, ' ')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map((f) => f.toLowerCase().replace(/^\+/, '').replace(/_/g, ' '))
      .filter(Boolean);
    const own = v[3]?.trim();
    const verb: Verb = {
      lemma: v[1].toLowerCase().replace(/_/g, ' '),
      forms,
      // The block's code types only its head verb: the WordNet synonyms gathered under it ("give", "lead"
      // under GRANT and OVERSEE) are too broad to inherit a type, though their own patterns still count.
      code:
        own && own !== '---'
          ? own
          : blockCode && blockCode !== '---' && v[1] === blockName
            ? blockCode
            : undefined,
      patterns: [],
    };
    verbs.push(verb);
    blockVerbs.push(verb);
    byName.set(v[1], verb);
  }
  return verbs;
}

function main(): void {
  const table = readPlover(arg('plover'));
  const verbs = readVerbs(arg('cameo'));
  // --max-pattern-words N: keep patterns of at most N words (0 drops them), to trade size for coverage.
  const mi = process.argv.indexOf('--max-pattern-words');
  const maxWords = mi >= 0 ? Number(process.argv[mi + 1]) : 0;
  const rows: string[] = [];
  let patterns = 0;
  for (const v of verbs) {
    const base = v.code ? ploverOf(v.code, table) : undefined;
    const pats = new Map<string, string>();
    for (const [words, code] of v.patterns) {
      const t = ploverOf(code, table);
      if (!t || t === base || pats.has(words) || maxWords === 0) continue;
      if (words.split(' ').length > maxWords) continue;
      pats.set(words, LETTER[t] as string);
    }
    if (!base && pats.size === 0) continue;
    // Row: lemma[,irregular...] TYPE-letter (or '-') [words=letter ...]
    const head = [v.lemma, ...v.forms.filter((f) => f !== v.lemma)].join(',');
    const parts = [head.replace(/ /g, '_'), base ? (LETTER[base] as string) : '-'];
    for (const [words, letter] of pats) parts.push(`${words.replace(/ /g, '_')}=${letter}`);
    patterns += pats.size;
    rows.push(parts.join(' '));
  }
  const header = [
    '// GENERATED by scripts/generate-verb-lexicon.ts. Do not edit by hand.',
    '// Derived from: CAMEO.2.0.txt, the PETRARCH CAMEO verb dictionary (openeventdata/petrarch2, MIT licence,',
    '//   https://github.com/openeventdata/petrarch2), and CAMEO2PLOVER-2021.txt (openeventdata/PLOVER, Philip',
    '//   Schrodt, CC BY-SA 4.0, https://github.com/openeventdata/PLOVER). Because it adapts the CC BY-SA 4.0',
    '//   table, this file is licensed CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/): keep this',
    '//   attribution and share changes under the same licence.',
    '// Row: lemma[,irregular forms] TYPE [next_words=TYPE ...]; TYPE letters are decoded in verbs.ts; `_` = space.',
    '',
    '/** Verb rows; see the header for the format. */',
    // Single-quoted and on its own line, as the formatter (biome) writes it, so regenerating leaves no diff.
    `export const VERB_ROWS =\n  '${JSON.stringify(rows.join('\n')).slice(1, -1).replace(/'/g, "\\'")}';`,
    '',
  ].join('\n');
  writeFileSync(OUT, header);
  console.log(`${rows.length} verbs, ${patterns} patterns → ${OUT} (${header.length} bytes)`);
}

main();
