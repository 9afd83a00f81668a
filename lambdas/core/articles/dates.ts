/**
 * Publication and modification dates of an article page. Sources are tried from the most to the least
 * trustworthy: JSON-LD, Open Graph / article / Dublin Core meta tags, microdata, `<time>` elements, dated
 * elements whose class says they hold the date, the URL, and finally the feed's own date. Times keep the
 * page's time zone when it states one; the local day as printed is kept too, because that is the day a
 * reader (and htmldate's labels) call the publication day.
 */
import {
  classOf,
  type DomDocument,
  type DomElement,
  type DomNode,
  firstByTag,
  linkHref,
  pageIndex,
  tagOf,
  walkElements,
} from './dom';
import { isArticleNode, type JsonLdNode } from './json-ld';

/** A date read from a page: the instant in UTC and the calendar day as the page wrote it. */
export interface PageDate {
  /** ISO 8601 UTC. */
  readonly iso: string;
  /** YYYY-MM-DD in the page's own time zone (or as written). */
  readonly day: string;
  /** Where it came from, for evaluation reports. */
  readonly source: string;
  /** True when the page gave the time in UTC, so `day` may not be the newsroom's local day. */
  readonly utcOnly?: boolean;
}

const MIN_YEAR = 1995;
const MAX_YEAR = 2100;

// Month names in the languages of the news the pipeline reads, lower case, accents kept; genitive forms for
// Slavic languages. Index = month number.
const MONTHS: Record<string, number> = {};
const MONTH_LISTS: string[] = [
  'january february march april may june july august september october november december',
  'jan feb mar apr may jun jul aug sep oct nov dec',
  'sept',
  'janvier février mars avril mai juin juillet août septembre octobre novembre décembre',
  'janv févr fevrier avr juil aout sept oct nov déc decembre',
  'januar februar märz april mai juni juli august september oktober november dezember',
  'jänner maerz okt dez',
  'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre',
  'ene feb mar abr may jun jul ago sep oct nov dic setiembre',
  'gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre',
  'janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro',
  'januari februari maart april mei juni juli augustus september oktober november december',
  'januari februari mars april maj juni juli augusti september oktober november december',
  'januar februar marts april maj juni juli august september oktober november december',
  'januar februar mars april mai juni juli august september oktober november desember',
  'stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia',
  'styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik listopad grudzień',
  'января февраля марта апреля мая июня июля августа сентября октября ноября декабря',
  'январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь',
  'січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня',
  'січень лютий березень квітень травень червень липень серпень вересень жовтень листопад грудень',
  'ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık',
  'ledna února března dubna května června července srpna září října listopadu prosince',
  'január február március április május június július augusztus szeptember október november december',
  'ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie decembrie',
  'tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta elokuuta syyskuuta lokakuuta marraskuuta joulukuuta',
  'ιανουαρίου φεβρουαρίου μαρτίου απριλίου μαΐου ιουνίου ιουλίου αυγούστου σεπτεμβρίου οκτωβρίου νοεμβρίου δεκεμβρίου',
  'januarja februarja marca aprila maja junija julija avgusta septembra oktobra novembra decembra',
  'siječnja veljače ožujka travnja svibnja lipnja srpnja kolovoza rujna listopada studenoga prosinca',
  'sausio vasario kovo balandžio gegužės birželio liepos rugpjūčio rugsėjo spalio lapkričio gruodžio',
  'janvāra februāra marta aprīļa maija jūnija jūlija augusta septembra oktobra novembra decembra',
  'jaanuar veebruar märts aprill mai juuni juuli august september oktoober november detsember',
  'januari februari maret april mei juni juli agustus september oktober november desember',
  'يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر',
  'كانون_الثاني شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين_الأول تشرين_الثاني كانون_الأول',
  'ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık',
];
for (const list of MONTH_LISTS) {
  const names = list.split(' ');
  if (names.length !== 12) continue;
  names.forEach((n, i) => {
    MONTHS[n.replace(/_/g, ' ')] ??= i + 1;
  });
}
// Short forms whose position in their list is not their month number.
Object.assign(MONTHS, {
  sept: 9,
  janv: 1,
  févr: 2,
  fevrier: 2,
  avr: 4,
  juil: 7,
  aout: 8,
  déc: 12,
  decembre: 12,
  jänner: 1,
  maerz: 3,
  okt: 10,
  dez: 12,
  ene: 1,
  abr: 4,
  ago: 8,
  dic: 12,
  setiembre: 9,
});
const MONTH_ALT = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

// Arabic-Indic, Persian, Devanagari and Bengali digits, so that dates written in them parse.
const DIGIT_BLOCKS = [0x660, 0x6f0, 0x966, 0x9e6];
const NON_ASCII_DIGIT = /[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef]/g;

function asciiDigits(s: string): string {
  return s.replace(NON_ASCII_DIGIT, (c) => {
    const code = c.charCodeAt(0);
    const base = DIGIT_BLOCKS.find((b) => code >= b && code <= b + 9) ?? code;
    return String(code - base);
  });
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function validDay(y: number, m: number, d: number): boolean {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1 || d > 31) return false;
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCDate() === d;
}

function build(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  offsetMinutes: number | undefined,
  source: string,
): PageDate | undefined {
  if (!validDay(y, mo, d) || h > 24 || mi > 59 || s > 60) return undefined;
  const utc = Date.UTC(y, mo - 1, d, h, mi, s) - (offsetMinutes ?? 0) * 60_000;
  const day = `${y}-${pad(mo)}-${pad(d)}`;
  return offsetMinutes === 0
    ? { iso: new Date(utc).toISOString(), day, source, utcOnly: true }
    : { iso: new Date(utc).toISOString(), day, source };
}

function parseOffset(tz: string | undefined): number | undefined {
  if (!tz) return undefined;
  const t = tz.trim().toUpperCase();
  if (t === 'Z' || t === 'UTC' || t === 'GMT' || t === 'UT') return 0;
  const named: Record<string, number> = {
    EST: -300,
    EDT: -240,
    CST: -360,
    CDT: -300,
    MST: -420,
    MDT: -360,
    PST: -480,
    PDT: -420,
    BST: 60,
    CET: 60,
    CEST: 120,
    MSK: 180,
    IST: 330,
    JST: 540,
  };
  if (t in named) return named[t];
  const m = /^(?:GMT|UTC)?([+-])(\d{1,2}):?(\d{2})?$/.exec(t);
  if (!m) return undefined;
  const sign = m[1] === '-' ? -1 : 1;
  return sign * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

const ISO_RE =
  /(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{1,2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|(?:UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?)?)?/i;
const SLASH_YMD_RE = /\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b/;
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?(Z|[+-]\d{4})?$/;
const NUMERIC_DMY_RE = /\b(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})\b/;
const TIME_RE =
  /\b(\d{1,2})[:h.](\d{2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?(?:\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2}|[A-Z]{3,4}))?/i;
const TEXT_DMY_RE = new RegExp(
  `(?<![\\p{L}\\d])(\\d{1,2})(?:st|nd|rd|th|er|\\.|º)?\\s*(?:de\\s+|of\\s+)?(${MONTH_ALT})\\.?,?\\s*(?:/\\s*\\p{L}+\\s*)?(?:de\\s+)?(\\d{4})`,
  'iu',
);
const TEXT_MDY_RE = new RegExp(
  `(?<![\\p{L}])(${MONTH_ALT})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`,
  'iu',
);
const TEXT_YMD_RE = new RegExp(`(\\d{4})\\.?\\s*(?:m\\.\\s*)?(${MONTH_ALT})\\s+(\\d{1,2})`, 'iu');
const CJK_RE = /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?/;

function timeOf(text: string): { h: number; mi: number; s: number; offset?: number } {
  const m = TIME_RE.exec(text);
  if (!m) return { h: 0, mi: 0, s: 0 };
  let h = Number(m[1]);
  const ampm = m[4]?.toLowerCase().replace(/\./g, '');
  if (ampm === 'pm' && h < 12) h += 12;
  if (ampm === 'am' && h === 12) h = 0;
  if (h > 23) return { h: 0, mi: 0, s: 0 };
  return { h, mi: Number(m[2]), s: Number(m[3] ?? 0), offset: parseOffset(m[5]) };
}

/**
 * Parses one date as pages write it: ISO 8601 (with or without zone), RFC 2822, compact `20200607`,
 * numeric day-first dates, and textual dates in the common European languages, CJK and Turkish.
 * `monthFirst` resolves `06/07/2020` for US-English pages.
 */
export function parsePageDate(raw: string, source = 'text', monthFirst = false): PageDate | undefined {
  const text = asciiDigits(raw).trim().replace(/\s+/g, ' ');
  if (!text || text.length > 400) return undefined;
  // ISO 8601 and its compact form share their groups: year, month, day, hours, minutes, seconds, offset.
  let m = ISO_RE.exec(text) ?? COMPACT_RE.exec(text);
  if (m) {
    return build(
      Number(m[1]),
      Number(m[2]),
      Number(m[3]),
      Number(m[4] ?? 0),
      Number(m[5] ?? 0),
      Number(m[6] ?? 0),
      parseOffset(m[7]),
      source,
    );
  }
  const lower = text.toLowerCase();
  // The time of day is looked for in what remains once the date itself is cut out.
  const at = (match: RegExpExecArray, y: number, mo: number, d: number): PageDate | undefined => {
    const t = timeOf(`${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`);
    return build(y, mo, d, t.h, t.mi, t.s, t.offset, source);
  };
  m = TEXT_DMY_RE.exec(lower);
  const dmy = m && at(m, Number(m[3]), MONTHS[m[2] as string] ?? 0, Number(m[1]));
  if (dmy) return dmy;
  m = TEXT_MDY_RE.exec(lower);
  const mdy = m && at(m, Number(m[3]), MONTHS[m[1] as string] ?? 0, Number(m[2]));
  if (mdy) return mdy;
  m = TEXT_YMD_RE.exec(lower);
  const ymd = m && at(m, Number(m[1]), MONTHS[m[2] as string] ?? 0, Number(m[3]));
  if (ymd) return ymd;
  m = CJK_RE.exec(text) ?? SLASH_YMD_RE.exec(text);
  if (m) return at(m, Number(m[1]), Number(m[2]), Number(m[3]));
  m = NUMERIC_DMY_RE.exec(text);
  if (m) {
    let a = Number(m[1]);
    let b = Number(m[3]);
    let y = Number(m[4]);
    if (y < 100) y += 2000;
    // Day-first is the world's default; month-first only for US pages or when the day cannot be a month.
    if ((monthFirst && b <= 31 && a <= 12) || (a <= 12 && b > 12)) [a, b] = [b, a];
    return at(m, y, b, a);
  }
  return undefined;
}

const DATE_LINE_WORDS = new Set(
  (
    'am pm a m p est edt cst cdt pst pdt mst mdt gmt utc bst cet cest ist et pt updated update published posted ' +
    'last modified on at by and mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday ' +
    'saturday sunday st nd rd th h min ago today yesterday hours minutes publié mis à jour le veröffentlicht ' +
    'aktualisiert am um uhr publicado actualizado el de às em atualizado pubblicato aggiornato il alle'
  ).split(' '),
);

/**
 * True for a short line that only states when the story was published or updated ("Updated Nov 19, 9:41 AM").
 * `strict` allows no word but date words (weekdays, months, "updated", "am"...), not even a name.
 */
export function isDateLine(text: string, strict = false): boolean {
  if (text.length > 120 || !/\d/.test(text)) return false;
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return false;
  let other = 0;
  for (const w of words) if (!/^\d+$/.test(w) && !DATE_LINE_WORDS.has(w) && MONTHS[w] === undefined) other++;
  const hasDate = /\b(?:19|20)\d{2}\b|\d{1,2}[:.]\d{2}/.test(text);
  const dateWords = words.length - other - words.filter((w) => /^\d+$/.test(w)).length;
  if (dateWords === 0) return false;
  return other === 0 || (!strict && hasDate && other <= 2 && other < words.length / 3);
}

const PUBLISHED_META = [
  'article:published_time',
  'og:article:published_time',
  'article:published',
  'published_time',
  'og:published_time',
  'datepublished',
  'date_published',
  'publish-date',
  'publish_date',
  'publishdate',
  'publishdate',
  'pubdate',
  'parsely-pub-date',
  'sailthru.date',
  'article.published',
  'article_date_original',
  'originalpublicationdate',
  'cxenseparse:recs:publishtime',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date.created',
  'dcterms.created',
  'dc.date',
  'dcterms.date',
  'citation_publication_date',
  'citation_date',
  'rnews:datepublished',
  'date',
  'created',
  'release_date',
  'displaydate',
  'publication_date',
  'timestamp',
  'og:pubdate',
  'pub_date',
  'datecreated',
  'gentime',
];
const MODIFIED_META = [
  'article:modified_time',
  'og:updated_time',
  'article:modified',
  'modified_time',
  'datemodified',
  'last-modified',
  'lastmod',
  'dcterms.modified',
  'dc.date.modified',
  'revised',
];

function metaMap(document: DomDocument): Map<string, string> {
  const map = new Map<string, string>();
  for (const meta of pageIndex(document).metas) {
    const key = (
      meta.getAttribute('property') ??
      meta.getAttribute('name') ??
      meta.getAttribute('itemprop') ??
      meta.getAttribute('http-equiv') ??
      ''
    )
      .trim()
      .toLowerCase();
    const content = meta.getAttribute('content');
    if (key && content && !map.has(key)) map.set(key, content);
  }
  return map;
}

const URL_DATE_RES = [
  /\/(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:[/\-_.]|$)/,
  /[/_-](\d{4})(\d{2})(\d{2})(?:[/_\-.]|\d{2,6}[/_\-.]|$)/,
];

/** The date written in an article URL (`/2020/06/07/`, `-20200607-`), if any. */
export function dateFromUrl(url: string): PageDate | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url;
  }
  for (const re of URL_DATE_RES) {
    const m = re.exec(path);
    if (m) {
      const r = build(Number(m[1]), Number(m[2]), Number(m[3]), 0, 0, 0, undefined, 'url');
      if (r) return r;
    }
  }
  return undefined;
}

function ldDate(nodes: readonly JsonLdNode[], key: string): PageDate | undefined {
  const ordered = [...nodes.filter(isArticleNode), ...nodes.filter((n) => !isArticleNode(n))];
  for (const node of ordered) {
    const v = node[key];
    const s = Array.isArray(v) ? v[0] : v;
    if (typeof s === 'string') {
      const d = parsePageDate(s, `json-ld:${key}`);
      if (d) return d;
    }
  }
  return undefined;
}

function attrDate(el: DomElement, source: string, monthFirst: boolean): PageDate | undefined {
  for (const attr of ['datetime', 'content', 'data-datetime', 'data-date', 'data-timestamp', 'title']) {
    const v = el.getAttribute(attr);
    if (v) {
      if (/^\d{10}(\d{3})?$/.test(v.trim())) {
        const n = Number(v.trim());
        const ms = v.trim().length === 13 ? n : n * 1000;
        const dt = new Date(ms);
        const r = build(
          dt.getUTCFullYear(),
          dt.getUTCMonth() + 1,
          dt.getUTCDate(),
          dt.getUTCHours(),
          dt.getUTCMinutes(),
          dt.getUTCSeconds(),
          0,
          source,
        );
        if (r) return r;
        continue;
      }
      const d = parsePageDate(v, source, monthFirst);
      if (d) return d;
    }
  }
  const text = el.textContent ?? '';
  return text.length <= 200 ? parsePageDate(text, source, monthFirst) : undefined;
}

const DATE_CLASS =
  /(?:^|[\s_-])(?:date|dateline|time|timestamp|published|publish|pubdate|posted|post-date|post-meta|entry-date|article-date|byline|meta|datum|fecha|data|tarih|date-publication|info)(?:$|[\s_-])|publish|posted|datetime|pubdate|date/i;
const MODIFIED_HINT = /updat|modif|edit|aktualisiert|actualiz|mis à jour|обновл|оновл|güncel/i;
const COMMENT_HINT =
  /comment|reply|footer|copyright|sidebar|related|picker|calendar|weather|today|current-?date|masthead|top-?bar/i;

/** Options for reading dates from a page. */
export interface DateOptions {
  readonly url?: string;
  readonly feedPublishedAt?: string;
  /** Pages in US English write month-first numeric dates. */
  readonly monthFirst?: boolean;
}

/** Finds the publication and modification dates of a page, with the feed's date as the last resort. */
export function findDates(
  document: DomDocument,
  jsonLd: readonly JsonLdNode[],
  opts: DateOptions = {},
): { published?: PageDate; modified?: PageDate } {
  const meta = metaMap(document);
  const monthFirst = opts.monthFirst ?? false;
  const fromMeta = (keys: readonly string[]): PageDate | undefined => {
    for (const key of keys) {
      const v = meta.get(key);
      const d = v ? parsePageDate(v, `meta:${key}`, monthFirst) : undefined;
      if (d) return d;
    }
    return undefined;
  };
  let marked: Map<string, DomElement[]> | undefined;
  // Microdata and RDFa dates, indexed in one pass the first time they are needed.
  const markup = (): Map<string, DomElement[]> => {
    if (marked) return marked;
    const index = new Map<string, DomElement[]>();
    marked = index;
    walkElements(document as unknown as DomNode, (el) => {
      const keys = [el.getAttribute('itemprop'), el.getAttribute('property')];
      if (tagOf(el) === 'time' && el.getAttribute('pubdate') !== null) keys.push('pubdate');
      for (const key of keys) {
        if (!key) continue;
        for (const k of key.toLowerCase().split(/\s+/)) index.set(k, [...(index.get(k) ?? []), el]);
      }
      return true;
    });
    return index;
  };
  const fromMarkup = (names: readonly string[], source: string): PageDate | undefined => {
    for (const name of names) {
      for (const el of markup().get(name) ?? []) {
        const d = attrDate(el, source, monthFirst);
        if (d) return d;
      }
    }
    return undefined;
  };

  const modified =
    ldDate(jsonLd, 'dateModified') ??
    fromMeta(MODIFIED_META) ??
    fromMarkup(['datemodified'], 'microdata:dateModified');

  let published =
    ldDate(jsonLd, 'datePublished') ??
    fromMeta(PUBLISHED_META) ??
    fromMarkup(['datepublished'], 'microdata:datePublished') ??
    ldDate(jsonLd, 'dateCreated') ??
    fromMarkup(['pubdate', 'datecreated'], 'time[pubdate]');

  // The date in the address (the page's own, else its canonical one) is written by the CMS when the story
  // is filed: more reliable than any date found in the page's elements or text, less than its metadata.
  const fromUrl =
    (opts.url ? dateFromUrl(opts.url) : undefined) ??
    [linkHref(document, 'canonical'), meta.get('og:url')].reduce<PageDate | undefined>(
      (found, u) => found ?? (u ? dateFromUrl(u) : undefined),
      undefined,
    );
  if (!published) {
    const printed = timeElementDate(document, monthFirst) ?? classedElementDate(document, monthFirst);
    published = fromUrl && printed?.day !== fromUrl.day ? fromUrl : printed;
  }
  if (!published) published = visibleTextDate(document, monthFirst);
  if (published?.utcOnly) {
    published = localDayOf(
      published,
      fromUrl,
      () => printedDates(document, markup().get('datepublished') ?? [], monthFirst),
      () => newsroomOffset(document, meta, opts.url, published?.iso ?? ''),
    );
  }
  if (!published && opts.feedPublishedAt) published = parsePageDate(opts.feedPublishedAt, 'feed');
  if (!published && modified) published = { ...modified, source: `${modified.source} (as published)` };
  return { published, modified };
}

/**
 * A UTC timestamp near midnight falls on another day where the newsroom is. The day the page prints for
 * readers (or, failing that, the day in its URL, written in newsroom time) is the publication day when it
 * is the UTC day's neighbour; without either, the newsroom's time zone guessed from the site's country.
 */
function localDayOf(
  published: PageDate,
  fromUrl: PageDate | undefined,
  printed: () => Iterable<PageDate | undefined>,
  offset: () => number | undefined,
): PageDate {
  // Only hours at which some inhabited time zone is already on another day: before 06:00 UTC the Americas
  // are still on the previous day, after 21:00 UTC Europe and Asia are on the next one.
  const hour = Number(published.iso.slice(11, 13));
  const wanted = hour < 6 ? -1 : hour >= 21 ? 1 : 0;
  if (wanted === 0) return published;
  const target = new Date(Date.parse(`${published.day}T00:00:00Z`) + wanted * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const judge = (other: PageDate | undefined): PageDate | undefined => {
    if (other?.day === published.day) return published;
    if (other?.day === target) return { ...published, day: target };
    return undefined;
  };
  const byUrl = judge(fromUrl);
  if (byUrl) return byUrl;
  for (const other of printed()) {
    const verdict = judge(other);
    if (verdict) return verdict;
  }
  const minutes = offset();
  if (minutes === undefined) return published;
  const local = new Date(Date.parse(published.iso) + minutes * 60_000).toISOString().slice(0, 10);
  return local === target ? { ...published, day: target } : published;
}

/**
 * Dates the page prints for readers, in the order they are trusted: the text (not the machine-readable
 * attribute) of elements marked as the publication date, of `<time>` elements, then the visible text.
 */
function* printedDates(
  document: DomDocument,
  markedPublished: readonly DomElement[],
  monthFirst: boolean,
): Generator<PageDate | undefined> {
  for (const el of markedPublished) yield parsePageDate(el.textContent ?? '', 'printed', monthFirst);
  let n = 0;
  for (const el of pageIndex(document).times) {
    if (n++ >= 3) break;
    if (!COMMENT_HINT.test(contextOf(el))) yield parsePageDate(el.textContent ?? '', 'printed', monthFirst);
  }
  yield visibleTextDate(document, monthFirst);
}

// UTC offset in minutes of the zone where most of a country's newsrooms are, and when its clocks go forward
// ('n': northern summer, April to October; 's': southern summer, October to March). Countries spanning
// several zones take the one nearest UTC, so that a shifted day is never a guess on the far side.
const COUNTRY_ZONES: Record<string, readonly [number, 'n' | 's' | '']> = {
  us: [-300, 'n'],
  ca: [-300, 'n'],
  mx: [-360, ''],
  br: [-180, ''],
  ar: [-180, ''],
  cl: [-240, 's'],
  pe: [-300, ''],
  ve: [-240, ''],
  cu: [-300, 'n'],
  ec: [-300, ''],
  bo: [-240, ''],
  uy: [-180, ''],
  py: [-240, 's'],
  do: [-240, ''],
  gt: [-360, ''],
  hn: [-360, ''],
  sv: [-360, ''],
  ni: [-360, ''],
  cr: [-360, ''],
  pa: [-300, ''],
  uk: [0, 'n'],
  gb: [0, 'n'],
  ie: [0, 'n'],
  pt: [0, 'n'],
  es: [60, 'n'],
  fr: [60, 'n'],
  be: [60, 'n'],
  nl: [60, 'n'],
  de: [60, 'n'],
  at: [60, 'n'],
  ch: [60, 'n'],
  it: [60, 'n'],
  pl: [60, 'n'],
  cz: [60, 'n'],
  sk: [60, 'n'],
  hu: [60, 'n'],
  si: [60, 'n'],
  hr: [60, 'n'],
  ba: [60, 'n'],
  rs: [60, 'n'],
  mk: [60, 'n'],
  al: [60, 'n'],
  dk: [60, 'n'],
  se: [60, 'n'],
  no: [60, 'n'],
  fi: [120, 'n'],
  ee: [120, 'n'],
  lv: [120, 'n'],
  lt: [120, 'n'],
  ua: [120, 'n'],
  ro: [120, 'n'],
  bg: [120, 'n'],
  gr: [120, 'n'],
  cy: [120, 'n'],
  il: [120, 'n'],
  eg: [120, ''],
  za: [120, ''],
  ng: [60, ''],
  ke: [180, ''],
  tr: [180, ''],
  ru: [180, ''],
  by: [180, ''],
  sa: [180, ''],
  ae: [240, ''],
  ir: [210, ''],
  pk: [300, ''],
  in: [330, ''],
  bd: [360, ''],
  th: [420, ''],
  vn: [420, ''],
  id: [420, ''],
  my: [480, ''],
  sg: [480, ''],
  ph: [480, ''],
  cn: [480, ''],
  hk: [480, ''],
  tw: [480, ''],
  jp: [540, ''],
  kr: [540, ''],
  au: [480, 's'],
  nz: [720, 's'],
};

/**
 * The newsroom's UTC offset at the time of the story, guessed from the country of the site's address, else
 * the region of its declared locale (`og:locale`, then `<html lang>`), for stamps given in UTC only.
 */
function newsroomOffset(
  document: DomDocument,
  meta: Map<string, string>,
  url: string | undefined,
  at: string,
): number | undefined {
  let host = '';
  try {
    host = url ? new URL(url).hostname : '';
  } catch {
    host = '';
  }
  const candidates = [
    /\.([a-z]{2})$/.exec(host)?.[1],
    /^[a-z]{2,3}[_-]([a-z]{2})$/i.exec(meta.get('og:locale') ?? '')?.[1],
    /^[a-z]{2,3}[_-]([a-z]{2})$/i.exec(document.documentElement?.getAttribute('lang') ?? '')?.[1],
  ];
  for (const c of candidates) {
    const zone = c ? COUNTRY_ZONES[c.toLowerCase()] : undefined;
    if (!zone) continue;
    const month = Number(at.slice(5, 7));
    const summer =
      zone[1] === 'n' ? month >= 4 && month <= 10 : zone[1] === 's' ? month >= 10 || month <= 3 : false;
    return zone[0] + (summer ? 60 : 0);
  }
  return undefined;
}

function contextOf(el: DomElement): string {
  let s = '';
  let cur: DomElement | null = el;
  for (let i = 0; cur && i < 4; i++, cur = cur.parentElement) {
    s += ` ${classOf(cur)} ${cur.getAttribute('id') ?? ''}`;
  }
  return s;
}

function timeElementDate(document: DomDocument, monthFirst: boolean): PageDate | undefined {
  // The first <time> inside the article or its header is the publication time; later ones in comments,
  // related-story lists or "updated" notes are not.
  const times = pageIndex(document).times;
  const scored = times
    .map((el, index) => {
      const ctx = contextOf(el);
      if (COMMENT_HINT.test(ctx)) return undefined;
      const d = attrDate(el, 'time', monthFirst);
      if (!d) return undefined;
      let rank = index;
      if (el.closest('article, header, [class*="article"], [class*="post"], main')) rank -= 1000;
      if (MODIFIED_HINT.test(ctx) || MODIFIED_HINT.test(el.textContent ?? '')) rank += 500;
      return { d, rank };
    })
    .filter((x): x is { d: PageDate; rank: number } => x !== undefined)
    .sort((a, b) => a.rank - b.rank);
  return scored[0]?.d;
}

function classedElementDate(document: DomDocument, monthFirst: boolean): PageDate | undefined {
  let checked = 0;
  let found: PageDate | undefined;
  walkElements(document as unknown as DomNode, (el) => {
    if (found || checked > 200) return false;
    const hint = `${classOf(el)} ${el.getAttribute('id') ?? ''}`;
    if (hint.length === 1 || !DATE_CLASS.test(hint) || MODIFIED_HINT.test(hint)) return true;
    if (COMMENT_HINT.test(contextOf(el))) return true;
    const text = el.textContent ?? '';
    if (text.length > 200 || text.length < 6) return true;
    checked++;
    found = attrDate(el, 'element', monthFirst);
    return !found;
  });
  return found;
}

/**
 * Last resort: the first date written in the visible text, looking after the headline first, because pages
 * without markup for their date still print it next to the title or the byline.
 */
const NOT_DATELINE_TAGS = new Set([
  'script',
  'style',
  'nav',
  'footer',
  'aside',
  'select',
  'option',
  'textarea',
]);

function visibleTextDate(document: DomDocument, monthFirst: boolean): PageDate | undefined {
  const body = firstByTag(document, 'body');
  if (!body) return undefined;
  const h1 = firstByTag(document, 'h1');
  const texts: { node: DomNode; afterH1: boolean }[] = [];
  let afterH1 = !h1;
  const walk = (node: DomNode): void => {
    if (texts.length > 3000) return;
    if (node.nodeType === 3) {
      const v = node.nodeValue ?? '';
      if (/\d/.test(v) && v.length < 300) texts.push({ node, afterH1 });
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as DomElement;
    if (el === h1) afterH1 = true;
    if (NOT_DATELINE_TAGS.has(tagOf(el))) return;
    if (COMMENT_HINT.test(`${classOf(el)} ${el.getAttribute('id') ?? ''}`)) return;
    for (let c = el.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk(body);
  const parse = (list: typeof texts, limit: number, linesOnly: boolean): PageDate | undefined => {
    for (const t of list.slice(0, limit)) {
      const value = t.node.nodeValue ?? '';
      if (linesOnly && !isDateLine(value.trim())) continue;
      const d = parsePageDate(value, 'text', monthFirst);
      if (d) return d;
    }
    return undefined;
  };
  // A line that states only a date (the dateline) beats a date inside a sentence (a caption, the story).
  const afterHeadline = texts.filter((t) => t.afterH1);
  return (
    parse(afterHeadline, 60, true) ??
    parse(afterHeadline, 60, false) ??
    parse(texts, 40, true) ??
    parse(texts, 40, false)
  );
}
