/**
 * `newswire demo` (`npm start`): serves the bundled demo feeds from loopback, runs the whole pipeline over them
 * into the embedded DynamoDB and S3 under `.newswire/`, and prints what it found. A second run finds nothing new.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SafeHttpFetcher } from '../../lambdas/adapters/http/safe-fetcher';
import { parseFeedList } from '../../lambdas/core/pipeline/dispatch-feeds';
import { intFlag, parseArgs } from '../args';
import { openPublisher, openStorage } from '../local/context';
import { runLocalPipeline, summaryLine } from '../local/pipeline';
import { startSiteServer } from '../local/site-server';
import { renderTable } from '../table';
import { STORY_HEADERS, storyRows } from './report';

const DEMO_DIR = join(__dirname, '..', 'demo');
/** A fixed port keeps article URLs, and so article ids, the same from one run to the next. */
const DEFAULT_SITE_PORT = 8470;

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['json', 'quiet']);
  const site = await startSiteServer({ root: DEMO_DIR, port: intFlag(args, 'site-port', DEFAULT_SITE_PORT) });
  const storage = await openStorage(args).catch(async (error) => {
    await site.close();
    throw error;
  });
  try {
    const list = JSON.parse(readFileSync(join(DEMO_DIR, 'feeds.json'), 'utf8')) as { path: string }[];
    const feeds = parseFeedList(
      list.map(({ path, ...feed }) => ({ ...feed, url: `${site.base}${path}` })),
      'cli/demo/feeds.json',
    );
    const quiet = args.flags.has('quiet');
    const say = (line: string) => quiet || console.log(line);
    say(`Newswire demo: ${feeds.length} feeds served at ${site.base}, storage: ${storage.describe}`);
    const summary = await runLocalPipeline(
      {
        services: storage,
        // The demo site is our own loopback server: no need to space requests out as for a real publisher.
        http: new SafeHttpFetcher({ allowHosts: ['127.0.0.1'], perHostConcurrency: 4, perHostDelayMs: 0 }),
        publisher: openPublisher(storage, say),
        clock: { now: () => new Date() },
      },
      feeds,
      {
        progress: {
          polled: (p) =>
            say(`  polled ${p.feedId.padEnd(14)} ${p.status}  ${p.items} items, ${p.stored.length} new`),
          failed: (stage, subject, error) => console.error(`  ${stage} failed: ${subject}: ${error}`),
        },
      },
    );
    console.log('');
    if (summary.stories.length > 0) {
      console.log(renderTable(STORY_HEADERS, storyRows(summary.stories)));
    } else {
      console.log('No new articles: every feed answered 304 Not Modified or listed only known items.');
      console.log('See what is stored with `npx newswire query` or `npx newswire query --country KHM`.');
    }
    console.log('');
    console.log(summaryLine(summary));
    return summary.extractionFailures.length > 0 ? 1 : 0;
  } finally {
    await storage.stop();
    await site.close();
  }
}
