/**
 * dispatch-feeds: run by the schedule. Registers the bundled feed list on cold start, queues a poll request for
 * every due feed, and publishes story events left pending by a publisher that died.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoArticleTable, documentClient } from '../adapters/dynamodb/article-table';
import { DynamoFeedRegistry } from '../adapters/dynamodb/feed-registry';
import { EventBridgeStoryPublisher } from '../adapters/events/eventbridge-publisher';
import { SqsPollQueue } from '../adapters/sqs/poll-queue';
import { loadConfig } from '../config';
import { dispatchFeeds, parseFeedList } from '../core/pipeline/dispatch-feeds';
import { sweepPendingStories } from '../core/pipeline/story-outbox';
import { dynamoClient, logger, metrics, systemClock, tracer } from './runtime';

const config = loadConfig(['tableName', 'pollQueueUrl', 'feedListPath', 'eventBusName']);
const doc = documentClient(dynamoClient());
const registry = new DynamoFeedRegistry(doc, config.tableName);
const articles = new DynamoArticleTable(doc, config.tableName);
const queue = new SqsPollQueue(tracer.captureAWSv3Client(new SQSClient({})), config.pollQueueUrl);
const publisher = new EventBridgeStoryPublisher(
  tracer.captureAWSv3Client(new EventBridgeClient({})),
  config.eventBusName,
);

let registration: Promise<void> | undefined;

/** Registers the feeds of the bundled feed list that the registry does not have yet. */
async function registerBundledFeeds(): Promise<void> {
  const path = resolve(__dirname, config.feedListPath);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    logger.warn('no feed list in the bundle; polling only feeds already registered', { path });
    return;
  }
  const feeds = parseFeedList(JSON.parse(text), path);
  const { added } = await registry.register(feeds, systemClock.now());
  logger.info('feed list registered', { feeds: feeds.length, added });
}

export const handler = async (): Promise<{ due: number; queued: number; eventsRepublished: number }> => {
  registration ??= registerBundledFeeds().catch((error: unknown) => {
    registration = undefined;
    throw error;
  });
  await registration;
  const { due, requests } = await dispatchFeeds({ registry, queue, clock: systemClock });
  const sweep = await sweepPendingStories(
    { articles, publisher, clock: systemClock, tableName: config.tableName },
    { olderThanMs: 5 * 60_000, limit: 100 },
  );
  metrics.addMetric('FeedsDispatched', MetricUnit.Count, requests.length);
  if (sweep.published) metrics.addMetric('StoriesRaised', MetricUnit.Count, sweep.published);
  if (sweep.failed) metrics.addMetric('EventPublishFailures', MetricUnit.Count, sweep.failed);
  metrics.publishStoredMetrics();
  logger.info('dispatched', { due, queued: requests.length, sweep });
  return { due, queued: requests.length, eventsRepublished: sweep.published };
};
