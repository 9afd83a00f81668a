import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDateLine } from '../../../../lambdas/core/articles/dates';
import { extractArticle, parseDocument, slimHtml } from '../../../../lambdas/core/articles/extract';
import { extractMainBlocks, isBylineBlock, isPromptBlock } from '../../../../lambdas/core/articles/main-text';

const fixture = (name: string) => readFileSync(join(__dirname, '../../../fixtures/articles', name), 'utf8');

describe('cleanup rules on a page full of furniture', () => {
  const { text } = extractArticle(fixture('cleanup-rules.html'), { url: 'https://metro.example/tram' });
  const blocks = text.split('\n\n');

  it('keeps every paragraph of the story in order', () => {
    expect(blocks[0]).toMatch(/^The city council voted/);
    expect(text).toContain('Supporters said the line');
    expect(text).toContain('More than forty households');
    expect(blocks[blocks.length - 1]).toMatch(/^Construction is expected/);
  });

  it('drops the repeated headline, the update line and the byline', () => {
    expect(text).not.toContain('Council approves new tram line');
    expect(text).not.toContain('Updated Mar 4');
    expect(text).not.toContain('Priya Natarajan');
  });

  it('drops captions and picture credits', () => {
    expect(text).not.toContain('Workers survey');
    expect(text).not.toContain('Metro Archive');
  });

  it('drops labels, related links and follow prompts', () => {
    expect(text).not.toContain('Bus fares');
    expect(text).not.toContain('Advertisement');
    expect(text).not.toContain('Follow Metro Daily');
  });

  it('keeps an embedded post even though its wrapper is called social', () => {
    expect(text).toContain('The tram vote passed twenty-one to nine');
  });

  it('drops the standfirst that repeats the description, but not the paragraphs', () => {
    expect(text).not.toContain('The airport route won');
  });

  it('drops lists of links to other stories and headline-length link lines, keeps short links', () => {
    expect(text).not.toContain('Ferry operator');
    expect(text).not.toContain('Cycle lanes');
    expect(text).not.toContain('museum of the city');
    expect(text).toContain('The full plan is in the route map.');
    expect(blocks).toContain('Complaint 101: tram doors fail to open in cold weather');
    expect(blocks).toContain('Complaint 102: the night service stops before the last train arrives');
    expect(blocks).toContain('Route map');
  });

  it('keeps a table row on one line', () => {
    expect(text).toMatch(/First\s+12\s+2024/);
  });
});

describe('block rules', () => {
  it.each([
    ['Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM', true],
    ['Published: 10:48, Tue, Nov 19, 2019', true],
    ['Veröffentlicht am 3. März 2020 um 10:15 Uhr', true],
    ['5040', false],
    ['The talks resumed on November 19, 2019 after a long pause in the negotiations.', false],
  ])('isDateLine(%j) is %s', (line, expected) => {
    expect(isDateLine(line)).toBe(expected);
  });

  it.each([
    ['Advertisement', true],
    ['Related: Ferry fares rise again', true],
    ['READ MORE: What the new rules mean', true],
    ['Follow Newsdesk on Instagram, Facebook and X.', true],
    ['Sign up for our morning newsletter', true],
    ['(Image: © Space Agency)', true],
    ['Jane Doe | Getty Images', true],
    ['More than 2,500 civilians have been killed this year, according to the agency.', false],
    ['Sign up for the bundle using the same email as your existing account', false],
    ['Share prices fell sharply after the announcement on Tuesday.', false],
  ])('isPromptBlock(%j) is %s', (block, expected) => {
    expect(isPromptBlock(block)).toBe(expected);
  });

  it('recognises bylines with or without a known author', () => {
    expect(isBylineBlock('By Jane Doe and John Roe', undefined)).toBe(true);
    expect(isBylineBlock('Jane Doe, Staff Writer', 'Jane Doe')).toBe(true);
    expect(isBylineBlock('Jane Doe said the vote was close.', 'John Roe')).toBe(false);
  });
});

describe('slimHtml', () => {
  it('removes scripts, styles and comments but keeps JSON-LD and text spacing inside paragraphs', () => {
    const html =
      '<head><script>var a = "<p>no</p>";</script><style>p{}</style><script type="application/ld+json">{"a":1}</script></head>' +
      '<body><!-- c --><div>\n  <p>one <b>two</b> three</p>\n</div></body>';
    const slim = slimHtml(html);
    expect(slim).not.toContain('var a');
    expect(slim).not.toContain('p{}');
    expect(slim).not.toContain('<!--');
    expect(slim).toContain('{"a":1}');
    expect(slim).toContain('<p>one <b>two</b> three</p>');
    expect(slim).toContain('<div><p>');
  });

  it('cuts navigation menus, nested ones included, and leaves an unclosed one to the parser', () => {
    const slim = slimHtml(
      '<body><NAV class="top"><ul><li>Home</li><nav><a>Sub</a></nav><li>World</li></ul></NAV><p>Story</p><nav>Foot</nav></body>',
    );
    expect(slim).toBe('<body><p>Story</p></body>');
    expect(slimHtml('<body><p>Story</p><nav><a>Menu')).toBe('<body><p>Story</p><nav><a>Menu');
    expect(slimHtml('<body><p>Story</p></nav>')).toBe('<body><p>Story</p></nav>');
  });
});

describe('pathological pages', () => {
  it('reads a very deeply nested page quickly instead of letting Readability run for minutes', () => {
    const html = `<html><body>${'<div>'.repeat(200)}<p>${'Deeply nested words of a story. '.repeat(20)}</p></body></html>`;
    const started = Date.now();
    const article = extractArticle(html, { url: 'https://deep.example/' });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(article.text).toContain('Deeply nested words of a story.');
  });
});

describe('a page with one <article>', () => {
  it('reads the story from the article and none of the teasers around it', () => {
    const story = `<p>${'The harbour board met on Friday to approve the new berths for ferries. '.repeat(12)}</p>`;
    const teaser = `<div class="card"><p>${'A teaser for another story about the weather this weekend. '.repeat(3)}</p></div>`;
    const html = `<html><body><div class="grid">${teaser}</div><article>${story}${story}</article><div>${teaser}</div></body></html>`;
    const { text } = extractArticle(html, { url: 'https://harbour.example/a' });
    expect(text).toContain('The harbour board met on Friday');
    expect(text).not.toContain('A teaser for another story');
  });
});

describe('visibility inside the story', () => {
  const para = (n: number) =>
    `<p>Paragraph ${n} of the harbour report explains how the new pier changed the fishing season for the town and its crews.</p>`;
  // Longer than the limit under which hidden blocks are dropped before Readability, so Readability decides.
  const hiddenWords = 'Secret draft sentence that no reader ever sees on the page. '.repeat(40);
  const html = `<html><body><h1>Harbour report</h1><article>${[1, 2, 3, 4, 5].map(para).join('')}
    <div style="color: red; display: none">${hiddenWords}</div>
    <div style="display: block"><p>The visible closing paragraph mentions the lighthouse keeper and the winter storms.</p></div>
    <div aria-hidden="true"><p>${'Screen readers skip this repeated teaser about a different story. '.repeat(40)}</p></div>
    </article></body></html>`;
  const { text } = extractArticle(html, { url: 'https://harbour.example/report' });

  it('drops blocks hidden by style or aria-hidden and keeps visible ones', () => {
    expect(text).toContain('Paragraph 5 of the harbour report');
    expect(text).toContain('lighthouse keeper');
    expect(text).not.toContain('Secret draft sentence');
    expect(text).not.toContain('Screen readers skip');
  });
});

describe("Readability's second attempt", () => {
  // Too little text for Readability's first pass (under 300 characters, in a container whose class looks
  // unlikely), so it restores the page and tries again with looser rules.
  const short = `<html><body><h1>Notice</h1><div class="supplemental">
    <p>The ferry timetable changes on Monday, with two extra crossings every weekday morning.</p>
    <p>Tickets bought before the change stay valid.</p></div></body></html>`;
  const long = `<html><body><h1>Report</h1><article>${'<p>The ferry timetable changes on Monday, with two extra crossings every weekday morning and a later boat on Fridays.</p>'.repeat(6)}</article></body></html>`;

  it('rebuilds the page from a fresh parse only when Readability starts again, with the same text', () => {
    const reparse = jest.fn(() => parseDocument(short));
    const withCopy = extractMainBlocks(parseDocument(short), { reparse });
    const eager = extractMainBlocks(parseDocument(short));
    expect(reparse).toHaveBeenCalled();
    expect(withCopy).toEqual(eager);
    expect(withCopy.join(' ')).toContain('Tickets bought before the change');

    const notNeeded = jest.fn(() => parseDocument(long));
    expect(extractMainBlocks(parseDocument(long), { reparse: notNeeded })).toEqual(
      extractMainBlocks(parseDocument(long)),
    );
    expect(notNeeded).not.toHaveBeenCalled();
  });
});
