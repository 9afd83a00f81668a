/** `newswire query`: the access patterns of docs/queries.md from the terminal, as a table or JSON. */
import { documentClient } from '../../lambdas/adapters/dynamodb/article-table';
import { intFlag, parseArgs, stringFlag } from '../args';
import { openStorage } from '../local/context';
import { buildQuery, runQuery, type StoryQuery } from '../local/queries';
import { renderTable } from '../table';

const USAGE = `usage: newswire query [--country ISO3 | --dyad AAA-BBB | --type PLOVER | --feed ID | --publisher NAME |
                      --id ARTICLE_ID | --url URL | --feeds [all|failing|parked]]
                     [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--diplomatic] [--limit N] [--json]
With no selector: the latest diplomatic stories.`;

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['json', 'diplomatic', 'aws', 'help']);
  if (args.flags.has('help')) {
    console.log(USAGE);
    return 0;
  }
  const feedsFlag = args.flags.get('feeds');
  const query: StoryQuery = {
    country: stringFlag(args, 'country'),
    dyad: stringFlag(args, 'dyad'),
    type: stringFlag(args, 'type'),
    feed: stringFlag(args, 'feed'),
    publisher: stringFlag(args, 'publisher'),
    articleId: stringFlag(args, 'id'),
    url: stringFlag(args, 'url'),
    feeds:
      feedsFlag === undefined ? undefined : feedsFlag === true ? 'all' : (feedsFlag as StoryQuery['feeds']),
    since: stringFlag(args, 'since'),
    until: stringFlag(args, 'until'),
    diplomaticOnly: args.flags.has('diplomatic'),
    limit: intFlag(args, 'limit', 50),
  };
  if (query.feeds && !['all', 'failing', 'parked'].includes(query.feeds)) {
    console.error(USAGE);
    return 2;
  }
  const storage = await openStorage(args);
  try {
    const input = buildQuery(storage.tableName, query);
    const items = await runQuery(documentClient(storage.dynamo), input);
    if (args.flags.has('json')) {
      console.log(JSON.stringify(items, null, 2));
      return 0;
    }
    if (items.length === 0) {
      console.log('no items');
      return 0;
    }
    if (query.feeds) {
      console.log(
        renderTable(
          ['feed', 'health', 'last status', 'failures', 'next poll'],
          items.map((i) => [
            String(i.id),
            String(i.healthKey).split('#')[0] ?? '',
            String(i.lastStatus ?? '-'),
            String(i.consecutiveFailures ?? 0),
            String(i.nextPollAt ?? '-'),
          ]),
        ),
      );
    } else {
      console.log(
        renderTable(
          ['published', 'title', 'publisher', 'diplomatic', 'dyad', 'type', 'id'],
          items.map((i) => [
            String(i.publishedAt ?? '').slice(0, 16),
            String(i.title ?? (i.sk === 'CLAIM' ? '(claim record)' : '')),
            String(i.publisher ?? ''),
            i.diplomatic === undefined ? '-' : i.diplomatic ? 'yes' : 'no',
            String(i.dyad ?? i.storyDyad ?? '-'),
            String(i.eventType ?? i.storyType ?? '-'),
            String(i.articleId ?? String(i.pk ?? '').replace(/^ARTICLE#/, '')),
          ]),
          56,
        ),
      );
    }
    console.log(`\n${items.length} item(s)`);
    return 0;
  } finally {
    await storage.stop();
  }
}
