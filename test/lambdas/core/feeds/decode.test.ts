import iconv from 'iconv-lite';
import {
  charsetFromContentType,
  decodeDocument,
  htmlMetaCharset,
} from '../../../../lambdas/core/feeds/decode';

const xml = (enc: string, body: string) =>
  `<?xml version="1.0" encoding="${enc}"?><rss><title>${body}</title></rss>`;

describe('decodeDocument', () => {
  it('reads the XML declaration when there is no BOM and no HTTP charset', () => {
    const bytes = iconv.encode(xml('windows-1251', 'Новости'), 'windows-1251');
    const r = decodeDocument(bytes, { kind: 'xml' });
    expect(r.charset).toBe('windows-1251');
    expect(r.text).toContain('Новости');
  });

  it('lets the HTTP charset win over the XML declaration', () => {
    const bytes = iconv.encode(xml('iso-8859-1', 'Привет'), 'koi8-r');
    const r = decodeDocument(bytes, { kind: 'xml', contentType: 'application/rss+xml; charset="KOI8-R"' });
    expect(r.charset).toBe('koi8-r');
    expect(r.text).toContain('Привет');
  });

  it('lets a byte-order mark win over everything', () => {
    const body = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      iconv.encode(xml('iso-8859-1', 'Ωμέγα'), 'utf-16le'),
    ]);
    const r = decodeDocument(body, { kind: 'xml', contentType: 'text/xml; charset=iso-8859-1' });
    expect(r.charset).toBe('utf-16le');
    expect(r.text.startsWith('<?xml')).toBe(true);
    expect(r.text).toContain('Ωμέγα');
  });

  it('detects UTF-16 without a BOM from the byte layout', () => {
    const r = decodeDocument(iconv.encode(xml('utf-16', 'x'), 'utf-16be'), { kind: 'xml' });
    expect(r.charset).toBe('utf-16be');
    expect(r.text).toContain('<title>x</title>');
  });

  it('survives a legacy declaration over UTF-8 bytes', () => {
    const r = decodeDocument(Buffer.from(xml('ISO-8859-1', 'Café €'), 'utf8'), { kind: 'xml' });
    expect(r.charset).toBe('utf-8');
    expect(r.text).toContain('Café €');
  });

  it('survives a UTF-8 declaration over Windows-1252 bytes', () => {
    const r = decodeDocument(iconv.encode(xml('utf-8', 'naïve “quotes”'), 'windows-1252'), { kind: 'xml' });
    expect(r.charset).toBe('windows-1252');
    expect(r.text).toContain('naïve “quotes”');
  });

  it('ignores a bogus charset label and falls back to UTF-8', () => {
    const r = decodeDocument(Buffer.from(xml('no-such-charset', 'ok ✓'), 'utf8'), { kind: 'xml' });
    expect(r.charset).toBe('utf-8');
    expect(r.text).toContain('ok ✓');
  });

  it.each([
    ['shift_jis', '外務大臣', 'shift_jis'],
    ['euc-jp', '外務大臣', 'euc-jp'],
    ['gb2312', '外交部', 'gb18030'],
    ['big5', '外交部長', 'big5'],
    ['windows-1255', 'שלום', 'windows-1255'],
    ['euc-kr', '외교부', 'euc-kr'],
  ])('decodes legacy %s', (label, text, name) => {
    const r = decodeDocument(iconv.encode(xml(label, text), label), { kind: 'xml' });
    expect(r.charset).toBe(name);
    expect(r.text).toContain(text);
  });

  it('reads an HTML meta charset, even one placed after the first 1024 bytes', () => {
    const padding = `<script>${'x'.repeat(2000)}</script>`;
    const html = `<html><head>${padding}<meta charset="iso-8859-2"><title>Łódź</title></head><body></body></html>`;
    const r = decodeDocument(iconv.encode(html, 'iso-8859-2'), { kind: 'html' });
    expect(r.charset).toBe('iso-8859-2');
    expect(r.text).toContain('Łódź');
  });

  it('reads the http-equiv form of the HTML meta charset', () => {
    const html =
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><title>Мир</title></head></html>';
    const r = decodeDocument(iconv.encode(html, 'windows-1251'), { kind: 'html' });
    expect(r.charset).toBe('windows-1251');
    expect(r.text).toContain('Мир');
  });

  it.each([
    [
      'windows-1251',
      'Министр иностранных дел России провёл переговоры с коллегой из Китая в Москве.',
      'windows-1251',
    ],
    ['koi8-r', 'Министр иностранных дел России провёл переговоры с коллегой из Китая в Москве.', 'koi8-r'],
    ['shift_jis', '外務大臣は北京で中国の外相と会談し、両国の関係について話し合った。', 'shift_jis'],
    ['euc-jp', '外務大臣は北京で中国の外相と会談し、両国の関係について話し合った。', 'euc-jp'],
    ['gb2312', '外交部长在北京会见了来访的俄罗斯外长，双方就两国关系交换了意见。', 'gb18030'],
    ['big5', '外交部長在北京會見了來訪的俄羅斯外長，雙方就兩國關係交換了意見。', 'big5'],
    ['euc-kr', '외교부 장관은 베이징에서 중국 외교부장과 회담을 갖고 양국 관계를 논의했다.', 'euc-kr'],
    ['windows-1255', 'שר החוץ נפגש עם עמיתו הסיני בבייג׳ינג ודן ביחסים בין המדינות.', 'windows-1255'],
    [
      'windows-1252',
      'Le ministre a rencontré son homologue à Genève pour évoquer la coopération.',
      'windows-1252',
    ],
  ])('guesses undeclared %s from the bytes', (label, text, name) => {
    const bytes = iconv.encode(`<rss><channel><title>${text}</title></channel></rss>`, label);
    const r = decodeDocument(bytes, { kind: 'xml' });
    expect(r.charset).toBe(name);
    expect(r.text).toContain(text);
  });

  it('decodes JSON as UTF-8 by default', () => {
    const r = decodeDocument(Buffer.from('{"title":"Zoë"}', 'utf8'), { kind: 'json' });
    expect(JSON.parse(r.text).title).toBe('Zoë');
  });
});

describe('charset helpers', () => {
  it('parses quoted and spaced charset parameters', () => {
    expect(charsetFromContentType("text/xml;charset= 'us-ascii'")).toBe('us-ascii');
    expect(charsetFromContentType('text/html; CHARSET="UTF-8"')).toBe('UTF-8');
    expect(charsetFromContentType('text/xml')).toBeUndefined();
  });
  it('finds no meta charset in a page without one', () => {
    expect(htmlMetaCharset('<head><meta name="x" content="y"></head>')).toBeUndefined();
  });
});
