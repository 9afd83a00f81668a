/**
 * Feed dates to ISO 8601 UTC. Feeds carry RFC 822 dates (RSS), W3C-DTF / RFC 3339 (Atom, Dublin Core) and a long
 * tail of malformed variants: missing or wrong weekday, two-digit years, named zones (EST, CEST), `GMT+2`,
 * no zone at all, commas and dots in odd places, ISO dates with a space instead of `T`. Anything unreadable
 * or implausible (before 1970 or far in the future) gives undefined rather than a wrong date.
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  // common non-English abbreviations seen in real feeds
  janv: 1,
  fev: 2,
  févr: 2,
  mars: 3,
  avr: 4,
  mai: 5,
  juin: 6,
  juil: 7,
  aout: 8,
  août: 8,
  sept: 9,
  okt: 10,
  dez: 12,
  mär: 3,
  mrz: 3,
  ene: 1,
  abr: 4,
  ago: 8,
  dic: 12,
  gen: 1,
  giu: 6,
  lug: 7,
  set: 9,
  ott: 10,
  mei: 5,
};

/** Named zones as RFC 822 and common practice use them, in minutes east of UTC. */
const ZONES: Record<string, number> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  akst: -540,
  akdt: -480,
  hst: -600,
  ast: -240,
  adt: -180,
  nst: -210,
  ndt: -150,
  bst: 60,
  ist: 330,
  cet: 60,
  cest: 120,
  met: 60,
  mest: 120,
  eet: 120,
  eest: 180,
  wet: 0,
  west: 60,
  msk: 180,
  jst: 540,
  kst: 540,
  hkt: 480,
  sgt: 480,
  awst: 480,
  acst: 570,
  aest: 600,
  aedt: 660,
  nzst: 720,
  nzdt: 780,
  // military single letters (RFC 822); many are used wrongly, but A-I/K-M/N-Y are rare enough
  a: -60,
  m: -720,
  n: 60,
  y: 720,
};

const MIN_YEAR = 1970;

function zoneOffset(zone: string | undefined): number | undefined {
  if (!zone) return 0; // no zone: UTC is the least-wrong assumption
  const z = zone.trim().toLowerCase();
  if (z in ZONES) return ZONES[z];
  const m = /^(?:(?:gmt|utc|ut)\s*)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(z);
  if (m) {
    const sign = m[1] === '-' ? -1 : 1;
    let hours = Number(m[2]);
    let minutes = Number(m[3] ?? 0);
    // "+530" written without the leading zero
    if (!m[3] && m[2]!.length > 2) {
      hours = Number(m[2]!.slice(0, -2));
      minutes = Number(m[2]!.slice(-2));
    }
    if (hours > 14 || minutes > 59) return undefined;
    return sign * (hours * 60 + minutes);
  }
  const compact = /^(?:gmt|utc)?([+-])(\d{3,4})$/.exec(z);
  if (compact) {
    const digits = compact[2]!.padStart(4, '0');
    const sign = compact[1] === '-' ? -1 : 1;
    return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
  }
  return undefined;
}

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 2) return n < 50 ? 2000 + n : 1900 + n; // RFC 2822 rule for two-digit years
  if (y.length === 3) return 1900 + n; // "103" from a Perl-ish year count
  return n;
}

function build(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
  offsetMinutes: number,
  now: Date,
): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  if (hour === 24 && minute === 0 && second === 0)
    hour = 24; // allowed by ISO 8601, Date.UTC rolls over
  else if (hour > 23 || minute > 59 || second > 60) return undefined;
  if (second === 60) second = 59;
  const t = Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000;
  const d = new Date(t);
  if (Number.isNaN(t) || d.getUTCFullYear() < MIN_YEAR) return undefined;
  // reject impossible calendar days like 31 February (Date.UTC would silently roll them over)
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCDate() !== day) return undefined;
  // more than a year in the future is a broken clock or a wrong format, not a real publication time
  if (t > now.getTime() + 366 * 86_400_000) return undefined;
  return d.toISOString().replace('.000Z', 'Z');
}

const ISO =
  /^(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?(?:[T\s]+(\d{1,2})(?::?(\d{2}))?(?::?(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{1,2}(?::?\d{2})?|[A-Za-z]{1,5})?$/;

function parseIso(s: string, now: Date): string | undefined {
  const m = ISO.exec(s);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2] ?? 1);
  const day = Number(m[3] ?? 1);
  const hour = Number(m[4] ?? 0);
  const minute = Number(m[5] ?? 0);
  const second = Number(m[6] ?? 0);
  const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  const offset = zoneOffset(m[8]);
  if (offset === undefined) return undefined;
  return build(year, month, day, hour, minute, second, Math.min(ms, 999), offset, now);
}

function monthOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  return MONTHS[w] ?? MONTHS[w.slice(0, 3)];
}

/** RFC 822 and its relatives: "Tue, 30 Jan 2018 17:54:13 -0500", "30 Jan 18 17:54 EST", "Jan 30, 2018 5:54 PM". */
function parseRfc822(s: string, now: Date): string | undefined {
  let t = s
    // weekday, right or wrong, with or without a comma (but not a month name: "Jan 30, 2018")
    .replace(/^([A-Za-zÀ-ÿ]+)\.?,?\s+(?=\d)/, (all, word: string) => (monthOf(word) ? all : ''))
    .replace(/,/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // "30-Jan-2018" and "30/Jan/2018"
  t = t.replace(/^(\d{1,2})[-/]([A-Za-zÀ-ÿ]+)[-/](\d{2,4})/, '$1 $2 $3');
  // "03 Apr 02 1500 GMT": military time without a colon
  t = t.replace(/^(\d{1,2} \S+ \d{2,4}) (\d{2})(\d{2})(?=\s|$)/, '$1 $2:$3');
  let m =
    /^(\d{1,2})\.? ([A-Za-zÀ-ÿ]+\.?) (\d{2,4})(?: (\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:\.\d+)? ?([AaPp][Mm])?)? ?(.*)$/.exec(
      t,
    );
  let day: number;
  let monthWord: string;
  let yearText: string;
  if (m) {
    day = Number(m[1]);
    monthWord = m[2]!;
    yearText = m[3]!;
  } else {
    // "Jan 30 2018 17:54:13 GMT" (month first) and ctime "Tue Jan 30 17:54:13 2018"
    const ctime = /^([A-Za-z]{3,}\.?) (\d{1,2}) (\d{1,2}):(\d{2}):(\d{2}) (\d{4})(?: (.*))?$/.exec(t);
    if (ctime) {
      const month = monthOf(ctime[1]!);
      const offset = zoneOffset(ctime[7]);
      if (!month || offset === undefined) return undefined;
      return build(
        Number(ctime[6]),
        month,
        Number(ctime[2]),
        Number(ctime[3]),
        Number(ctime[4]),
        Number(ctime[5]),
        0,
        offset,
        now,
      );
    }
    m =
      /^([A-Za-zÀ-ÿ]+\.?) (\d{1,2})(?:st|nd|rd|th)? (\d{2,4})(?: (\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:\.\d+)? ?([AaPp][Mm])?)? ?(.*)$/.exec(
        t,
      );
    if (!m) return undefined;
    monthWord = m[1]!;
    day = Number(m[2]);
    yearText = m[3]!;
  }
  const month = monthOf(monthWord);
  if (!month) return undefined;
  let hour = Number(m[4] ?? 0);
  const ampm = m[7]?.toLowerCase();
  if (ampm === 'pm' && hour < 12) hour += 12;
  if (ampm === 'am' && hour === 12) hour = 0;
  const zone = (m[8] ?? '').replace(/^\(|\)$/g, '').trim();
  // "GMT+0200 (CEST)": keep the numeric part
  const zoneMain = zone.split(' ')[0];
  // An unreadable zone ("+3000", an unknown abbreviation) must not lose a good date: read it as UTC.
  const offset =
    zoneOffset(zoneMain || undefined) ??
    (/^[+-]?\d{1,4}$|^[A-Za-z]{1,5}$/.test(zoneMain ?? '') ? 0 : undefined);
  if (offset === undefined) return undefined;
  return build(fullYear(yearText), month, day, hour, Number(m[5] ?? 0), Number(m[6] ?? 0), 0, offset, now);
}

/**
 * Normalises a feed date to ISO 8601 UTC (`2024-03-19T08:00:00Z`), or undefined when the text is not a
 * plausible date. `now` bounds how far in the future a date may lie.
 */
export function normalizeDate(input: string | undefined, now: Date = new Date()): string | undefined {
  if (!input) return undefined;
  const s = input
    .replace(/[\u00a0\u2009\u202f]/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
  if (!s || s.length > 80) return undefined;
  if (/^\d{4}/.test(s)) {
    const iso = parseIso(s.replace(/ (?=[+-]\d)/, ''), now);
    if (iso) return iso;
    // "2018-01-30 17:54:13 +0000 UTC" and similar: drop a trailing zone name after a numeric offset
    const trimmed = s
      .replace(/^(\S+ \S+ [+-]\d{2}:?\d{2}) [A-Za-z]+$/, '$1')
      .replace(' +', '+')
      .replace(' -', '-');
    const retry = parseIso(trimmed, now);
    if (retry) return retry;
  }
  const rfc = parseRfc822(s, now);
  if (rfc) return rfc;
  // Unix timestamps occasionally appear in JSON feeds and some CMS exports
  if (/^\d{9,10}$/.test(s)) return build(1970, 1, 1, 0, 0, 0, 0, -Number(s) / 60, now);
  return undefined;
}
