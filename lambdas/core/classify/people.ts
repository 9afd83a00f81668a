/**
 * People named in an article, with role and country when the text gives them. Candidates are runs of
 * capitalised words on one line; leading demonyms and titles are peeled off as country and role ("Japanese
 * Prime Minister Fumio Kishida"), appositions add them after the name ("Hun Sen, president of the ruling
 * Cambodian People's Party"). A run counts as a person when a title, a speech verb, an apposition or a later
 * surname-only mention vouches for it, so that places and bodies ("Second Thomas Shoal") stay out.
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
  /** Why the run was taken for a person: a title, speech verb, apposition, or only its shape. */
  readonly evidence: 'title' | 'speech' | 'apposition' | 'possessive' | 'shape';
}

// Title words, matched in sequence before a name; lower-cased multi-word titles are joined by spaces.
const TITLE_WORDS = new Set(
  (
    'former,deputy,vice,acting,interim,first,prime,foreign,defence,defense,trade,finance,interior,economy,health,' +
    'justice,energy,agriculture,education,environment,labour,labor,tourism,transport,home,state,chief,senior,' +
    'minister,ministers,president,presidents,leaders,vice-president,chancellor,premier,secretary,secretary-general,general,gen,' +
    'lt,col,maj,major,brig,admiral,king,queen,crown,prince,princess,emir,sheikh,sultan,pope,ambassador,envoy,' +
    'spokesperson,spokesman,spokeswoman,governor,senator,commissioner,coach,captain,leader,opposition,speaker,' +
    'chairman,chairwoman,director,mr,mrs,ms,dr,judge,justice,prosecutor,public,district,police,army,' +
    'président,présidente,ministre,premier,chancelier,presidente,ministro,ministra,canciller,primer,primeiro,' +
    'primeiro-ministro,chanceler,bundeskanzler,kanzler,ministerpräsident,ministerpräsidenten,außenminister,' +
    'außenministerin,präsident,präsidentin,bundespräsident,regierungschef,staatschef,monsieur,madame,señor,' +
    'counterpart,homologue,homólogo,homóloga,homólogos,amtskollege,amtskollegen,amtskollegin,' +
    'of,for,affairs,and,the,de,des,du,del,la,le,do,da,dos,state'
  ).split(','),
);
// Title words that can close a title ("Foreign Minister", "Secretary of State"): a role must end on one.
const TITLE_HEADS = new Set(
  'minister,ministers,president,presidents,leaders,vice-president,chancellor,premier,secretary,secretary-general,general,gen,king,queen,prince,princess,emir,sheikh,sultan,pope,ambassador,envoy,spokesperson,spokesman,spokeswoman,governor,senator,commissioner,coach,captain,leader,speaker,chairman,chairwoman,director,mr,mrs,ms,dr,judge,prosecutor,président,présidente,ministre,chancelier,presidente,ministro,ministra,canciller,chanceler,bundeskanzler,kanzler,ministerpräsident,ministerpräsidenten,außenminister,außenministerin,präsident,präsidentin,bundespräsident,state,affairs,primeiro-ministro,regierungschef,staatschef,lt,col,maj,major,admiral,crown,counterpart,homologue,homólogo,homóloga,amtskollege,amtskollegen,amtskollegin'.split(
    ',',
  ),
);
// Words that mark a run as a place, body, event or date rather than a person.
const NOT_PERSON =
  /^(?:Ministry|Ministries|Party|Council|Assembly|Union|Nations|Bank|University|Institute|Republic|Kingdom|Department|Court|Airport|Street|Stadium|Summit|Agreement|Treaty|Forces|Force|Sea|Ocean|Island|Islands|Strait|Province|City|State|States|Shoal|Reef|River|Mountains?|Mount|Valley|Desert|Delta|Plateau|Palace|House|Hall|Square|Park|Centre|Center|Museum|Library|Conference|Forum|Games|Cup|League|Tour|Championship|Federation|Association|Committee|Commission|Agency|Authority|Office|Bureau|Service|Services|Police|Army|Navy|Guard|Corps|Group|Company|Corporation|Holdings|Airlines|Motors|Express|Exchange|Index|Fund|Reserve|Movement|Front|Alliance|Coalition|Congress|Senate|Parliament|Government|Cabinet|Administration|Embassy|Consulate|Mission|Station|Bridge|Port|Gulf|Bay|Coast|Peninsula|Region|District|County|Territory|Declaration|Accord|Act|Law|Bill|Day|Week|Year|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Trade|Security|Defence|Defense|Foreign|Affairs|Global|International|National|Central|Federal|Royal|Democratic|Socialist|Liberal|Conservative|Labour|Green|People|People's|Peoples|Christian|Islamic|Muslim|United|World|Asia|Europe|Africa|America|European|Asian|African|Arab|Western|Eastern|Northern|Southern|North|South|East|West|New|Super|Four|Grand|Prix|Open|Street|Road|Avenue|Thomas|Temple|Church|Mosque|Cathedral|Hotel|Tower|Stock|Market|Markets|Dow|Nasdaq|Brent|Covid|Ebola|Hamas|Hezbollah|Taliban|Reuters|Xinhua|Twitter|Facebook)$/;
// Capitalised words that start sentences or headlines without being names.
const FUNCTION_WORDS =
  /^(?:The|A|An|In|On|At|But|And|Or|For|With|After|Before|During|Under|Over|Its|His|Her|Their|This|That|These|Those|It|He|She|They|We|I|As|By|From|To|Of|If|When|While|Since|Although|Though|Despite|According|Meanwhile|However|Also|Both|All|Some|Many|Most|Other|Others|Officials|Analysts|Critics|Police|Earlier|Later|Last|Next|Then|Now|Today|Yesterday|On|Le|La|Les|El|Los|Las|Der|Die|Das|Ein|Eine|Un|Une|Um|Uma|O|Os|As|Em|No|Na|Dans|Pour|Avec|Sur|Mit|Nach|Am|Im|Para|Con|Por|Tras|Según|Seit|Laut)$/;

const NAME_WORD =
  "(?:[\\p{Lu}](?:['’]\\p{Lu})?[\\p{Ll}\\p{M}'’]+(?:-[\\p{Lu}\\p{Ll}][\\p{Ll}\\p{M}]+)*|(?:al|el|bin|ibn|ben|van|von|de|da|du|del|der|den|la|le|dos|das)(?=[- ](?:\\p{Lu}|(?:der|den|la|le|de)[ ]\\p{Lu}))|(?:al|el|ibn)-[\\p{Lu}][\\p{Ll}\\p{M}]+|[\\p{Lu}]{2}(?= \\p{Lu}\\p{Ll})|[IVX]{1,4}(?![\\p{L}])|[\\p{Lu}]\\.)";
// Runs of capitalised words (with particles) on one line; commas and line breaks end a run.
const RUN_RE = new RegExp(`(?<![\\p{L}\\p{N}'’-])${NAME_WORD}(?:[ -]${NAME_WORD})*`, 'gu');
const SPEECH_AFTER =
  /^(?:'s)?,?\s+(?:\w+ )?(?:said|says|told|added|wrote|announced|stressed|noted|warned|declared|insisted|argued|explained|replied|tweeted|posted|dijo|afirmó|declaró|señaló|a déclaré|a affirmé|a indiqué|sagte|erklärte|betonte|disse|afirmou|declarou)\b/u;
const APPOSITION_AFTER =
  /^,\s+(?:the\s+|a\s+|an\s+|who\s+(?:is|was|has|had|heads|leads|chairs)\s+)?((?:\p{Ll}[\p{L}-]*\s+){0,3}(?:president|prime minister|minister|chancellor|ambassador|envoy|secretary|leader|chairman|head|spokesman|spokeswoman|spokesperson|king|queen|emir|governor|general|commander|director|chief|adviser|advisor|researcher|analyst|captain|coach|founder|official|diplomat|premier|mayor|judge|prosecutor|lawyer|candidate|professor|economist|striker|forward|midfielder|batsman|bowler|player|actor|singer|champion)\b[^,.;]{0,70})/u;
const AGE_AFTER = /^,\s+\d{2},/;

interface Run {
  readonly start: number;
  readonly end: number;
  readonly words: readonly { text: string; start: number; end: number }[];
}

function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  for (const m of text.matchAll(RUN_RE)) {
    const start = m.index ?? 0;
    const words: { text: string; start: number; end: number }[] = [];
    for (const w of m[0].matchAll(/[^ ]+/g)) {
      words.push({ text: w[0], start: start + (w.index ?? 0), end: start + (w.index ?? 0) + w[0].length });
    }
    runs.push({ start, end: start + m[0].length, words });
  }
  return runs;
}

/**
 * "European Commission President Ursula von der Leyen": a body's name, a title, then a name in one run. The
 * person starts at the title that follows the last word of the body's name.
 */
function afterBodyName(run: Run): Run {
  const words = run.words;
  const lastBodyWord = words.findLastIndex((w) => NOT_PERSON.test(w.text));
  if (lastBodyWord < 0 || lastBodyWord >= words.length - 2) return run;
  const title = words[lastBodyWord + 1] as { text: string; start: number };
  if (!TITLE_WORDS.has(title.text.toLowerCase())) return run;
  return { start: title.start, end: run.end, words: words.slice(lastBodyWord + 1) };
}

/** Finds people by titles, appositions, possessive country forms, speech verbs and surname re-mentions. */
export function findPeople(
  text: string,
  countryHits: readonly CountryHit[],
  reserved: (start: number, end: number) => boolean,
): PersonHit[] {
  const hits: PersonHit[] = [];
  // Binary search over the hits (sorted by start): this runs for every capitalised word.
  const countryAt = (start: number, end: number): CountryHit | undefined => {
    let lo = 0;
    let hi = countryHits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((countryHits[mid] as CountryHit).end <= start) lo = mid + 1;
      else hi = mid;
    }
    const h = countryHits[lo];
    return h && h.start < end && h.end > start ? h : undefined;
  };
  let lastPersonEnd = -10;
  // Lower-case title words before a run: "the Russian foreign minister, Sergei Lavrov" / "le président Emmanuel Macron".
  const titleBefore = (pos: number): { role?: string; country?: string } => {
    const before = text.slice(Math.max(0, pos - 60), pos);
    const m = /((?:[\p{L}-]+ ){0,4})$/u.exec(before.replace(/,\s*$/, ' '));
    const words = (m?.[1] ?? '').trim().split(/\s+/).filter(Boolean);
    const roleWords: string[] = [];
    let country: string | undefined;
    for (let i = words.length - 1; i >= 0; i--) {
      const w = words[i] as string;
      const lw = w.toLowerCase();
      if (TITLE_WORDS.has(lw) && lw !== 'the' && lw !== 'and') {
        roleWords.unshift(lw);
        continue;
      }
      const abs = pos - before.length + before.lastIndexOf(w);
      const c = countryAt(abs, abs + w.length);
      // "Japanese Prime Minister X" (country before the title) or "le président ukrainien X" (after it).
      if (c && (roleWords.length > 0 || i === words.length - 1)) {
        country = c.code;
        continue;
      }
      break;
    }
    while (roleWords.length && !TITLE_HEADS.has(roleWords[roleWords.length - 1] as string)) roleWords.pop();
    while (
      roleWords.length &&
      /^(?:of|for|and|the|de|des|du|del|la|le|do|da|dos)$/.test(roleWords[0] as string)
    )
      roleWords.shift();
    return { ...(roleWords.length ? { role: roleWords.join(' ') } : {}), ...(country ? { country } : {}) };
  };
  for (const whole of runsOf(text)) {
    const run = afterBodyName(whole);
    // Peel leading demonyms/countries and title words: "Japanese Prime Minister Fumio Kishida".
    let i = 0;
    let country: string | undefined;
    const roleWords: string[] = [];
    let possessive = false;
    while (i < run.words.length) {
      const w = run.words[i] as { text: string; start: number; end: number };
      const c = countryAt(w.start, w.end);
      if (c) {
        country = c.code;
        possessive ||= /['’]s$/.test(w.text);
        i++;
        continue;
      }
      if (TITLE_WORDS.has(w.text.toLowerCase()) && !/^(?:De|Da|La|Le|Del|Do|Dos)$/.test(w.text)) {
        roleWords.push(w.text.toLowerCase());
        i++;
        continue;
      }
      break;
    }
    if (i > 0 && roleWords.length === 0 && !possessive) country = undefined; // "Chinese Foreign" etc. handled above
    let nameWords = run.words.slice(i);
    // Trailing particles and possessives are not part of the name.
    while (
      nameWords.length &&
      /^(?:al|el|bin|ibn|ben|van|von|de|da|du|del|der|la|le|dos|das)$/.test(
        nameWords[nameWords.length - 1]?.text ?? '',
      )
    )
      nameWords = nameWords.slice(0, -1);
    if (nameWords.length === 0) continue;
    let possessiveName = false;
    const lastWord = nameWords[nameWords.length - 1] as { text: string; start: number; end: number };
    if (/['’]s$/.test(lastWord.text)) possessiveName = true;
    const clean = nameWords.map((w) => w.text.replace(/['’]s$/, ''));
    if (clean.some((w) => NOT_PERSON.test(w)) || FUNCTION_WORDS.test(clean[0] as string)) continue;
    const start = (nameWords[0] as { start: number }).start;
    const end = lastWord.end - (possessiveName ? 2 : 0);
    if (countryAt(start, end) || reserved(start, end)) continue;
    const name = clean.join(' ');
    const after = text.slice(end, end + 120);
    const apposition = APPOSITION_AFTER.exec(after);
    // Words before the run ("his Italian counterpart", "ihrem chinesischen Amtskollegen") give a role and a
    // country whether or not a title word inside the run was peeled off.
    const before = titleBefore(run.start);
    const role = roleWords.length ? roleWords.join(' ') : (before.role ?? apposition?.[1]?.trim());
    let who = country ?? before.country;
    if (!who && apposition?.[1])
      who = countryHits.find((h) => h.start >= end && h.end <= end + (apposition[0]?.length ?? 0))?.code;
    if (possessive && !who) who = country;
    // "Presidents Félix Tshisekedi and Paul Kagame": a name coordinated with a person is one too.
    const coordinated =
      /^(?:,| and| et| y| e| und)\s+$/.test(text.slice(lastPersonEnd, start)) && clean.length > 1;
    const evidence: PersonHit['evidence'] =
      roleWords.length || before.role || coordinated
        ? 'title'
        : apposition
          ? 'apposition'
          : SPEECH_AFTER.test(after) || AGE_AFTER.test(after)
            ? 'speech'
            : possessive
              ? 'possessive'
              : 'shape';
    hits.push({
      name,
      ...(role ? { role: role.replace(/\s+/g, ' ') } : {}),
      ...(who ? { country: who } : {}),
      start,
      end,
      evidence,
    });
    if (evidence !== 'shape') lastPersonEnd = end;
  }
  return hits;
}

/** Merges hits for the same person (full name and surname), keeping the richest role and country. */
export function peopleMentions(
  hits: readonly PersonHit[],
  text: string,
): { mentions: PersonMention[]; bySurface: Map<string, PersonMention> } {
  interface Person {
    name: string;
    role?: string;
    country?: string;
    first: number;
    count: number;
    vouched: boolean;
  }
  const people: Person[] = [];
  const sorted = [...hits].sort(
    (a, b) => b.name.split(' ').length - a.name.split(' ').length || a.start - b.start,
  );
  for (const h of sorted) {
    const words = h.name.split(' ');
    const same = people.find(
      (p) =>
        p.name === h.name ||
        (words.length === 1 && p.name.split(' ').includes(h.name)) ||
        // "Von der Leyen" at the start of a sentence is "Ursula von der Leyen".
        p.name.toLowerCase().endsWith(` ${h.name.toLowerCase()}`),
    );
    if (same) {
      same.role ??= h.role;
      same.country ??= h.country;
      same.first = Math.min(same.first, h.start);
      same.count++;
      // A later mention by surname alone, or with a title or speech verb, vouches for the full name.
      if (h.evidence !== 'shape' || words.length < same.name.split(' ').length) same.vouched = true;
      continue;
    }
    if (words.length === 1 || words.length > 5) continue; // a lone capitalised word does not name a new person
    people.push({
      name: h.name,
      ...(h.role ? { role: h.role } : {}),
      ...(h.country ? { country: h.country } : {}),
      first: h.start,
      count: 1,
      vouched: h.evidence !== 'shape',
    });
  }
  const bySurface = new Map<string, PersonMention>();
  const mentions: PersonMention[] = [];
  for (const p of people.filter((x) => x.vouched).sort((a, b) => a.first - b.first)) {
    const parts = p.name.split(' ');
    const mention: PersonMention = {
      name: p.name,
      ...(p.role ? { role: p.role } : {}),
      ...(p.country ? { country: p.country } : {}),
      count: p.count,
    };
    mentions.push(mention);
    const keys = new Set([p.name, parts[parts.length - 1] as string]);
    // East Asian and Khmer names put the family name first ("Hun Sen", "Xi Jinping").
    if (parts.length === 2) keys.add(parts[0] as string);
    // Portuguese and Spanish short names sit before the particle: "Luiz Inácio Lula da Silva" is "Lula".
    const particle = parts.findIndex((w, i) => i > 0 && /^(?:da|do|dos|das|de)$/.test(w));
    if (particle > 1) keys.add(parts[particle - 1] as string);
    for (const k of keys) if (!bySurface.has(k)) bySurface.set(k, mention);
  }
  void text;
  return { mentions, bySurface };
}
