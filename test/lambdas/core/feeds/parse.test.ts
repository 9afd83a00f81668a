import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { FeedParseError, parseFeed } from '../../../../lambdas/core/feeds/parse';

const fixture = (name: string) => readFileSync(join(__dirname, '../../../fixtures/feeds', name));
const now = new Date('2024-04-01T00:00:00Z');

describe('parseFeed', () => {
  it('parses Atom 1.0 with xml:base, every enclosure, typed titles and dates in UTC', async () => {
    const f = await parseFeed(fixture('atom-base.xml'), { url: 'https://feeds.example.org/x.atom', now });
    expect(f.format).toBe('atom');
    expect(f.title).toBe('Harbour & Lighthouse Gazette');
    expect(f.link).toBe('https://news.example.org/');
    expect(f.language).toBe('en');
    const [first, second] = f.items;
    expect(first?.title).toBe('Envoys meet at the pier');
    expect(first?.url).toBe('https://news.example.org/world/2024/03/envoys-meet?utm_source=rss&id=7#top');
    expect(first?.enclosures).toEqual([
      { url: 'https://news.example.org/world/media/pier.mp3', type: 'audio/mpeg', length: 12345 },
      { url: 'https://news.example.org/world/media/pier.jpg', type: 'image/jpeg' },
    ]);
    expect(first?.publishedAt).toBe('2024-03-19T07:30:00Z');
    expect(first?.updatedAt).toBe('2024-03-19T08:00:00Z');
    expect(first?.author).toBe('Ada Keel');
    expect(first?.categories).toEqual(['diplomacy']);
    // summaries are plain text: tags removed, entities decoded
    expect(first?.summary).toBe('Two ministers talked.');
    // entry-level xml:base overrides the feed's; an Atom text title keeps its angle brackets
    expect(second?.url).toBe('https://archive.example.org/old/tides.html');
    expect(second?.title).toBe('Tide tables <revised>');
  });

  it('parses RSS 2.0: CDATA, entities, all enclosures, GUID permalinks, malformed dates', async () => {
    const f = await parseFeed(fixture('rss2-enclosures.xml'), { url: 'https://radio.example.net/rss', now });
    expect(f.format).toBe('rss');
    expect(f.ttlMinutes).toBe(45);
    expect(f.language).toBe('en-gb');
    const [a, b, c] = f.items;
    expect(a?.title).toBe('Council <votes> on bridge & road');
    expect(a?.guid).toBe('bridge-2024');
    expect(a?.enclosures.map((e) => e.url)).toEqual([
      'https://cdn.example.net/a.mp3',
      'https://cdn.example.net/b.mp3',
      'https://cdn.example.net/c.jpg',
    ]);
    expect(a?.author).toBe('Bo Marsh');
    expect(a?.categories).toEqual(['Council', 'Roads']);
    expect(a?.summary).toBe('Café owners object — loudly.');
    expect(b?.url).toBe('https://radio.example.net/news/guid-only');
    expect(b?.publishedAt).toBe('2024-03-19T15:00:00Z');
    expect(c?.url).toBeUndefined();
    expect(c?.publishedAt).toBeUndefined();
  });

  it('parses RSS 1.0 (RDF) with a non-standard Dublin Core prefix', async () => {
    const f = await parseFeed(fixture('rdf.xml'), { url: 'https://rdf.example.com/rss', now });
    expect(f.format).toBe('rdf');
    expect(f.items[0]?.publishedAt).toBe('2024-02-01T11:00:00Z');
    expect(f.items[0]?.categories).toEqual(['Weather']);
  });

  it('parses Atom 0.3 with escaped content and issued/modified dates', async () => {
    const f = await parseFeed(fixture('atom03.xml'), { url: 'http://old.example.com/atom.xml', now });
    expect(f.format).toBe('atom');
    expect(f.description).toBe('still here');
    expect(f.items[0]).toMatchObject({
      url: 'http://old.example.com/2005/01/legacy',
      publishedAt: '2005-01-02T03:04:05Z',
      updatedAt: '2005-01-03T03:04:05Z',
      summary: 'hello',
    });
  });

  it('parses JSON Feed 1.1 and resolves relative item URLs', async () => {
    const f = await parseFeed(fixture('feed.json'), { url: 'https://kite.example.com/feed.json', now });
    expect(f.format).toBe('json');
    expect(f.items[0]).toMatchObject({
      url: 'https://kite.example.com/posts/strings',
      author: 'Lin Wu',
      publishedAt: '2024-03-01T15:00:00Z',
      enclosures: [{ url: 'https://kite.example.com/s.mp3', type: 'audio/mpeg', length: 99 }],
    });
  });

  it.each([
    ['cp1251.xml', 'Новости дня'],
    ['wrong-prolog.xml', 'Café “Zürich”'],
    ['sjis.xml', '東京ニュース'],
  ])('decodes %s before parsing', async (name, title) => {
    const f = await parseFeed(fixture(name), { url: 'https://example.org/feed', now });
    expect(f.title).toBe(title);
  });

  it('uses the HTTP charset for a feed without a declaration', async () => {
    const bytes = iconv.encode(
      '<rss version="2.0"><channel><title>Žlutý kůň</title></channel></rss>',
      'iso-8859-2',
    );
    const f = await parseFeed(bytes, {
      url: 'https://cz.example/feed',
      contentType: 'text/xml; charset=ISO-8859-2',
    });
    expect(f.title).toBe('Žlutý kůň');
  });

  it('repairs bare ampersands and HTML entities in hand-made feeds', async () => {
    const xml =
      '<rss version="2.0"><channel><title>Tom & Jerry&nbsp;News</title><item><title>A&eacute;</title><link>https://t.example/1?a=1&b=2</link></item></channel></rss>';
    const f = await parseFeed(Buffer.from(xml), { url: 'https://t.example/rss' });
    expect(f.title).toBe('Tom & Jerry\u00a0News'.replace(/\u00a0/g, ' ').replace(/\s+/g, ' '));
    expect(f.items[0]?.title).toBe('Aé');
    expect(f.items[0]?.url).toBe('https://t.example/1?a=1&b=2');
  });

  it('rejects an HTML page with a clear message', async () => {
    await expect(parseFeed(fixture('page.html'), { url: 'https://x.example/' })).rejects.toThrow(
      new FeedParseError('html-page', 'not a feed: HTML page'),
    );
  });

  it('rejects empty bodies, foreign XML and JSON that is not a feed', async () => {
    await expect(parseFeed(Buffer.from('  '), { url: 'https://x.example/' })).rejects.toThrow(
      /empty document/,
    );
    await expect(parseFeed(Buffer.from('<svg></svg>'), { url: 'https://x.example/' })).rejects.toThrow(
      /root element <svg>/,
    );
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(64, 1),
    ]);
    await expect(parseFeed(png, { url: 'https://x.example/' })).rejects.toThrow('not a feed: binary data');
    await expect(parseFeed(Buffer.from('{"a":1}'), { url: 'https://x.example/' })).rejects.toThrow(
      /not a JSON Feed/,
    );
  });

  it('keeps the complete items of a truncated download', async () => {
    const xml =
      '<rss version="2.0"><channel><title>x</title><item><title>y</title><link>https://a.b/1</link></item><item><title>trunc';
    const f = await parseFeed(Buffer.from(xml), { url: 'https://x.example/' });
    expect(f.title).toBe('x');
    expect(f.items.map((i) => i.url)).toEqual(['https://a.b/1']);
  });

  it('survives an element left open in the channel', async () => {
    const xml =
      '<rss version="2.0"><channel><title>x</title><category text="a"><item><title>one</title></item><item><title>two</title></item></channel></rss>';
    const f = await parseFeed(Buffer.from(xml), { url: 'https://x.example/' });
    expect(f.items.map((i) => i.title)).toEqual(['one', 'two']);
  });

  it('reports hopeless XML as malformed, not as a crash', async () => {
    const p = parseFeed(Buffer.from('<rss <<<>>> &&& </'), { url: 'https://x.example/' });
    await expect(p).rejects.toThrow(/malformed feed XML/);
  });

  it('finds a feed wrapped in an XHTML page', async () => {
    const xml =
      '<html xmlns="http://www.w3.org/1999/xhtml"><body><feed xmlns="http://www.w3.org/2005/Atom"><title>W</title><entry><title>e</title><link href="https://w.example/e"/></entry></feed></body></html>';
    const f = await parseFeed(Buffer.from(xml), { url: 'https://w.example/' });
    expect(f.format).toBe('atom');
    expect(f.items[0]?.url).toBe('https://w.example/e');
  });
  it('expands entities declared in the DTD, but keeps a "billion laughs" document small', async () => {
    const levels = ['<!ENTITY l0 "lol">'];
    for (let i = 1; i < 10; i++) levels.push(`<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`);
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [${levels.join('')}<!ENTITY me "Ada">]><rss version="2.0"><channel><title>&l9;</title><item><title>by &me;</title></item></channel></rss>`;
    const f = await parseFeed(Buffer.from(xml), { url: 'https://x.example/' });
    expect(f.items[0]?.title).toBe('by Ada');
    expect((f.title ?? '').length).toBeLessThan(5_000_000);
  });

  it('reads naked HTML in descriptions and Atom 0.3 inline XML in order', async () => {
    const rss =
      '<rss version="2.0"><channel><title>t</title><item><description><p>First <b>bold</b> then plain.</p></description></item></channel></rss>';
    expect((await parseFeed(Buffer.from(rss), { url: 'https://x.example/' })).items[0]?.summary).toBe(
      'First bold then plain.',
    );
    const atom03 =
      '<feed version="0.3" xmlns="http://purl.org/atom/ns#"><entry><title>Example <b>Atom</b> title</title></entry></feed>';
    expect((await parseFeed(Buffer.from(atom03), { url: 'https://x.example/' })).items[0]?.title).toBe(
      'Example Atom title',
    );
  });

  it('repairs double-encoded UTF-8 and C1 punctuation in text', async () => {
    const xml =
      '<rss version="2.0"><channel><title>CafÃ© â€œZÃ¼richâ€\u009d</title><item><title>don\u0092t</title></item></channel></rss>';
    const f = await parseFeed(Buffer.from(xml, 'utf8'), { url: 'https://x.example/' });
    expect(f.title).toBe('Café “Zürich”');
    expect(f.items[0]?.title).toBe('don’t');
  });

  it('reads items of an RSS document that has no channel element', async () => {
    const xml = '<rss><item><title>lonely</title><link>https://x.example/1</link></item></rss>';
    const f = await parseFeed(Buffer.from(xml), { url: 'https://x.example/' });
    expect(f.items.map((i) => i.url)).toEqual(['https://x.example/1']);
  });

  it('takes the language from Content-Language only when the feed states none', async () => {
    const bare = '<rss version="2.0"><channel><title>t</title></channel></rss>';
    const own = '<rss version="2.0"><channel><title>t</title><language>fr_FR</language></channel></rss>';
    expect(
      (await parseFeed(Buffer.from(bare), { url: 'https://x/', contentLanguage: 'de, en' })).language,
    ).toBe('de');
    expect((await parseFeed(Buffer.from(own), { url: 'https://x/', contentLanguage: 'de' })).language).toBe(
      'fr-FR',
    );
  });
  it('stays fast on a broken document with thousands of unclosed elements', async () => {
    const xml = `<rss version="2.0"><channel><title>T</title>${'<item><title>x</title><description>a <b>b</b> '.repeat(5000)}</channel></rss>`;
    const started = Date.now();
    const f = await parseFeed(Buffer.from(xml), { url: 'https://x.example/' });
    expect(f.title).toBe('T');
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
