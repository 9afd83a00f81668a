/**
 * extract-article: consumes the extract queue, which receives the S3 notification for each raw `item.json`.
 * Extracts, classifies and stores the article, then raises the story event through the outbox.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { Context, S3Event, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { DynamoArticleTable, documentClient } from '../adapters/dynamodb/article-table';
import { EventBridgeStoryPublisher, EventPublishError } from '../adapters/events/eventbridge-publisher';
import { S3RawArticleStore } from '../adapters/s3/raw-article-store';
import { loadConfig } from '../config';
import { extractStory } from '../core/pipeline/extract-story';
import { dynamoClient, logger, metrics, systemClock, tracer } from './runtime';
import { s3Client } from './s3-client';

const config = loadConfig(['tableName', 'rawBucket', 'eventBusName']);
const deps = {
  rawStore: new S3RawArticleStore(s3Client(), config.rawBucket),
  articles: new DynamoArticleTable(documentClient(dynamoClient()), config.tableName),
  publisher: new EventBridgeStoryPublisher(
    tracer.captureAWSv3Client(new EventBridgeClient({})),
    config.eventBusName,
  ),
  clock: systemClock,
  tableName: config.tableName,
  bucketName: config.rawBucket,
};
const processor = new BatchProcessor(EventType.SQS);

/** The raw item keys an S3 notification names (keys arrive URL-encoded, spaces as '+'). */
export function rawItemKeys(body: string): string[] {
  const notification = JSON.parse(body) as Partial<S3Event> & { Event?: string };
  if (notification.Event === 's3:TestEvent') return [];
  return (notification.Records ?? [])
    .map((r) => decodeURIComponent(r.s3.object.key.replace(/\+/g, ' ')))
    .filter((key) => key.endsWith('/item.json'));
}

async function extractRecord(record: SQSRecord): Promise<void> {
  for (const itemKey of rawItemKeys(record.body)) {
    try {
      const report = await extractStory(deps, itemKey);
      metrics.addMetric('ArticlesExtracted', MetricUnit.Count, 1);
      if (report.eventRaised) metrics.addMetric('StoriesRaised', MetricUnit.Count, 1);
      logger.info('article extracted', { itemKey, ...report });
    } catch (error) {
      metrics.addMetric(
        error instanceof EventPublishError ? 'EventPublishFailures' : 'ExtractionFailures',
        MetricUnit.Count,
        1,
      );
      logger.error('article extraction failed', { itemKey, error });
      throw error;
    }
  }
}

export const handler = async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
  try {
    return await processPartialResponse(event, extractRecord, processor, { context });
  } finally {
    metrics.publishStoredMetrics();
  }
};
