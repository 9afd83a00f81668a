/**
 * Turns the bytes of a feed, an HTML page or a JSON document into text, choosing the character encoding the way
 * browsers and careful feed readers do: byte-order mark, then the HTTP `charset`, then the document's own
 * declaration (XML prolog or HTML `<meta>`), then UTF-8. Declarations are often wrong in the wild (a prolog that
 * says ISO-8859-1 over UTF-8 bytes, a server default of `charset=iso-8859-1`), so a declaration that the bytes
 * contradict is overruled instead of producing mojibake.
 */
import iconv from 'iconv-lite';

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
  'euc-kr': { name: 'euc-kr', decoder: 'cp949' },
  'ks_c_5601-1987': { name: 'euc-kr', decoder: 'cp949' },
  cp949: { name: 'euc-kr', decoder: 'cp949' },
  big5: { name: 'big5', decoder: 'big5hkscs' },
  'big5-hkscs': { name: 'big5', decoder: 'big5hkscs' },
  'x-x-big5': { name: 'big5', decoder: 'big5hkscs' },
  shift_jis: { name: 'shift_jis', decoder: 'cp932' },
  'shift-jis': { name: 'shift_jis', decoder: 'cp932' },
  sjis: { name: 'shift_jis', decoder: 'cp932' },
  'x-sjis': { name: 'shift_jis', decoder: 'cp932' },
  ms_kanji: { name: 'shift_jis', decoder: 'cp932' },
  'windows-31j': { name: 'shift_jis', decoder: 'cp932' },
  'euc-jp': { name: 'euc-jp', decoder: 'euc-jp' },
  'x-euc-jp': { name: 'euc-jp', decoder: 'euc-jp' },
  'tis-620': { name: 'windows-874', decoder: 'windows-874' },
  'iso-8859-11': { name: 'windows-874', decoder: 'windows-874' },
  'iso-8859-9': { name: 'windows-1254', decoder: 'windows-1254' },
  'iso-8859-8-i': { name: 'iso-8859-8', decoder: 'iso-8859-8' },
  'x-mac-roman': { name: 'macintosh', decoder: 'macintosh' },
  'x-mac-cyrillic': { name: 'x-mac-cyrillic', decoder: 'maccyrillic' },
  'utf-16': { name: 'utf-16le', decoder: 'utf-16le' },
  'utf-16le': { name: 'utf-16le', decoder: 'utf-16le' },
  'utf-16be': { name: 'utf-16be', decoder: 'utf-16be' },
  'utf-32': { name: 'utf-32le', decoder: 'utf-32le' },
  'utf-32le': { name: 'utf-32le', decoder: 'utf-32le' },
  'utf-32be': { name: 'utf-32be', decoder: 'utf-32be' },
  'iso-10646-ucs-2': { name: 'utf-16le', decoder: 'utf-16le' },
};

interface Charset {
  readonly name: string;
  readonly decoder: string;
}

/** Resolves a charset label to a decoder iconv-lite knows, or undefined for a bogus label. */
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
  if (iconv.encodingExists(clean)) return { name: clean, decoder: clean };
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
    return { text: iconv.decode(Buffer.from(body), bom.charset.decoder), charset: bom.charset.name };
  }

  const wide = sniffWideCharset(bytes);
  if (wide) return { text: stripBom(iconv.decode(Buffer.from(bytes), wide.decoder)), charset: wide.name };

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
  if (!chosen) chosen = validUtf8 ? utf8 : ALIASES['windows-1252']!;
  return { text: stripBom(iconv.decode(Buffer.from(bytes), chosen.decoder)), charset: chosen.name };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
