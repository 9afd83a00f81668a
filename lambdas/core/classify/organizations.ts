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

// Body → dyad code. Organs carry their parent's code so that "the Security Council" makes a `...-UN` dyad.
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
  [/(?:Party|Parti|Partido|Partei|Congress|Front|Movement|Alliance|League)$/, 'party'],
  [/(?:Central Bank|Reserve Bank|National Bank|Federal Reserve|Bank of [\p{Lu}][\p{L}]+)/u, 'central-bank'],
  [/(?:Federation|Association|Committee|Confederation|FC|CF|League|Council)$/, 'sports-body'],
  [/(?:University|Institute|College|Academy|Centre|Center|Library|Museum)(?: [\p{Lu}].*)?$/u, 'other'],
  [
    /(?:Inc|Corp|Corporation|Group|Holdings|Airlines|Airways|Pharma|Retail|Express|Entertainment|Motors|Electric|Energy|Acquisition|Aeronautics|Oil|Petroleum|Telecom)$/,
    'company',
  ],
  [
    /(?:Organization|Organisation|Fund|Agency|Programme|Commission|Forces|Society|Red Cross|Red Crescent)$/,
    'ngo',
  ],
];
const CAP_SEQ =
  /(?<![\p{L}])(?:[\p{Lu}][\p{L}’'-]*|of|for|and|the|de|des|du|la|del)(?:\s+(?:[\p{Lu}][\p{L}’'-]*\.?|of|for|and|the|de|des|du|la|del|\d+))*(?:\s+[\p{Lu}][\p{L}’'-]*)/gu;
const SPORT_WORDS =
  /(?:football|soccer|cricket|tennis|olympic|athletic|rugby|basketball|cycling|chess|Football|Cricket|Olympic|FIFA|UEFA)/;

/** Finds IGOs by name and acronym, and other bodies by the shape of their names. */
export function findOrganizations(text: string): OrgHit[] {
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
      !/\b(?:U\.?N\.?|United Nations|ONU|Nations unies|Naciones Unidas)\b/.test(text)
    )
      continue;
    if (e.name === 'African Union Peace and Security Council' && !/African Union|\bAU\b/.test(text)) continue;
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
      !/World Health|\bWHO\b(?:'s)?\s+(?:said|says|chief|director|declared|has|warned)|the WHO\b/.test(text)
    )
      continue;
    if (key === 'AU' && !/African Union/.test(text)) continue;
    if (key === 'UA' && !/Union africaine|Unión Africana|União Africana/.test(text)) continue;
    const end = start + m[0].length;
    // "U.N. Security Council" was already taken above; a bare "U.N." adds the UN.
    hits.push({ name: e.parent ? e.name : e.name, acronym: key, type: 'igo', igo: e.code, start, end });
    taken.push([start, end]);
  }
  for (const m of text.matchAll(CAP_SEQ)) {
    const raw = m[0].replace(/^(?:The|the|of|for|and|de|des|du|la|del)\s+/, '');
    const start = (m.index ?? 0) + (m[0].length - raw.length);
    const end = start + raw.length;
    if (overlaps(start, end) || raw.split(/\s+/).length < 2) continue;
    for (const [re, type] of HEADS) {
      if (!re.test(raw)) continue;
      if (
        /^(?:Foreign|Finance|Defence|Defense|Interior|Justice|National Assembly|State|Security)\b/.test(
          raw,
        ) &&
        type !== 'party'
      )
        break;
      const kind =
        type === 'sports-body' && !SPORT_WORDS.test(raw) && !/(?:FC|CF)$/.test(raw)
          ? /(?:Council)$/.test(raw)
            ? 'other'
            : 'other'
          : type;
      hits.push({ name: raw.replace(/\s+/g, ' '), type: kind, start, end });
      taken.push([start, end]);
      break;
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
