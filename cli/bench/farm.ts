/**
 * The benchmark's "feed farm": N feeds of M items spread over several loopback hosts (one site server per host,
 * each on its own port, so the fetcher's per-host politeness applies as it would across publishers), with
 * article pages of the size and structure of a real news site: head metadata, JSON-LD on some hosts, inline
 * CSS and scripts, navigation, a story body with figures, quotes and ad slots, related links, comments and a
 * footer. Everything is generated from a seed, so the same seed gives byte-identical feeds and pages.
 */
import type { FeedConfig } from '../../lambdas/core/model';
import { type SiteServer, startSiteServer } from '../local/site-server';

/** What to generate. */
export interface FarmOptions {
  readonly feeds: number;
  readonly items: number;
  /** Loopback hosts (site servers on distinct ports) the feeds are spread over. */
  readonly hosts?: number;
  readonly seed?: number;
  /** Share of articles that report a diplomatic event (the rest are hard negatives: sport, business, weather, ...). */
  readonly diplomaticShare?: number;
  /** Every k-th item of a feed repeats an article of the host's previous feed (a cross-listed story); 0 for none. */
  readonly crossListEvery?: number;
}

/** One generated article. */
export interface FarmArticle {
  readonly path: string;
  readonly host: number;
  readonly title: string;
  readonly summary: string;
  readonly author: string;
  readonly section: string;
  readonly publishedAt: string;
  readonly diplomatic: boolean;
  readonly html: string;
}

/** One generated feed. */
export interface FarmFeed {
  readonly config: FeedConfig;
  readonly host: number;
  readonly path: string;
  readonly format: 'rss' | 'atom';
  /** Paths of the articles it lists, newest first. */
  readonly articlePaths: readonly string[];
}

/** The farm's content as the pipeline sees it once served: feeds with their URLs, pages with their addresses. */
export interface FarmView {
  readonly feeds: readonly FarmFeed[];
  /** Every distinct article, by path. */
  readonly articles: ReadonlyMap<string, FarmArticle>;
  /** Each host's address (`http://127.0.0.1:PORT`). */
  readonly bases: readonly string[];
  /** The feed document as served (with the host's address filled in). */
  feedXml(feed: FarmFeed): string;
  /** The page as served, by host index and path. */
  pageHtml(host: number, path: string): string;
}

/** Requests a farm has served. */
export interface FarmTraffic {
  readonly requests: number;
  readonly notModified: number;
}

/** A farm served from this process. */
export interface Farm extends FarmView {
  readonly servers: readonly SiteServer[];
  traffic(): FarmTraffic;
  close(): Promise<void>;
}

/** mulberry32: a small, fast, seedable PRNG; enough for generating test content deterministically. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T;
const between = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// Country, capital and the title of its foreign minister's office, for the diplomatic templates.
const STATES: readonly [string, string, string][] = [
  ['France', 'Paris', 'Foreign Minister'],
  ['Japan', 'Tokyo', 'Foreign Minister'],
  ['Kenya', 'Nairobi', 'Cabinet Secretary for Foreign Affairs'],
  ['Brazil', 'Brasília', 'Foreign Minister'],
  ['Indonesia', 'Jakarta', 'Foreign Minister'],
  ['Canada', 'Ottawa', 'Foreign Affairs Minister'],
  ['Egypt', 'Cairo', 'Foreign Minister'],
  ['Vietnam', 'Hanoi', 'Foreign Minister'],
  ['Norway', 'Oslo', 'Foreign Minister'],
  ['Chile', 'Santiago', 'Foreign Minister'],
  ['Poland', 'Warsaw', 'Foreign Minister'],
  ['Nigeria', 'Abuja', 'Foreign Minister'],
  ['Mexico', 'Mexico City', 'Foreign Secretary'],
  ['India', 'New Delhi', 'External Affairs Minister'],
  ['Australia', 'Canberra', 'Foreign Minister'],
  ['Turkey', 'Ankara', 'Foreign Minister'],
];
const GIVEN = ['Amara', 'Tomas', 'Keiko', 'Rafael', 'Ingrid', 'Samir', 'Lucia', 'Dmitri', 'Ana', 'Kwame'];
const FAMILY = ['Okafor', 'Lindqvist', 'Tanaka', 'Moreau', 'Haddad', 'Novak', 'Silva', 'Mensah', 'Ortega'];
const TOPICS = [
  'trade in farm goods',
  'a shared power grid',
  'fishing rights along the coast',
  'student exchanges',
  'port investment',
  'visa rules for seasonal workers',
  'a rail link between their capitals',
  'cooperation on flood warnings',
];

const DIPLOMATIC_LEADS = [
  '{A} and {B} signed an agreement on {topic} on {day}, after two days of talks in {capitalA}.',
  "{A}'s {officeA} {nameA} met {B}'s {officeB} {nameB} in {capitalB} on {day} to discuss {topic}.",
  '{A} announced on {day} that it will send an ambassador to {B} for the first time in a decade.',
  '{A} expelled two diplomats from the embassy of {B} on {day}, accusing them of interfering in {topic}.',
  '{A} pledged aid to {B} on {day}, with a package aimed at {topic}.',
];
const DIPLOMATIC_BODY = [
  'Officials from both governments said the meeting had been planned for months.',
  'The talks covered {topic}, a question that has divided the two sides since last year.',
  '{nameA} told reporters that the relationship with {B} was "entering a practical phase".',
  'A joint statement said working groups would meet again before the end of the year.',
  'Opposition members in {capitalA} questioned whether the deal would be ratified quickly.',
  'Diplomats in {capitalB} described the tone of the discussions as frank but constructive.',
  'Trade between {A} and {B} has grown steadily over the past five years.',
  'The ministry in {capitalA} said the text of the agreement would be published next week.',
  '{nameB} said {B} expected concrete results on {topic} within months.',
  'Analysts noted that neither side mentioned the dispute over tariffs that stalled earlier rounds.',
];
const OTHER_STORIES: readonly { section: string; titles: string[]; leads: string[]; body: string[] }[] = [
  {
    section: 'sport',
    titles: [
      'Late goal seals comeback win',
      '{nameA} sets appearance record',
      'Rain fails to dampen derby day',
    ],
    leads: [
      'The home side came from behind to win 3-2 on {day}, with a late goal from {nameA}.',
      '{nameA} broke the club record for appearances on {day} in a draw against the league leaders.',
    ],
    body: [
      'The coach praised the squad for keeping its shape after conceding early.',
      'Supporters filled the stadium despite heavy rain throughout the afternoon.',
      'The result lifts the team to fourth place with six matches left to play.',
      'The visiting goalkeeper made several fine saves in the second half.',
      'Ticket sales for the next home game opened on Monday morning.',
    ],
  },
  {
    section: 'business',
    titles: [
      'Grocer lifts profit forecast',
      'Warehouse plan brings 300 jobs',
      'Shares jump on strong quarter',
    ],
    leads: [
      'Shares in a regional grocery chain rose sharply on {day} after it reported higher quarterly profits.',
      'A logistics firm said on {day} it would open a new warehouse and hire 300 staff.',
    ],
    body: [
      'Chief executive {nameA} said online orders had grown faster than expected.',
      'The company expects costs for fuel and packaging to ease next year.',
      'Investors welcomed the plan to pay down part of the debt taken on last year.',
      'The board will propose a larger dividend at the annual meeting.',
      'Union representatives said they would seek talks on pay for warehouse workers.',
    ],
  },
  {
    section: 'weather',
    titles: ['Storm warning for the coast', 'Late frost hits orchards', 'Ferries cancelled as winds rise'],
    leads: [
      'Forecasters warned of strong winds and heavy rain along the coast from {day}.',
      'A late frost damaged orchards across the valley overnight on {day}.',
    ],
    body: [
      'Residents were advised to secure garden furniture and avoid coastal paths.',
      'Farmers said it was too early to tell how much of the harvest was lost.',
      'The weather service expects temperatures to return to normal by the weekend.',
      'Several ferry crossings were cancelled as a precaution.',
      'Emergency crews cleared fallen trees from two main roads.',
    ],
  },
  {
    section: 'local',
    titles: ['Council approves budget with three libraries', 'Riverside cycle lane opens early'],
    leads: [
      'The city council approved its budget on {day}, including money for three new libraries.',
      'A new cycle lane opened on {day} along the river, linking the old town to the university.',
    ],
    body: [
      'Councillor {nameA} said the plan had been shaped by two rounds of public meetings.',
      'Local businesses had asked for more parking during the construction work.',
      'The project was finished two months ahead of schedule.',
      'Residents can comment on the next phase until the end of the month.',
      'The council will publish a full breakdown of the spending online.',
    ],
  },
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const SECTIONS = [
  'world',
  'politics',
  'business',
  'sport',
  'culture',
  'science',
  'opinion',
  'local',
  'weather',
];

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? name);
}

/** A deterministic block of site CSS or script, sized like the inline assets of a real news page. */
function filler(rng: Rng, kind: 'css' | 'js', bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const id = Math.floor(rng() * 1e6).toString(36);
    const part =
      kind === 'css'
        ? `.c-${id}{margin:${between(rng, 0, 24)}px ${between(rng, 0, 24)}px;padding:0 ${between(rng, 0, 16)}px;color:#${id.padEnd(6, '0').slice(0, 6)};font-size:${between(rng, 12, 22)}px}\n`
        : `window.__q=window.__q||[];__q.push({id:"${id}",slot:"ad-${between(rng, 1, 9)}",sizes:[[300,250],[728,90]],t:${between(rng, 1e5, 9e5)}});\n`;
    parts.push(part);
    size += part.length;
  }
  return parts.join('');
}

interface Story {
  title: string;
  summary: string;
  standfirst: string;
  section: string;
  paragraphs: string[];
  diplomatic: boolean;
  nameA: string;
}

function makeStory(rng: Rng, diplomatic: boolean): Story {
  const [a, b] = (() => {
    const first = pick(rng, STATES);
    let second = pick(rng, STATES);
    while (second === first) second = pick(rng, STATES);
    return [first, second];
  })();
  const vars = {
    A: a[0],
    B: b[0],
    capitalA: a[1],
    capitalB: b[1],
    officeA: a[2],
    officeB: b[2],
    nameA: `${pick(rng, GIVEN)} ${pick(rng, FAMILY)}`,
    nameB: `${pick(rng, GIVEN)} ${pick(rng, FAMILY)}`,
    topic: pick(rng, TOPICS),
    day: pick(rng, DAYS),
  };
  const kind = diplomatic ? undefined : pick(rng, OTHER_STORIES);
  const lead = fill(pick(rng, kind ? kind.leads : DIPLOMATIC_LEADS), vars);
  const bodyPool = kind ? kind.body : DIPLOMATIC_BODY;
  const paragraphs = [lead];
  const count = between(rng, 8, 16);
  for (let i = 0; i < count; i++) {
    const sentences = Array.from({ length: between(rng, 2, 4) }, () => fill(pick(rng, bodyPool), vars));
    paragraphs.push(sentences.join(' '));
  }
  const title = fill(
    pick(
      rng,
      kind?.titles ?? [
        '{A} and {B} agree on {topic}',
        '{A} and {B} hold talks in {capitalB}',
        '{A} and {B}: ministers meet',
      ],
    ),
    vars,
  );
  return {
    title,
    summary: lead,
    standfirst: fill(pick(rng, bodyPool), vars),
    section: kind ? kind.section : 'world',
    paragraphs,
    diplomatic,
    nameA: vars.nameA,
  };
}

function renderPage(
  rng: Rng,
  story: Story,
  meta: { site: string; path: string; author: string; publishedAt: string; jsonLd: boolean },
): string {
  const url = `{{BASE}}${meta.path}`;
  const nav = SECTIONS.map((s) => `<li class="nav-item"><a href="/${s}/">${s}</a></li>`).join('');
  const subnav = Array.from(
    { length: 24 },
    (_, i) => `<li><a href="/${pick(rng, SECTIONS)}/topic-${i}">Topic ${i + 1}</a></li>`,
  ).join('');
  const body: string[] = [];
  story.paragraphs.forEach((p, i) => {
    body.push(`<p>${p}</p>`);
    if (i === 2) {
      body.push(
        `<figure class="inline-image"><img src="/img/${i}-${meta.path.length}.jpg" srcset="/img/${i}-small.jpg 480w, /img/${i}-large.jpg 1200w" alt="Photo" width="1200" height="675"><figcaption>File photo. <span class="credit">Photo: Staff</span></figcaption></figure>`,
      );
    }
    if (i === 4)
      body.push(
        `<aside class="read-more"><strong>Read more:</strong> <a href="/${story.section}/related-${i}">An earlier report on the same subject</a></aside>`,
      );
    if (i === 5) body.push(`<div class="ad-slot" data-slot="mid-article" aria-hidden="true"></div>`);
    if (i === 6) body.push(`<h2>Background</h2>`);
    if (i === 7)
      body.push(`<blockquote><p>"We will keep talking," ${story.nameA} said afterwards.</p></blockquote>`);
  });
  const related = Array.from(
    { length: 10 },
    (_, i) =>
      `<li><a href="/${pick(rng, SECTIONS)}/story-${between(rng, 1000, 9999)}"><span class="rank">${i + 1}</span> ${pick(rng, ['Council sets date for vote', 'Festival returns to the park', 'Prices at the pump fall again', 'New bridge opens to traffic', 'Match report: a late winner'])}</a></li>`,
  ).join('');
  const comments = Array.from(
    { length: between(rng, 2, 6) },
    (_, i) =>
      `<li class="comment"><span class="comment-author">reader${between(rng, 10, 999)}</span><p>${pick(rng, ['Good piece, thanks.', 'I would like to know more about the costs.', 'This has been coming for a while.', 'Not convinced by this at all.'])}</p><a href="#c${i}" class="reply">Reply</a></li>`,
  ).join('');
  const footer = Array.from(
    { length: 40 },
    (_, i) =>
      `<li><a href="/about/page-${i}">${pick(rng, ['About us', 'Contact', 'Careers', 'Advertise', 'Privacy', 'Terms', 'Newsletters', 'Archive'])}</a></li>`,
  ).join('');
  const ld = meta.jsonLd
    ? `<script type="application/ld+json">${JSON.stringify({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: story.title,
        description: story.summary,
        datePublished: meta.publishedAt,
        dateModified: meta.publishedAt,
        author: { '@type': 'Person', name: meta.author },
        publisher: { '@type': 'Organization', name: meta.site },
        mainEntityOfPage: url,
        image: [`{{BASE}}/img/lead.jpg`],
      })}</script>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${story.title} | ${meta.site}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="description" content="${escapeXml(story.summary)}">
<link rel="canonical" href="${url}"><meta property="og:type" content="article"><meta property="og:title" content="${escapeXml(story.title)}">
<meta property="og:url" content="${url}"><meta property="og:image" content="{{BASE}}/img/lead.jpg"><meta property="og:site_name" content="${meta.site}">
<meta name="twitter:card" content="summary_large_image"><meta property="article:published_time" content="${meta.publishedAt}">
<meta property="article:section" content="${story.section}"><meta name="author" content="${meta.author}">
<link rel="stylesheet" href="/static/site.css"><link rel="preload" href="/static/font.woff2" as="font">
<style>${filler(rng, 'css', 12000)}</style>${ld}
<script>${filler(rng, 'js', 30000)}</script>
</head><body class="article-page section-${story.section}">
<div class="cookie-banner" role="dialog"><p>We use cookies to improve your experience.</p><button>Accept</button><button>Settings</button></div>
<header class="site-header"><a class="logo" href="/">${meta.site}</a><nav class="main-nav"><ul>${nav}</ul></nav>
<nav class="sub-nav"><ul>${subnav}</ul></nav><form class="search" action="/search"><input name="q" placeholder="Search"><button>Go</button></form></header>
<div class="breadcrumbs"><a href="/">Home</a> › <a href="/${story.section}/">${story.section}</a></div>
<main id="content"><article class="story">
<h1 class="headline">${story.title}</h1><p class="standfirst">${story.standfirst}</p>
<div class="byline">By <a rel="author" href="/authors/${meta.author.toLowerCase().replace(/\s+/g, '-')}">${meta.author}</a> · <time datetime="${meta.publishedAt}">${new Date(meta.publishedAt).toUTCString()}</time></div>
<figure class="lead-image"><img src="/img/lead.jpg" alt="Lead photo" width="1600" height="900"><figcaption>The scene earlier this week.</figcaption></figure>
<div class="story-body">
${body.join('\n')}
</div>
<div class="tags">${['world', story.section, 'analysis'].map((t) => `<a class="tag" href="/tag/${t}">${t}</a>`).join(' ')}</div>
<div class="share"><a href="#share-email">Email</a> <a href="#share-social">Share</a> <a href="#print">Print</a></div>
</article>
<aside class="most-read"><h2>Most read</h2><ol>${related}</ol></aside>
<section class="comments"><h2>Comments</h2><ul>${comments}</ul></section>
</main>
<footer class="site-footer"><ul>${footer}</ul><p>© ${meta.site}. All rights reserved.</p></footer>
<script>${filler(rng, 'js', 10000)}</script>
</body></html>
`;
}

function renderFeed(
  feed: { title: string; path: string; format: 'rss' | 'atom' },
  items: readonly FarmArticle[],
): string {
  if (feed.format === 'atom') {
    const entries = items
      .map(
        (a) => `<entry><title>${escapeXml(a.title)}</title><link rel="alternate" href="{{BASE}}${a.path}"/>
<id>tag:farm,2024:${a.path}</id><published>${a.publishedAt}</published><updated>${a.publishedAt}</updated>
<author><name>${a.author}</name></author><summary>${escapeXml(a.summary)}</summary><category term="${a.section}"/></entry>`,
      )
      .join('\n');
    return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>${escapeXml(feed.title)}</title><id>{{BASE}}${feed.path}</id>
<link rel="self" href="{{BASE}}${feed.path}"/><updated>${items[0]?.publishedAt ?? '2024-05-01T00:00:00Z'}</updated>
${entries}
</feed>
`;
  }
  const entries = items
    .map(
      (a) => `<item><title>${escapeXml(a.title)}</title><link>{{BASE}}${a.path}</link>
<guid isPermaLink="false">farm-${a.path}</guid><pubDate>${new Date(a.publishedAt).toUTCString()}</pubDate>
<dc:creator>${a.author}</dc:creator><category>${a.section}</category><description>${escapeXml(a.summary)}</description></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
<title>${escapeXml(feed.title)}</title><link>{{BASE}}/</link><description>Latest stories</description><language>en</language>
<atom:link href="{{BASE}}${feed.path}" rel="self" type="application/rss+xml"/><ttl>15</ttl>
${entries}
</channel></rss>
`;
}

/** Generates the farm's content (no servers): feeds, their items and every distinct article page. */
export function generateFarm(options: FarmOptions): {
  feeds: Omit<FarmFeed, 'config'>[];
  feedTitles: string[];
  articles: Map<string, FarmArticle>;
  feedDocs: string[];
} {
  const hosts = hostCount(options);
  const rng = seededRandom(options.seed ?? 7);
  const share = options.diplomaticShare ?? 0.4;
  const crossEvery = options.crossListEvery ?? 5;
  const articles = new Map<string, FarmArticle>();
  const feeds: Omit<FarmFeed, 'config'>[] = [];
  const feedTitles: string[] = [];
  const feedDocs: string[] = [];
  const lastFeedOfHost = new Map<number, string[]>();
  const base = Date.parse('2024-05-01T06:00:00Z');
  let serial = 0;
  for (let f = 0; f < options.feeds; f++) {
    const host = f % hosts;
    const site = `Farm Herald ${host + 1}`;
    const format: 'rss' | 'atom' = host === hosts - 1 && hosts > 1 ? 'atom' : 'rss';
    const path = `/feeds/feed-${f + 1}.${format === 'atom' ? 'atom' : 'xml'}`;
    const previous = lastFeedOfHost.get(host) ?? [];
    const paths: string[] = [];
    for (let i = 0; i < options.items; i++) {
      const cross = crossEvery > 0 && i % crossEvery === crossEvery - 1 ? previous[i] : undefined;
      if (cross) {
        paths.push(cross);
        continue;
      }
      serial++;
      const story = makeStory(rng, rng() < share);
      const publishedAt = new Date(base - serial * 7 * 60_000).toISOString().replace('.000', '');
      const day = publishedAt.slice(0, 10).replaceAll('-', '/');
      const slug = story.title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 60);
      const articlePath = `/${story.section}/${day}/${slug}-${serial}.html`;
      const author = `${pick(rng, GIVEN)} ${pick(rng, FAMILY)}`;
      const html = renderPage(rng, story, {
        site,
        path: articlePath,
        author,
        publishedAt,
        jsonLd: host % 2 === 0,
      });
      articles.set(articlePath, {
        path: articlePath,
        host,
        title: story.title,
        summary: story.summary,
        author,
        section: story.section,
        publishedAt,
        diplomatic: story.diplomatic,
        html,
      });
      paths.push(articlePath);
    }
    lastFeedOfHost.set(host, paths);
    const title = `${site}: feed ${f + 1}`;
    feeds.push({ host, path, format, articlePaths: paths });
    feedTitles.push(title);
    feedDocs.push(
      renderFeed(
        { title, path, format },
        paths.map((p) => articles.get(p) as FarmArticle),
      ),
    );
  }
  return { feeds, feedTitles, articles, feedDocs };
}

/** The generated content of a farm. */
export type GeneratedFarm = ReturnType<typeof generateFarm>;

/** How many hosts a farm of these options spreads over. */
export function hostCount(options: FarmOptions): number {
  return Math.max(1, Math.min(options.hosts ?? 4, options.feeds));
}

/** Serves generated content from one loopback site server per host. */
export async function serveFarm(generated: GeneratedFarm, hosts: number): Promise<SiteServer[]> {
  const feedByHostPath = new Map<string, number>();
  generated.feeds.forEach((f, i) => void feedByHostPath.set(`${f.host} ${f.path}`, i));
  const servers: SiteServer[] = [];
  // Bodies are filled in once per host: the farm stands for other people's servers, so it should cost as
  // little as possible.
  const served = new Map<string, string>();
  const once = (key: string, make: () => string) => {
    let body = served.get(key);
    if (body === undefined) {
      body = make();
      served.set(key, body);
    }
    return body;
  };
  try {
    for (let host = 0; host < hosts; host++) {
      servers.push(
        await startSiteServer({
          handler: (path, base) => {
            const feedIndex = feedByHostPath.get(`${host} ${path}`);
            if (feedIndex !== undefined) {
              const feed = generated.feeds[feedIndex];
              return {
                body: once(`${host} ${path}`, () =>
                  (generated.feedDocs[feedIndex] as string).replaceAll('{{BASE}}', base),
                ),
                contentType:
                  feed?.format === 'atom'
                    ? 'application/atom+xml; charset=utf-8'
                    : 'application/rss+xml; charset=utf-8',
              };
            }
            const article = generated.articles.get(path);
            if (!article || article.host !== host) return undefined;
            return {
              body: once(`${host} ${path}`, () => article.html.replaceAll('{{BASE}}', base)),
              contentType: 'text/html; charset=utf-8',
            };
          },
        }),
      );
    }
  } catch (error) {
    await Promise.all(servers.map((s) => s.close()));
    throw error;
  }
  return servers;
}

/** Requests served so far by these servers. */
export function trafficOf(servers: readonly SiteServer[]): FarmTraffic {
  let requests = 0;
  let notModified = 0;
  for (const server of servers) {
    requests += server.requests.length;
    for (const r of server.requests) if (r.status === 304) notModified++;
  }
  return { requests, notModified };
}

/** The farm as seen from the pipeline, given where each host is served. */
export function viewFarm(generated: GeneratedFarm, bases: readonly string[]): FarmView {
  const feeds: FarmFeed[] = generated.feeds.map((f, i) => ({
    ...f,
    config: {
      id: `farm-${String(i + 1).padStart(3, '0')}`,
      url: `${bases[f.host]}${f.path}`,
      publisher: `Farm Herald ${f.host + 1}`,
      language: 'en',
    },
  }));
  return {
    feeds,
    articles: generated.articles,
    bases,
    feedXml: (feed) =>
      (generated.feedDocs[feeds.indexOf(feed)] as string).replaceAll('{{BASE}}', bases[feed.host] ?? ''),
    pageHtml: (host, path) =>
      (generated.articles.get(path)?.html ?? '').replaceAll('{{BASE}}', bases[host] ?? ''),
  };
}

/** Generates the farm and serves it from this process. */
export async function startFarm(options: FarmOptions): Promise<Farm> {
  const generated = generateFarm(options);
  const servers = await serveFarm(generated, hostCount(options));
  return {
    ...viewFarm(
      generated,
      servers.map((s) => s.base),
    ),
    servers,
    traffic: () => trafficOf(servers),
    close: async () => {
      await Promise.all(servers.map((s) => s.close()));
    },
  };
}
