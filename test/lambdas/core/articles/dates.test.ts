import { dateFromUrl, isDateLine, parsePageDate } from '../../../../lambdas/core/articles/dates';
import { extractArticle, extractPublicationDate } from '../../../../lambdas/core/articles/extract';
import { balanceJson } from '../../../../lambdas/core/articles/json-ld';

describe('parsePageDate', () => {
  it.each([
    ['2020-06-07T10:00:00+03:00', '2020-06-07T07:00:00.000Z', '2020-06-07'],
    ['2020-06-07T01:30:00+0300', '2020-06-06T22:30:00.000Z', '2020-06-07'],
    ['2020-06-07 10:00:00', '2020-06-07T10:00:00.000Z', '2020-06-07'],
    ['Sun, 07 Jun 2020 10:00:00 GMT', '2020-06-07T10:00:00.000Z', '2020-06-07'],
    ['June 7, 2020 at 6:40 PM EDT', '2020-06-07T22:40:00.000Z', '2020-06-07'],
    ['14. März 2020', '2020-03-14T00:00:00.000Z', '2020-03-14'],
    ['3 de septiembre de 2021', '2021-09-03T00:00:00.000Z', '2021-09-03'],
    ['22/11/2020 - 04:30', '2020-11-22T04:30:00.000Z', '2020-11-22'],
    ['09.08.2020 u 10:52', '2020-08-09T10:52:00.000Z', '2020-08-09'],
    ['2020年4月17日', '2020-04-17T00:00:00.000Z', '2020-04-17'],
    ['الأربعاء، ٠٧ أكتوبر ٢٠٢٠', '2020-10-07T00:00:00.000Z', '2020-10-07'],
    ['20200607', '2020-06-07T00:00:00.000Z', '2020-06-07'],
  ])('%j → %s', (raw, iso, day) => {
    const d = parsePageDate(raw);
    expect(d?.iso).toBe(iso);
    expect(d?.day).toBe(day);
  });

  it('reads numeric dates month-first only for US pages or when the day cannot be a month', () => {
    expect(parsePageDate('06/07/2020')?.day).toBe('2020-07-06');
    expect(parsePageDate('06/07/2020', 'text', true)?.day).toBe('2020-06-07');
    expect(parsePageDate('12/25/2020')?.day).toBe('2020-12-25');
  });

  it('rejects impossible and implausible dates', () => {
    expect(parsePageDate('2021-02-30')).toBeUndefined();
    expect(parsePageDate('1970-01-01')).toBeUndefined();
    expect(parsePageDate('no date here')).toBeUndefined();
  });
});

describe('dateFromUrl', () => {
  it('reads /yyyy/mm/dd/ and compact dates, not article ids', () => {
    expect(dateFromUrl('https://x.example/2019/11/20/story.html')?.day).toBe('2019-11-20');
    expect(dateFromUrl('https://x.example/news/story-20191120.html')?.day).toBe('2019-11-20');
    expect(dateFromUrl('https://x.example/news/471031-story')).toBeUndefined();
  });
});

describe('date sources in a page', () => {
  const page = (head: string, body = '') =>
    `<html><head>${head}</head><body><h1>Headline of the story</h1>${body}<p>${'Words of the story. '.repeat(30)}</p></body></html>`;

  it('prefers JSON-LD over meta tags', () => {
    const html = page(
      '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-05-01T12:00:00Z"}</script>' +
        '<meta property="article:published_time" content="2021-04-30T12:00:00Z">',
    );
    expect(extractArticle(html, { url: 'https://x.example/a' }).publishedAt).toBe('2021-05-01T12:00:00.000Z');
  });

  it('reads Dublin Core and parsely meta tags', () => {
    expect(
      extractPublicationDate(page('<meta name="DC.date.issued" content="2018-02-03">'), {
        url: 'https://x.example/a',
      })?.day,
    ).toBe('2018-02-03');
    expect(
      extractPublicationDate(page('<meta name="parsely-pub-date" content="2018-02-04T08:00:00Z">'), {
        url: 'https://x.example/a',
      })?.day,
    ).toBe('2018-02-04');
  });

  it('falls back to a date printed after the headline', () => {
    const html = page('', '<div class="tagline">22/11/2020 - 04:30 - Source: Agency</div>');
    expect(extractPublicationDate(html, { url: 'https://x.example/a' })?.day).toBe('2020-11-22');
  });

  it('takes the newsroom day for a UTC stamp just after midnight when the URL says the day before', () => {
    const html = page('<meta property="article:published_time" content="2020-02-18T02:18:11Z">');
    const d = extractPublicationDate(html, { url: 'https://x.example/2020/02/17/story/' });
    expect(d?.day).toBe('2020-02-17');
    expect(d?.iso).toBe('2020-02-18T02:18:11.000Z');
  });

  it('does not move a UTC stamp in the middle of the day', () => {
    const html = page('<meta property="article:published_time" content="2020-07-09T10:04:04Z">');
    expect(extractPublicationDate(html, { url: 'https://x.example/2020/07/08/story/' })?.day).toBe(
      '2020-07-09',
    );
  });

  it('treats a lone update line as a date line', () => {
    expect(isDateLine('Updated 3:27 am PST, Wednesday, November 20, 2019')).toBe(true);
  });

  it('reads a JSON-LD date from a block with one closing brace too many', () => {
    const html = page(
      '<script type="application/ld+json">{"@type":"NewsArticle","headline":"A","datePublished":"2021-03-04T09:00:00+01:00"}}</script>',
      '<div class="article-date">01.01.2019 u 10:00</div>',
    );
    expect(extractPublicationDate(html, { url: 'https://x.example/a' })?.source).toBe(
      'json-ld:datePublished',
    );
    expect(extractPublicationDate(html, { url: 'https://x.example/a' })?.day).toBe('2021-03-04');
  });

  it('reads ISO stamps with single-digit seconds and keeps their zone', () => {
    expect(parsePageDate('2020-12-05T23:15:0Z')?.iso).toBe('2020-12-05T23:15:00.000Z');
  });

  it('prefers the date of the canonical address to a date element in the site header', () => {
    const html = `<html><head><link rel="canonical" href="https://y.example/world/fire-contained-20200113"></head><body>
      <header><div class="logo">Site</div><span class="date">Tue, 14 Jan 2020</span></header>
      <h2>Fire contained</h2><p>${'Words of the story. '.repeat(30)}</p></body></html>`;
    const d = extractPublicationDate(html, { url: 'https://x.example/news/263700449/fire-contained' });
    expect(d?.day).toBe('2020-01-13');
    expect(d?.source).toBe('url');
  });

  it('keeps an element date that agrees with the address', () => {
    const html = page('', '<span class="date">13 Jan 2020, 22:11</span>');
    const d = extractPublicationDate(html, { url: 'https://x.example/2020/01/13/story' });
    expect(d?.source).toBe('element');
    expect(d?.iso).toBe('2020-01-13T22:11:00.000Z');
  });

  it('takes a line that only states a date over a date inside a picture caption', () => {
    const html = page(
      '',
      '<div>FILE PHOTO: The minister speaks at a ceremony in the capital, January 16, 2020. Photographer/Agency</div><p>January 18, 2020</p>',
    );
    expect(extractPublicationDate(html, { url: 'https://x.example/a/' })?.day).toBe('2020-01-18');
  });

  it('moves a UTC stamp to the day the page prints in its marked date element', () => {
    const html = page(
      '<meta property="article:published_time" content="2020-12-05T23:15:00Z">',
      '<p itemprop="datePublished">06 dicembre 2020</p>',
    );
    const d = extractPublicationDate(html, { url: 'https://x.example/news/1265473/story.html' });
    expect(d?.day).toBe('2020-12-06');
    expect(d?.iso).toBe('2020-12-05T23:15:00.000Z');
  });

  it("without a printed day, puts a UTC stamp near midnight on the newsroom's day from the site's country", () => {
    const stamp = '<meta property="article:published_time" content="2020-08-25T00:23:33Z">';
    expect(extractPublicationDate(page(stamp), { url: 'https://news.example.ca/story/1' })?.day).toBe(
      '2020-08-24',
    );
    const us = page(`${stamp}<meta property="og:locale" content="en_US">`);
    expect(extractPublicationDate(us, { url: 'https://news.example.com/story/1' })?.day).toBe('2020-08-24');
    // No country known: the UTC day stands; a country east of UTC is on the same day anyway.
    expect(extractPublicationDate(page(stamp), { url: 'https://news.example.com/story/1' })?.day).toBe(
      '2020-08-25',
    );
    expect(extractPublicationDate(page(stamp), { url: 'https://news.example.de/story/1' })?.day).toBe(
      '2020-08-25',
    );
  });

  it("reads the printed day from a <time> element's text and prefers it to the country's zone", () => {
    const stamp = '<meta property="article:published_time" content="2020-08-25T00:23:33Z">';
    const printedNext = page(stamp, '<time datetime="2020-08-25T00:23:33Z">August 25, 2020</time>');
    // The site is Canadian, but the page itself prints the UTC day: that is the day readers saw.
    expect(extractPublicationDate(printedNext, { url: 'https://news.example.ca/story/1' })?.day).toBe(
      '2020-08-25',
    );
    const printedBefore = page(stamp, '<time datetime="2020-08-25T00:23:33Z">24/08/2020 20:23</time>');
    expect(extractPublicationDate(printedBefore, { url: 'https://news.example.fr/story/1' })?.day).toBe(
      '2020-08-24',
    );
  });

  it('puts a late-evening UTC stamp on the next day for a site east of UTC, not for one west of it', () => {
    const stamp = '<meta property="article:published_time" content="2020-03-10T23:30:00Z">';
    expect(extractPublicationDate(page(stamp), { url: 'https://news.example.it/a/1' })?.day).toBe(
      '2020-03-11',
    );
    expect(extractPublicationDate(page(stamp), { url: 'https://news.example.com.br/a/1' })?.day).toBe(
      '2020-03-10',
    );
  });
});

describe('balanceJson', () => {
  it('drops a stray closer, closes what is left open and removes trailing commas', () => {
    expect(JSON.parse(balanceJson('{"a":{"b":"}"}}}'))).toEqual({ a: { b: '}' } });
    expect(JSON.parse(balanceJson('{"a":[1,2,'))).toEqual({ a: [1, 2] });
  });
});
