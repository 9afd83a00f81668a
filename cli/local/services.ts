/**
 * Embedded stand-ins for DynamoDB (dynalite) and S3 (s3rver), started in this process on loopback ports, with
 * the article table and the raw bucket created as the CDK stack creates them.
 */
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  type GlobalSecondaryIndex,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import dynalite from 'dynalite';
import S3rver from 's3rver';
import { ARTICLE_TABLE, indexProjection } from '../../lambdas/adapters/dynamodb/table-design';

export const LOCAL_TABLE = 'newswire-articles';
export const LOCAL_BUCKET = 'newswire-raw';
/** s3rver accepts only this key pair. */
const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
const LOCAL_REGION = 'us-east-1';

/** Running embedded services and clients configured for them. */
export interface LocalServices {
  readonly dynamoEndpoint: string;
  readonly s3Endpoint: string;
  readonly tableName: string;
  readonly bucket: string;
  readonly dynamo: DynamoDBClient;
  readonly s3: S3Client;
  /** Environment that points the AWS SDK (and so the Lambda handlers) at these services. */
  readonly env: Record<string, string>;
  stop(): Promise<void>;
}

/** Where and how to start the services. */
export interface LocalServiceOptions {
  /** Folder for persistent data (`<dir>/dynamodb`, `<dir>/s3`); in-memory DynamoDB and a temp S3 folder when absent. */
  readonly dataDir?: string;
  /** 0 picks a free port. */
  readonly dynamoPort?: number;
  readonly s3Port?: number;
  readonly host?: string;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`port ${host}:${port} is already in use (another newswire serve or demo?)`)
          : error,
      ),
    );
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

/** Starts dynalite and s3rver and creates the table and bucket if they do not exist yet. */
export async function startLocalServices(options: LocalServiceOptions = {}): Promise<LocalServices> {
  const host = options.host ?? '127.0.0.1';
  const s3Dir = options.dataDir
    ? `${options.dataDir}/s3`
    : `${require('node:os').tmpdir()}/newswire-s3-${process.pid}-${Date.now()}`;
  if (options.dataDir) mkdirSync(`${options.dataDir}/dynamodb`, { recursive: true });
  mkdirSync(s3Dir, { recursive: true });

  const dynamoServer = dynalite({
    path: options.dataDir ? `${options.dataDir}/dynamodb` : undefined,
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  const dynamoPort = await listen(dynamoServer, options.dynamoPort ?? 0, host);
  const s3rver = new S3rver({
    address: host,
    port: options.s3Port ?? 0,
    silent: true,
    directory: s3Dir,
    resetOnClose: !options.dataDir,
    configureBuckets: [{ name: LOCAL_BUCKET }],
  });
  let s3Address: AddressInfo;
  try {
    s3Address = await s3rver.run();
  } catch (error) {
    dynamoServer.close();
    const e = error as NodeJS.ErrnoException;
    throw e.code === 'EADDRINUSE'
      ? new Error(`port ${host}:${options.s3Port} is already in use (another newswire serve or demo?)`)
      : e;
  }
  const s3Port = s3Address.port;

  const dynamoEndpoint = `http://${host}:${dynamoPort}`;
  const s3Endpoint = `http://${host}:${s3Port}`;
  const dynamo = new DynamoDBClient({
    endpoint: dynamoEndpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  const s3 = new S3Client({
    endpoint: s3Endpoint,
    region: LOCAL_REGION,
    credentials: S3RVER_CREDENTIALS,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  await ensureArticleTable(dynamo, LOCAL_TABLE);
  await ensureBucket(s3, LOCAL_BUCKET);

  return {
    dynamoEndpoint,
    s3Endpoint,
    tableName: LOCAL_TABLE,
    bucket: LOCAL_BUCKET,
    dynamo,
    s3,
    env: {
      AWS_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL_DYNAMODB: dynamoEndpoint,
      AWS_ENDPOINT_URL_S3: s3Endpoint,
      AWS_S3_FORCE_PATH_STYLE: 'true',
      AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
      AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
      TABLE_NAME: LOCAL_TABLE,
      RAW_BUCKET: LOCAL_BUCKET,
    },
    async stop() {
      dynamo.destroy();
      s3.destroy();
      await Promise.all([
        s3rver.close().catch(() => {}),
        new Promise<void>((resolve) => dynamoServer.close(() => resolve())),
      ]);
    },
  };
}

/** Creates the article table with every index of the shared design, unless it exists. */
export async function ensureArticleTable(dynamo: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await dynamo.send(new DescribeTableCommand({ TableName: tableName }));
    return;
  } catch (error) {
    if (
      !(error instanceof ResourceNotFoundException || (error as Error).name === 'ResourceNotFoundException')
    )
      throw error;
  }
  const attributes = new Set<string>([ARTICLE_TABLE.partitionKey, ARTICLE_TABLE.sortKey]);
  const indexes: GlobalSecondaryIndex[] = ARTICLE_TABLE.indexes.map((index) => {
    attributes.add(index.partitionKey);
    if ('sortKey' in index) attributes.add(index.sortKey);
    const projection = indexProjection(index);
    return {
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        ...('sortKey' in index ? [{ AttributeName: index.sortKey, KeyType: 'RANGE' as const }] : []),
      ],
      Projection: { ProjectionType: projection.type, NonKeyAttributes: projection.nonKeyAttributes },
    };
  });
  await dynamo.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: ARTICLE_TABLE.partitionKey, KeyType: 'HASH' },
        { AttributeName: ARTICLE_TABLE.sortKey, KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [...attributes].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
      GlobalSecondaryIndexes: indexes,
    }),
  );
}

async function ensureBucket(s3: S3Client, bucket: string): Promise<void> {
  try {
    await s3.send(new HeadBucketCommand({ Bucket: bucket }));
  } catch {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  }
}
