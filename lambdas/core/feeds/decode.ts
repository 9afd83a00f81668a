/**
 * Turns the bytes of a feed, an HTML page or a JSON document into text, choosing the character encoding the way
 * browsers and careful feed readers do: byte-order mark, then the HTTP `charset`, then the document's own
 * declaration (XML prolog or HTML `<meta>`), then UTF-8. Declarations are often wrong in the wild (a prolog that
 * says ISO-8859-1 over UTF-8 bytes, a server default of `charset=iso-8859-1`), so a declaration that the bytes
 * contradict is overruled instead of producing mojibake.
 */

/** What `decodeDocument` returns: the text and the name of the charset it was read with. */
export interface DecodedDocument {
  readonly text: string;
  /** Lower-case canonical name, e.g. `utf-8`, `windows-1251`, `shift_jis`, `utf-16le`. */
  readonly charset: string;
}

export interface DecodeOptions {
  /** The HTTP `Content-Type` header, if the document came over HTTP. */
  readonly contentType?: string;
  readonly kind: 'xml' | 'html' | 'json';
}

/**
 * Canonical names for common labels, and the decoder used for each. Where a superset is what publishers
 * actually mean (Windows-1252 for ISO-8859-1, GB18030 for GB2312, CP949 for EUC-KR) the superset decodes.
 */
const ALIASES: Record<string, { name: string; decoder: string }> = {
  'utf-8': { name: 'utf-8', decoder: 'utf-8' },
  utf8: { name: 'utf-8', decoder: 'utf-8' },
  'unicode-1-1-utf-8': { name: 'utf-8', decoder: 'utf-8' },
  'us-ascii': { name: 'us-ascii', decoder: 'windows-1252' },
  ascii: { name: 'us-ascii', decoder: 'windows-1252' },
  'iso-8859-1': { name: 'iso-8859-1', decoder: 'windows-1252' },
  'iso8859-1': { name: 'iso-8859-1', decoder: 'windows-1252' },
  iso_8859_1: { name: 'iso-8859-1', decoder: 'windows-1252' },
  'iso_8859-1': { name: 'iso-8859-1', decoder: 'windows-1252' },
  latin1: { name: 'iso-8859-1', decoder: 'windows-1252' },
  'latin-1': { name: 'iso-8859-1', decoder: 'windows-1252' },
  l1: { name: 'iso-8859-1', decoder: 'windows-1252' },
  'windows-1252': { name: 'windows-1252', decoder: 'windows-1252' },
  cp1252: { name: 'windows-1252', decoder: 'windows-1252' },
  gb2312: { name: 'gb18030', decoder: 'gb18030' },
  gbk: { name: 'gb18030', decoder: 'gb18030' },
  'x-gbk': { name: 'gb18030', decoder: 'gb18030' },
  gb18030: { name: 'gb18030', decoder: 'gb18030' },
  'euc-cn': { name: 'gb18030', decoder: 'gb18030' },
  'euc-kr': { name: 'euc-kr', decoder: 'euc-kr' },
  'ks_c_5601-1987': { name: 'euc-kr', decoder: 'euc-kr' },
  cp949: { name: 'euc-kr', decoder: 'euc-kr' },
  big5: { name: 'big5', decoder: 'big5' },
  'big5-hkscs': { name: 'big5', decoder: 'big5' },
  'x-x-big5': { name: 'big5', decoder: 'big5' },
  shift_jis: { name: 'shift_jis', decoder: 'shift_jis' },
  'shift-jis': { name: 'shift_jis', decoder: 'shift_jis' },
  sjis: { name: 'shift_jis', decoder: 'shift_jis' },
  'x-sjis': { name: 'shift_jis', decoder: 'shift_jis' },
  ms_kanji: { name: 'shift_jis', decoder: 'shift_jis' },
  'windows-31j': { name: 'shift_jis', decoder: 'shift_jis' },
  'euc-jp': { name: 'euc-jp', decoder: 'euc-jp' },
  'x-euc-jp': { name: 'euc-jp', decoder: 'euc-jp' },
  'tis-620': { name: 'windows-874', decoder: 'windows-874' },
  'iso-8859-11': { name: 'windows-874', decoder: 'windows-874' },
  'iso-8859-9': { name: 'windows-1254', decoder: 'windows-1254' },
  'iso-8859-8-i': { name: 'iso-8859-8', decoder: 'iso-8859-8' },
  'x-mac-roman': { name: 'macintosh', decoder: 'macintosh' },
  'x-mac-cyrillic': { name: 'x-mac-cyrillic', decoder: 'x-mac-cyrillic' },
  'utf-16': { name: 'utf-16le', decoder: 'utf-16le' },
  'utf-16le': { name: 'utf-16le', decoder: 'utf-16le' },
  'utf-16be': { name: 'utf-16be', decoder: 'utf-16be' },
  'utf-32': { name: 'utf-32le', decoder: 'utf-32le' },
  'utf-32le': { name: 'utf-32le', decoder: 'utf-32le' },
  'utf-32be': { name: 'utf-32be', decoder: 'utf-32be' },
  'iso-10646-ucs-2': { name: 'utf-16le', decoder: 'utf-16le' },
};

/** A charset: its canonical name and the WHATWG decoder label used for it. */
export interface Charset {
  readonly name: string;
  readonly decoder: string;
}

/*
 * Decoding uses the platform's WHATWG TextDecoder (ICU in Node.js, maintained with the runtime): it knows every
 * legacy charset the web still serves, labels included, at no bundle cost. UTF-32, which the Encoding Standard
 * leaves out, is decoded here.
 */
function decoderExists(label: string): boolean {
  if (label === 'utf-32le' || label === 'utf-32be') return true;
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/** Decodes bytes with a decoder label; malformed sequences become U+FFFD. */
export function decodeWith(bytes: Uint8Array, label: string): string {
  if (label === 'utf-32le' || label === 'utf-32be') return decodeUtf32(bytes, label === 'utf-32le');
  const decoder = new TextDecoder(label);
  const text = decoder.decode(bytes);
  // Node decodes windows-1252 as ISO-8859-1, leaving 0x80-0x9F as C1 controls; map them as the standard says.
  return decoder.encoding === 'windows-1252'
    ? text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80] ?? c)
    : text;
}

/** Windows-1252 bytes 0x80-0x9F (the five undefined ones map to themselves, as the Encoding Standard does). */
const WINDOWS_1252_HIGH = Array.from(
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178',
);

function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  for (let i = 0; i + 3 < bytes.length; i += 4) {
    const cp = view.getUint32(i, littleEndian);
    parts.push(cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : '\uFFFD');
  }
  return parts.join('');
}

/** Resolves a charset label to a decoder the platform knows, or undefined for a bogus label. */
export function resolveCharset(label: string | undefined): Charset | undefined {
  if (!label) return undefined;
  const clean = label
    .trim()
    .replace(/^["']+|["']+$/g, '')
    .trim()
    .toLowerCase();
  if (!clean || clean.length > 40) return undefined;
  const known = ALIASES[clean];
  if (known) return known;
  // UTF-7 is a well-known XSS vector and never a real feed encoding.
  if (clean === 'utf-7' || clean === 'x-user-defined') return undefined;
  if (decoderExists(clean)) return { name: clean, decoder: clean };
  return undefined;
}

/** The `charset` parameter of a Content-Type header, quotes removed. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const m = /;\s*charset\s*=\s*("[^"]*"|'[^']*'|[^;\s]*)/i.exec(contentType);
  const value = m?.[1]?.replace(/^["']|["']$/g, '').trim();
  return value || undefined;
}

function bomCharset(b: Uint8Array): { charset: Charset; length: number } | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { charset: ALIASES['utf-8']!, length: 3 };
  if (b[0] === 0x00 && b[1] === 0x00 && b[2] === 0xfe && b[3] === 0xff)
    return { charset: ALIASES['utf-32be']!, length: 4 };
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0x00 && b[3] === 0x00)
    return { charset: ALIASES['utf-32le']!, length: 4 };
  if (b[0] === 0xfe && b[1] === 0xff) return { charset: ALIASES['utf-16be']!, length: 2 };
  if (b[0] === 0xff && b[1] === 0xfe) return { charset: ALIASES['utf-16le']!, length: 2 };
  return undefined;
}

/** Recognises UTF-16/32 documents without a BOM from the layout of their first ASCII character. */
function sniffWideCharset(b: Uint8Array): Charset | undefined {
  if (b.length < 4) return undefined;
  const [a, c, d, e] = [b[0], b[1], b[2], b[3]];
  if (a === 0 && c === 0 && d === 0 && e !== 0) return ALIASES['utf-32be'];
  if (a !== 0 && c === 0 && d === 0 && e === 0) return ALIASES['utf-32le'];
  if (a === 0 && c !== 0 && d === 0 && e !== 0) return ALIASES['utf-16be'];
  if (a !== 0 && c === 0 && d !== 0 && e === 0) return ALIASES['utf-16le'];
  return undefined;
}

/** ASCII view of the first bytes, for reading declarations without knowing the encoding yet. */
function asciiPrefix(b: Uint8Array, max: number): string {
  return Buffer.from(b.buffer, b.byteOffset, Math.min(b.length, max)).toString('latin1');
}

function xmlDeclarationCharset(prefix: string): string | undefined {
  const m = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([^"']*)["']/i.exec(prefix);
  return m?.[1];
}

/** `<meta charset>` or `<meta http-equiv="Content-Type" content="...; charset=...">`. */
export function htmlMetaCharset(prefix: string): string | undefined {
  const metas = prefix.match(/<meta\b[^>]*>/gi) ?? [];
  for (const meta of metas) {
    const contentAttr = /\bcontent\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/i.exec(meta)?.[1];
    const withoutContent = meta.replace(/\bcontent\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/i, '');
    const direct = /\scharset\s*=\s*["']?\s*([^"'\s;/>]+)/i.exec(withoutContent)?.[1];
    if (direct) return direct;
    if (contentAttr && /http-equiv\s*=\s*["']?\s*content-type/i.test(meta)) {
      const cs = charsetFromContentType(
        `x; ${contentAttr.replace(/^["']|["']$/g, '').replace(/^[^;]*;?/, '')}`,
      );
      if (cs) return cs;
    }
  }
  return undefined;
}

/** True when the bytes are well-formed UTF-8. */
export function isValidUtf8(b: Uint8Array): boolean {
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return false;
    let cp = c & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += need + 1;
  }
  return true;
}

function hasHighBytes(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i]! >= 0x80) return true;
  return false;
}

function isWide(c: Charset): boolean {
  return c.decoder.startsWith('utf-16') || c.decoder.startsWith('utf-32');
}

/**
 * Decodes a document's bytes to text, choosing the encoding as BOM > HTTP charset > XML declaration or HTML
 * `<meta>` > UTF-8, and overruling a declaration the bytes contradict (UTF-8 that is not valid UTF-8 is read as
 * Windows-1252; a legacy declaration over valid multi-byte UTF-8 is read as UTF-8).
 */
export function decodeDocument(bytes: Uint8Array, opts: DecodeOptions): DecodedDocument {
  const bom = bomCharset(bytes);
  if (bom) {
    const body = bytes.subarray(bom.length);
    return { text: decodeWith(body, bom.charset.decoder), charset: bom.charset.name };
  }

  const wide = sniffWideCharset(bytes);
  if (wide) return { text: stripBom(decodeWith(bytes, wide.decoder)), charset: wide.name };

  // Candidates in order of precedence; a wide (UTF-16/32) declaration cannot be right for bytes that read as ASCII.
  const candidates: Charset[] = [];
  const push = (label: string | undefined) => {
    const c = resolveCharset(label);
    if (c && !isWide(c)) candidates.push(c);
  };
  push(charsetFromContentType(opts.contentType));
  if (opts.kind !== 'json') {
    const prefix = asciiPrefix(bytes, 1024);
    if (opts.kind === 'xml') push(xmlDeclarationCharset(prefix));
    // HTML pages often put <meta charset> after long scripts, beyond the spec's 1024 bytes: look further.
    const head = asciiPrefix(bytes, 65536);
    const headEnd = head.search(/<\/head\s*>|<body[\s>]/i);
    push(htmlMetaCharset(headEnd > 0 ? head.slice(0, headEnd) : head));
  }

  const highBytes = hasHighBytes(bytes);
  const validUtf8 = highBytes ? isValidUtf8(bytes) : true;
  const utf8 = ALIASES['utf-8']!;
  let chosen: Charset | undefined;
  for (const c of candidates) {
    if (c.decoder === 'utf-8') {
      if (validUtf8) {
        chosen = c;
        break;
      }
      continue; // declared UTF-8 but the bytes say otherwise: try the next declaration
    }
    // A legacy declaration over bytes that are valid, non-ASCII UTF-8 is almost always a mislabelled UTF-8 file.
    chosen = highBytes && validUtf8 ? utf8 : c;
    break;
  }
  // Nothing declared (or nothing usable) and not UTF-8: guess from the bytes.
  if (!chosen) chosen = validUtf8 ? utf8 : detectLegacyCharset(bytes);
  return { text: stripBom(decodeWith(bytes, chosen.decoder)), charset: chosen.name };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Multi-byte and non-Latin single-byte encodings tried when an undeclared document is not UTF-8. */
const DETECT_CANDIDATES = [
  'windows-1251',
  'koi8-r',
  'windows-1255',
  'windows-1256',
  'windows-874',
  'iso-8859-7',
  'shift_jis',
  'euc-jp',
  'gb18030',
  'big5',
  'euc-kr',
] as const;

/** Very common Chinese characters, simplified and traditional forms, to tell GB from Big5. */
const COMMON_SIMPLIFIED = new Set(
  Array.from('的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年会就要发以经对生能'),
);
const COMMON_TRADITIONAL = new Set(
  Array.from('的一是不了人我在有他這中大來上國個到說們為子和你地出道也時年會就要發以經對生能'),
);

function scriptOf(cp: number): string {
  if (cp >= 0x400 && cp <= 0x4ff) return 'cyrillic';
  if (cp >= 0x370 && cp <= 0x3ff) return 'greek';
  if (cp >= 0x590 && cp <= 0x5ff) return 'hebrew';
  if (cp >= 0x600 && cp <= 0x6ff) return 'arabic';
  if (cp >= 0xe00 && cp <= 0xe7f) return 'thai';
  if (cp >= 0x3040 && cp <= 0x30ff) return 'kana';
  if (cp >= 0x4e00 && cp <= 0x9fff) return 'han';
  if (cp >= 0xac00 && cp <= 0xd7af) return 'hangul';
  if (
    (cp >= 0x2000 && cp <= 0x206f) ||
    (cp >= 0x3000 && cp <= 0x303f) ||
    (cp >= 0xff00 && cp <= 0xffef) ||
    cp === 0xa0
  )
    return 'punct';
  if (cp >= 0xc0 && cp <= 0x24f) return 'latin';
  return 'other';
}

/** How plausible a decoding of a document is, higher is better; `bad` characters weigh heavily. */
function plausibility(text: string, decoder: string): number {
  const counts = new Map<string, number>();
  let total = 0;
  let bad = 0;
  let upper = 0;
  let lower = 0;
  let simplified = 0;
  let traditional = 0;
  let softLetters = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) continue;
    total++;
    if (cp === 0xfffd || (cp >= 0x80 && cp <= 0x9f) || (cp >= 0xe000 && cp <= 0xf8ff)) {
      bad++;
      continue;
    }
    const script = scriptOf(cp);
    counts.set(script, (counts.get(script) ?? 0) + 1);
    if (script === 'cyrillic') {
      if (cp >= 0x410 && cp <= 0x42f) upper++;
      else if (cp >= 0x430 && cp <= 0x44f) lower++;
      if (cp >= 0x44b && cp <= 0x44f) softLetters++;
    }
    if (COMMON_SIMPLIFIED.has(ch)) simplified++;
    if (COMMON_TRADITIONAL.has(ch)) traditional++;
  }
  if (!total) return 0;
  const punct = counts.get('punct') ?? 0;
  let best = 0;
  let bestScript = 'other';
  for (const [script, n] of counts) {
    if (script !== 'punct' && script !== 'other' && n > best) {
      best = n;
      bestScript = script;
    }
  }
  // CJK: kana and han together are Japanese; han alone is Chinese
  if (bestScript === 'han' || bestScript === 'kana')
    best = (counts.get('han') ?? 0) + (counts.get('kana') ?? 0);
  let score = (best + punct) / total - (5 * bad) / total;
  // Cyrillic prose is mostly lower case with some capitals; the wrong Cyrillic code page inverts the case,
  // and Hebrew read as Windows-1251 comes out all lower case and without ы, ь, э, ю, я
  if (bestScript === 'cyrillic' && upper + lower > 0) score += lower / (upper + lower) >= 0.6 ? 0.1 : -0.3;
  if (bestScript === 'cyrillic' && upper + lower >= 20 && softLetters === 0) score -= 0.3;
  // Korean read as GB18030 (and other wrong CJK readings) gives valid but rare Han characters
  const han = counts.get('han') ?? 0;
  if (han >= 6 && (simplified + traditional) / han < 0.03) score -= 0.4;
  // a code page made for one script that yields that script
  const own: Record<string, string> = {
    'windows-1255': 'hebrew',
    'windows-1256': 'arabic',
    'iso-8859-7': 'greek',
  };
  if (own[decoder] === bestScript) score += 0.15;
  const kana = counts.get('kana') ?? 0;
  if (decoder === 'shift_jis' || decoder === 'euc-jp') score += kana > 0 ? 0.2 : -0.2;
  if (decoder === 'gb18030') score += 0.05 * Math.sign(simplified - traditional);
  if (decoder === 'big5') score += 0.05 * Math.sign(traditional - simplified);
  if (decoder === 'gb18030' || decoder === 'big5') score -= kana > 0 ? 0.3 : 0;
  // a multi-byte decoding without a single invalid sequence is strong evidence in itself
  if (bad === 0 && ['shift_jis', 'euc-jp', 'euc-kr', 'big5', 'gb18030'].includes(decoder) && best > 0)
    score += 0.3;
  return score;
}

/**
 * Guesses the encoding of a document that declares none and is not UTF-8. Western text has isolated high
 * bytes (an accent here and there) and reads as Windows-1252; text in other scripts has runs of them, and the
 * candidate decoding that yields the most consistent script wins.
 */
export function detectLegacyCharset(bytes: Uint8Array): Charset {
  let runs = 0;
  let high = 0;
  let inRun = false;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! >= 0x80) {
      high++;
      if (!inRun) runs++;
      inRun = true;
    } else inRun = false;
  }
  const western = ALIASES['windows-1252']!;
  if (!high || high / runs <= 2) return western;
  let best: Charset = western;
  let bestScore = plausibility(decodeWith(bytes, 'windows-1252'), 'windows-1252') - 0.5;
  for (const label of DETECT_CANDIDATES) {
    const c = resolveCharset(label);
    if (!c) continue;
    const score = plausibility(decodeWith(bytes, c.decoder), label);
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}
