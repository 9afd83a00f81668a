/**
 * docs/queries.md, checked: every `aws dynamodb query` command in it, run as the AWS CLI would send it, returns
 * items from the demo data. The demo is run in-process on a free port, so the doc's URL and article id are
 * translated to that port's.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryCommand, type QueryCommandInput } from '@aws-sdk/client-dynamodb';
import { runLocalPipeline } from '../../cli/local/pipeline';
import { type LocalServices, startLocalServices } from '../../cli/local/services';
import { type SiteServer, startSiteServer } from '../../cli/local/site-server';
import { JsonLinesStoryPublisher } from '../../lambdas/adapters/events/local-sink';
import { SafeHttpFetcher } from '../../lambdas/adapters/http/safe-fetcher';
import { articleIdentity } from '../../lambdas/core/feeds/identity';
import { parseFeedList } from '../../lambdas/core/pipeline/dispatch-feeds';

const ROOT = join(__dirname, '..', '..');
const DOC = readFileSync(join(ROOT, 'docs', 'queries.md'), 'utf8');
const DEMO = join(ROOT, 'cli', 'demo');
const DOC_BASE = 'http://127.0.0.1:8470';

/** Splits a shell command line into words, honouring single and double quotes. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  const pattern = /'([^']*)'|"([^"]*)"|(\S+)/g;
  for (const m of line.matchAll(pattern)) words.push(m[1] ?? m[2] ?? m[3] ?? '');
  return words;
}

/** The Query request the AWS CLI sends for `aws dynamodb query ...`. */
function cliToQuery(line: string): QueryCommandInput {
  const words = shellWords(line);
  expect(words.slice(0, 3)).toEqual(['aws', 'dynamodb', 'query']);
  const input: Record<string, unknown> = { ScanIndexForward: true };
  for (let i = 3; i < words.length; i++) {
    const flag = words[i];
    const value = words[i + 1] as string;
    switch (flag) {
      case '--table-name':
        input.TableName = value;
        i++;
        break;
      case '--index-name':
        input.IndexName = value;
        i++;
        break;
      case '--key-condition-expression':
        input.KeyConditionExpression = value;
        i++;
        break;
      case '--filter-expression':
        input.FilterExpression = value;
        i++;
        break;
      case '--expression-attribute-values':
        input.ExpressionAttributeValues = JSON.parse(value);
        i++;
        break;
      case '--no-scan-index-forward':
        input.ScanIndexForward = false;
        break;
      default:
        throw new Error(`docs/queries.md uses a flag this check does not know: ${flag}`);
    }
  }
  return input as unknown as QueryCommandInput;
}

const commands = DOC.split('\n').filter((line) => line.startsWith('aws dynamodb query '));

let services: LocalServices;
let site: SiteServer;
beforeAll(async () => {
  services = await startLocalServices();
  site = await startSiteServer({ root: DEMO });
  const list = JSON.parse(readFileSync(join(DEMO, 'feeds.json'), 'utf8')) as { path: string }[];
  const feeds = parseFeedList(
    list.map(({ path, ...f }) => ({ ...f, url: `${site.base}${path}` })),
    'demo',
  );
  await runLocalPipeline(
    {
      services,
      http: new SafeHttpFetcher({ allowHosts: ['127.0.0.1'], perHostDelayMs: 0, perHostConcurrency: 4 }),
      publisher: new JsonLinesStoryPublisher(join(tmpdir(), `newswire-queries-${process.pid}.jsonl`)),
      clock: { now: () => new Date() },
    },
    feeds,
  );
}, 60_000);
afterAll(async () => {
  await site?.close();
  await services?.stop();
});

test('the page documents at least six queries, all on the local table name', () => {
  expect(commands.length).toBeGreaterThanOrEqual(6);
  for (const c of commands) expect(cliToQuery(c).TableName).toBe(services.tableName);
});

test.each(commands.map((c) => [c.slice(0, 120), c]))('returns items: %s', async (_title, command) => {
  const docUrl = `${DOC_BASE}/articles/hun-sen-congratulates-putin.html`;
  const docId = articleIdentity({ url: docUrl, categories: [], enclosures: [] }, { id: 'x', url: DOC_BASE })
    ?.articleId as string;
  const localUrl = `${site.base}/articles/hun-sen-congratulates-putin.html`;
  const localId = articleIdentity(
    { url: localUrl, categories: [], enclosures: [] },
    { id: 'x', url: site.base },
  )?.articleId as string;
  expect(command.includes(docUrl) || command.includes(docId) || !/8470|ARTICLE#/.test(command)).toBe(true);

  const input = cliToQuery(command.replaceAll(docUrl, localUrl).replaceAll(docId, localId));
  const result = await services.dynamo.send(new QueryCommand(input));

  expect(result.Count).toBeGreaterThan(0);
});
