/**
 * A small learned model for sentence-level PLOVER typing: multinomial naive Bayes over the stems of the
 * predicate window (the words between the marked source and target, or after them), trained by
 * `scripts/train-sentence-model.ts` on licensed sets only (PLOVER gold records, ICEWS CAMEO codebook examples,
 * the PETRARCH CAMEO verb patterns). It holds per-class feature counts, never sentences. Used for sentence
 * typing only; article-level decisions do not consult it.
 */
import type { PloverType } from '../model';
import { MODEL_CLASSES, MODEL_ROWS } from './sentence-model.data';

const IRREGULAR: Record<string, string> = {
  met: 'meet',
  held: 'hold',
  sent: 'send',
  gave: 'give',
  given: 'give',
  took: 'take',
  taken: 'take',
  fought: 'fight',
  struck: 'strike',
  said: 'say',
  told: 'tell',
  sought: 'seek',
  spoke: 'speak',
  spoken: 'speak',
  threw: 'throw',
  thrown: 'throw',
  shot: 'shoot',
  won: 'win',
  led: 'lead',
  left: 'leave',
  broke: 'break',
  broken: 'break',
  began: 'begin',
  begun: 'begin',
  brought: 'bring',
  bought: 'buy',
  caught: 'catch',
  drew: 'draw',
  drawn: 'draw',
  fled: 'flee',
  forbade: 'forbid',
  forbidden: 'forbid',
  froze: 'freeze',
  frozen: 'freeze',
  hit: 'hit',
  laid: 'lay',
  lent: 'lend',
  made: 'make',
  paid: 'pay',
  rose: 'rise',
  risen: 'rise',
  ran: 'run',
  seized: 'seize',
  shut: 'shut',
  slew: 'slay',
  slain: 'slay',
  stood: 'stand',
  swore: 'swear',
  sworn: 'swear',
  undertook: 'undertake',
  went: 'go',
  gone: 'go',
  withdrew: 'withdraw',
  withdrawn: 'withdraw',
  wrote: 'write',
  written: 'write',
  was: 'be',
  were: 'be',
  is: 'be',
  are: 'be',
  been: 'be',
  has: 'have',
  had: 'have',
};

/** A light suffix-stripping stemmer: enough to fold "agreed/agrees/agreeing" and "banned/bans" together. */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/[’']s$/, '');
  const irregular = IRREGULAR[w];
  if (irregular) w = irregular;
  if (w.length <= 3) return w;
  if (/ies$|ied$/.test(w)) w = `${w.slice(0, -3)}y`;
  else if (/sses$/.test(w)) w = w.slice(0, -2);
  else if (/(?:s|x|z|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (/[^su]s$/.test(w)) w = w.slice(0, -1);
  else if (/ing$/.test(w) && w.length > 5) w = w.slice(0, -3);
  else if (/ed$/.test(w) && w.length > 4) w = w.slice(0, -2);
  // "bann" → "ban", "agre" and "agree" alike: undouble a final consonant and drop a final e.
  if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(?:ll|ss|ff|zz)$/.test(w)) w = w.slice(0, -1);
  return w.replace(/e+$/, '');
}

const STOP = new Set(
  'a an the of in on at by for to from with and or but that this these those its his her their our it he she they we as on is are was were be been has have had will would could should may might also which who whom whose on monday tuesday wednesday thursday friday saturday sunday today yesterday said says saying'.split(
    ' ',
  ),
);

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

interface Span {
  readonly kind: string;
  readonly start: number;
  readonly end: number;
}

/** Strips `<s>`/`<t>` marks, returning the plain text and where the spans were. */
export function unmark(marked: string): { plain: string; spans: Span[] } {
  const spans: Span[] = [];
  let plain = '';
  let last = 0;
  for (const m of marked.matchAll(/<([st])>(.*?)<\/\1>/g)) {
    plain += marked.slice(last, m.index);
    const start = plain.length;
    plain += m[2] ?? '';
    spans.push({ kind: m[1] ?? '', start, end: plain.length });
    last = (m.index ?? 0) + m[0].length;
  }
  return { plain: plain + marked.slice(last), spans };
}

/** Words of the predicate window: after the first span, up to the second one and a few words past it. */
export function predicateWords(marked: string, maxWords = 14, after = 6, before = 0): string[] {
  const { plain, spans } = unmark(marked);
  const words = [...plain.matchAll(WORD)].map((m) => ({ w: m[0], i: m.index ?? 0 }));
  const src = spans.find((s) => s.kind === 's');
  const tgt = spans.find((s) => s.kind === 't');
  const inside = (x: { i: number }, s: Span | undefined) => s !== undefined && x.i >= s.start && x.i < s.end;
  const first = src && tgt ? (tgt.end <= src.start ? tgt : src) : (src ?? tgt);
  const second = first === src ? tgt : src;
  if (!first) return words.slice(0, maxWords).map((x) => x.w);
  let start = words.findIndex((x) => x.i >= first.end);
  if (start < 0) return [];
  const out: string[] = [];
  // Coordinated sides ("<s>X</s> and <t>Y</t> signed") put the predicate after the second span.
  if (second && second.start >= first.end) {
    const between = words.filter((x) => x.i >= first.end && x.i < second.start);
    if (between.every((x) => /^(?:and|et|y|und|e)$/i.test(x.w))) {
      start = words.findIndex((x) => x.i >= second.end);
      if (start < 0) return [];
    }
  }
  // Words just before the first span carry a passive or fronted predicate ("were returned by <s>X</s>").
  const firstWord = words.findIndex((x) => x.i >= first.start);
  for (let k = Math.max(0, firstWord - before); k < firstWord; k++) {
    const x = words[k] as { w: string; i: number };
    if (!inside(x, second)) out.push(x.w);
  }
  if (out.length) out.push('@S');
  let past = 0;
  for (let k = start; k < words.length && out.length < maxWords; k++) {
    const x = words[k] as { w: string; i: number };
    if (inside(x, second)) {
      if (out[out.length - 1] !== '@T') out.push('@T');
      continue;
    }
    if (second && x.i >= second.end) {
      past++;
      if (past > after) break;
    }
    out.push(x.w);
  }
  return out;
}

/** Feature settings: window length, words kept past the second span, marked head words, bigrams, unigrams. */
export const FEATURE_OPTIONS = { maxWords: 14, after: 6, before: 3, heads: 2, bigrams: true, unigrams: true };

/** Features of a marked sentence: stems of the predicate window, its first content stems and stem bigrams. */
export function sentenceFeatures(marked: string): string[] {
  const o = FEATURE_OPTIONS;
  const words = predicateWords(marked, o.maxWords + o.before, o.after, o.before);
  const stems = words.map((w) => (w.startsWith('@') ? w : stem(w)));
  const feats: string[] = [];
  let content = 0;
  for (let k = 0; k < stems.length; k++) {
    const s = stems[k] as string;
    const lower = (words[k] as string).toLowerCase();
    if (!s.startsWith('@') && !STOP.has(lower)) {
      if (o.unigrams) feats.push(s);
      // The first content words are usually the predicate: mark them apart.
      if (content < o.heads) feats.push(`^${s}`);
      content++;
    }
    const next = stems[k + 1];
    if (o.bigrams && next !== undefined) feats.push(`${s}_${next}`);
  }
  return feats;
}

/** A decoded naive Bayes model: smoothed log-likelihood of each feature per class. */
export interface SentenceModel {
  readonly classes: readonly PloverType[];
  readonly logLikelihood: Map<string, Float64Array>;
}

/** Decodes count rows (`feature c:n c:n ...`, class indices into `classes`) into a model with add-alpha smoothing. */
export function decodeModel(classes: readonly PloverType[], rows: string, alpha = 0.3): SentenceModel {
  const k = classes.length;
  const counts = new Map<string, Float64Array>();
  const totals = new Float64Array(k);
  for (const row of rows.split('\n')) {
    const [feature = '', ...cells] = row.split(' ');
    if (!feature) continue;
    const c = new Float64Array(k);
    for (const cell of cells) {
      const [i = '0', n = '0'] = cell.split(':');
      c[Number(i)] = Number(n);
      totals[Number(i)] = (totals[Number(i)] as number) + Number(n);
    }
    counts.set(feature, c);
  }
  const v = counts.size;
  const logLikelihood = new Map<string, Float64Array>();
  for (const [f, c] of counts)
    logLikelihood.set(
      f,
      c.map((n, i) => Math.log((n + alpha) / ((totals[i] as number) + alpha * v))),
    );
  return { classes, logLikelihood };
}

/** Posterior of each class given a marked sentence (uniform prior), or undefined when no feature is known. */
export function posterior(m: SentenceModel, marked: string): Float64Array | undefined {
  const feats = sentenceFeatures(marked).filter((f) => m.logLikelihood.has(f));
  if (feats.length === 0) return undefined;
  const scores = new Float64Array(m.classes.length);
  for (const f of feats) {
    const ll = m.logLikelihood.get(f) as Float64Array;
    for (let i = 0; i < scores.length; i++) scores[i] = (scores[i] as number) + (ll[i] as number);
  }
  const max = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / sum);
}

let MODEL: SentenceModel | undefined;

/** The model's PLOVER type for a marked sentence, with its posterior probability. */
export function modelSentence(marked: string): { plover: PloverType; probability: number } | undefined {
  MODEL ??= decodeModel(MODEL_CLASSES.split(' ') as PloverType[], MODEL_ROWS);
  const p = posterior(MODEL, marked);
  if (!p) return undefined;
  let best = 0;
  for (let i = 1; i < p.length; i++) if ((p[i] as number) > (p[best] as number)) best = i;
  return { plover: MODEL.classes[best] as PloverType, probability: p[best] as number };
}
