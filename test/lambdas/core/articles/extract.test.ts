import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '../../../../lambdas/core/articles/extract';

const fixture = (name: string) => readFileSync(join(__dirname, '../../../fixtures/articles', name), 'utf8');

describe('extractArticle on a news page with Open Graph metadata and boilerplate', () => {
  const article = extractArticle(fixture('news-article.html'), {
    url: 'https://ledger.example/world/2024/harbour',
  });

  it('reads the Open Graph title without the site suffix', () => {
    expect(article.title).toBe('Harbour talks resume in Port Avalon');
  });

  it('reads site name, description, byline and canonical URL', () => {
    expect(article.siteName).toBe('The Coastal Ledger');
    expect(article.description).toBe('Negotiators from two island states met again over fishing rights.');
    expect(article.byline).toBe('Mira Okonkwo');
    expect(article.canonicalUrl).toBe('https://ledger.example/world/harbour-talks');
  });

  it('resolves the lead image against the page URL', () => {
    expect(article.leadImage).toBe('https://ledger.example/images/harbour.jpg');
  });

  it('converts article:published_time to UTC, respecting its offset', () => {
    expect(article.publishedAt).toBe('2024-03-05T21:30:00.000Z');
    expect(article.modifiedAt).toBe('2024-03-06T08:00:00.000Z');
  });

  it('takes the primary tag of <html lang>', () => {
    expect(article.language).toBe('en');
  });

  it('keeps paragraphs, subheadings, list items and quotes, separated by blank lines', () => {
    const blocks = article.text.split('\n\n');
    expect(blocks[0]).toMatch(/^Delegations from Northport/);
    expect(blocks).toContain('What is on the table');
    expect(blocks).toContain('A shared quota for cod and haddock.');
    expect(article.text).toContain('We came here to finish this');
    expect(blocks[blocks.length - 1]).toMatch(/^A second session is planned/);
  });

  it('drops the byline, share bar, caption, newsletter prompt, read-more line and related links', () => {
    expect(article.text).not.toContain('By Mira Okonkwo');
    expect(article.text).not.toContain('Share on');
    expect(article.text).not.toContain('Photo: Archive');
    expect(article.text).not.toContain('Sign up');
    expect(article.text).not.toContain('Read more');
    expect(article.text).not.toContain('Ferry fares');
    expect(article.text).not.toContain('Copyright');
  });

  it('counts the words of the text', () => {
    expect(article.wordCount).toBe(article.text.split(/\s+/).filter(Boolean).length);
    expect(article.wordCount).toBeGreaterThan(100);
  });
});

describe('extractArticle on a page with JSON-LD', () => {
  const article = extractArticle(fixture('json-ld-article.html'), {
    url: 'https://courier.example/news/budget',
  });

  it('reads headline, authors, publisher, description and image from the @graph', () => {
    expect(article.title).toBe('Budget vote delayed by a week');
    expect(article.byline).toBe('Tomas Reyes, Ana Lind');
    expect(article.siteName).toBe('Valley Courier');
    expect(article.description).toBe('Councillors postponed the vote after a late amendment.');
    expect(article.leadImage).toBe('https://courier.example/img/council.jpg');
  });

  it('reads datePublished and dateModified with their offsets', () => {
    expect(article.publishedAt).toBe('2023-11-20T23:15:00.000Z');
    expect(article.modifiedAt).toBe('2023-11-21T14:00:00.000Z');
  });

  it('uses the trustworthy articleBody, one paragraph per line of it', () => {
    const blocks = article.text.split('\n\n');
    expect(blocks).toHaveLength(3);
    expect(blocks[0]).toMatch(/^The city council postponed/);
    expect(article.text).not.toContain('Advertisement');
  });

  it('takes inLanguage when the document declares no language', () => {
    expect(article.language).toBe('es');
  });
});

describe('extractArticle on microdata and <time> pages', () => {
  it('reads the microdata datePublished and author', () => {
    const article = extractArticle(fixture('microdata-time.html'), { url: 'https://rail.example/strike' });
    expect(article.publishedAt).toBe('2022-07-14T04:45:00.000Z');
    expect(article.byline).toBe('Lea Hartmann');
    expect(article.text).toMatch(/^Train drivers returned to work/);
  });

  it('takes the <time> of the article header, not the one in the comments', () => {
    const article = extractArticle(fixture('time-element.html'), { url: 'https://ville.example/marche' });
    expect(article.publishedAt).toBe('2021-09-03T08:00:00.000Z');
    expect(article.language).toBe('fr');
  });
});

describe('extractArticle fallbacks', () => {
  it('reads a textual German date from a dated element and detects the language from the text', () => {
    const article = extractArticle(fixture('text-date-no-lang.html'), {
      url: 'https://anzeiger.example/bruecke',
    });
    expect(article.publishedAt?.slice(0, 10)).toBe('2020-03-14');
    expect(article.language).toBe('de');
    expect(article.title).toBe('Neue Brücke eröffnet');
  });

  it('falls back to the URL date, then to the feed date', () => {
    const html = fixture('url-date-only.html');
    const fromUrl = extractArticle(html, { url: 'https://city.example/2019/10/02/library-hours' });
    expect(fromUrl.publishedAt).toBe('2019-10-02T00:00:00.000Z');
    const fromFeed = extractArticle(html, {
      url: 'https://city.example/library-hours',
      feedPublishedAt: '2019-10-03T07:00:00Z',
    });
    expect(fromFeed.publishedAt).toBe('2019-10-03T07:00:00.000Z');
  });

  it('prefers the declared HTTP language over the feed language and detection', () => {
    const html = fixture('url-date-only.html').replace('<html lang="en">', '<html>');
    expect(
      extractArticle(html, { url: 'https://x.example/', httpContentLanguage: 'en-US', feedLanguage: 'fr' })
        .language,
    ).toBe('en');
    expect(extractArticle(html, { url: 'https://x.example/', feedLanguage: 'fr-CA' }).language).toBe('fr');
    expect(extractArticle(html, { url: 'https://x.example/' }).language).toBe('en');
  });

  it('uses the feed title when the page has none, and survives an empty page', () => {
    const article = extractArticle('', { url: 'https://x.example/', feedTitle: 'From the feed' });
    expect(article.title).toBe('From the feed');
    expect(article.text).toBe('');
    expect(article.wordCount).toBe(0);
  });
});
