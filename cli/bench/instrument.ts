/**
 * Measuring without touching the code under test: a stage timer, wrappers around the ports the use cases call
 * (HTTP, raw store, article table, feed registry, publisher), AWS SDK middleware that counts S3 and DynamoDB
 * requests and capacity units, and probes that time the core's pure steps (feed parsing, main-text extraction,
 * classification) by interposing on their modules before the pipeline loads them.
 */
import { performance } from 'node:perf_hooks';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import { ARTICLE_TABLE, STORY_SUMMARY_ATTRIBUTES } from '../../lambdas/adapters/dynamodb/table-design';

/** p50/p95 of one stage's samples, in milliseconds. */
export interface StageStats {
  readonly count: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly meanMs: number;
  readonly totalMs: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Collects durations per named stage. */
export class StageTimer {
  private readonly samples = new Map<string, number[]>();

  record(stage: string, ms: number): void {
    let list = this.samples.get(stage);
    if (!list) {
      list = [];
      this.samples.set(stage, list);
    }
    list.push(ms);
  }

  /** Times an async call under `stage` (failures are timed too). */
  async time<T>(stage: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.record(stage, performance.now() - started);
    }
  }

  /** Times a synchronous call under `stage`. */
  timeSync<T>(stage: string, work: () => T): T {
    const started = performance.now();
    try {
      return work();
    } finally {
      this.record(stage, performance.now() - started);
    }
  }

  total(stage: string): number {
    return (this.samples.get(stage) ?? []).reduce((a, b) => a + b, 0);
  }

  count(stage: string): number {
    return this.samples.get(stage)?.length ?? 0;
  }

  stats(): Record<string, StageStats> {
    const out: Record<string, StageStats> = {};
    for (const [stage, values] of this.samples) {
      const sorted = [...values].sort((a, b) => a - b);
      const totalMs = values.reduce((a, b) => a + b, 0);
      out[stage] = {
        count: values.length,
        p50Ms: round(percentile(sorted, 50)),
        p95Ms: round(percentile(sorted, 95)),
        meanMs: round(totalMs / values.length),
        totalMs: round(totalMs, 1),
      };
    }
    return out;
  }
}

/**
 * Wraps every method of `target` named in `stages` so that its calls are timed under the mapped stage name;
 * other members pass through. The wrapper keeps the target's type, so it drops in where the port is expected.
 */
export function timedPort<T extends object>(
  target: T,
  timer: () => StageTimer | undefined,
  stages: Partial<Record<keyof T & string, string | ((...args: never[]) => string)>>,
  onCall?: (method: string, args: unknown[]) => void,
): T {
  return new Proxy(target, {
    get(obj, property, receiver) {
      const value = Reflect.get(obj, property, receiver);
      const stage = stages[property as keyof T & string];
      if (typeof value !== 'function' || stage === undefined) {
        return typeof value === 'function' ? value.bind(obj) : value;
      }
      return (...args: unknown[]) => {
        onCall?.(property as string, args);
        const name =
          typeof stage === 'function' ? (stage as (...a: unknown[]) => string)(...args) : (stage as string);
        const t = timer();
        const call = () => (value as (...a: unknown[]) => unknown).apply(obj, args);
        return t ? t.time(name, async () => call()) : call();
      };
    },
  });
}

/** AWS requests and capacity counted by middleware. */
export interface AwsCounts {
  /** S3 requests by command name (`PutObjectCommand`, ...). */
  readonly s3: Record<string, number>;
  /** DynamoDB requests by command name. */
  readonly dynamo: Record<string, number>;
  /** Write requests (Put, Update, Delete items; each item of a batch counts). */
  dynamoWriteItems: number;
  /** Write units on the table, as the service reports them (ConsumedCapacity). */
  dynamoTableWriteUnits: number;
  /**
   * Write units on global secondary indexes, estimated from the written item and the table design (the embedded
   * DynamoDB reports table units only): one index write per index the item lands in, sized by its projection.
   * An index key change costs DynamoDB a delete and a put, counted here as one.
   */
  dynamoIndexWriteUnits: number;
  dynamoReadUnits: number;
}

/** An empty count. */
export function emptyCounts(): AwsCounts {
  return {
    s3: {},
    dynamo: {},
    dynamoWriteItems: 0,
    dynamoTableWriteUnits: 0,
    dynamoIndexWriteUnits: 0,
    dynamoReadUnits: 0,
  };
}

/** `after - before`, per field. */
export function diffCounts(after: AwsCounts, before: AwsCounts): AwsCounts {
  const sub = (a: Record<string, number>, b: Record<string, number>) =>
    Object.fromEntries(
      Object.entries(a)
        .map(([k, v]) => [k, v - (b[k] ?? 0)] as const)
        .filter(([, v]) => v !== 0),
    );
  return {
    s3: sub(after.s3, before.s3),
    dynamo: sub(after.dynamo, before.dynamo),
    dynamoWriteItems: after.dynamoWriteItems - before.dynamoWriteItems,
    dynamoTableWriteUnits: round(after.dynamoTableWriteUnits - before.dynamoTableWriteUnits),
    dynamoIndexWriteUnits: after.dynamoIndexWriteUnits - before.dynamoIndexWriteUnits,
    dynamoReadUnits: round(after.dynamoReadUnits - before.dynamoReadUnits),
  };
}

/** A deep copy, for taking a snapshot before a pass. */
export function snapshotCounts(counts: AwsCounts): AwsCounts {
  return { ...counts, s3: { ...counts.s3 }, dynamo: { ...counts.dynamo } };
}

type AttributeValue = Record<string, unknown>;

/** Approximate stored size of a DynamoDB attribute value in bytes (the service's own rule, simplified). */
export function attributeValueSize(value: AttributeValue): number {
  const [type, v] = Object.entries(value)[0] ?? [];
  switch (type) {
    case 'S':
      return Buffer.byteLength(String(v));
    case 'N':
      return Math.ceil(String(v).replace(/^-|\./g, '').length / 2) + 1;
    case 'B':
      return (v as Uint8Array).byteLength ?? 0;
    case 'BOOL':
    case 'NULL':
      return 1;
    case 'SS':
    case 'NS':
      return (v as string[]).reduce((n, s) => n + Buffer.byteLength(s), 0);
    case 'L':
      return 3 + (v as AttributeValue[]).reduce((n, x) => n + 1 + attributeValueSize(x), 0);
    case 'M':
      return 3 + itemSize(v as Record<string, AttributeValue>);
    default:
      return 0;
  }
}

/** Approximate stored size of a marshalled item: names plus values. */
export function itemSize(item: Record<string, AttributeValue>): number {
  let size = 0;
  for (const [name, value] of Object.entries(item))
    size += Buffer.byteLength(name) + attributeValueSize(value);
  return size;
}

const SUMMARY = new Set<string>(STORY_SUMMARY_ATTRIBUTES);

/** Index write units of putting `item` (marshalled): each index holding it, sized by what it projects. */
export function indexWriteUnitsForPut(item: Record<string, AttributeValue>): number {
  let units = 0;
  for (const index of ARTICLE_TABLE.indexes) {
    if (!(index.partitionKey in item)) continue;
    if ('sortKey' in index && !(index.sortKey in item)) continue;
    let size = 0;
    for (const [name, value] of Object.entries(item)) {
      const isKey =
        name === 'pk' ||
        name === 'sk' ||
        name === index.partitionKey ||
        ('sortKey' in index && name === index.sortKey);
      if (index.projection === 'all' || isKey || (index.projection === 'summary' && SUMMARY.has(name)))
        size += Buffer.byteLength(name) + attributeValueSize(value);
    }
    units += Math.max(1, Math.ceil(size / 1024));
  }
  return units;
}

/**
 * Index write units of an UpdateItem, estimated: one per index whose partition key attribute it sets or removes
 * (the update's text does not say whether the item was in an index already).
 */
export function indexWriteUnitsForUpdate(input: {
  UpdateExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
}): number {
  const names = new Set<string>();
  const expression = input.UpdateExpression ?? '';
  for (const match of expression.matchAll(/(#?[A-Za-z_][\w]*)\s*(?:=|,|$|\s+(?:SET|REMOVE|ADD|DELETE)\b)/g)) {
    const raw = match[1] as string;
    names.add(raw.startsWith('#') ? (input.ExpressionAttributeNames?.[raw] ?? raw) : raw);
  }
  for (const match of expression.matchAll(/REMOVE\s+([^=]+?)(?=\s+(?:SET|ADD|DELETE)\b|$)/g)) {
    for (const part of (match[1] as string).split(',')) {
      const raw = part.trim();
      names.add(raw.startsWith('#') ? (input.ExpressionAttributeNames?.[raw] ?? raw) : raw);
    }
  }
  return ARTICLE_TABLE.indexes.filter((index) => names.has(index.partitionKey)).length;
}

const WRITE_COMMANDS = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'BatchWriteItemCommand',
  'TransactWriteItemsCommand',
]);
const CAPACITY_COMMANDS = new Set([
  ...WRITE_COMMANDS,
  'GetItemCommand',
  'QueryCommand',
  'BatchGetItemCommand',
  'ScanCommand',
]);

interface Consumed {
  CapacityUnits?: number;
}

/** Adds counting middleware to the clients the pipeline uses (the document client shares the DynamoDB stack). */
export function countAwsRequests(clients: { s3: S3Client; dynamo: DynamoDBClient }): AwsCounts {
  const counts = emptyCounts();
  clients.s3.middlewareStack.add(
    (next, context) => async (args) => {
      const name = context.commandName ?? 'unknown';
      counts.s3[name] = (counts.s3[name] ?? 0) + 1;
      return next(args);
    },
    { step: 'initialize', name: 'benchCountS3', override: true },
  );
  clients.dynamo.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>;
      if (CAPACITY_COMMANDS.has(context.commandName ?? '') && !input.ReturnConsumedCapacity) {
        input.ReturnConsumedCapacity = 'TOTAL';
      }
      return next(args);
    },
    { step: 'initialize', name: 'benchAskCapacity', override: true },
  );
  clients.dynamo.middlewareStack.add(
    (next, context) => async (args) => {
      const name = context.commandName ?? 'unknown';
      counts.dynamo[name] = (counts.dynamo[name] ?? 0) + 1;
      const input = args.input as Record<string, unknown>;
      if (name === 'PutItemCommand') {
        counts.dynamoWriteItems++;
        counts.dynamoIndexWriteUnits += indexWriteUnitsForPut(input.Item as Record<string, AttributeValue>);
      } else if (name === 'UpdateItemCommand') {
        counts.dynamoWriteItems++;
        counts.dynamoIndexWriteUnits += indexWriteUnitsForUpdate(input);
      } else if (name === 'DeleteItemCommand') {
        counts.dynamoWriteItems++;
      } else if (name === 'BatchWriteItemCommand') {
        for (const requests of Object.values(input.RequestItems as Record<string, unknown[]>)) {
          for (const request of requests as { PutRequest?: { Item: Record<string, AttributeValue> } }[]) {
            counts.dynamoWriteItems++;
            if (request.PutRequest)
              counts.dynamoIndexWriteUnits += indexWriteUnitsForPut(request.PutRequest.Item);
          }
        }
      }
      const result = await next(args);
      const consumed = (result.output as { ConsumedCapacity?: Consumed | Consumed[] }).ConsumedCapacity;
      const units = (Array.isArray(consumed) ? consumed : consumed ? [consumed] : []).reduce(
        (n, c) => n + (c.CapacityUnits ?? 0),
        0,
      );
      if (WRITE_COMMANDS.has(name)) counts.dynamoTableWriteUnits += units;
      else counts.dynamoReadUnits += units;
      return result;
    },
    { step: 'build', name: 'benchCountDynamo', override: true },
  );
  return counts;
}

/** Which core steps the probes time, and the original functions (for baselines that must not be counted). */
export interface CoreProbes {
  /** False when the pipeline modules were already loaded (or the module system does not allow it). */
  readonly installed: boolean;
}

let activeTimer: StageTimer | undefined;

/** Points the probes at a timer (or at none, to stop recording). */
export function setProbeTimer(timer: StageTimer | undefined): void {
  activeTimer = timer;
}

/**
 * Interposes timing wrappers on the core's feed parsing, main-text extraction and classification modules, so that
 * the use cases (which import them) are timed per step without any change to their code. Must run before the
 * pipeline modules are first loaded; later it does nothing and says so.
 */
export function installCoreProbes(): CoreProbes {
  const cache = require.cache as Record<string, NodeModule | undefined> | undefined;
  const pipelineModules = [
    '../../lambdas/core/pipeline/extract-story',
    '../../lambdas/core/pipeline/poll-feed',
  ];
  const targets: [string, string, string][] = [
    ['../../lambdas/core/articles/extract', 'extractArticle', 'extract'],
    ['../../lambdas/core/classify/analyse', 'analyseStory', 'classify'],
    ['../../lambdas/core/feeds/parse', 'parseFeed', 'parse feed'],
  ];
  try {
    if (!cache || pipelineModules.some((m) => cache[require.resolve(m)])) return { installed: false };
    for (const [path, exportName, stage] of targets) {
      const resolved = require.resolve(path);
      const real = require(resolved) as Record<string, unknown>;
      const entry = cache[resolved];
      const original = real[exportName] as (...args: unknown[]) => unknown;
      if (!entry || typeof original !== 'function') return { installed: false };
      const wrapped = (...args: unknown[]) => {
        const timer = activeTimer;
        if (!timer) return original(...args);
        const started = performance.now();
        const result = original(...args);
        if (result instanceof Promise) {
          return result.finally(() => timer.record(stage, performance.now() - started));
        }
        timer.record(stage, performance.now() - started);
        return result;
      };
      entry.exports = { ...real, [exportName]: wrapped };
    }
    return { installed: true };
  } catch {
    return { installed: false };
  }
}
