/**
 * Sentence-level PLOVER typing: sentence shapes that decide the type whatever the verb (a conditional hostile act,
 * a speaker reporting the target's deeds), then the hand-written predicate rules, cues and verb lexicon
 * (`classifySentence`). A learned fallback was tried and dropped (docs/quality.md, "Sentences").
 */
import type { PloverType } from '../model';
import { classifySentence } from './analyse';
import { classifyPredicate, quadClass } from './events';

/** How a sentence was typed. */
export interface SentenceType {
  readonly plover: PloverType | undefined;
  readonly cameoCode?: string;
  readonly match?: string;
}

interface Span {
  readonly kind: string;
  readonly start: number;
  readonly end: number;
}

/** The sentence without its `<s>`/`<t>` marks, and where each marked span sits in it. */
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

// A comma-enclosed aside right after the source ("<s>X</s>, angered by the drills, warned ...") hides the verb
// that follows it; the rules skip appositions but not participial or prepositional asides, so drop those.
const ASIDE =
  /(<\/s>)\s*,\s+(?:\p{Ll}+(?:ed|ing|en)|\p{Ll}+(?= by\b)|after|amid|despite|during|following|facing|under|on|in|at|with|along|like|unlike|however|meanwhile|too|also)\b[^,;<>]{0,80},\s+(?=\p{Ll})/u;

/** Drops a participial or prepositional aside between the marked source and its verb. */
export function dropAside(marked: string): string {
  return marked.replace(ASIDE, '$1 ');
}

const CONFLICT: ReadonlySet<string> = new Set(['ASSAULT', 'COERCE', 'SANCTION', 'PROTEST', 'MOBILIZE']);

/**
 * Sentence shapes that decide the type whatever the verb: a hostile act announced on a condition ("will hit back
 * if ...") is a threat (CAMEO 13x), and a speaker reporting the target's hostile deeds ("<s>X</s> said
 * <t>Y</t> had executed prisoners") is accusing it (CAMEO 11x), not committing them.
 */
export function sentenceShape(marked: string, ruled: PloverType | undefined): PloverType | undefined {
  const { plain, spans } = unmark(marked);
  const src = spans.find((x) => x.kind === 's');
  const tgt = spans.find((x) => x.kind === 't');
  if (!src) return undefined;
  const after = plain.slice(src.end, src.end + 160);
  // Conditional hostility: a modal, then a verb the rules type as conflict, with an "if" clause in the sentence.
  if (/(?<!\b(?:as|even|only|what) )\bif\b/i.test(plain) && ruled !== 'REQUEST' && ruled !== 'THREATEN') {
    const modal = /\b(?:will|would|could|might|may|shall)\b(?: not)?\s+/i.exec(after);
    const cue = modal
      ? classifyPredicate(after.slice(modal.index + modal[0].length, modal.index + 80))
      : undefined;
    if (cue && quadClass(cue.cameo) >= 3 && cue.plover !== 'REQUEST') return 'THREATEN';
  }
  // A speaker reporting what the target did: speech verb, optional "that", then the target as subject.
  if (tgt && tgt.start >= src.end && (ruled === undefined || CONFLICT.has(ruled))) {
    const between = plain.slice(src.end, tgt.start);
    const rest = plain.slice(tgt.end, tgt.end + 40);
    if (
      /^\s*(?:\w+\s+){0,3}?(?:said|says|say|claim(?:s|ed)?|reported|alleged|charged|insisted|argued)\b(?:\s+(?:on|in)\s+\w+)?,?\s+(?:that\s+)?(?:the\s+)?$/i.test(
        between,
      ) &&
      !/^\s*(?:must|should|will|would|could|may|might|needs?|ought|is to|are to|has to|have to)\b/i.test(rest)
    )
      return 'ACCUSE';
  }
  return undefined;
}

/** Types a sentence whose source and target are marked `<s>…</s>` and `<t>…</t>`. */
export function typeSentence(marked: string): SentenceType {
  const ruled = classifySentence(dropAside(marked));
  const shaped = sentenceShape(marked, ruled.plover);
  if (shaped) return { plover: shaped, ...(ruled.match ? { match: ruled.match } : {}) };
  return ruled;
}
