/**
 * Generates lambdas/core/classify/gazetteer.data.ts: every ISO 3166-1 country with its names in English,
 * French, Spanish, German and Portuguese, its demonyms and its capital, in a compact form the Lambda bundles
 * without the (large) source packages.
 *
 * Sources (devDependencies, so only the generated data reaches the runtime bundle):
 *   - i18n-iso-countries (MIT): names and aliases per language, alpha-2 to alpha-3 codes.
 *   - world-countries (ODbL-1.0 for the data): common/official names, translations, alternative spellings,
 *     English and French demonyms, capitals.
 *   - optionally mordecai's nat_df.csv (MIT, openeventdata/mordecai) for extra English nationality words:
 *     pass its path with --nationalities FILE.
 * Gaps the packages leave (Spanish, German and Portuguese adjectives, some short forms used by the press)
 * come from the SUPPLEMENT table below.
 *
 * Usage: npm run generate:gazetteer [-- --nationalities PATH/mordecai.nat_df.csv]
 *   (defaults to ../shared/corpora/event-coding/dictionaries/mordecai.nat_df.csv when that file exists)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expandDemonym } from '../lambdas/core/classify/inflect';

interface WorldCountry {
  name: { common: string; official: string };
  cca2: string;
  cca3: string;
  independent?: boolean;
  unMember?: boolean;
  altSpellings: string[];
  capital?: string[];
  translations: Record<string, { common: string; official: string }>;
  demonyms?: Record<string, { f: string; m: string }>;
}

const ROOT = join(__dirname, '..');
const OUT = join(ROOT, 'lambdas/core/classify/gazetteer.data.ts');
const LANGS = ['en', 'fr', 'es', 'de', 'pt'] as const;
const WC_LANG: Record<string, string> = { fr: 'fra', es: 'spa', de: 'deu', pt: 'por' };

/**
 * Adjective stems by language, inflected below: es/pt `o` class gives -o/-a/-os/-as, `e` class the
 * given form plus -es/-s; de gives the stem plus -e/-en/-er/-es/-em; `n` entries are whole words.
 * Also extra names the press uses that the packages lack.
 */
const SUPPLEMENT: Record<
  string,
  { names?: string[]; demonyms?: string[]; es?: string; pt?: string; de?: string; capitals?: string[] }
> = {
  USA: {
    names: ['US', 'U.S.', 'U.S.A.', 'America', 'EE.UU.', 'EEUU', 'Estados Unidos', 'USA', 'Etats-Unis'],
    es: 'estadounidense',
    pt: 'americano',
    de: 'amerikanisch',
    demonyms: ['Americans'],
  },
  GBR: {
    names: ['Britain', 'U.K.', 'UK', 'Reino Unido', 'Royaume-Uni', 'Großbritannien'],
    demonyms: ['Briton', 'Britons'],
    es: 'británico',
    pt: 'britânico',
    de: 'britisch',
  },
  COD: {
    names: [
      'DR Congo',
      'D.R. Congo',
      'DRC',
      'Democratic Republic of Congo',
      'Democratic Republic of the Congo',
      'RDC',
      'RD Congo',
      'RDC',
    ],
  },
  COG: { names: ['Congo-Brazzaville', 'Republic of Congo', 'Republic of the Congo'] },
  KOR: {
    names: ['South Korea', 'Korea', 'Corée du Sud', 'Corea del Sur', 'Südkorea', 'Coreia do Sul'],
    es: 'surcoreano',
    pt: 'sul-coreano',
    de: 'südkoreanisch',
    demonyms: ['Korean', 'Koreans', 'South Koreans'],
  },
  PRK: {
    names: ['North Korea', 'DPRK', 'Corée du Nord', 'Corea del Norte', 'Nordkorea', 'Coreia do Norte'],
    es: 'norcoreano',
    pt: 'norte-coreano',
    de: 'nordkoreanisch',
    demonyms: ['North Koreans'],
  },
  TUR: {
    names: ['Turkey', 'Türkiye', 'Turkiye', 'Turquía', 'Turquie', 'Türkei', 'Turquia'],
    es: 'turco',
    pt: 'turco',
    de: 'türkisch',
    demonyms: ['Turks'],
  },
  CIV: {
    names: [
      'Ivory Coast',
      "Côte d'Ivoire",
      "Cote d'Ivoire",
      'Costa de Marfil',
      'Elfenbeinküste',
      'Costa do Marfim',
    ],
  },
  ARE: {
    names: ['UAE', 'U.A.E.', 'Emirates', 'EAU', 'Emiratos Árabes Unidos', 'Emirats arabes unis', 'VAE'],
    demonyms: ['Emiratis'],
  },
  PSE: {
    names: ['Palestine', 'State of Palestine', 'Palestina', 'Palästina'],
    demonyms: ['Palestinians'],
    es: 'palestino',
    pt: 'palestino',
    de: 'palästinensisch',
  },
  NLD: {
    names: ['Netherlands', 'Holland', 'Países Bajos', 'Pays-Bas', 'Niederlande', 'Holanda', 'Países Baixos'],
    es: 'neerlandés',
    de: 'niederländisch',
    pt: 'holandês',
  },
  MMR: { names: ['Burma', 'Myanmar'] },
  TLS: { names: ['East Timor', 'Timor-Leste', 'Timor Leste'] },
  SAU: {
    names: [
      'Saudi Arabia',
      'Arabia Saudí',
      'Arabia Saudita',
      'Arabie saoudite',
      'Saudi-Arabien',
      'Arábia Saudita',
    ],
    demonyms: ['Saudi', 'Saudis'],
    es: 'saudí',
    pt: 'saudita',
    de: 'saudisch',
  },
  RUS: {
    names: ['Russia', 'Russian Federation', 'Rusia', 'Russie', 'Russland', 'Rússia'],
    demonyms: ['Russians'],
    es: 'ruso',
    pt: 'russo',
    de: 'russisch',
  },
  CHN: {
    names: ['China', "People's Republic of China", 'PRC', 'Chine', 'Volksrepublik China'],
    demonyms: ['Chinese'],
    es: 'chino',
    pt: 'chinês',
    de: 'chinesisch',
  },
  TWN: { names: ['Taiwan', 'Taïwan', 'Taiwán'], es: 'taiwanés', pt: 'taiwanês', de: 'taiwanisch' },
  VNM: {
    names: ['Vietnam', 'Viet Nam', 'Viêt Nam'],
    es: 'vietnamita',
    pt: 'vietnamita',
    de: 'vietnamesisch',
  },
  LAO: { names: ['Laos', 'Lao PDR'], demonyms: ['Lao', 'Laotian'] },
  IRN: { names: ['Iran', 'Irán', 'Irã'], es: 'iraní', pt: 'iraniano', de: 'iranisch' },
  SYR: { names: ['Syria'], es: 'sirio', pt: 'sírio', de: 'syrisch' },
  MEX: { names: ['Mexico', 'México'], es: 'mexicano', pt: 'mexicano', de: 'mexikanisch' },
  ECU: { names: ['Ecuador'], es: 'ecuatoriano', pt: 'equatoriano', de: 'ecuadorianisch' },
  BRA: { names: ['Brazil', 'Brasil'], es: 'brasileño', pt: 'brasileiro', de: 'brasilianisch' },
  ARG: { names: ['Argentina'], es: 'argentino', pt: 'argentino', de: 'argentinisch' },
  ESP: { names: ['Spain', 'España'], es: 'español', pt: 'espanhol', de: 'spanisch' },
  FRA: {
    names: ['France', 'Francia', 'Frankreich', 'França'],
    es: 'francés',
    pt: 'francês',
    de: 'französisch',
  },
  DEU: {
    names: ['Germany', 'Alemania', 'Allemagne', 'Deutschland', 'Alemanha'],
    es: 'alemán',
    pt: 'alemão',
    de: 'deutsch',
  },
  POL: {
    names: ['Poland', 'Polonia', 'Pologne', 'Polen', 'Polônia'],
    es: 'polaco',
    pt: 'polonês',
    de: 'polnisch',
  },
  UKR: {
    names: ['Ukraine', 'Ucrania', 'Ucrânia'],
    demonyms: ['Ukrainians'],
    es: 'ucraniano',
    pt: 'ucraniano',
    de: 'ukrainisch',
  },
  ITA: {
    names: ['Italy', 'Italia', 'Italie', 'Italien', 'Itália'],
    es: 'italiano',
    pt: 'italiano',
    de: 'italienisch',
  },
  IND: { names: ['India', 'Inde', 'Indien', 'Índia'], es: 'indio', pt: 'indiano', de: 'indisch' },
  JPN: { names: ['Japan', 'Japón', 'Japon', 'Japão'], es: 'japonés', pt: 'japonês', de: 'japanisch' },
  ISR: { names: ['Israel'], demonyms: ['Israelis'], es: 'israelí', pt: 'israelense', de: 'israelisch' },
  CAN: { names: ['Canada', 'Canadá', 'Kanada'], es: 'canadiense', pt: 'canadense', de: 'kanadisch' },
  CHL: { names: ['Chile', 'Chili'], es: 'chileno', pt: 'chileno', de: 'chilenisch' },
  COL: {
    names: ['Colombia', 'Colombie', 'Kolumbien', 'Colômbia'],
    es: 'colombiano',
    pt: 'colombiano',
    de: 'kolumbianisch',
  },
  PER: { names: ['Peru', 'Perú', 'Pérou'], es: 'peruano', pt: 'peruano', de: 'peruanisch' },
  VEN: { names: ['Venezuela'], es: 'venezolano', pt: 'venezuelano', de: 'venezolanisch' },
  CUB: { names: ['Cuba', 'Kuba'], es: 'cubano', pt: 'cubano', de: 'kubanisch' },
  BOL: {
    names: ['Bolivia', 'Bolivie', 'Bolivien', 'Bolívia'],
    es: 'boliviano',
    pt: 'boliviano',
    de: 'bolivianisch',
  },
  PRT: { names: ['Portugal'], es: 'portugués', pt: 'português', de: 'portugiesisch' },
  EGY: {
    names: ['Egypt', 'Egipto', 'Égypte', 'Ägypten', 'Egito'],
    es: 'egipcio',
    pt: 'egípcio',
    de: 'ägyptisch',
  },
  MAR: {
    names: ['Morocco', 'Marruecos', 'Maroc', 'Marokko', 'Marrocos'],
    es: 'marroquí',
    pt: 'marroquino',
    de: 'marokkanisch',
  },
  DZA: { names: ['Algeria'], es: 'argelino', pt: 'argelino', de: 'algerisch' },
  NGA: { names: ['Nigeria'], demonyms: ['Nigerians'], es: 'nigeriano', pt: 'nigeriano', de: 'nigerianisch' },
  NER: { names: ['Niger'], demonyms: ['Nigerien', 'Nigeriens'], es: 'nigerino', de: 'nigrisch' },
  ZAF: {
    names: ['South Africa', 'Sudáfrica', 'Afrique du Sud', 'Südafrika', 'África do Sul'],
    es: 'sudafricano',
    pt: 'sul-africano',
    de: 'südafrikanisch',
  },
  AUS: {
    names: ['Australia', 'Australie', 'Australien', 'Austrália'],
    es: 'australiano',
    pt: 'australiano',
    de: 'australisch',
  },
  GRC: {
    names: ['Greece', 'Grecia', 'Grèce', 'Griechenland', 'Grécia'],
    es: 'griego',
    pt: 'grego',
    de: 'griechisch',
  },
  BEL: { names: ['Belgium', 'Bélgica', 'Belgique', 'Belgien'], es: 'belga', pt: 'belga', de: 'belgisch' },
  CZE: { names: ['Czech Republic', 'Czechia'], de: 'tschechisch' },
  AUT: { names: ['Austria'], es: 'austriaco', pt: 'austríaco', de: 'österreichisch' },
  CHE: {
    names: ['Switzerland', 'Suiza', 'Suisse', 'Schweiz', 'Suíça'],
    es: 'suizo',
    pt: 'suíço',
    de: 'schweizerisch',
  },
  SWE: { names: ['Sweden'], es: 'sueco', pt: 'sueco', de: 'schwedisch' },
  NOR: { names: ['Norway'], es: 'noruego', pt: 'norueguês', de: 'norwegisch' },
  DNK: { names: ['Denmark'], es: 'danés', pt: 'dinamarquês', de: 'dänisch' },
  FIN: { names: ['Finland'], es: 'finlandés', pt: 'finlandês', de: 'finnisch' },
  HUN: { names: ['Hungary'], es: 'húngaro', pt: 'húngaro', de: 'ungarisch' },
  ROU: { names: ['Romania'], es: 'rumano', pt: 'romeno', de: 'rumänisch' },
  IRL: { names: ['Ireland'], es: 'irlandés', pt: 'irlandês', de: 'irisch' },
  PAK: {
    names: ['Pakistan', 'Pakistán', 'Paquistão'],
    es: 'pakistaní',
    pt: 'paquistanês',
    de: 'pakistanisch',
  },
  AFG: { names: ['Afghanistan'], es: 'afgano', pt: 'afegão', de: 'afghanisch' },
  IRQ: { names: ['Iraq', 'Irak'], es: 'iraquí', pt: 'iraquiano', de: 'irakisch' },
  LBN: { names: ['Lebanon', 'Líbano', 'Liban', 'Libanon'], es: 'libanés', pt: 'libanês', de: 'libanesisch' },
  IDN: { names: ['Indonesia'], es: 'indonesio', pt: 'indonésio', de: 'indonesisch' },
  PHL: {
    names: ['Philippines', 'the Philippines', 'Filipinas', 'Philippinen'],
    demonyms: ['Philippine', 'Filipino', 'Filipinos'],
    es: 'filipino',
    pt: 'filipino',
    de: 'philippinisch',
  },
  THA: {
    names: ['Thailand', 'Tailandia', 'Thaïlande', 'Tailândia'],
    demonyms: ['Thai', 'Thais'],
    es: 'tailandés',
    pt: 'tailandês',
    de: 'thailändisch',
  },
  KHM: {
    names: ['Cambodia', 'Camboya', 'Cambodge', 'Kambodscha', 'Camboja', 'Kampuchea'],
    demonyms: ['Cambodians', 'Khmer'],
    es: 'camboyano',
    pt: 'cambojano',
    de: 'kambodschanisch',
  },
  MYS: { names: ['Malaysia'], demonyms: ['Malaysians'], es: 'malasio', de: 'malaysisch' },
  SGP: { names: ['Singapore'], demonyms: ['Singaporean', 'Singaporeans'] },
  GEO: { names: ['Georgia'], es: 'georgiano', pt: 'georgiano', de: 'georgisch' },
  JOR: { names: ['Jordan'], es: 'jordano', pt: 'jordaniano', de: 'jordanisch' },
  GUY: { names: ['Guyana'], demonyms: ['Guyanese'] },
  QAT: { names: ['Qatar', 'Katar', 'Catar'], demonyms: ['Qatari'], es: 'catarí', de: 'katarisch' },
  VCT: {
    names: [
      'St Vincent and the Grenadines',
      'St. Vincent and the Grenadines',
      'Saint Vincent',
      'St Vincent',
      'St. Vincent',
    ],
  },
  KNA: { names: ['St Kitts and Nevis', 'St. Kitts and Nevis'] },
  LCA: { names: ['St Lucia', 'St. Lucia'] },
  BIH: { names: ['Bosnia', 'Bosnia-Herzegovina'] },
  MKD: { names: ['North Macedonia', 'Macedonia'] },
  VAT: { names: ['Holy See', 'Vatican'] },
  FSM: { names: ['Micronesia'] },
  CPV: { names: ['Cape Verde', 'Cabo Verde'] },
  SWZ: { names: ['Eswatini', 'Swaziland'] },
};

/**
 * German names with an adjective decline after a preposition or article ("in den Vereinigten Staaten",
 * "im Vereinigten Königreich", "den Vereinigten Arabischen Emiraten"): the weak dative form of the name.
 */
function germanDative(name: string): string[] {
  const words = name.split(' ');
  if (words.length < 2) return [];
  let changed = false;
  const out = words.map((word, i) => {
    if (i < words.length - 1 && /^\p{Lu}\p{Ll}+(?:isch|lich|igt|er)es?$/u.test(word)) {
      changed = true;
      return word.replace(/es?$/, 'en');
    }
    // A plural noun ending in -e takes -n in the dative ("Emirate" → "Emiraten").
    if (i === words.length - 1 && changed && /e$/.test(word)) return `${word}n`;
    return word;
  });
  return changed ? [out.join(' ')] : [];
}

/**
 * Spanish, French, German and Portuguese names of capitals the press uses as metonyms ("Pekín", "Moscou"):
 * world-countries gives capitals in English only. Names that are also common words or peoples ("Roma") are
 * left out.
 */
const CAPITAL_EXONYMS: Record<string, string[]> = {
  CHN: ['Pekín', 'Pékin', 'Peking', 'Pequim'],
  RUS: ['Moscú', 'Moscou', 'Moskau'],
  GBR: ['Londres'],
  DEU: ['Berlín'],
  FRA: ['París'],
  JPN: ['Tokio', 'Tóquio'],
  POL: ['Varsovia', 'Varsovie', 'Warschau', 'Varsóvia'],
  UKR: ['Kiev', 'Kiew', 'Kyjiw'],
  BEL: ['Bruselas', 'Bruxelles', 'Brüssel', 'Bruxelas'],
  IND: ['Nueva Delhi', 'Neu-Delhi', 'Nova Délhi', 'Nova Deli'],
  KOR: ['Seúl', 'Séoul'],
  IRN: ['Teherán', 'Téhéran', 'Teheran', 'Teerã'],
  EGY: ['El Cairo', 'Le Caire', 'Kairo'],
  SAU: ['Riad', 'Riyad'],
  ISR: ['Jerusalén', 'Jérusalem'],
  TWN: ['Taipéi', 'Taipé'],
  VNM: ['Hanói'],
  SYR: ['Damasco', 'Damas', 'Damaskus'],
  IRQ: ['Bagdad'],
  LBN: ['Beyrouth'],
  AUT: ['Viena', 'Vienne', 'Wien'],
  CHE: ['Berna'],
  NLD: ['La Haya', 'La Haye', 'Den Haag', 'Haia'],
  DNK: ['Copenhague', 'Kopenhagen'],
  SWE: ['Estocolmo'],
  GRC: ['Atenas', 'Athènes', 'Athen'],
  CZE: ['Praga', 'Prag'],
  PRT: ['Lisboa', 'Lisbonne', 'Lissabon'],
  ESP: ['Madri'],
  TUR: ['Ancara'],
  MEX: ['Ciudad de México', 'Cidade do México'],
  ARG: ['Buenos Aires'],
};

function usable(name: string): boolean {
  // Two-letter codes ("KH") and non-Latin scripts would only add noise to a Latin-script matcher.
  if (/^[A-Z]{2}$/.test(name)) return name === 'US' || name === 'UK';
  if (!/^[\p{Script=Latin}\s'’.,()-]+$/u.test(name)) return false;
  if (name.includes(',')) return false; // "Korea, Republic of" is an index form, never prose.
  return name.length <= 60;
}

function main(): void {
  const args = process.argv.slice(2);
  const natIndex = args.indexOf('--nationalities');
  // Default: the corpus checkout beside the repository (../shared), when present.
  const defaultNat = join(ROOT, '..', 'shared/corpora/event-coding/dictionaries/mordecai.nat_df.csv');
  const natPath = natIndex >= 0 ? args[natIndex + 1] : existsSync(defaultNat) ? defaultNat : undefined;
  const world = require('world-countries') as WorldCountry[];
  const codes = require('i18n-iso-countries/codes.json') as [string, string, string, string][];
  const a2to3 = new Map(codes.map(([a2, a3]) => [a2, a3]));
  const i18n: Record<string, Record<string, string | string[]>> = {};
  for (const lang of LANGS)
    i18n[lang] = (
      require(`i18n-iso-countries/langs/${lang}.json`) as { countries: Record<string, string | string[]> }
    ).countries;

  const nationalities = new Map<string, string[]>();
  if (natPath && existsSync(natPath)) {
    for (const line of readFileSync(natPath, 'utf8').split('\n').slice(1)) {
      const [nat, code] = line.split(',').map((s) => s?.trim());
      if (!nat || !code || !/^[A-Z]{3}$/.test(code)) continue;
      nationalities.set(code, [...(nationalities.get(code) ?? []), nat]);
    }
  }

  const rows: string[] = [];
  const byCode = new Map(world.map((w) => [w.cca3, w]));
  for (const [a2, a3] of a2to3) {
    const w = byCode.get(a3);
    const names = new Set<string>();
    const demonyms = new Set<string>();
    // Inflected adjectives are stored as one tagged base form and expanded by the matcher.
    const inflected = new Set<string>();
    for (const lang of LANGS) {
      const v = i18n[lang]?.[a2];
      for (const n of Array.isArray(v) ? v : v ? [v] : []) {
        names.add(n);
        if (lang === 'de') for (const d of germanDative(n)) names.add(d);
      }
    }
    if (w) {
      names.add(w.name.common);
      names.add(w.name.official);
      for (const alt of w.altSpellings) names.add(alt);
      for (const l of Object.values(WC_LANG)) {
        const t = w.translations[l];
        // Official forms in other languages ("République fédérale d'Allemagne") are rare in news; skip them.
        if (t) names.add(t.common);
        if (t && l === 'deu') for (const d of germanDative(t.common)) names.add(d);
      }
      const en = w.demonyms?.eng;
      if (en) {
        demonyms.add(en.m);
        demonyms.add(en.f);
        if (!/(ese|ss|sh|ch|i)$/.test(en.m)) demonyms.add(`${en.m}s`);
      }
      const fr = w.demonyms?.fra;
      if (fr) inflected.add(`~fr:${fr.m}:${fr.f}`);
    }
    for (const nat of nationalities.get(a3) ?? []) demonyms.add(nat);
    const sup = SUPPLEMENT[a3];
    for (const n of sup?.names ?? []) names.add(n);
    for (const d of sup?.demonyms ?? []) demonyms.add(d);
    if (sup?.es) inflected.add(`~es:${sup.es}`);
    if (sup?.pt) inflected.add(`~pt:${sup.pt}`);
    if (sup?.de) inflected.add(`~de:${sup.de}`);
    const display = w?.name.common ?? (i18n.en?.[a2] as string);
    const capitals = [
      ...(w?.capital ?? []).filter(usable).map((c) => c.replace(/ D\.C\.$/, '')),
      ...(CAPITAL_EXONYMS[a3] ?? []),
    ];
    // One surface per matcher key: the matcher folds case, accents and dots, so "Etats-Unis" adds nothing
    // to "États-Unis". The accented, capitalised form is kept (it is also the display form).
    const clean = (s: Set<string>) => {
      const byKey = new Map<string, string>();
      for (const n of [...s].filter((x) => x && usable(x)).sort()) {
        const key = n.normalize('NFD').replace(/\p{M}/gu, '').replace(/[.'’]/g, '').toLowerCase();
        const old = byKey.get(key);
        // Prefer the form with capitals (it tells the matcher the word must be capitalised in English).
        if (
          !old ||
          (/\p{Lu}/u.test(n) && !/\p{Lu}/u.test(old)) ||
          (n.length > old.length && /\p{Lu}/u.test(n) === /\p{Lu}/u.test(old))
        )
          byKey.set(key, n);
      }
      return [...byKey.values()].sort();
    };
    // Tier 0 for UN members, 1 for other independent states, 2 for territories: decides shared names.
    const tier = w?.unMember ? 0 : w?.independent ? 1 : 2;
    rows.push(
      JSON.stringify([
        a3,
        display,
        tier,
        clean(names).join('|'),
        [
          ...clean(demonyms).filter((d) => ![...inflected].some((t) => expandDemonym(t).includes(d))),
          ...inflected,
        ].join('|'),
        capitals.join('|'),
      ]),
    );
  }

  const header = [
    '// GENERATED by scripts/generate-gazetteer.ts (npm run generate:gazetteer). Do not edit by hand.',
    '// Country names and aliases: i18n-iso-countries (MIT, https://github.com/michaelwittig/node-i18n-iso-countries).',
    '// Names, translations, demonyms, capitals: world-countries (data under ODbL-1.0, https://github.com/mledoze/countries).',
    natPath
      ? '// Extra English nationality words: mordecai nat_df.csv (MIT, https://github.com/openeventdata/mordecai).'
      : '',
    '// Spanish, German and Portuguese adjectives and some press short forms: the SUPPLEMENT table of the script.',
    '// Row: [ISO3, display name, tier (0 UN member, 1 other state, 2 territory), names, demonyms, capitals] (| separated).',
  ].filter(Boolean);
  const body = `${header.join('\n')}\n\n/** Country rows; see the header for the columns. */\nexport const COUNTRY_ROWS: readonly (readonly [string, string, number, string, string, string])[] = [\n${rows.map((r) => `  ${r},`).join('\n')}\n];\n`;
  writeFileSync(OUT, body);
  console.log(`wrote ${rows.length} countries to ${OUT}`);
}

main();
