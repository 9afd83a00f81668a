/**
 * Test support: the embedded services and a loopback site, started and stopped by the tests themselves, plus
 * helpers to shape the SQS events the Lambda handlers receive.
 */
import { join } from 'node:path';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { SQSEvent } from 'aws-lambda';
import { type LocalServices, startLocalServices } from '../../cli/local/services';
import { type SiteServer, startSiteServer } from '../../cli/local/site-server';

export const FIXTURE_SITE = join(__dirname, '..', 'fixtures', 'site');

/** Embedded DynamoDB and S3 plus the fixture site, with the environment the handlers read pointed at them. */
export interface TestStack {
  readonly services: LocalServices;
  readonly site: SiteServer;
  stop(): Promise<void>;
}

/** Starts dynalite, s3rver and the fixture site on free loopback ports and exports the handler environment. */
export async function startTestStack(extraEnv: Record<string, string> = {}): Promise<TestStack> {
  const services = await startLocalServices();
  const site = await startSiteServer({ root: FIXTURE_SITE });
  Object.assign(process.env, services.env, {
    EVENT_BUS_NAME: 'newswire-test',
    POLL_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/newswire-poll',
    FETCH_ALLOW_HOSTS: '127.0.0.1',
    POWERTOOLS_METRICS_DISABLED: 'true',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    ...extraEnv,
  });
  return {
    services,
    site,
    async stop() {
      await site.close();
      await services.stop();
    },
  };
}

/** Wraps message bodies as an SQS event, as Lambda delivers it. */
export function sqsEvent(bodies: readonly string[], prefix = 'msg'): SQSEvent {
  return {
    Records: bodies.map((body, i) => ({
      messageId: `${prefix}-${i}`,
      receiptHandle: `rh-${prefix}-${i}`,
      body,
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: '0',
        SenderId: 'test',
        ApproximateFirstReceiveTimestamp: '0',
      },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:queue',
      awsRegion: 'us-east-1',
    })),
  };
}

/** The S3 object-created notification S3 sends to the extract queue for one key (keys URL-encoded as S3 does). */
export function s3Notification(bucket: string, key: string): string {
  return JSON.stringify({
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        eventName: 'ObjectCreated:Put',
        s3: { bucket: { name: bucket }, object: { key: encodeURIComponent(key).replace(/%2F/g, '/') } },
      },
    ],
  });
}

/** Every object key in the bucket under a prefix. */
export async function listKeys(services: LocalServices, prefix = 'raw/'): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await services.s3.send(
      new ListObjectsV2Command({ Bucket: services.bucket, Prefix: prefix, ContinuationToken: token }),
    );
    keys.push(...(page.Contents ?? []).map((o) => o.Key as string));
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return keys.sort();
}

/** A minimal Lambda context. */
export const lambdaContext = {
  callbackWaitsForEmptyEventLoop: false,
  functionName: 'test',
  functionVersion: '1',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:test',
  memoryLimitInMB: '512',
  awsRequestId: 'req',
  logGroupName: 'lg',
  logStreamName: 'ls',
  getRemainingTimeInMillis: () => 30_000,
  done: () => {},
  fail: () => {},
  succeed: () => {},
};
