/**
 * The Zyte/Scrapinghub article-extraction benchmark metric: texts are split into word tokens (Unicode letters,
 * digits, `_`), compared as multisets of overlapping 4-word shingles, and scored per page with the counts
 * normalised so that long pages weigh no more than short ones. Kept bit-for-bit with the benchmark's
 * `evaluate.py` so that Newswire's figures are comparable with the published ones.
 */

/** Per-page true positives, false positives and false negatives, normalised to sum to 1 (or all 0). */
export interface ShingleCounts {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
}

/** Averages over pages, as the benchmark reports them. */
export interface ShingleScores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

const TOKEN = /[\p{L}\p{N}_]+/gu;

/** Splits text into the benchmark's word tokens (Python's `\w+` with Unicode). */
export function benchmarkTokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Counts the n-token shingles of a text; a text shorter than n yields one shingle of all its tokens. */
export function shingles(text: string, n = 4): Map<string, number> {
  const tokens = benchmarkTokens(text);
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const part = tokens.slice(i, i + n);
    if (part.length === 0) continue;
    // A separator that \w never matches keeps distinct token tuples distinct.
    const key = part.join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Compares an extracted text with the labelled one on 4-word shingles, normalised per page. */
export function shingleMatch(truth: string, predicted: string, n = 4): ShingleCounts {
  const t = shingles(truth, n);
  const p = shingles(predicted, n);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const tc = t.get(key) ?? 0;
    const pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
    fn += Math.max(0, tc - pc);
  }
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

function precisionOf(c: ShingleCounts): number {
  if (c.fp === 0 && c.fn === 0) return 1;
  if (c.tp === 0 && c.fp === 0) return 0;
  return c.tp / (c.tp + c.fp);
}

function recallOf(c: ShingleCounts): number {
  if (c.fp === 0 && c.fn === 0) return 1;
  if (c.tp === 0 && c.fn === 0) return 0;
  return c.tp / (c.tp + c.fn);
}

/** Page precision and recall as the benchmark defines them (1 when both texts are empty). */
export function pageScores(c: ShingleCounts): { precision: number; recall: number } {
  return { precision: precisionOf(c), recall: recallOf(c) };
}

/**
 * Averages page scores the benchmark's way: precision over pages that predicted something, recall over pages
 * with a labelled body, F1 from the two averages.
 */
export function aggregateScores(pages: readonly ShingleCounts[]): ShingleScores {
  const withPrediction = pages.filter((c) => c.tp + c.fp > 0);
  const withTruth = pages.filter((c) => c.tp + c.fn > 0);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const precision = mean(withPrediction.map(precisionOf));
  const recall = mean(withTruth.map(recallOf));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** True when both texts have exactly the same token list (the benchmark's accuracy). */
export function tokensMatchExactly(truth: string, predicted: string): boolean {
  const a = benchmarkTokens(truth);
  const b = benchmarkTokens(predicted);
  return a.length === b.length && a.every((t, i) => t === b[i]);
}
