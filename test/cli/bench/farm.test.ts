import { generateFarm, seededRandom } from '../../../cli/bench/farm';

describe('feed farm generation', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = generateFarm({ feeds: 3, items: 4, seed: 5 });
    const b = generateFarm({ feeds: 3, items: 4, seed: 5 });
    const c = generateFarm({ feeds: 3, items: 4, seed: 6 });
    expect(a.feedDocs).toEqual(b.feedDocs);
    expect([...a.articles.values()].map((x) => x.html)).toEqual([...b.articles.values()].map((x) => x.html));
    expect([...c.articles.values()].map((x) => x.html)).not.toEqual(
      [...a.articles.values()].map((x) => x.html),
    );
  });

  it('spreads feeds over hosts, serves RSS and Atom, and cross-lists every fifth item on a host', () => {
    const farm = generateFarm({ feeds: 4, items: 10, hosts: 2, seed: 1 });
    expect(farm.feeds.map((f) => f.host)).toEqual([0, 1, 0, 1]);
    expect(farm.feeds.map((f) => f.format)).toEqual(['rss', 'atom', 'rss', 'atom']);
    expect(farm.feedDocs[1]).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    // Feed 3 (host 0) repeats items 5 and 10 of feed 1.
    expect(farm.feeds[2]?.articlePaths[4]).toBe(farm.feeds[0]?.articlePaths[4]);
    expect(farm.feeds[2]?.articlePaths[9]).toBe(farm.feeds[0]?.articlePaths[9]);
    expect(farm.articles.size).toBe(40 - 4);
  });

  it('writes pages with the structure and weight of a news site', () => {
    const farm = generateFarm({ feeds: 2, items: 6, seed: 3, diplomaticShare: 0.5 });
    const pages = [...farm.articles.values()];
    for (const page of pages) {
      expect(page.html.length).toBeGreaterThan(40_000);
      expect(page.html).toMatch(/<article class="story">[\s\S]*<h1 class="headline">/);
      expect(page.html).toMatch(/<nav class="main-nav">/);
      expect(page.html).toMatch(/<footer class="site-footer">/);
      expect(page.html.match(/<p>/g)?.length ?? 0).toBeGreaterThanOrEqual(9);
    }
    expect(pages.some((p) => p.diplomatic)).toBe(true);
    expect(pages.some((p) => !p.diplomatic)).toBe(true);
    // JSON-LD on even hosts only.
    expect(pages.filter((p) => p.host === 0).every((p) => p.html.includes('application/ld+json'))).toBe(true);
    expect(pages.filter((p) => p.host === 1).some((p) => p.html.includes('application/ld+json'))).toBe(false);
  });

  it('draws numbers in [0, 1) from the seeded generator', () => {
    const rng = seededRandom(42);
    const values = Array.from({ length: 1000 }, rng);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(new Set(values).size).toBeGreaterThan(990);
  });
});
