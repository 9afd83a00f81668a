/**
 * Inflection of nationality adjectives, shared by the gazetteer generator and the matcher: the generated data
 * stores one base form per language (`~es:mexicano`), and the matcher expands it at start-up, which keeps the
 * bundled data small.
 */

/** Spanish/Portuguese adjective endings: -o → o/a/os/as; -ês/-és → ês/esa/eses/esas; otherwise +s/+es. */
export function romanceForms(word: string, lang: 'es' | 'pt'): string[] {
  const strip = (w: string) => w.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
  if (word.endsWith('ão')) {
    const stem = word.slice(0, -2);
    return [word, `${stem}ã`, `${stem}ães`, `${stem}ãs`];
  }
  if (word.endsWith('o')) {
    const stem = word.slice(0, -1);
    return [word, `${stem}a`, `${stem}os`, `${stem}as`];
  }
  if (word.endsWith('és') || word.endsWith('ês')) {
    const stem = strip(word.slice(0, -2));
    return lang === 'es'
      ? [word, `${stem}esa`, `${stem}eses`, `${stem}esas`]
      : [word, `${stem}esa`, `${stem}eses`, `${stem}esas`];
  }
  if (word.endsWith('án') || word.endsWith('ín')) {
    const stem = strip(word);
    return [word, `${stem}a`, `${stem}es`, `${stem}as`];
  }
  if (word.endsWith('l')) return [word, `${word}a`, `${word}es`, `${word}as`];
  if (word.endsWith('í')) return [word, `${word}s`, `${word}es`];
  return [word, `${word}s`];
}

/** French masculine/feminine, singular/plural forms. */
export function frenchForms(m: string, f: string): string[] {
  const out = new Set([m, f, `${f}s`]);
  out.add(m.endsWith('s') || m.endsWith('x') ? m : `${m}s`);
  return [...out];
}

/** German adjective endings on a stem. */
export function germanForms(stem: string): string[] {
  return [stem, `${stem}e`, `${stem}en`, `${stem}er`, `${stem}es`, `${stem}em`];
}

/** Expands a stored demonym: plain words stay as they are; `~es:`, `~pt:`, `~de:`, `~fr:m:f` are inflected. */
export function expandDemonym(stored: string): string[] {
  if (!stored.startsWith('~')) return [stored];
  const [tag, a = '', b = ''] = stored.slice(1).split(':');
  if (tag === 'es' || tag === 'pt') return romanceForms(a, tag);
  if (tag === 'de') return germanForms(a);
  if (tag === 'fr') return frenchForms(a, b || a);
  return [];
}
