import { articleIdentity, canonicalArticleUrl, dedupeItems } from '../../../../lambdas/core/feeds/identity';
import type { FeedItem } from '../../../../lambdas/core/model';

const feed = { id: 'harbour', url: 'https://news.example.org/feed' };
const item = (over: Partial<FeedItem>): FeedItem => ({ categories: [], enclosures: [], ...over });

describe('canonicalArticleUrl', () => {
  it('lower-cases scheme and host, drops default port, fragment and tracking, sorts the query', () => {
    expect(
      canonicalArticleUrl(
        'HTTPS://News.Example.ORG:443/World/Story?utm_source=rss&b=2&fbclid=x&a=1&gclid=y#comments',
      ),
    ).toBe('https://news.example.org/World/Story?a=1&b=2');
  });
  it('keeps the path case and parameters that select content', () => {
    expect(canonicalArticleUrl('http://example.com:80/A/b?id=5&page=2')).toBe(
      'http://example.com/A/b?id=5&page=2',
    );
  });
  it('drops an empty query entirely', () => {
    expect(canonicalArticleUrl('https://example.com/x?utm_medium=email')).toBe('https://example.com/x');
  });
});

describe('articleIdentity', () => {
  it('gives the same id when only the title or GUID changes', () => {
    const a = articleIdentity(item({ url: 'https://e.com/a?utm_campaign=z', guid: '1', title: 'Old' }), feed);
    const b = articleIdentity(item({ url: 'https://E.com/a#top', guid: '2', title: 'New' }), feed);
    expect(a?.articleId).toMatch(/^[0-9a-f]{16}$/);
    expect(a).toEqual(b);
  });
  it('does not let a GUID repeated across items swallow distinct links', () => {
    const a = articleIdentity(item({ url: 'https://e.com/a', guid: 'same' }), feed);
    const b = articleIdentity(item({ url: 'https://e.com/b', guid: 'same' }), feed);
    expect(a?.articleId).not.toBe(b?.articleId);
  });
  it('gives the same article from two feeds one id', () => {
    const a = articleIdentity(item({ url: 'https://e.com/a' }), feed);
    const b = articleIdentity(item({ url: 'https://e.com/a' }), { id: 'other', url: 'https://x.org/rss' });
    expect(a).toEqual(b);
  });
  it('falls back to the GUID, scoped to the feed, when there is no usable link', () => {
    const a = articleIdentity(item({ guid: 'opaque-42', url: 'javascript:void(0)' }), feed);
    const b = articleIdentity(item({ guid: 'opaque-42' }), { id: 'other', url: 'https://x.org/rss' });
    expect(a?.canonicalUrl).toBe('urn:newswire:harbour:opaque-42');
    expect(a?.articleId).not.toBe(b?.articleId);
  });
  it('uses a GUID that is a URL as the canonical URL', () => {
    const a = articleIdentity(item({ guid: 'https://e.com/p?utm_source=x' }), feed);
    expect(a?.canonicalUrl).toBe('https://e.com/p');
  });
  it('returns undefined for an item with neither link nor GUID', () => {
    expect(articleIdentity(item({ title: 'orphan' }), feed)).toBeUndefined();
  });
  it('dedupes repeats within one poll, keeping the first', () => {
    const out = dedupeItems(
      [
        item({ url: 'https://e.com/a', title: '1' }),
        item({ url: 'https://e.com/a#x', title: '2' }),
        item({}),
      ],
      feed,
    );
    expect(out.map((o) => o.item.title)).toEqual(['1']);
  });
});
