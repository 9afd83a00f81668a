import { extractArticle } from '../../../../lambdas/core/articles/extract';
import { detectLanguage, primaryLanguage } from '../../../../lambdas/core/articles/language';
import { cleanByline, cleanTitle } from '../../../../lambdas/core/articles/metadata';

const body = `<p>${'The delegation arrived in the capital on Monday for talks on trade and security. '.repeat(8)}</p>`;
const page = (head: string, extra = '') =>
  `<html><head>${head}</head><body><article>${extra}${body}</article></body></html>`;

describe('cleanTitle', () => {
  it.each([
    ['Harbour talks resume | The Coastal Ledger', 'The Coastal Ledger', 'Harbour talks resume'],
    ['The Coastal Ledger - Harbour talks resume', 'The Coastal Ledger', 'Harbour talks resume'],
    ['Harbour talks resume in Port Avalon - Ledger', undefined, 'Harbour talks resume in Port Avalon'],
    ['Lorem ipsum dolor sit amet – My website', undefined, 'Lorem ipsum dolor sit amet'],
    [
      'Harbour talks resume in Port Avalon - coastledger.example',
      undefined,
      'Harbour talks resume in Port Avalon',
    ],
    ['Biden - Xi', undefined, 'Biden - Xi'],
    ['Talks: what comes next', undefined, 'Talks: what comes next'],
  ])('%j → %j', (title, site, expected) => {
    expect(cleanTitle(title, site, 'https://coastledger.example/x')).toBe(expected);
  });
});

describe('cleanByline', () => {
  it.each([
    ['By Mira Okonkwo', 'Mira Okonkwo'],
    ['Dan Goodin - Apr 16, 2015 8:02 pm UTC', 'Dan Goodin'],
    ['Steven Musil January 18, 2017 11:00 PM PST @stevenmusil', 'Steven Musil'],
    ['James Akinaka • 8h', 'James Akinaka'],
    ['Par Sébastien Farcis', 'Sébastien Farcis'],
    ['https://example.com/authors/jane', undefined],
    ['Last Updated: January 7, 2025', undefined],
  ])('%j → %j', (raw, expected) => {
    expect(cleanByline(raw)).toBe(expected);
  });
});

describe('metadata sources', () => {
  const url = 'https://news.example/story';

  it('prefers Dublin Core title and creator over Open Graph and author meta', () => {
    const a = extractArticle(
      page(
        '<meta name="DC.title" content="Dublin title"><meta property="og:title" content="Graph title">' +
          '<meta name="DC.creator" content="Dana Core"><meta name="author" content="Meta Author">',
      ),
      { url },
    );
    expect(a.title).toBe('Dublin title');
    expect(a.byline).toBe('Dana Core');
  });

  it('chooses the JSON-LD name over a headline that the <title> does not confirm', () => {
    const a = extractArticle(
      page(
        '<title>New Zealand - Encyclopedia</title><script type="application/ld+json">' +
          '{"@context":"https://schema.org","@type":"Article","name":"New Zealand","headline":"island country in Oceania"}</script>',
      ),
      { url },
    );
    expect(a.title).toBe('New Zealand');
  });

  it('reads space-separated meta properties and twitter fallbacks', () => {
    const a = extractArticle(
      page(
        '<meta property="og:title twitter:title" content="Shared title"><meta name="twitter:description" content="Tweet text">' +
          '<meta name="twitter:image" content="https://img.example/p.jpg">',
      ),
      { url },
    );
    expect(a.title).toBe('Shared title');
    expect(a.description).toBe('Tweet text');
    expect(a.leadImage).toBe('https://img.example/p.jpg');
  });

  it('finds a byline printed in the page and a site name from JSON-LD publisher, without its slogan', () => {
    const a = extractArticle(
      page(
        '<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Daily Star - News you can use"}}</script>',
        '<div class="article-byline">By Lee Chong-ho</div>',
      ),
      { url },
    );
    expect(a.byline).toBe('Lee Chong-ho');
    expect(a.siteName).toBe('Daily Star');
  });

  it('skips a dateline element that holds only the date when looking for a printed byline', () => {
    const a = extractArticle(
      page(
        '',
        '<span class="dateline">Sunday, Feb 1, 2015 11:57 AM UTC</span><span class="byline">Ruth Okafor</span>',
      ),
      { url },
    );
    expect(a.byline).toBe('Ruth Okafor');
  });

  it('does not read a byline from a navigation menu', () => {
    const a = extractArticle(
      page(
        '',
        '<nav><ul><li><a href="/s">Other story</a> <span class="byline">Menu Writer</span></li></ul></nav>',
      ),
      { url },
    );
    expect(a.byline).toBeUndefined();
  });

  it('takes og:url as the canonical URL when there is no link rel=canonical, and the page URL otherwise', () => {
    expect(extractArticle(page('<meta property="og:url" content="/canon">'), { url }).canonicalUrl).toBe(
      'https://news.example/canon',
    );
    expect(extractArticle(page(''), { url }).canonicalUrl).toBe(url);
  });

  it('uses the opening paragraph as description when the page has none', () => {
    expect(extractArticle(page(''), { url }).description).toMatch(/^The delegation arrived/);
  });

  it('reads language from og:locale and content-language meta', () => {
    expect(extractArticle(page('<meta property="og:locale" content="pt_BR">'), { url }).language).toBe('pt');
    expect(
      extractArticle(page('<meta http-equiv="content-language" content="de-AT">'), { url }).language,
    ).toBe('de');
  });
});

describe('language helpers', () => {
  it('normalises tags to the lower-case primary subtag', () => {
    expect(primaryLanguage('en-GB')).toBe('en');
    expect(primaryLanguage('PT_br')).toBe('pt');
    expect(primaryLanguage('und')).toBeUndefined();
    expect(primaryLanguage('')).toBeUndefined();
  });

  it('detects the language of a paragraph and declines on too little text', () => {
    expect(
      detectLanguage(
        'La délégation est arrivée lundi dans la capitale pour des entretiens sur le commerce et la sécurité.',
      ),
    ).toBe('fr');
    expect(
      detectLanguage(
        'Die Delegation ist am Montag in der Hauptstadt eingetroffen, um über Handel und Sicherheit zu sprechen.',
      ),
    ).toBe('de');
    expect(detectLanguage('ok')).toBeUndefined();
  });
});
