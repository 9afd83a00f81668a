import { parseFeed } from '../../../../lambdas/core/feeds/parse';

const rss = (channel: string) =>
  Buffer.from(
    `<?xml version="1.0"?><rss version="2.0"><channel>${channel}<item><title>A</title><link>https://news.example/a</link></item></channel></rss>`,
  );

test('a feed without a title is named after its site, and says so', async () => {
  const feed = await parseFeed(rss('<title></title><link>https://www.harbour.example/</link>'), {
    url: 'https://feeds.harbour.example/rss',
  });
  expect(feed).toMatchObject({ title: 'harbour.example', titleSource: 'site' });
});

test('with no site link either, the feed is named after its own host', async () => {
  const feed = await parseFeed(rss(''), { url: 'https://feeds.harbour.example/rss' });
  expect(feed).toMatchObject({ title: 'feeds.harbour.example', titleSource: 'site' });
});

test("a feed's own title is kept as it is", async () => {
  const feed = await parseFeed(rss('<title>Harbour Times</title>'), {
    url: 'https://feeds.harbour.example/rss',
  });
  expect(feed.title).toBe('Harbour Times');
  expect(feed.titleSource).toBeUndefined();
});
