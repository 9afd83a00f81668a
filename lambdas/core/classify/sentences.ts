/**
 * Sentence-level PLOVER typing: the hand-written predicate rules and cues (`classifySentence`) first; when
 * they find nothing, the learned naive Bayes model (`sentence-model.ts`) types the predicate window. Measured
 * as a vote it lost to the rules wherever the two disagreed, so it only fills their gaps.
 */
import type { PloverType } from '../model';
import { classifySentence } from './analyse';
import { modelSentence } from './sentence-model';

// Below this posterior the model's guess was wrong more often than right (tune split and PLOVER gold records,
// model trained without them): 1 right and 2 wrong under 0.4, 8 right and 1 wrong above. An abstention costs
// recall only, a wrong guess also costs another class's precision.
const MIN_PROBABILITY = 0.4;

/** How a sentence was typed. */
export interface SentenceType {
  readonly plover: PloverType | undefined;
  readonly cameoCode?: string;
  readonly match?: string;
  /** `rules` for the predicate rules, cues and verb lexicon; `model` for the learned fallback. */
  readonly by?: 'rules' | 'model';
  /** The model's posterior probability, when the model decided. */
  readonly probability?: number;
}

// A comma-enclosed aside right after the source ("<s>X</s>, angered by the drills, warned ...") hides the verb
// that follows it; the rules skip appositions but not participial or prepositional asides, so drop those.
const ASIDE =
  /(<\/s>)\s*,\s+(?:\p{Ll}+(?:ed|ing|en)|\p{Ll}+(?= by\b)|after|amid|despite|during|following|facing|under|on|in|at|with|along|like|unlike|however|meanwhile|too|also)\b[^,;<>]{0,80},\s+(?=\p{Ll})/u;

/** Drops a participial or prepositional aside between the marked source and its verb. */
export function dropAside(marked: string): string {
  return marked.replace(ASIDE, '$1 ');
}

/** Types a sentence whose source and target are marked `<s>…</s>` and `<t>…</t>`; `useModel: false` keeps rules only. */
export function typeSentence(marked: string, options: { useModel?: boolean } = {}): SentenceType {
  const ruled = classifySentence(dropAside(marked));
  if (ruled.plover || options.useModel === false)
    return { ...ruled, ...(ruled.plover ? { by: 'rules' } : {}) };
  const learned = modelSentence(marked);
  if (!learned || learned.probability < MIN_PROBABILITY) return ruled;
  return { plover: learned.plover, by: 'model', probability: learned.probability };
}
