/**
 * poll-feed: consumes the poll queue, one feed per message. A feed that fails to fetch or parse is recorded in
 * its state (with backoff) and is not a failed message; only an error that escapes (storage down) is retried.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { DynamoArticleTable, documentClient } from '../adapters/dynamodb/article-table';
import { DynamoFeedRegistry } from '../adapters/dynamodb/feed-registry';
import { SafeHttpFetcher } from '../adapters/http/safe-fetcher';
import { S3RawArticleStore } from '../adapters/s3/raw-article-store';
import { loadConfig } from '../config';
import { pollFeed } from '../core/pipeline/poll-feed';
import type { PollRequest } from '../core/ports';
import { dynamoClient, logger, metrics, systemClock } from './runtime';
import { s3Client } from './s3-client';

const config = loadConfig(['tableName', 'rawBucket', 'userAgent']);
const doc = documentClient(dynamoClient());
const deps = {
  registry: new DynamoFeedRegistry(doc, config.tableName),
  ledger: new DynamoArticleTable(doc, config.tableName),
  rawStore: new S3RawArticleStore(s3Client(), config.rawBucket),
  http: new SafeHttpFetcher({
    userAgent: config.userAgent,
    allowHosts: (process.env.FETCH_ALLOW_HOSTS ?? '').split(',').filter(Boolean),
  }),
  clock: systemClock,
};
const processor = new BatchProcessor(EventType.SQS);

async function pollRecord(record: SQSRecord): Promise<void> {
  const request = JSON.parse(record.body) as PollRequest;
  if (typeof request.feedId !== 'string') throw new Error(`poll message ${record.messageId} has no feedId`);
  const report = await pollFeed(deps, request.feedId, { dispatchedAt: request.dispatchedAt });
  if (report.status === 'already-polled') {
    logger.info('feed already polled since this request was dispatched', { feedId: report.feedId });
    return;
  }
  metrics.addMetric('FeedsPolled', MetricUnit.Count, 1);
  metrics.addMetric('NewItems', MetricUnit.Count, report.stored.length);
  if (!report.ok) {
    metrics.addMetric('FeedPollFailures', MetricUnit.Count, 1);
    logger.warn('feed poll failed', { feedId: report.feedId, status: report.status, error: report.error });
  } else {
    logger.info('feed polled', {
      feedId: report.feedId,
      status: report.status,
      items: report.items,
      newItems: report.newItems,
      stored: report.stored.length,
      pageFailures: report.pageFailures,
    });
  }
}

export const handler = async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
  try {
    return await processPartialResponse(event, pollRecord, processor, { context });
  } finally {
    metrics.publishStoredMetrics();
  }
};
