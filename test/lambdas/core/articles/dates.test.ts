import { dateFromUrl, isDateLine, parsePageDate } from '../../../../lambdas/core/articles/dates';
import { extractArticle, extractPublicationDate } from '../../../../lambdas/core/articles/extract';

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
});
