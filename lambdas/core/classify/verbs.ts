/**
 * English verb lexicon for sentence-level PLOVER typing, generated from the PETRARCH CAMEO verb dictionary
 * (MIT) and the CAMEO→PLOVER table (CC BY-SA 4.0; see verbs.data.ts). It covers the long tail of verbs the
 * hand-written predicate rules miss. Used only by `classifySentence`; article-level decisions do not use it.
 */
import type { PloverType } from '../model';
import { VERB_ROWS } from './verbs.data';

const TYPES: Record<string, PloverType> = {
  A: 'AGREE',
  C: 'CONSULT',
  S: 'SUPPORT',
  N: 'CONCEDE',
  O: 'COOPERATE',
  D: 'AID',
  R: 'RETREAT',
  Q: 'REQUEST',
  U: 'ACCUSE',
  J: 'REJECT',
  T: 'THREATEN',
  P: 'PROTEST',
  X: 'SANCTION',
  M: 'MOBILIZE',
  E: 'COERCE',
  K: 'ASSAULT',
};

interface Entry {
  /** Words that must follow the verb form (multi-word verbs such as "call off"). */
  readonly rest: readonly string[];
  readonly type: PloverType | undefined;
  /** Words shortly after the verb that change its type ("deliver aid" → AID). */
  readonly patterns: readonly (readonly [readonly string[], PloverType])[];
}

/** A lexicon verb found in a text. */
export interface VerbHit {
  readonly plover: PloverType;
  /** Token position of the verb form. */
  readonly token: number;
  /** Character offset of the verb form. */
  readonly index: number;
  readonly match: string;
  /** Whether a phrase pattern (not the verb's default) gave the type. */
  readonly pattern: boolean;
}

const VOWEL = /[aeiou]/;

/** Regular inflections of an English verb (PETRARCH stores only the irregular ones). */
export function inflections(lemma: string): string[] {
  const out = new Set([lemma]);
  const last = lemma.slice(-1);
  const cons = (ch: string) => /[a-z]/.test(ch) && !VOWEL.test(ch);
  if (/(?:s|x|z|ch|sh)$/.test(lemma)) out.add(`${lemma}es`);
  else if (last === 'y' && cons(lemma.slice(-2, -1))) out.add(`${lemma.slice(0, -1)}ies`);
  else out.add(`${lemma}s`);
  if (last === 'e') {
    out.add(`${lemma}d`);
    out.add(lemma.endsWith('ie') ? `${lemma.slice(0, -2)}ying` : `${lemma.slice(0, -1)}ing`);
    if (lemma.endsWith('ee')) out.add(`${lemma}ing`);
  } else if (last === 'y' && cons(lemma.slice(-2, -1))) {
    out.add(`${lemma.slice(0, -1)}ied`);
    out.add(`${lemma}ing`);
  } else {
    out.add(`${lemma}ed`);
    out.add(`${lemma}ing`);
    // Consonant-vowel-consonant endings double ("ban" → "banned"); both spellings are kept.
    if (cons(last) && !/[wxy]/.test(last) && VOWEL.test(lemma.slice(-2, -1)) && cons(lemma.slice(-3, -2))) {
      out.add(`${lemma}${last}ed`);
      out.add(`${lemma}${last}ing`);
    }
  }
  return [...out];
}

let LEXICON: Map<string, Entry[]> | undefined;

function lexicon(): Map<string, Entry[]> {
  if (LEXICON) return LEXICON;
  const map = new Map<string, Entry[]>();
  for (const row of VERB_ROWS.split('\n')) {
    const [head = '', letter = '-', ...pats] = row.split(' ');
    const [lemma = '', ...irregular] = head.split(',');
    const words = lemma.split('_');
    const first = words[0] ?? '';
    const rest = words.slice(1);
    const patterns = pats.map((p) => {
      const [w = '', t = ''] = p.split('=');
      return [w.split('_'), TYPES[t] as PloverType] as const;
    });
    const entry: Entry = { rest, type: TYPES[letter], patterns };
    const forms = new Set(inflections(first));
    for (const f of irregular) forms.add(f.split('_')[0] ?? f);
    for (const f of forms) {
      const list = map.get(f);
      if (list) list.push(entry);
      else map.set(f, [entry]);
    }
  }
  LEXICON = map;
  return map;
}

const DETERMINERS = new Set([
  'a',
  'an',
  'the',
  'its',
  'their',
  'his',
  'her',
  'this',
  'that',
  'these',
  'those',
  'our',
  'my',
  'your',
]);

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Whether `words` occur in order, contiguously, starting within `window` tokens after position `from`. */
function follows(tokens: readonly string[], from: number, words: readonly string[], window: number): boolean {
  for (let s = from; s < Math.min(tokens.length, from + window); s++) {
    if (words.every((w, k) => tokens[s + k] === w)) return true;
  }
  return false;
}

/** Every lexicon verb in a text with its PLOVER type, in text order. */
export function findVerbs(text: string): VerbHit[] {
  const lex = lexicon();
  const tokens: string[] = [];
  const offsets: number[] = [];
  for (const m of text.matchAll(WORD)) {
    tokens.push(m[0].toLowerCase());
    offsets.push(m.index ?? 0);
  }
  const out: VerbHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const entries = lex.get(tokens[i] as string);
    // After a determiner the word is a noun ("signed a decree"), whatever the lexicon says.
    if (!entries || DETERMINERS.has(tokens[i - 1] ?? '')) continue;
    let type: PloverType | undefined;
    let patternType: PloverType | undefined;
    for (const e of entries) {
      if (!e.rest.every((w, k) => tokens[i + 1 + k] === w)) continue;
      const after = i + 1 + e.rest.length;
      for (const [words, t] of e.patterns) {
        if (follows(tokens, after, words, 4)) {
          patternType ??= t;
          break;
        }
      }
      type ??= e.type;
    }
    const plover = patternType ?? type;
    if (plover)
      out.push({
        plover,
        token: i,
        index: offsets[i] as number,
        match: tokens[i] as string,
        pattern: patternType !== undefined,
      });
  }
  return out;
}
