/**
 * The local runner: the same use cases the Lambda handlers call, in one process, in stage order, over the
 * embedded DynamoDB and S3. The poll queue is an in-process list; the S3 event is the location the poll
 * stage returns.
 */
import { DynamoArticleTable, documentClient } from '../../lambdas/adapters/dynamodb/article-table';
import { DynamoFeedRegistry } from '../../lambdas/adapters/dynamodb/feed-registry';
import { S3RawArticleStore } from '../../lambdas/adapters/s3/raw-article-store';
import type { FeedConfig } from '../../lambdas/core/model';
import { dispatchFeeds } from '../../lambdas/core/pipeline/dispatch-feeds';
import { type ExtractReport, extractStory } from '../../lambdas/core/pipeline/extract-story';
import { forEachLimited, type PollReport, pollFeed } from '../../lambdas/core/pipeline/poll-feed';
import { sweepPendingStories } from '../../lambdas/core/pipeline/story-outbox';
import type { Clock, HttpFetcher, PollRequest, StoryEventPublisher } from '../../lambdas/core/ports';
import type { LocalServices } from './services';

/** What one local run did. */
export interface RunSummary {
  readonly feedsPolled: number;
  readonly polls: readonly PollReport[];
  readonly newArticles: number;
  readonly stories: readonly ExtractReport[];
  readonly extractionFailures: readonly { itemKey: string; error: string }[];
  readonly diplomaticStories: number;
  readonly eventsRaised: number;
}

/** Progress callbacks, for the terminal display. */
export interface RunProgress {
  polled?(report: PollReport): void;
  extracted?(report: ExtractReport): void;
  failed?(stage: 'poll' | 'extract', subject: string, error: string): void;
}

/** The local pipeline's collaborators. */
export interface LocalPipelineDeps {
  readonly services: Pick<LocalServices, 'dynamo' | 's3' | 'tableName' | 'bucket'>;
  readonly http: HttpFetcher;
  readonly publisher: StoryEventPublisher;
  readonly clock: Clock;
}

/** One summary line, as every local run ends. */
export function summaryLine(summary: RunSummary): string {
  return `${summary.feedsPolled} feeds polled, ${summary.newArticles} new articles, ${summary.diplomaticStories} diplomatic stories, ${summary.eventsRaised} events raised`;
}

/** Builds the adapters over the embedded (or real) services. */
export function localAdapters(deps: LocalPipelineDeps) {
  const doc = documentClient(deps.services.dynamo);
  const articles = new DynamoArticleTable(doc, deps.services.tableName, () => deps.clock.now());
  return {
    registry: new DynamoFeedRegistry(doc, deps.services.tableName),
    articles,
    rawStore: new S3RawArticleStore(deps.services.s3, deps.services.bucket),
  };
}

/**
 * Registers `feeds`, then polls them (all of them, or only the due ones) and extracts every new article.
 * A feed or article that fails is reported and the run goes on.
 */
export async function runLocalPipeline(
  deps: LocalPipelineDeps,
  feeds: readonly FeedConfig[],
  options: { dueOnly?: boolean; feedConcurrency?: number; progress?: RunProgress } = {},
): Promise<RunSummary> {
  const { registry, articles, rawStore } = localAdapters(deps);
  await registry.register(feeds, deps.clock.now());

  let requests: PollRequest[];
  if (options.dueOnly) {
    const queued: PollRequest[] = [];
    await dispatchFeeds({
      registry,
      clock: deps.clock,
      queue: { send: async (r) => void queued.push(...r) },
    });
    requests = queued;
  } else {
    const wanted = new Set(feeds.map((f) => f.id));
    requests = (await registry.listAll())
      .filter((f) => wanted.has(f.id) && !f.parked)
      .map((f) => ({ feedId: f.id, delaySeconds: 0 }));
  }

  const polls: PollReport[] = [];
  const stories: ExtractReport[] = [];
  const extractionFailures: { itemKey: string; error: string }[] = [];
  const extractDeps = {
    rawStore,
    articles,
    publisher: deps.publisher,
    clock: deps.clock,
    tableName: deps.services.tableName,
    bucketName: deps.services.bucket,
  };
  const pollDeps = { registry, ledger: articles, rawStore, http: deps.http, clock: deps.clock };

  await forEachLimited(requests, options.feedConcurrency ?? 4, async (request) => {
    let report: PollReport;
    try {
      report = await pollFeed(pollDeps, request.feedId, { dispatchedAt: request.dispatchedAt });
    } catch (error) {
      options.progress?.failed?.('poll', request.feedId, (error as Error).message);
      return;
    }
    polls.push(report);
    options.progress?.polled?.(report);
    for (const location of report.stored) {
      try {
        const story = await extractStory(extractDeps, location.itemKey);
        stories.push(story);
        options.progress?.extracted?.(story);
      } catch (error) {
        extractionFailures.push({ itemKey: location.itemKey, error: (error as Error).message });
        options.progress?.failed?.('extract', location.itemKey, (error as Error).message);
      }
    }
  });

  // Events left pending by an earlier run that died between the write and the publish.
  const swept = await sweepPendingStories(extractDeps, { olderThanMs: 0, limit: 100 });
  return {
    feedsPolled: polls.length,
    polls,
    newArticles: polls.reduce((n, p) => n + p.stored.length, 0),
    stories,
    extractionFailures,
    diplomaticStories: stories.filter((s) => s.diplomatic).length,
    eventsRaised: stories.filter((s) => s.eventRaised).length + swept.published,
  };
}
