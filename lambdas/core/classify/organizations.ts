/**
 * Organisations named in an article: intergovernmental bodies from a gazetteer (with acronyms and their names
 * in five languages, so "ONU" and "Vereinte Nationen" are the UN), and parties, central banks, companies,
 * sports bodies and the like from the shape of their names ("... Party", "Bank of ...", "... Federation").
 */
import type { OrganizationMention } from '../model';
import { fold } from './text';

/** An intergovernmental body: the code used in dyads, its canonical name, its acronyms and other names. */
export interface IgoEntry {
  readonly code: string;
  readonly name: string;
  readonly acronyms: readonly string[];
  readonly names: readonly string[];
  /** The code of the body it belongs to (the Security Council belongs to the UN). */
  readonly parent?: string;
}

/** Intergovernmental bodies → dyad code; organs carry their parent's code, so "the Security Council" makes a `...-UN` dyad. */
export const IGOS: readonly IgoEntry[] = [
  {
    code: 'UN',
    name: 'United Nations',
    acronyms: ['UN', 'U.N.', 'ONU', 'UNO'],
    names: ['United Nations', 'Nations unies', 'Naciones Unidas', 'Vereinte Nationen', 'Nações Unidas'],
  },
  {
    code: 'UN',
    name: 'United Nations Security Council',
    acronyms: ['UNSC'],
    names: [
      'UN Security Council',
      'U.N. Security Council',
      'United Nations Security Council',
      'Security Council',
      'Conseil de sécurité',
      'Consejo de Seguridad',
      'Sicherheitsrat',
      'Conselho de Segurança',
    ],
    parent: 'UN',
  },
  {
    code: 'UN',
    name: 'United Nations General Assembly',
    acronyms: ['UNGA'],
    names: [
      'UN General Assembly',
      'U.N. General Assembly',
      'United Nations General Assembly',
      'General Assembly',
      'Assemblée générale',
      'Asamblea General',
      'Generalversammlung',
      'Assembleia Geral',
    ],
    parent: 'UN',
  },
  {
    code: 'UN',
    name: 'United Nations Human Rights Council',
    acronyms: ['UNHRC'],
    names: ['Human Rights Council', 'UN Human Rights Council'],
    parent: 'UN',
  },
  { code: 'UN', name: 'UNESCO', acronyms: ['UNESCO'], names: [], parent: 'UN' },
  { code: 'UN', name: 'UNICEF', acronyms: ['UNICEF'], names: [], parent: 'UN' },
  { code: 'UN', name: 'UNHCR', acronyms: ['UNHCR'], names: ['UN refugee agency'], parent: 'UN' },
  {
    code: 'UN',
    name: 'World Food Programme',
    acronyms: ['WFP'],
    names: ['World Food Programme', 'World Food Program'],
    parent: 'UN',
  },
  { code: 'UN', name: 'MINUSMA', acronyms: ['MINUSMA'], names: [], parent: 'UN' },
  {
    code: 'WHO',
    name: 'World Health Organization',
    acronyms: ['WHO', 'OMS'],
    names: [
      'World Health Organization',
      'World Health Organisation',
      'Organisation mondiale de la santé',
      'Organización Mundial de la Salud',
      'Weltgesundheitsorganisation',
    ],
  },
  {
    code: 'IAEA',
    name: 'International Atomic Energy Agency',
    acronyms: ['IAEA', 'AIEA', 'OIEA'],
    names: ['International Atomic Energy Agency'],
  },
  {
    code: 'ICJ',
    name: 'International Court of Justice',
    acronyms: ['ICJ', 'CIJ'],
    names: [
      'International Court of Justice',
      'World Court',
      'Cour internationale de justice',
      'Corte Internacional de Justicia',
    ],
  },
  {
    code: 'ICC',
    name: 'International Criminal Court',
    acronyms: ['ICC', 'CPI'],
    names: [
      'International Criminal Court',
      'Cour pénale internationale',
      'Corte Penal Internacional',
      'Internationaler Strafgerichtshof',
    ],
  },
  {
    code: 'IMF',
    name: 'International Monetary Fund',
    acronyms: ['IMF', 'FMI', 'IWF'],
    names: ['International Monetary Fund', 'Fonds monétaire international', 'Fondo Monetario Internacional'],
  },
  {
    code: 'WB',
    name: 'World Bank',
    acronyms: [],
    names: ['World Bank', 'Banque mondiale', 'Banco Mundial', 'Weltbank'],
  },
  {
    code: 'WTO',
    name: 'World Trade Organization',
    acronyms: ['WTO', 'OMC'],
    names: ['World Trade Organization', 'World Trade Organisation', 'Organisation mondiale du commerce'],
  },
  {
    code: 'EU',
    name: 'European Union',
    acronyms: ['EU', 'E.U.', 'UE'],
    names: ['European Union', 'Union européenne', 'Unión Europea', 'Europäische Union', 'União Europeia'],
  },
  {
    code: 'EU',
    name: 'European Commission',
    acronyms: [],
    names: [
      'European Commission',
      'Commission européenne',
      'Comisión Europea',
      'EU-Kommission',
      'Europäische Kommission',
      'Comissão Europeia',
    ],
    parent: 'EU',
  },
  {
    code: 'EU',
    name: 'European Council',
    acronyms: [],
    names: ['European Council', 'Conseil européen', 'Consejo Europeo'],
    parent: 'EU',
  },
  {
    code: 'EU',
    name: 'European Parliament',
    acronyms: [],
    names: [
      'European Parliament',
      'Parlement européen',
      'Parlamento Europeo',
      'Europäisches Parlament',
      'Parlamento Europeu',
    ],
    parent: 'EU',
  },
  {
    code: 'COE',
    name: 'Council of Europe',
    acronyms: [],
    names: ['Council of Europe', 'Conseil de l’Europe', "Conseil de l'Europe"],
  },
  {
    code: 'ASEAN',
    name: 'ASEAN',
    acronyms: ['ASEAN', 'ASEÁN'],
    names: ['Association of Southeast Asian Nations', 'Association of South-East Asian Nations'],
  },
  {
    code: 'AU',
    name: 'African Union',
    acronyms: ['AU', 'UA'],
    names: ['African Union', 'Union africaine', 'Unión Africana', 'Afrikanische Union', 'União Africana'],
  },
  {
    code: 'AU',
    name: 'African Union Peace and Security Council',
    acronyms: [],
    names: ['Peace and Security Council'],
    parent: 'AU',
  },
  {
    code: 'NATO',
    name: 'NATO',
    acronyms: ['NATO', 'OTAN'],
    names: ['North Atlantic Treaty Organization', 'North Atlantic Treaty Organisation'],
  },
  { code: 'BRICS', name: 'BRICS', acronyms: ['BRICS'], names: [] },
  { code: 'G7', name: 'G7', acronyms: ['G7', 'G-7', 'G8'], names: ['Group of Seven', 'Groupe des Sept'] },
  {
    code: 'G20',
    name: 'G20',
    acronyms: ['G20', 'G-20'],
    names: ['Group of 20', 'Group of Twenty', 'Groupe des vingt'],
  },
  {
    code: 'OSCE',
    name: 'OSCE',
    acronyms: ['OSCE', 'OSZE'],
    names: [
      'Organization for Security and Co-operation in Europe',
      'Organisation for Security and Co-operation in Europe',
    ],
  },
  {
    code: 'OAS',
    name: 'Organization of American States',
    acronyms: ['OAS', 'OEA'],
    names: [
      'Organization of American States',
      'Organisation of American States',
      'Organización de los Estados Americanos',
    ],
  },
  {
    code: 'CELAC',
    name: 'CELAC',
    acronyms: ['CELAC'],
    names: ['Community of Latin American and Caribbean States'],
  },
  { code: 'CARICOM', name: 'CARICOM', acronyms: ['CARICOM'], names: ['Caribbean Community'] },
  { code: 'APEC', name: 'APEC', acronyms: ['APEC'], names: ['Asia-Pacific Economic Cooperation'] },
  {
    code: 'SCO',
    name: 'Shanghai Cooperation Organisation',
    acronyms: ['SCO', 'OCS'],
    names: ['Shanghai Cooperation Organisation', 'Shanghai Cooperation Organization'],
  },
  { code: 'GCC', name: 'Gulf Cooperation Council', acronyms: ['GCC'], names: ['Gulf Cooperation Council'] },
  {
    code: 'ARL',
    name: 'Arab League',
    acronyms: [],
    names: ['Arab League', 'League of Arab States', 'Ligue arabe', 'Liga Árabe', 'Arabische Liga'],
  },
  {
    code: 'OIC',
    name: 'Organisation of Islamic Cooperation',
    acronyms: ['OIC'],
    names: ['Organisation of Islamic Cooperation', 'Organization of Islamic Cooperation'],
  },
  {
    code: 'ECOWAS',
    name: 'ECOWAS',
    acronyms: ['ECOWAS', 'CEDEAO'],
    names: ['Economic Community of West African States'],
  },
  { code: 'SADC', name: 'SADC', acronyms: ['SADC'], names: ['Southern African Development Community'] },
  { code: 'EAC', name: 'East African Community', acronyms: ['EAC'], names: ['East African Community'] },
  { code: 'MERCOSUR', name: 'Mercosur', acronyms: ['MERCOSUR', 'MERCOSUL'], names: ['Mercosur', 'Mercosul'] },
  {
    code: 'OPEC',
    name: 'OPEC',
    acronyms: ['OPEC', 'OPEP'],
    names: ['Organization of the Petroleum Exporting Countries'],
  },
  {
    code: 'OECD',
    name: 'OECD',
    acronyms: ['OECD', 'OCDE'],
    names: ['Organisation for Economic Co-operation and Development'],
  },
  { code: 'PIF', name: 'Pacific Islands Forum', acronyms: ['PIF'], names: ['Pacific Islands Forum'] },
  { code: 'COMMONWEALTH', name: 'Commonwealth of Nations', acronyms: [], names: ['Commonwealth of Nations'] },
  { code: 'INTERPOL', name: 'Interpol', acronyms: ['INTERPOL'], names: ['Interpol'] },
  { code: 'QUAD', name: 'Quad', acronyms: [], names: ['Quadrilateral Security Dialogue'] },
];

/** A body found in the text, with its position. */
export interface OrgHit {
  readonly name: string;
  readonly acronym?: string;
  readonly type: string;
  readonly igo?: string;
  readonly start: number;
  readonly end: number;
}

const IGO_LOOKUP = new Map<string, IgoEntry>();
const IGO_ACRONYMS = new Map<string, IgoEntry>();
for (const e of IGOS) {
  for (const n of e.names) IGO_LOOKUP.set(fold(n), e);
  IGO_LOOKUP.set(fold(e.name), e);
  for (const a of e.acronyms) IGO_ACRONYMS.set(a.replace(/\./g, ''), e);
}
const IGO_NAME_RE = new RegExp(
  `(?<![\\p{L}])(?:${[...new Set(IGOS.flatMap((e) => [e.name, ...e.names]))]
    .sort((a, b) => b.length - a.length)
    .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]"))
    .join('|')})(?![\\p{L}])`,
  'giu',
);
const ACRONYM_RE = /(?<![\p{L}\p{N}.])(?:[A-Z]\.){2,}|(?<![\p{L}\p{N}])[A-Z][A-Z0-9-]{1,8}(?![\p{L}\p{N}])/gu;

// Head words that end the name of a kind of body, with the type they give.
const HEADS: readonly [RegExp, string][] = [
  [/(?:Party|Parti|Partido|Partei|Partij|Congress|Front|Movement|Alliance|Contract)$/, 'party'],
  [
    /(?:Central Bank|Reserve Bank|National Bank|People's Bank|Federal Reserve|Banco de|Banque de|Bank of|Bundesbank)\b/u,
    'central-bank',
  ],
  [/(?:Federation|Association|Committee|Confederation|FC|CF|League|Liga)$/, 'sports-body'],
  [
    /(?:University|Institute|College|Academy|Centre|Center|Library|Museum|School)(?: (?:of|for) .*| \d+| [\p{Lu}]\S*)?$/u,
    'other',
  ],
  [
    /(?:Inc|Corp|Corporation|Group|Holdings|Airlines|Airways|Pharma|Retail|Express|Entertainment|Motors|Electric|Energy|Acquisition|Aeronautics|Oil|Petroleum|Telecom|Bank|Exchange|de Valores|Aramco)$/,
    'company',
  ],
  [
    /(?:Organization|Organisation|Fund|Agency|Programme|Commission|Forces|Society|Red Cross|Red Crescent|Council|Assembly|Rights)$/,
    'ngo',
  ],
];
// Well-known bodies whose names carry no head word.
const KNOWN: readonly [RegExp, string, string][] = [
  [/\b(?:Hamas)\b/, 'Hamas', 'other'],
  [/\b(?:Hezbollah)\b/, 'Hezbollah', 'other'],
  [/\b(?:Taliban)\b/, 'Taliban', 'other'],
  [/\bMuslim Brotherhood\b/, 'Muslim Brotherhood', 'other'],
  [/\bHouthis?\b/, 'Houthi movement', 'other'],
  [/\bM23\b/, 'M23', 'other'],
  [/\bFIFA\b/, 'FIFA', 'sports-body'],
  [/\bUEFA\b/, 'UEFA', 'sports-body'],
  [/\bFIDE\b/, 'FIDE', 'sports-body'],
  [/\bInternational Olympic Committee\b|\bIOC\b/, 'International Olympic Committee', 'sports-body'],
  [/\bNasdaq\b/, 'Nasdaq', 'company'],
  [/\bNew York Stock Exchange\b|\bNYSE\b/, 'New York Stock Exchange', 'company'],
  [/\bLa Liga\b/, 'La Liga', 'sports-body'],
  [/\bMédecins Sans Frontières\b|\bDoctors Without Borders\b/, 'Médecins Sans Frontières', 'ngo'],
  [/\bAmnesty International\b/, 'Amnesty International', 'ngo'],
  [/\bHuman Rights Watch\b/, 'Human Rights Watch', 'ngo'],
];
const CONNECTOR = '(?:of|for|and|the|de|des|du|la|del|do|da|dos|für|der|&)';
// Runs of capitalised words joined by connectors, on one line and within one sentence.
const CAP_SEQ = new RegExp(
  `(?<![\\p{L}])[\\p{Lu}\\p{N}][\\p{L}\\p{N}’'-]*(?: (?:${CONNECTOR} )*[\\p{Lu}\\p{N}][\\p{L}\\p{N}’'-]*)*`,
  'gu',
);
const SPORT_WORDS =
  /(?:Football|Soccer|Cricket|Tennis|Olympic|Athletic|Rugby|Basketball|Cycling|Chess|FIFA|UEFA|FC|CF|Liga|League)/;
// Person titles inside a run end the body's name: "Reserve Bank of India Governor Shaktikanta Das".
const TITLE_CUT =
  / (?:Governor|President|Chairman|Chairwoman|Chief|CEO|Minister|Secretary|Director|Spokesman|Spokeswoman|Head|Leader)\b.*$/;

function headType(name: string): string | undefined {
  for (const [re, type] of HEADS) if (re.test(name)) return type;
  return undefined;
}

/** The bodies a run of capitalised words names, after trimming possessors, people and conjunctions. */
function bodiesInRun(raw: string): { name: string; offset: number; type: string }[] {
  let name = raw;
  let offset = 0;
  const cut = (re: RegExp) => {
    const m = re.exec(name);
    if (m) {
      offset += m[0].length;
      name = name.slice(m[0].length);
    }
  };
  // "Cambodia's Royal University ...", "Prime Minister Prayuth Chan-ocha's United Thai Nation Party".
  // "People's" belongs to names ("Cambodian People's Party"); other possessives name an owner.
  const poss = [...name.matchAll(/(\S+)['’]s /g)].filter((m) => m[1] !== 'People').pop();
  if (poss) {
    const cutAt = (poss.index ?? 0) + poss[0].length;
    offset += cutAt;
    name = name.slice(cutAt);
  }
  cut(/^(?:(?:The|the|of|for|and|La|El|Le|Les|Los|Las|Die|Der|Das|O|A) )+/);
  name = name.replace(TITLE_CUT, '');
  if (name.split(' ').length < 2 && !/^[A-Z0-9]{2,}/.test(name)) return [];
  // Two bodies joined by "and": keep both when each has a head of its own.
  const parts = name.split(/ and (?:the )?/);
  if (parts.length > 1 && parts.every((p) => headType(p) && p.split(' ').length >= 2)) {
    const out: { name: string; offset: number; type: string }[] = [];
    let at = offset;
    for (const p of parts) {
      const idx = raw.indexOf(p, at);
      out.push({ name: p, offset: idx, type: headType(p) as string });
      at = idx + p.length;
    }
    return out;
  }
  // "Peter Obi of the Labour Party": a person before "of" is not part of the body.
  const of = / of (?:the )?/.exec(name);
  if (of && !headType(name.slice(0, of.index)) && headType(name.slice(of.index + of[0].length))) {
    const rest = name.slice(of.index + of[0].length);
    if (
      !/^(?:Republic|Kingdom|State|Union|United)\b/.test(rest) &&
      /^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+$/u.test(name.slice(0, of.index))
    ) {
      offset += of.index + of[0].length;
      name = rest;
    }
  }
  const type = headType(name);
  if (!type || name.split(' ').length < 2) return [];
  return [{ name, offset, type }];
}

/** Finds IGOs by name and acronym, and other bodies by the shape of their names; `context` (the whole article) decides ambiguous names in a sentence. */
export function findOrganizations(text: string, context: string = text): OrgHit[] {
  const hits: OrgHit[] = [];
  const taken: [number, number][] = [];
  const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && e > a);
  for (const m of text.matchAll(IGO_NAME_RE)) {
    const e = IGO_LOOKUP.get(fold(m[0]));
    const start = m.index ?? 0;
    if (!e || overlaps(start, start + m[0].length)) continue;
    // "General Assembly" of a party or a company is not the UN's.
    if (
      (e.name === 'United Nations General Assembly' || e.name === 'United Nations Security Council') &&
      !/\b(?:U\.?N\.?|United Nations|ONU|Nations unies|Naciones Unidas)\b/.test(context)
    )
      continue;
    if (e.name === 'African Union Peace and Security Council' && !/African Union|\bAU\b/.test(context))
      continue;
    hits.push({
      name: e.name,
      acronym: e.acronyms[0],
      type: 'igo',
      igo: e.code,
      start,
      end: start + m[0].length,
    });
    taken.push([start, start + m[0].length]);
  }
  for (const m of text.matchAll(ACRONYM_RE)) {
    const start = m.index ?? 0;
    const key = m[0].replace(/\./g, '');
    const e = IGO_ACRONYMS.get(key);
    if (!e || overlaps(start, start + m[0].length)) continue;
    if (
      key === 'WHO' &&
      !/World Health|\bWHO\b(?:'s)?\s+(?:said|says|chief|director|declared|has|warned)|the WHO\b/.test(
        context,
      )
    )
      continue;
    if (key === 'AU' && !/African Union/.test(context)) continue;
    if (key === 'UA' && !/Union africaine|Unión Africana|União Africana/.test(context)) continue;
    const end = start + m[0].length;
    // "U.N. Security Council" was already taken above; a bare "U.N." adds the UN.
    hits.push({ name: e.parent ? e.name : e.name, acronym: key, type: 'igo', igo: e.code, start, end });
    taken.push([start, end]);
  }
  for (const [re, name, type] of KNOWN) {
    const m = re.exec(text);
    if (m && !overlaps(m.index, m.index + m[0].length)) {
      hits.push({ name, type, start: m.index, end: m.index + m[0].length });
      taken.push([m.index, m.index + m[0].length]);
    }
  }
  for (const m of text.matchAll(CAP_SEQ)) {
    for (const body of bodiesInRun(m[0])) {
      const start = (m.index ?? 0) + body.offset;
      const end = start + body.name.length;
      if (overlaps(start, end)) continue;
      // Ministries and state organs are not listed (they show up through actors and countries).
      if (
        /^(?:Foreign|Finance|Defence|Defense|Interior|Justice|National Assembly|State|Security)\b/.test(
          body.name,
        ) &&
        body.type !== 'party'
      )
        continue;
      const kind = body.type === 'sports-body' && !SPORT_WORDS.test(body.name) ? 'other' : body.type;
      hits.push({ name: body.name, type: kind, start, end });
      taken.push([start, end]);
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** Groups organisation hits into mentions with counts, acronyms folded into their full names. */
export function organizationMentions(hits: readonly OrgHit[], text: string): OrganizationMention[] {
  const out = new Map<string, { name: string; acronym?: string; type: string; count: number }>();
  for (const h of hits) {
    let key = h.name;
    // A party named in full ("Cambodian People's Party") and later by its initials (CPP).
    const m = out.get(key);
    if (m) m.count++;
    else out.set(key, { name: h.name, acronym: h.acronym, type: h.type, count: 1 });
    key = '';
  }
  // Acronyms in parentheses after a name: "Cambodian People's Party (CPP)".
  for (const m of text.matchAll(/([\p{Lu}][\p{L}’' -]+?)\s+\(([A-Z]{2,8})\)/gu)) {
    const name = (m[1] ?? '').trim();
    for (const v of out.values()) if (name.endsWith(v.name) && !v.acronym) v.acronym = m[2];
  }
  for (const v of out.values()) {
    if (v.type !== 'igo' && !v.acronym) {
      // Initials written without an explicit definition: "the CPP" after "Cambodian People's Party".
      const initials = v.name
        .split(/\s+/)
        .filter((w) => /^\p{Lu}/u.test(w))
        .map((w) => w[0])
        .join('');
      if (initials.length >= 2 && new RegExp(`\\b${initials}\\b`).test(text)) v.acronym = initials;
    }
    if (v.acronym && v.type !== 'igo') {
      const re = new RegExp(`\\b${v.acronym}\\b`, 'g');
      v.count += (text.match(re) ?? []).length;
    }
  }
  return [...out.values()].map((v) => ({
    name: v.name,
    ...(v.acronym ? { acronym: v.acronym } : {}),
    type: v.type,
    count: v.count,
  }));
}
