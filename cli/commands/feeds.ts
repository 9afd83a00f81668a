/** `newswire feeds`: every feed's polling state; `newswire feeds resume ID` puts a parked feed back on schedule. */
import { documentClient } from '../../lambdas/adapters/dynamodb/article-table';
import { DynamoFeedRegistry, feedHealth } from '../../lambdas/adapters/dynamodb/feed-registry';
import { resumeFeed } from '../../lambdas/core/feeds/schedule';
import { parseArgs } from '../args';
import { openStorage } from '../local/context';
import { renderTable } from '../table';

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['json', 'aws']);
  const [action, feedId] = args.positional;
  const storage = await openStorage(args);
  try {
    const registry = new DynamoFeedRegistry(documentClient(storage.dynamo), storage.tableName);
    if (action === 'resume') {
      const state = feedId ? await registry.get(feedId) : undefined;
      if (!state) {
        console.error(`newswire feeds resume: no feed '${feedId ?? ''}'`);
        return 2;
      }
      await registry.save(resumeFeed(state, new Date()));
      console.log(`resumed ${state.id}; it is due now`);
      return 0;
    }
    if (action) {
      console.error('usage: newswire feeds [resume FEED_ID] [--json]');
      return 2;
    }
    const feeds = await registry.listAll();
    if (args.flags.has('json')) {
      console.log(JSON.stringify(feeds, null, 2));
      return 0;
    }
    console.log(
      renderTable(
        ['feed', 'state', 'last status', 'failures', 'last success', 'next poll', 'interval', 'detail'],
        feeds.map((f) => [
          f.id,
          feedHealth(f),
          f.lastStatus ?? '-',
          String(f.consecutiveFailures),
          f.lastSuccessAt?.slice(0, 16) ?? '-',
          f.parked ? `parked (${f.parked.reason})` : f.nextPollAt.slice(0, 16),
          `${Math.round(f.intervalSeconds / 60)}m`,
          f.parked?.detail ?? f.lastError ?? '',
        ]),
        48,
      ),
    );
    console.log(`\n${feeds.length} feed(s)`);
    return 0;
  } finally {
    await storage.stop();
  }
}
