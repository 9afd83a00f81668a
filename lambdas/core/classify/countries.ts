/**
 * Finds the countries an article refers to: names, demonyms, capitals used as metonyms in subject position,
 * seats of government ("the Kremlin"), with the usual traps handled (Georgia the US state, Jordan the
 * person, "Washington Post", regions such as "Latin America" or "the West" that are not countries).
 */
import type { CountryMention } from '../model';
import { COUNTRY_ROWS } from './gazetteer.data';
import { expandDemonym } from './inflect';
import { phraseKey, type Token, tokenize } from './text';

/** How a country was named. */
export type NamedAs = 'name' | 'demonym' | 'capital' | 'leader-title';

interface Entry {
  readonly code: string; // '' marks a region: it blocks shorter matches and names no country
  readonly kind: NamedAs | 'region';
  readonly tier: number;
  /** The surface is an acronym (US, UAE, DRC): the text must be upper case too. */
  readonly acronym: boolean;
  /** The surface has capitals: English text must capitalise it (turkey, china). */
  readonly cased: boolean;
}

/** A country found at one place in the text. */
export interface CountryHit {
  readonly code: string;
  readonly kind: NamedAs;
  readonly start: number;
  readonly end: number;
  /** Index of the first token. */
  readonly token: number;
  readonly surface: string;
}

// Seats of power used for their governments; they name the country like a capital in subject position.
const SEATS: readonly [string, string][] = [
  ['Kremlin', 'RUS'],
  ['White House', 'USA'],
  ['Pentagon', 'USA'],
  ['State Department', 'USA'],
  ['Downing Street', 'GBR'],
  ['Whitehall', 'GBR'],
  ['Élysée', 'FRA'],
  ['Elysee', 'FRA'],
  ["Quai d'Orsay", 'FRA'],
  ['Zhongnanhai', 'CHN'],
  ['Blue House', 'KOR'],
  ['Casa Rosada', 'ARG'],
  ['Palácio do Planalto', 'BRA'],
  ['Itamaraty', 'BRA'],
  ['Kanzleramt', 'DEU'],
  ['Kreml', 'RUS'],
  ['Moncloa', 'ESP'],
  ['Palazzo Chigi', 'ITA'],
  ['Quirinale', 'ITA'],
  ['Casa Blanca', 'USA'],
  ['Maison Blanche', 'USA'],
  ['Weißes Haus', 'USA'],
  ['Casa Branca', 'USA'],
];
// The Pope's title in French, Spanish, Portuguese, Italian and German.
const FOREIGN_POPE = new Set(['papa', 'pape', 'papst']);

// Titles that name one country's head ("the Pope" is the Holy See's, "the Taoiseach" Ireland's).
const LEADER_TITLES: readonly [string, string][] = [
  ['Pope', 'VAT'],
  ['Pontiff', 'VAT'],
  ['pontiff', 'VAT'],
  ['Papa', 'VAT'],
  ['Pape', 'VAT'],
  ['Papst', 'VAT'],
  ['Bundeskanzler', 'DEU'],
  ['Bundeskanzlerin', 'DEU'],
  ['Bundesregierung', 'DEU'],
  ['presidente del Gobierno', 'ESP'],
  ['Taoiseach', 'IRL'],
];

// Combining forms of demonyms used in compounds ("Sino-Japanese", "Franco-German", "Russo-Ukrainian").
const COMBINING: Record<string, string> = {
  sino: 'CHN',
  franco: 'FRA',
  anglo: 'GBR',
  russo: 'RUS',
  indo: 'IND',
  turco: 'TUR',
  italo: 'ITA',
  greco: 'GRC',
  germano: 'DEU',
  luso: 'PRT',
  nippo: 'JPN',
  austro: 'AUT',
  belgo: 'BEL',
  dutch: 'NLD',
  polono: 'POL',
};

// Regions and look-alike places: matched so that their words do not name a country.
const REGIONS = [
  'Europe',
  'European',
  'Asia',
  'Asian',
  'Africa',
  'African',
  'Latin America',
  'Latin American',
  'the West',
  'Western',
  'Middle East',
  'Southeast Asia',
  'Southeast Asian',
  'South Asia',
  'Central Asia',
  'East Asia',
  'Gulf',
  'Persian Gulf',
  'Caribbean',
  'Balkans',
  'Caucasus',
  'Scandinavia',
  'Sahel',
  'Pacific',
  'Indo-Pacific',
  'Arctic',
  'Central America',
  'Central American',
  'South America',
  'South American',
  'North America',
  'North American',
  'Arab',
  'Nordic',
  'South China Sea',
  'East China Sea',
  'Sea of Japan',
  'Korean Peninsula',
  'Indian Ocean',
  'Niger Delta',
  'Niger River',
  'New Mexico',
  'New South Wales',
  'New England',
  'Guinea pig',
  'Gulf of Mexico',
  'Mexican wave',
  'Turkish delight',
  'French fries',
  'Indian Ocean',
  'American Samoa',
  'Asia-Pacific',
  'Euro-Atlantic',
  'Occident',
  'Europa',
  'Afrique',
  'Amérique latine',
  'América Latina',
  'Lateinamerika',
  'Asie',
  'Westen',
  'Occidente',
  "l'Occident",
  'Moyen-Orient',
  'Oriente Medio',
  'Nahost',
  'Oriente Médio',
  'West Bank',
  'Gaza',
  'Gaza Strip',
  'Hong Kong-based',
  'Jordan River',
  'Washington state',
  'Washington State',
  'Washington Post',
  'Washington Commanders',
  'Credit Suisse',
  'Georgia Tech',
  'Panama Canal',
  'Central African',
  'Organization of American States',
  'Organisation of American States',
  'African Union',
  'Arab League',
  'Organisation of Islamic Cooperation',
  'Organization of Islamic Cooperation',
  'Congo River',
  'Congo Basin',
  'Black Sea',
  'Red Sea',
  'Dead Sea',
  'Caspian Sea',
];

// Preferred country when the packages give one name to several (Congo, Congolese, Dominican, Korean, Guinean).
const PREFERRED: Record<string, string> = {
  congo: 'COD',
  congolese: 'COD',
  congolais: 'COD',
  congolaise: 'COD',
  dominican: 'DOM',
  korean: 'KOR',
  guinean: 'GIN',
  jerusalem: 'ISR',
  samoan: 'WSM',
  'virgin islands': 'VIR',
  kongo: 'COD',
};

interface Index {
  readonly map: Map<string, Entry>;
  /** Every proper prefix of a multi-word key, so a scan stops as soon as no key can continue. */
  readonly prefixes: Set<string>;
  readonly seats: Set<string>;
  readonly maxLen: number;
  readonly names: Map<string, string>;
}

let INDEX: Index | undefined;

function rank(e: Entry): number {
  const kind =
    e.kind === 'region'
      ? 0
      : e.kind === 'name'
        ? 1
        : e.kind === 'leader-title'
          ? 2
          : e.kind === 'demonym'
            ? 3
            : 4;
  return e.tier * 10 + kind;
}

function add(map: Map<string, Entry>, surface: string, entry: Omit<Entry, 'acronym' | 'cased'>): number {
  const key = phraseKey(surface);
  if (key.replace(/[^\p{L}]/gu, '').length < 2) return 0;
  const letters = surface.replace(/[^\p{L}]/gu, '');
  const full: Entry = {
    ...entry,
    acronym: letters.length >= 2 && letters === letters.toUpperCase(),
    cased: /\p{Lu}/u.test(surface),
  };
  const preferred = PREFERRED[key];
  const old = map.get(key);
  if (old && preferred) {
    if (old.code === preferred) return 0;
    if (full.code !== preferred) return 0;
  } else if (old && rank(old) <= rank(full)) {
    return 0;
  }
  map.set(key, full);
  return key.split(' ').length;
}

function index(): Index {
  if (INDEX) return INDEX;
  const map = new Map<string, Entry>();
  const names = new Map<string, string>();
  let maxLen = 1;
  const put = (s: string, e: Omit<Entry, 'acronym' | 'cased'>) => {
    maxLen = Math.max(maxLen, add(map, s, e));
  };
  for (const [code, display, tier, nameList, demonymList, capitalList] of COUNTRY_ROWS) {
    names.set(code, display);
    for (const n of nameList.split('|')) if (n) put(n, { code, kind: 'name', tier });
    for (const d of demonymList.split('|'))
      for (const form of d ? expandDemonym(d) : []) put(form, { code, kind: 'demonym', tier });
    for (const c of capitalList.split('|')) if (c) put(c, { code, kind: 'capital', tier: tier + 1 });
  }
  for (const [s, code] of SEATS) put(s, { code, kind: 'capital', tier: 0 });
  for (const [s, code] of LEADER_TITLES) put(s, { code, kind: 'leader-title', tier: 0 });
  for (const r of REGIONS) {
    const key = phraseKey(r);
    const letters = r.replace(/[^\p{L}]/gu, '');
    map.set(key, {
      code: '',
      kind: 'region',
      tier: 0,
      acronym: letters.length >= 2 && letters === letters.toUpperCase(),
      cased: true,
    });
    maxLen = Math.max(maxLen, key.split(' ').length);
  }
  const prefixes = new Set<string>();
  for (const key of map.keys()) {
    const parts = key.split(' ');
    for (let i = 1; i < parts.length; i++) prefixes.add(parts.slice(0, i).join(' '));
  }
  const seats = new Set(SEATS.map(([s]) => phraseKey(s)));
  INDEX = { map, maxLen, names, prefixes, seats };
  return INDEX;
}

/** The display name of a country code, e.g. `KHM` → `Cambodia`. */
export function countryName(code: string): string | undefined {
  return index().names.get(code);
}

// Words after a capital that show it is a place, not a government ("Moscow residents", "Beijing airport").
const PLACE_NOUNS = new Set(
  'airport,residents,mayor,city,streets,street,police,hospital,district,suburb,office,bureau,correspondent,hotel,marathon,station,metro,university,stock,exchange,traffic,time,state,post,based,area,region,court,zoo,derby,club'.split(
    ',',
  ),
);
const PREPOSITIONS = new Set(
  'in,at,from,to,into,near,outside,around,across,via,through,toward,towards,of,between,en,a,à,dans,de,desde,em,no,na,nach,aus,bei,im,von,zu,por,para,sur,vers,über,para,and,zwischen,entre'.split(
    ',',
  ),
);
// Country names that are also given names or surnames (Michael Jordan, Denzel Washington).
const AMBIGUOUS_SINGLE = new Set([
  'jordan',
  'montenegro',
  'chad',
  'israel',
  'georgia',
  'washington',
  'kenya',
  'victoria',
  'lebanon',
]);
const US_STATE_CUES =
  /\b(?:Atlanta|Savannah|Peach State|Kemp|Fulton County|governor of Georgia|Georgia's governor|Georgia Republicans?|Georgia Democrats?|Georgia voters|state of Georgia|U\.S\. state|Senate runoff)\b/;
const GEORGIA_COUNTRY_CUES =
  /\b(?:Tbilisi|Georgian|Caucasus|Abkhazia|South Ossetia|Kobakhidze|Georgian Dream)\b/;

/** "held in Santiago, Montevideo and Lima": a capital listed after a preposition is a place like the first one. */
function inPlaceList(tokens: readonly Token[], i: number, text: string): boolean {
  let j = i - 1;
  let listed = false;
  while (j >= 0) {
    const t = tokens[j] as Token;
    const gap = text.slice(t.end, (tokens[j + 1] as Token).start);
    if (LIST_JOINERS.has(t.key) && gap.trim() === '') {
      listed = true;
      j--;
      continue;
    }
    if (gap.trim() === ',') listed = true;
    else if (gap.trim() !== '') return false;
    if (t.upper && !t.possessive) {
      j--;
      continue;
    }
    return listed && PREPOSITIONS.has(t.key) && t.key !== 'and';
  }
  return false;
}

const LIST_JOINERS = new Set(['and', 'et', 'y', 'e', 'und', 'or']);

// "relations between Brasilia and Washington": capitals after "between" stand for their governments when the
// phrase names a relationship, not a place.
const RELATION_NOUNS = new Set(
  'relations,ties,tensions,tension,talks,dispute,rift,feud,row,spat,standoff,rapprochement,détente,detente,trade,rivalry,friendship,partnership,dialogue,negotiations,gap,divide,split,thaw'.split(
    ',',
  ),
);

/** True when token `i` sits in "<relation> between X and Y" (at most six tokens after "between"). */
function inRelationBetween(tokens: readonly Token[], i: number): boolean {
  for (let j = i - 1; j >= Math.max(1, i - 6); j--) {
    if ((tokens[j] as Token).key === 'between') return RELATION_NOUNS.has((tokens[j - 1] as Token).key);
  }
  return false;
}

function isSubjectPosition(tokens: readonly Token[], i: number, end: number, text: string): boolean {
  if (inRelationBetween(tokens, i)) return true;
  const prev = tokens[i - 1];
  const next = tokens[end];
  const tok = tokens[i] as Token;
  const last = tokens[end - 1] as Token;
  // Dateline: "MANILA, Dec 11 (Agency) - ..." at the start of a paragraph.
  const before = text.slice(Math.max(0, tok.start - 2), tok.start);
  if (/^\s*$/.test(before) || before.endsWith('\n')) {
    if (/^[,\s]*[(—–-]|^,/.test(text.slice(last.end, last.end + 3)) && tok.allCaps) return false;
  }
  if (tok.allCaps && tok.text.length > 3) return false; // datelines in capitals
  if (prev && PREPOSITIONS.has(prev.key) && prev.key !== 'and') return false;
  if (inPlaceList(tokens, i, text)) return false;
  if (last.possessive) return !next || !PLACE_NOUNS.has(next.key);
  if (!next) return false;
  const gap = text.slice(last.end, next.start);
  if (next.key === 'and' || next.key === 'et' || next.key === 'y' || next.key === 'e' || next.key === 'und') {
    return gap.trim() === '';
  }
  if (next.upper) return false;
  if (/[,;:()]/.test(gap))
    return gap.trim() === ',' && prev !== undefined && (prev.key === 'and' || prev.key === 'et');
  return !PLACE_NOUNS.has(next.key);
}

/** Scans tokens for country references; `loose` also counts capitals named as places (for finding actors). */
export function findCountryHits(
  text: string,
  language = 'en',
  tokens: readonly Token[] = tokenize(text),
  loose = false,
): CountryHit[] {
  const { map, maxLen, prefixes, seats } = index();
  const hits: CountryHit[] = [];
  const personSurnames = new Set<string>();
  const georgiaIsState = US_STATE_CUES.test(text) && !GEORGIA_COUNTRY_CUES.test(text);
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] as Token;
    let found: { entry: Entry; len: number } | undefined;
    let key = '';
    for (let len = 1; len <= maxLen && i + len <= tokens.length; len++) {
      const t = tokens[i + len - 1] as Token;
      if (len > 1) {
        const prevTok = tokens[i + len - 2] as Token;
        if (prevTok.possessive) break;
        if (/[,;:()"“”]/.test(text.slice(prevTok.end, t.start))) break;
      }
      key = len === 1 ? t.key : `${key} ${t.key}`;
      const entry = map.get(key);
      if (entry) found = { entry, len };
      // "Marshall Islands-flagged": a name whose last word carries a hyphenated suffix.
      const dash = t.key.indexOf('-');
      if (!entry && len > 1 && dash > 0) {
        const head = map.get(`${key.slice(0, key.length - t.key.length)}${t.key.slice(0, dash)}`);
        if (head) found = { entry: head, len };
      }
      if (!prefixes.has(key)) break;
    }
    if (!found && tok.text.includes('-')) {
      // "China-brokered", "German-Iranian": look at each part of a hyphenated word.
      const parts = tok.text.split('-');
      for (const [k, part] of parts.entries()) {
        // Combining forms before a hyphen: "Sino-Japanese", "Franco-German".
        const combining = k < parts.length - 1 ? COMBINING[part.toLowerCase()] : undefined;
        const entry = combining ? { code: combining, kind: 'demonym' as const } : map.get(phraseKey(part));
        if (entry?.code && entry.kind !== 'capital' && entry.kind !== 'region' && /^\p{Lu}/u.test(part)) {
          hits.push({
            code: entry.code,
            kind: entry.kind as NamedAs,
            start: tok.start,
            end: tok.end,
            token: i,
            surface: part,
          });
        }
      }
      continue;
    }
    if (!found) continue;
    const { entry, len } = found;
    const end = i + len;
    const span = tokens.slice(i, end);
    i = end - 1;
    if (!entry.code || entry.kind === 'region') continue;
    // "Pape Matar Sarr", "Papa Wemba": in English text these are given names, not the Pope.
    if (language === 'en' && entry.kind === 'leader-title' && FOREIGN_POPE.has((span[0] as Token).key))
      continue;
    if (entry.acronym && !span.every((t) => t.allCaps || !/\p{L}/u.test(t.text) || t.key === 'the')) continue;
    if (entry.cased && !span.some((t) => t.upper)) {
      if (language === 'en' || entry.kind !== 'demonym') continue;
    }
    if (language === 'en' && entry.kind === 'demonym' && !span.some((t) => t.upper)) continue;
    const first = span[0] as Token;
    const next = tokens[end];
    const prev = tokens[end - len - 1];
    if (len === 1 && AMBIGUOUS_SINGLE.has(first.key)) {
      if (first.key === 'georgia' && georgiaIsState) continue;
      // "Michael Jordan", "Jordan Peterson", "Chad Smith": a given name or surname, not a country.
      const prevIsName =
        prev?.upper &&
        /^\p{Lu}\p{Ll}+$/u.test(prev.text) &&
        !/^(?:King|Queen|President|Prime|The|In|From|With|And|For|To|By|As|Of|On|At|But|Meanwhile|Yesterday|Today|Neighbouring|Neighboring|Both|Also|While|Then|Now|Later|Earlier|Why|How|When|Where|If|Since|After|Before|Only|Even|So|Yet|Under|Like|Unlike|Did|Does|Will|Would|Could|Should|Can|May|Has|Had|Was|Is)$/.test(
          prev.text,
        ) &&
        text.slice(prev.end, first.start) === ' ';
      const nextIsName =
        next?.upper &&
        /^\p{Lu}\p{Ll}+$/u.test(next.text) &&
        !map.has(next.key) &&
        text.slice(first.end, next.start) === ' ' &&
        !/^(?:Valley|River|Defense|Defence|Forces|Post|Times|Airways|Armed|Border)$/.test(next.text);
      if (prevIsName || (nextIsName && entry.kind !== 'capital') || personSurnames.has(first.key)) {
        // Once "Michael Jordan" is a person, a later bare "Jordan" is him too.
        personSurnames.add(first.key);
        continue;
      }
    }
    // "Bosnian Serb leader", "Kosovo Serbs": a people within another country, not a second country.
    const prevHit = hits[hits.length - 1];
    if (
      entry.kind === 'demonym' &&
      prevHit &&
      prevHit.kind !== 'capital' &&
      prevHit.code !== entry.code &&
      text.slice(prevHit.end, first.start) === ' '
    )
      continue;
    // "Gulf of Thailand", "Sea of Japan": a sea or strait named after a country.
    const featureOf = tokens[end - len - 1];
    if (
      featureOf?.key === 'of' &&
      /^(?:Gulf|Sea|Bay|Strait|Straits|Golfo|Golfe|Mar|Mer)$/.test(tokens[end - len - 2]?.text ?? '')
    )
      continue;
    // "Niger State", "Washington State": a province or US state named after a country or capital (but "the
    // U.S. State Department", "Kenya's State House" are the country's own institutions).
    const after = tokens[end + 1];
    if (
      entry.kind !== 'demonym' &&
      next?.text === 'State' &&
      !(span[span.length - 1] as Token).possessive &&
      text.slice((span[span.length - 1] as Token).end, next.start) === ' ' &&
      !(after?.upper && text.slice(next.end, after.start) === ' ')
    )
      continue;
    if (entry.kind === 'capital') {
      const isSeat = seats.has(span.map((t) => t.key).join(' '));
      if (!loose && !isSeat && !isSubjectPosition(tokens, end - len, end, text)) continue;
      if (!first.upper) continue;
    }
    const last = span[span.length - 1] as Token;
    hits.push({
      code: entry.code,
      kind: entry.kind as NamedAs,
      start: first.start,
      end: last.end,
      token: end - len,
      surface: text.slice(first.start, last.end),
    });
  }
  return hits;
}

const LEADER_TITLE =
  /^\s+(?:prime minister|president|premier|chancellor|king|queen|foreign minister|emir|monarch|leader|head of state|premier ministre|président|presidente|primer ministro|primeiro-ministro|ministerpräsident|bundeskanzler|kanzler)\b/i;

/** Aggregates hits into mentions: count per country and how it was named, most mentioned first. */
export function countryMentions(hits: readonly CountryHit[], text: string): CountryMention[] {
  const byCode = new Map<string, { count: number; namedAs: Set<string>; first: number }>();
  for (const h of hits) {
    let m = byCode.get(h.code);
    if (!m) {
      m = { count: 0, namedAs: new Set(), first: h.start };
      byCode.set(h.code, m);
    }
    m.count++;
    const kind =
      h.kind === 'demonym' && LEADER_TITLE.test(text.slice(h.end, h.end + 25)) ? 'leader-title' : h.kind;
    m.namedAs.add(kind);
  }
  return [...byCode.entries()]
    .sort((a, b) => b[1].count - a[1].count || a[1].first - b[1].first)
    .map(([code, m]) => ({
      code,
      name: countryName(code) ?? code,
      count: m.count,
      namedAs: [...m.namedAs].sort(),
    }));
}
