/**
 * People named in an article, with role and country when the text gives them: a title before the name
 * ("Foreign Minister Wang Yi", "le président Emmanuel Macron"), a country or demonym before the title
 * ("Japanese Prime Minister Fumio Kishida", "Malaysia's Anwar"), or an apposition after it ("Hun Sen,
 * president of the ruling Cambodian People's Party"). Later surname-only references count toward the person.
 */
import type { PersonMention } from '../model';
import type { CountryHit } from './countries';

/** A person found in the text. */
export interface PersonHit {
  readonly name: string;
  readonly role?: string;
  readonly country?: string;
  readonly start: number;
  readonly end: number;
}

const TITLES = [
  'former prime minister',
  'prime minister',
  'deputy prime minister',
  'foreign minister',
  'deputy foreign minister',
  'defence minister',
  'defense minister',
  'trade minister',
  'finance minister',
  'interior minister',
  'minister',
  'defence secretary',
  'defense secretary',
  'secretary of state',
  'foreign secretary',
  'secretary-general',
  'secretary general',
  'president',
  'vice president',
  'vice-president',
  'former president',
  'chancellor',
  'king',
  'queen',
  'crown prince',
  'prince',
  'emir',
  'sheikh',
  'premier',
  'ambassador',
  'envoy',
  'spokesperson',
  'spokesman',
  'spokeswoman',
  'governor',
  'senator',
  'general',
  'gen',
  'commissioner',
  'trade commissioner',
  'chief executive',
  'coach',
  'leader',
  'opposition leader',
  'pope',
  'mr',
  'ms',
  'mrs',
  'dr',
  // French, Spanish, Portuguese, German
  'président',
  'présidente',
  'premier ministre',
  'ministre',
  'ministre des affaires étrangères',
  'chancelier',
  'presidente',
  'primer ministro',
  'canciller',
  'ministro',
  'ministra',
  'primeiro-ministro',
  'chanceler',
  'bundeskanzler',
  'kanzler',
  'ministerpräsident',
  'ministerpräsidenten',
  'außenminister',
  'außenministerin',
  'präsident',
  'präsidentin',
  'bundespräsident',
].sort((a, b) => b.length - a.length);

const NAME_WORD =
  "(?:[\\p{Lu}][\\p{Ll}\\p{M}'’]+(?:-[\\p{Lu}\\p{Ll}][\\p{Ll}\\p{M}]+)?|[\\p{Lu}]{2}(?=\\s[\\p{Lu}]))";
const PARTICLE = '(?:bin|binti|al|el|de|da|do|dos|van|von|der|la|le|del|y|Al)';
const NAME = `${NAME_WORD}(?:\\s(?:${PARTICLE}\\s)?${NAME_WORD}){0,3}`;
// Titles in lower case, sentence case and title case; the name after them must be capitalised, so no `i` flag.
const TITLE_FORMS = [
  ...new Set(
    TITLES.flatMap((t) => [
      t,
      t.charAt(0).toUpperCase() + t.slice(1),
      t.replace(/(^|[\s-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase()),
    ]),
  ),
].sort((a, b) => b.length - a.length);
const TITLE_RE = new RegExp(
  `(?<![\\p{L}])(${TITLE_FORMS.map((t) => t.replace(/\s/g, '\\s+')).join('|')})\\.?\\s+(?:\\p{Ll}+\\s+)?(${NAME})`,
  'gu',
);
const APPOSITION_RE = new RegExp(
  `(?<![\\p{L}])(${NAME}),\\s+(?:the\\s+|a\\s+|an\\s+|who\\s+is\\s+)?((?:former\\s+|ruling-party\\s+|deputy\\s+|vice\\s+)?(?:president|prime minister|foreign minister|minister|chancellor|ambassador|secretary|leader|chairman|head|spokesman|spokeswoman|envoy|king|queen)[^,.;]{0,60})`,
  'gu',
);
const SAID_RE = new RegExp(
  `(?<![\\p{L}])(${NAME_WORD}(?:\\s(?:${PARTICLE}\\s)?${NAME_WORD}){1,3})\\s+(?:said|says|told|added|wrote|announced|stressed|dijo|afirmó|a déclaré|a affirmé|sagte|disse)\\b`,
  'gu',
);
const POSSESSIVE_RE = new RegExp(
  `(?<![\\p{L}])([\\p{Lu}][\\p{L}-]+(?:\\s[\\p{Lu}][\\p{L}-]+)?)['’]s\\s+(${NAME})`,
  'gu',
);

// Words that start capitalised sequences which are not people.
const NOT_NAME = new Set(
  'The,A,An,In,On,At,But,And,For,With,After,Before,During,Under,Minister,Ministry,President,Prime,Foreign,Department,Council,Assembly,Party,Union,Nations,Court,Bank,University,Parliament,Congress,Senate,House,Government,State,National,Federal,Republic,Kingdom,Democratic,People,Army,Police,Office,Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday,January,February,March,April,May,June,July,August,September,October,November,December,Le,La,Les,El,Los,Las,Der,Die,Das,Its,His,Her,Their,This,That,These,Those,It,He,She,They,We,Officials,Ambassador,Secretary,General,Chinese,Japanese,Korean,Indian,Reuters'.split(
    ',',
  ),
);
const STOP_TAIL =
  /\s(?:On|In|At|And|Of|For|The|Said|Says|Told|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

function cleanName(raw: string): string | undefined {
  let name = raw.trim().replace(/\s+/g, ' ');
  while (STOP_TAIL.test(name)) name = name.replace(STOP_TAIL, '');
  const words = name.split(' ');
  if (words.length === 0 || NOT_NAME.has(words[0] ?? '')) return undefined;
  if (
    words.some((w) =>
      /^(?:Ministry|Party|Council|Assembly|Union|Nations|Bank|University|Republic|Kingdom|Department|Court|Airport|Street|Stadium|Summit|Agreement|Treaty|Forces|Sea|Island|Islands|Strait|Province|City)$/.test(
        w,
      ),
    )
  )
    return undefined;
  return name;
}

/** Finds people by titles, appositions, possessive country forms and speech verbs. */
export function findPeople(
  text: string,
  countryHits: readonly CountryHit[],
  reserved: (start: number, end: number) => boolean,
): PersonHit[] {
  const hits: PersonHit[] = [];
  const countryBefore = (pos: number): string | undefined => {
    // A country or demonym right before the title: "Japanese Prime Minister", "Malaysia's".
    for (let i = countryHits.length - 1; i >= 0; i--) {
      const h = countryHits[i] as CountryHit;
      if (h.end <= pos && pos - h.end <= 3) return h.code;
      if (h.end < pos - 3) break;
    }
    return undefined;
  };
  const countryWithin = (from: number, to: number): string | undefined =>
    countryHits.find((h) => h.start >= from && h.end <= to)?.code;
  const isCountryName = (start: number, end: number) =>
    countryHits.some((h) => h.start < end && h.end > start);
  for (const m of text.matchAll(TITLE_RE)) {
    const title = (m[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
    const rawName = m[2] ?? '';
    const nameStart = (m.index ?? 0) + m[0].length - rawName.length;
    const name = cleanName(rawName);
    if (
      !name ||
      isCountryName(nameStart, nameStart + name.length) ||
      reserved(nameStart, nameStart + name.length)
    )
      continue;
    const country = countryBefore(m.index ?? 0) ?? countryWithin(m.index ?? 0, nameStart);
    hits.push({
      name,
      role: title,
      ...(country ? { country } : {}),
      start: nameStart,
      end: nameStart + name.length,
    });
  }
  for (const m of text.matchAll(APPOSITION_RE)) {
    const name = cleanName(m[1] ?? '');
    const start = m.index ?? 0;
    if (!name || isCountryName(start, start + name.length) || reserved(start, start + name.length)) continue;
    const role = (m[2] ?? '').trim();
    const end = start + (m[0] ?? '').length;
    const country = countryWithin(start + name.length, end) ?? countryBefore(start);
    hits.push({ name, role, ...(country ? { country } : {}), start, end: start + name.length });
  }
  for (const m of text.matchAll(POSSESSIVE_RE)) {
    const start = m.index ?? 0;
    const owner = m[1] ?? '';
    const country = countryHits.find((h) => h.start === start && h.end >= start + owner.length - 1)?.code;
    if (!country) continue;
    const rawName = m[2] ?? '';
    const nameStart = start + m[0].length - rawName.length;
    const name = cleanName(rawName);
    if (
      !name ||
      isCountryName(nameStart, nameStart + name.length) ||
      reserved(nameStart, nameStart + name.length)
    )
      continue;
    hits.push({ name, country, start: nameStart, end: nameStart + name.length });
  }
  for (const m of text.matchAll(SAID_RE)) {
    const start = m.index ?? 0;
    const name = cleanName(m[1] ?? '');
    if (!name || isCountryName(start, start + name.length) || reserved(start, start + name.length)) continue;
    hits.push({ name, start, end: start + name.length });
  }
  return hits;
}

/** Merges hits for the same person (full name and surname), keeping the richest role and country. */
export function peopleMentions(
  hits: readonly PersonHit[],
  text: string,
): { mentions: PersonMention[]; bySurface: Map<string, PersonMention> } {
  const people: { name: string; role?: string; country?: string; first: number }[] = [];
  const sorted = [...hits].sort(
    (a, b) => b.name.split(' ').length - a.name.split(' ').length || a.start - b.start,
  );
  for (const h of sorted) {
    const words = h.name.split(' ');
    const same = people.find(
      (p) =>
        p.name === h.name ||
        (words.length === 1 && p.name.split(' ').includes(h.name)) ||
        p.name.endsWith(` ${h.name}`) ||
        h.name.endsWith(` ${p.name}`),
    );
    if (same) {
      if (!same.role && h.role) same.role = h.role;
      if (!same.country && h.country) same.country = h.country;
      same.first = Math.min(same.first, h.start);
      continue;
    }
    if (words.length === 1) continue; // a lone capitalised word is not enough to name a new person
    people.push({ name: h.name, role: h.role, country: h.country, first: h.start });
  }
  const bySurface = new Map<string, PersonMention>();
  const mentions: PersonMention[] = [];
  for (const p of people.sort((a, b) => a.first - b.first)) {
    const parts = p.name.split(' ');
    const surnames = new Set([p.name, parts[parts.length - 1] as string]);
    // East Asian and Khmer names put the family name first ("Hun Sen", "Xi Jinping").
    if (parts.length === 2) surnames.add(parts[0] as string);
    let count = 0;
    const full = new RegExp(
      `(?<![\\p{L}])${p.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`,
      'gu',
    );
    count = (text.match(full) ?? []).length;
    const last = parts[parts.length - 1] as string;
    if (parts.length > 1) {
      const lone = new RegExp(
        `(?<![\\p{L}] )(?<![\\p{L}])${last.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`,
        'gu',
      );
      count = Math.max(count, (text.match(lone) ?? []).length);
    }
    const mention: PersonMention = {
      name: p.name,
      ...(p.role ? { role: p.role } : {}),
      ...(p.country ? { country: p.country } : {}),
      count: Math.max(1, count),
    };
    mentions.push(mention);
    for (const s of surnames) if (!bySurface.has(s)) bySurface.set(s, mention);
  }
  return { mentions, bySurface };
}
