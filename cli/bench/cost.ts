/**
 * Modelled AWS cost of what a bench pass did, from the dated list prices in config/aws-prices.json and the
 * memory sizes in config/deploy.json. Requests are counted, not assumed; Lambda time is the measured time of
 * each stage (see `LambdaSeconds`). Storage, logs, X-Ray and alarms are monthly and not per article: left out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AwsPrices, readAwsPrices } from '../../lib/cost-model';

const ROOT = join(__dirname, '..', '..');

/** Memory and batch sizes of the three functions, as deployed. */
export interface FunctionSizing {
  readonly dispatchMb: number;
  readonly pollMb: number;
  readonly extractMb: number;
  /** Poll messages per poll invocation (SQS batch size). */
  readonly pollBatch: number;
}

/** Reads the function sizing from config/deploy.json. */
export function readSizing(file = join(ROOT, 'config', 'deploy.json')): FunctionSizing {
  const deploy = JSON.parse(readFileSync(file, 'utf8')) as {
    functions: {
      dispatch: { memoryMb: number };
      poll: { memoryMb: number; batchSize?: number };
      extract: { memoryMb: number };
    };
  };
  return {
    dispatchMb: deploy.functions.dispatch.memoryMb,
    pollMb: deploy.functions.poll.memoryMb,
    extractMb: deploy.functions.extract.memoryMb,
    pollBatch: deploy.functions.poll.batchSize ?? 1,
  };
}

/** Billed seconds per function for a pass. */
export interface LambdaSeconds {
  readonly dispatch: number;
  readonly poll: number;
  readonly extract: number;
}

/** What a pass did, counted. */
export interface PassUsage {
  readonly feeds: number;
  readonly articles: number;
  readonly lambdaSeconds: LambdaSeconds;
  readonly dispatchInvocations: number;
  readonly s3Puts: number;
  readonly s3Gets: number;
  readonly dynamoWriteUnits: number;
  readonly dynamoReadUnits: number;
  readonly eventEntries: number;
}

/** Cost of one pass, in the price file's currency, by service. */
export interface CostBreakdown {
  readonly lambdaCompute: number;
  readonly lambdaRequests: number;
  readonly sqs: number;
  readonly s3: number;
  readonly dynamodb: number;
  readonly eventbridge: number;
  readonly total: number;
}

/**
 * Prices a pass. Invocations: one dispatch run, one poll invocation per `pollBatch` feeds, one extract invocation
 * per article (S3 notifications rarely batch). SQS: poll messages sent in batches of ten, then received and deleted
 * once per invocation; each article's S3 notification is one send, one receive and one delete.
 */
export function priceUsage(usage: PassUsage, sizing: FunctionSizing, prices: AwsPrices): CostBreakdown {
  const gbSeconds =
    usage.lambdaSeconds.dispatch * (sizing.dispatchMb / 1024) +
    usage.lambdaSeconds.poll * (sizing.pollMb / 1024) +
    usage.lambdaSeconds.extract * (sizing.extractMb / 1024);
  const pollInvocations = Math.ceil(usage.feeds / Math.max(1, sizing.pollBatch));
  const invocations = usage.dispatchInvocations + pollInvocations + usage.articles;
  const sqsRequests = Math.ceil(usage.feeds / 10) + 2 * pollInvocations + 3 * usage.articles;
  const parts = {
    lambdaCompute: gbSeconds * prices.lambda.arm64PerGbSecond,
    lambdaRequests: (invocations / 1e6) * prices.lambda.perMillionRequests,
    sqs: (sqsRequests / 1e6) * prices.sqs.standardPerMillionRequests,
    s3: (usage.s3Puts / 1000) * prices.s3.putPerThousand + (usage.s3Gets / 1000) * prices.s3.getPerThousand,
    dynamodb:
      (usage.dynamoWriteUnits / 1e6) * prices.dynamodb.onDemandPerMillionWriteRequestUnits +
      (usage.dynamoReadUnits / 1e6) * prices.dynamodb.onDemandPerMillionReadRequestUnits,
    eventbridge: (usage.eventEntries / 1e6) * prices.eventbridge.customEventsPerMillion,
  };
  const total = Object.values(parts).reduce((a, b) => a + b, 0);
  return { ...parts, total };
}

/** Scales a breakdown (e.g. to "per 1,000 articles"), rounding to six decimals. */
export function scaleCost(cost: CostBreakdown, factor: number): CostBreakdown {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(cost)) out[k] = Math.round(v * factor * 1e6) / 1e6;
  return out as unknown as CostBreakdown;
}

export { readAwsPrices };
