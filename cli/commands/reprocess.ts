/**
 * `newswire reprocess [--since DAY] [--until DAY]`: runs extraction and classification again over the raw
 * copies first seen in a date range, without polling anything. Events already raised are not raised again.
 */
import { DynamoArticleTable, documentClient } from '../../lambdas/adapters/dynamodb/article-table';
import { S3RawArticleStore } from '../../lambdas/adapters/s3/raw-article-store';
import { extractStory } from '../../lambdas/core/pipeline/extract-story';
import { parseArgs, stringFlag } from '../args';
import { openPublisher, openStorage } from '../local/context';

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['aws']);
  const today = new Date().toISOString().slice(0, 10);
  const since = stringFlag(args, 'since') ?? '2000-01-01';
  const until = stringFlag(args, 'until') ?? today;
  for (const day of [since, until]) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`days are YYYY-MM-DD, got '${day}'`);
  }
  const storage = await openStorage(args);
  try {
    const rawStore = new S3RawArticleStore(storage.s3, storage.bucket);
    const deps = {
      rawStore,
      articles: new DynamoArticleTable(documentClient(storage.dynamo), storage.tableName),
      publisher: openPublisher(storage, (line) => console.log(line)),
      clock: { now: () => new Date() },
      tableName: storage.tableName,
      bucketName: storage.bucket,
    };
    let done = 0;
    let failed = 0;
    let events = 0;
    for await (const itemKey of rawStore.listItemKeys(since, until)) {
      try {
        const report = await extractStory(deps, itemKey);
        done++;
        if (report.eventRaised) events++;
      } catch (error) {
        failed++;
        console.error(`  ✗ ${itemKey}: ${(error as Error).message}`);
      }
    }
    console.log(`${done} articles reprocessed, ${failed} failed, ${events} events raised`);
    return failed > 0 ? 1 : 0;
  } finally {
    await storage.stop();
  }
}
