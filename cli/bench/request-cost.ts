/**
 * What one storage request costs the calling process in CPU time, the unit the pipeline pays about ten times per
 * article: the same DynamoDB `PutItem` of an article-sized item, sent to the same embedded DynamoDB, through
 * the document client the adapters use, through the bare DynamoDB client, and as a bare keep-alive HTTP POST
 * with no SDK at all (the embedded DynamoDB does not check signatures). The difference between the first and
 * the last is the AWS SDK's own work per request: middleware, serialisation, signing, endpoint resolution.
 */
import { Agent, request } from 'node:http';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { documentClient } from '../../lambdas/adapters/dynamodb/article-table';

/** CPU milliseconds per request, each way of sending it. */
export interface RequestCost {
  readonly requests: number;
  readonly itemBytes: number;
  readonly documentClientCpuMs: number;
  readonly dynamoClientCpuMs: number;
  readonly bareHttpCpuMs: number;
}

/** An item shaped like a stored article: title, URL, dates, a few lists, 3 KB of text. */
function probeItem(i: number): Record<string, unknown> {
  return {
    pk: 'BENCH#request-cost',
    sk: `probe#${String(i).padStart(6, '0')}`,
    title: 'Foreign ministers meet in Geneva to discuss a ceasefire',
    url: `https://news.example/world/${i}`,
    publishedAt: '2026-11-29T10:00:00.000Z',
    countries: ['CHE', 'RUS', 'UKR'],
    people: ['A. Minister', 'B. Minister'],
    diplomatic: true,
    wordCount: 540,
    text: 'The talks went on for hours. '.repeat(105),
  };
}

async function cpuPerCall(calls: number, send: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 30; i++) await send(i); // warm-up: connections, JIT
  const start = process.cpuUsage();
  for (let i = 0; i < calls; i++) await send(i);
  const used = process.cpuUsage(start);
  return Math.round(((used.user + used.system) / 1000 / calls) * 1000) / 1000;
}

/** Measures the three ways of writing one item `calls` times each (sequentially, so only CPU is compared). */
export async function measureRequestCost(
  endpoint: string,
  tableName: string,
  calls = 200,
): Promise<RequestCost> {
  const dynamo = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const doc = documentClient(dynamo);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL(endpoint);
  try {
    const documentClientCpuMs = await cpuPerCall(calls, (i) =>
      doc.send(new PutCommand({ TableName: tableName, Item: probeItem(i) })),
    );
    const dynamoClientCpuMs = await cpuPerCall(calls, (i) =>
      dynamo.send(new PutItemCommand({ TableName: tableName, Item: marshall(probeItem(i)) })),
    );
    const bareHttpCpuMs = await cpuPerCall(calls, (i) =>
      post(agent, url, JSON.stringify({ TableName: tableName, Item: marshall(probeItem(i)) })),
    );
    return {
      requests: calls,
      itemBytes: JSON.stringify(probeItem(0)).length,
      documentClientCpuMs,
      dynamoClientCpuMs,
      bareHttpCpuMs,
    };
  } finally {
    dynamo.destroy();
    agent.destroy();
  }
}

function post(agent: Agent, url: URL, body: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: '/',
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': 'DynamoDB_20120810.PutItem',
          'x-amz-date': '20261129T000000Z',
          authorization:
            'AWS4-HMAC-SHA256 Credential=local/20261129/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
          'content-length': Buffer.byteLength(body),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () =>
          response.statusCode === 200
            ? resolve()
            : reject(new Error(`PutItem answered ${response.statusCode}: ${Buffer.concat(chunks)}`)),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
