/**
 * The language of an article: declared by the page, the HTTP header or the feed, else detected from the text
 * with `tinyld/light` (about 70 KB, CommonJS, 60+ languages), small enough for the extract Lambda bundle.
 */
type Detector = typeof import('tinyld/light');

let detector: Detector | undefined;
/**
 * tinyld unpacks its model when it is loaded, a sizeable share of the extract function's cold start; most pages
 * declare their language, so the detector is loaded the first time a page does not.
 */
function loadDetector(): Detector {
  detector ??= require('tinyld/light') as Detector;
  return detector;
}

/** Lower-case primary subtag of a BCP 47 / POSIX locale (`en-GB`, `pt_BR`, `EN` → `en`), or undefined. */
export function primaryLanguage(tag: string | null | undefined): string | undefined {
  if (!tag) return undefined;
  const first = tag.split(',')[0]?.trim().toLowerCase() ?? '';
  const primary = first.split(/[-_]/)[0] ?? '';
  return /^[a-z]{2,3}$/.test(primary) && primary !== 'und' && primary !== 'mul' ? primary : undefined;
}

/** Detects the language of a text; undefined when the text is too short or the guess too weak. */
export function detectLanguage(text: string): string | undefined {
  const sample = text.slice(0, 2000);
  if (sample.replace(/\s+/g, '').length < 40) return undefined;
  const [best] = loadDetector().detectAll(sample);
  return best && best.accuracy >= 0.1 ? primaryLanguage(best.lang) : undefined;
}
