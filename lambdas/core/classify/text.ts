/**
 * Text primitives shared by the classifier: sentence splitting, tokenising with offsets, and the accent- and
 * case-folded keys that gazetteer lookups use.
 */

/** One word of the text with what the matchers need to know about its spelling. */
export interface Token {
  /** The surface form without a possessive `'s`. */
  readonly text: string;
  /** Lower case, accents and dots removed: the lookup key. */
  readonly key: string;
  readonly start: number;
  readonly end: number;
  /** Starts with an upper-case letter. */
  readonly upper: boolean;
  /** Two or more letters, all upper case (`UN`, `ASEAN`, `U.S.`). */
  readonly allCaps: boolean;
  /** Followed by a possessive `'s`. */
  readonly possessive: boolean;
}

// Abbreviations with dots (U.S., U.N.) first, then words with inner apostrophes or hyphens.
const TOKEN_RE = /(?:\p{L}\.){2,}|[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;

/** Lower-cases, strips accents and dots, and unifies apostrophes: the form every gazetteer key takes. */
export function fold(s: string): string {
  // Plain ASCII words (most of them) skip Unicode normalisation, which dominates the cost otherwise.
  if (/^[\x20-\x7e]*$/.test(s)) return s.replace(/[`.]/g, (ch) => (ch === '`' ? "'" : '')).toLowerCase();
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’`]/g, "'").replace(/\./g, '').toLowerCase();
}

/** Splits text into tokens with offsets, folding possessive `'s` into a flag on the word before it. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    let surface = m[0];
    let start = m.index ?? 0;
    // French and Italian elision: "l'Espagne", "d'Ivoire" stays whole only inside a longer name.
    const elided = /^(?:[lLdDjJnNsScC]|[qQ]u)['’](?=\p{L})/u.exec(surface);
    if (elided) {
      start += elided[0].length;
      surface = surface.slice(elided[0].length);
    }
    let possessive = false;
    const poss = /['’]s$/.exec(surface);
    if (poss && surface.length > 2) {
      surface = surface.slice(0, -2);
      possessive = true;
    } else if (
      /s['’]$/.test(text.slice(start, start + surface.length + 1)) &&
      text[start + surface.length] === '’'
    ) {
      possessive = true;
    }
    const letters = surface.replace(/[^\p{L}]/gu, '');
    out.push({
      text: surface,
      key: fold(surface),
      start,
      end: (m.index ?? 0) + m[0].length,
      upper: /^\p{Lu}/u.test(surface),
      allCaps: letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
      possessive,
    });
  }
  return out;
}

/** Folded tokens of a phrase joined by spaces: the key a gazetteer stores for it. */
export function phraseKey(phrase: string): string {
  return tokenize(phrase)
    .map((t) => (t.possessive ? `${t.key}'s` : t.key))
    .join(' ');
}

const ABBREV =
  /\b(?:Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Sgt|Capt|Sen|Rep|Gov|Prof|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Sr|Jr|vs|approx|etc|Inc|Corp|Co|Ltd|Mt)\.$/;

/** Splits text into sentences; knows abbreviations (`Dec.`, `St.`) and dotted acronyms (`U.S.`). */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const para of text.split(/\n\s*\n|\n/)) {
    const p = para.trim();
    if (!p) continue;
    let start = 0;
    const re = /[.!?]["”’)]*\s+(?=["“‘(]?[\p{Lu}\p{N}])/gu;
    for (const m of p.matchAll(re)) {
      const end = (m.index ?? 0) + m[0].trimEnd().length;
      const candidate = p.slice(start, end);
      if (
        ABBREV.test(candidate) ||
        /(?:^|\s)(?:\p{Lu}\.)+$/u.test(candidate) ||
        /\b\p{Lu}\.$/u.test(candidate)
      )
        continue;
      out.push(candidate.trim());
      start = (m.index ?? 0) + m[0].length;
    }
    const rest = p.slice(start).trim();
    if (rest) out.push(rest);
  }
  return out;
}

const STOP: Record<string, readonly string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'on', 'said', 'was', 'with', 'for', 'his', 'that', 'has'],
  fr: ['le', 'la', 'les', 'des', 'et', 'du', 'une', 'dans', 'pour', 'qui', 'sur', 'est', 'au'],
  es: ['el', 'los', 'las', 'del', 'y', 'una', 'que', 'por', 'con', 'para', 'se', 'su', 'tras'],
  de: ['der', 'die', 'das', 'und', 'den', 'dem', 'mit', 'von', 'zu', 'ist', 'nicht', 'ein', 'eine'],
  pt: ['o', 'os', 'as', 'do', 'da', 'dos', 'das', 'e', 'um', 'uma', 'que', 'em', 'para', 'não', 'com'],
};

/** Guesses en, fr, es, de or pt from function words; cheap and good enough to pick a lexicon. */
export function detectLanguage(text: string): string {
  const counts: Record<string, number> = {};
  const words = text
    .slice(0, 3000)
    .toLowerCase()
    .split(/[^\p{L}]+/u);
  const sets = Object.entries(STOP).map(([lang, w]) => [lang, new Set(w)] as const);
  for (const w of words)
    for (const [lang, set] of sets) if (set.has(w)) counts[lang] = (counts[lang] ?? 0) + 1;
  let best = 'en';
  let bestCount = 0;
  for (const [lang, n] of Object.entries(counts)) {
    if (n > bestCount) {
      best = lang;
      bestCount = n;
    }
  }
  return best;
}
