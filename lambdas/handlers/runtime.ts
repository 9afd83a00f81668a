/**
 * What every handler shares, created once per cold start: Powertools logger, metrics and tracer, and the
 * DynamoDB client (traced). The S3 client lives in s3-client.ts, so dispatch, which never reads S3, does not
 * load it. The SDK finds endpoints and credentials the standard way (AWS_ENDPOINT_URL_*, roles).
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Clock } from '../core/ports';

export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'newswire' });
export const metrics = new Metrics({ namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'Newswire' });
export const tracer = new Tracer({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'newswire' });
export const systemClock: Clock = { now: () => new Date() };

let dynamo: DynamoDBClient | undefined;

/** The DynamoDB client of this execution environment. */
export function dynamoClient(): DynamoDBClient {
  dynamo ??= tracer.captureAWSv3Client(new DynamoDBClient({}));
  return dynamo;
}
