import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FeedConfig } from '../lambdas/core/model';

/** Log levels both Powertools and Lambda's JSON log filter understand. */
export type LogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

/** Size and throughput of one Lambda stage. */
export interface FunctionSettings {
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
  /** Reserved concurrency; unset leaves the function on the account's shared pool. */
  readonly reservedConcurrency?: number;
}

/** A stage fed by an SQS queue: how much it takes at once and how far it may scale out. */
export interface QueueConsumerSettings extends FunctionSettings {
  readonly batchSize: number;
  /** Upper bound of concurrent invocations the SQS event source starts (2..1000). */
  readonly maxConcurrency: number;
  /** Receives before a message moves to the dead-letter queue. */
  readonly maxReceiveCount: number;
}

/** Everything a deployment can choose, read from `config/deploy.json` (see docs/deploy.md). */
export interface DeployConfig {
  readonly stackName: string;
  readonly serviceName: string;
  readonly eventBusName: string;
  /** EventBridge Scheduler expression for the dispatch run, e.g. `rate(5 minutes)`. */
  readonly dispatchSchedule: string;
  readonly userAgent: string;
  readonly logLevel: LogLevel;
  readonly logRetentionDays: number;
  readonly alertEmail?: string;
  readonly storyEmail?: string;
  /** Keep the bucket, table and logs when the stack is deleted. */
  readonly retainData: boolean;
  readonly raw: {
    readonly archiveAfterDays?: number;
    readonly expireAfterDays?: number;
    readonly accessLogRetentionDays: number;
  };
  readonly events: {
    readonly archiveRetentionDays: number;
    readonly targetRetryAttempts: number;
    readonly targetMaxEventAgeHours: number;
  };
  readonly functions: {
    readonly dispatch: FunctionSettings;
    readonly poll: QueueConsumerSettings;
    readonly extract: QueueConsumerSettings;
  };
  readonly alarms: {
    readonly pollQueueMaxAgeMinutes: number;
    readonly extractQueueMaxAgeMinutes: number;
  };
  readonly tags: Readonly<Record<string, string>>;
}

/** The defaults `config/deploy.json` overrides; a file may name only what it changes. */
export const DEFAULT_DEPLOY_CONFIG: DeployConfig = {
  stackName: 'Newswire',
  serviceName: 'newswire',
  eventBusName: 'newswire',
  dispatchSchedule: 'rate(5 minutes)',
  userAgent: 'NewswireBot/0.1 (feed reader)',
  logLevel: 'INFO',
  logRetentionDays: 30,
  retainData: true,
  raw: { archiveAfterDays: 90, accessLogRetentionDays: 90 },
  events: { archiveRetentionDays: 90, targetRetryAttempts: 8, targetMaxEventAgeHours: 24 },
  functions: {
    // One run at a time: an overlapping run would queue the feeds the first is still queuing.
    dispatch: { memoryMb: 256, timeoutSeconds: 60, reservedConcurrency: 1 },
    poll: { memoryMb: 512, timeoutSeconds: 120, batchSize: 2, maxConcurrency: 20, maxReceiveCount: 3 },
    extract: { memoryMb: 1024, timeoutSeconds: 60, batchSize: 10, maxConcurrency: 10, maxReceiveCount: 5 },
  },
  alarms: { pollQueueMaxAgeMinutes: 30, extractQueueMaxAgeMinutes: 30 },
  tags: { project: 'newswire' },
};

/** CloudWatch Logs accepts only these retention periods. */
const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

type Json = Record<string, unknown>;

class ConfigError extends Error {
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'ConfigError';
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a field, checking its type; null and absent both mean "use the default". */
function field<T>(
  obj: Json,
  key: string,
  kind: 'string' | 'number' | 'boolean',
  fallback: T,
  where: string,
): T {
  const value = obj[key];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== kind)
    throw new ConfigError(where, `"${key}" must be a ${kind}, got ${JSON.stringify(value)}`);
  return value as T;
}

function positiveInt(
  value: number,
  key: string,
  where: string,
  min = 1,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(where, `"${key}" must be an integer in ${min}..${max}, got ${value}`);
  }
  return value;
}

function optionalEmail(value: string | undefined, key: string, where: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value))
    throw new ConfigError(where, `"${key}" is not an e-mail address`);
  return value;
}

function section(obj: Json, key: string, where: string): Json {
  const value = obj[key];
  if (value === undefined || value === null) return {};
  if (!isObject(value)) throw new ConfigError(where, `"${key}" must be an object`);
  return value;
}

function functionSettings(raw: Json, base: FunctionSettings, where: string): FunctionSettings {
  return {
    memoryMb: positiveInt(
      field(raw, 'memoryMb', 'number', base.memoryMb, where),
      'memoryMb',
      where,
      128,
      10240,
    ),
    timeoutSeconds: positiveInt(
      field(raw, 'timeoutSeconds', 'number', base.timeoutSeconds, where),
      'timeoutSeconds',
      where,
      1,
      // SQS visibility (6 x timeout) may not exceed 12 hours; 900 s is Lambda's own ceiling anyway.
      900,
    ),
    reservedConcurrency: optionalInt(raw, 'reservedConcurrency', base.reservedConcurrency, where),
  };
}

/** An optional positive integer: absent takes the default, null means "none". */
function optionalInt(
  raw: Json,
  key: string,
  fallback: number | undefined,
  where: string,
): number | undefined {
  if (!(key in raw)) return fallback;
  const value = field<number | undefined>(raw, key, 'number', undefined, where);
  return value === undefined ? undefined : positiveInt(value, key, where);
}

function consumerSettings(raw: Json, base: QueueConsumerSettings, where: string): QueueConsumerSettings {
  return {
    ...functionSettings(raw, base, where),
    batchSize: positiveInt(
      field(raw, 'batchSize', 'number', base.batchSize, where),
      'batchSize',
      where,
      1,
      10,
    ),
    maxConcurrency: positiveInt(
      field(raw, 'maxConcurrency', 'number', base.maxConcurrency, where),
      'maxConcurrency',
      where,
      2,
      1000,
    ),
    maxReceiveCount: positiveInt(
      field(raw, 'maxReceiveCount', 'number', base.maxReceiveCount, where),
      'maxReceiveCount',
      where,
      1,
      1000,
    ),
  };
}

/** Validates a parsed `deploy.json`, filling defaults; throws a message naming the bad field. */
export function parseDeployConfig(raw: unknown, where = 'config/deploy.json'): DeployConfig {
  if (!isObject(raw)) throw new ConfigError(where, 'must hold a JSON object');
  const d = DEFAULT_DEPLOY_CONFIG;
  const logLevel = field(raw, 'logLevel', 'string', d.logLevel, where);
  if (!['DEBUG', 'INFO', 'WARN', 'ERROR'].includes(logLevel)) {
    throw new ConfigError(where, `"logLevel" must be DEBUG, INFO, WARN or ERROR, got ${logLevel}`);
  }
  const logRetentionDays = field(raw, 'logRetentionDays', 'number', d.logRetentionDays, where);
  if (!LOG_RETENTION_DAYS.includes(logRetentionDays)) {
    throw new ConfigError(where, `"logRetentionDays" must be one of ${LOG_RETENTION_DAYS.join(', ')}`);
  }
  const schedule = field(raw, 'dispatchSchedule', 'string', d.dispatchSchedule, where);
  if (!/^(rate|cron)\(.+\)$/.test(schedule)) {
    throw new ConfigError(where, `"dispatchSchedule" must be rate(...) or cron(...), got ${schedule}`);
  }
  const busName = field(raw, 'eventBusName', 'string', d.eventBusName, where);
  if (!/^[A-Za-z0-9._-]{1,256}$/.test(busName) || busName === 'default') {
    throw new ConfigError(where, `"eventBusName" must be a custom bus name, got ${busName}`);
  }

  const rawStore = section(raw, 'raw', where);
  // Here null is meaningful ("never"), so only an absent key takes the default.
  const archiveAfterDays =
    'archiveAfterDays' in rawStore
      ? field<number | undefined>(rawStore, 'archiveAfterDays', 'number', undefined, where)
      : d.raw.archiveAfterDays;
  const expireAfterDays =
    'expireAfterDays' in rawStore
      ? field<number | undefined>(rawStore, 'expireAfterDays', 'number', undefined, where)
      : d.raw.expireAfterDays;
  if (archiveAfterDays !== undefined) positiveInt(archiveAfterDays, 'raw.archiveAfterDays', where);
  if (expireAfterDays !== undefined) positiveInt(expireAfterDays, 'raw.expireAfterDays', where);
  if (
    archiveAfterDays !== undefined &&
    expireAfterDays !== undefined &&
    expireAfterDays <= archiveAfterDays
  ) {
    throw new ConfigError(where, '"raw.expireAfterDays" must be later than "raw.archiveAfterDays"');
  }

  const events = section(raw, 'events', where);
  const functions = section(raw, 'functions', where);
  const alarms = section(raw, 'alarms', where);
  const tags = section(raw, 'tags', where);
  for (const [key, value] of Object.entries(tags)) {
    if (typeof value !== 'string') throw new ConfigError(where, `tag "${key}" must be a string`);
  }

  return {
    stackName: field(raw, 'stackName', 'string', d.stackName, where),
    serviceName: field(raw, 'serviceName', 'string', d.serviceName, where),
    eventBusName: busName,
    dispatchSchedule: schedule,
    userAgent: field(raw, 'userAgent', 'string', d.userAgent, where),
    logLevel: logLevel as LogLevel,
    logRetentionDays,
    alertEmail: optionalEmail(
      field<string | undefined>(raw, 'alertEmail', 'string', undefined, where),
      'alertEmail',
      where,
    ),
    storyEmail: optionalEmail(
      field<string | undefined>(raw, 'storyEmail', 'string', undefined, where),
      'storyEmail',
      where,
    ),
    retainData: field(raw, 'retainData', 'boolean', d.retainData, where),
    raw: {
      archiveAfterDays,
      expireAfterDays,
      accessLogRetentionDays: positiveInt(
        field(rawStore, 'accessLogRetentionDays', 'number', d.raw.accessLogRetentionDays, where),
        'raw.accessLogRetentionDays',
        where,
      ),
    },
    events: {
      archiveRetentionDays: positiveInt(
        field(events, 'archiveRetentionDays', 'number', d.events.archiveRetentionDays, where),
        'events.archiveRetentionDays',
        where,
        // 0 would mean "keep forever" to EventBridge; ask for an explicit number instead.
        1,
      ),
      targetRetryAttempts: positiveInt(
        field(events, 'targetRetryAttempts', 'number', d.events.targetRetryAttempts, where),
        'events.targetRetryAttempts',
        where,
        0,
        185,
      ),
      targetMaxEventAgeHours: positiveInt(
        field(events, 'targetMaxEventAgeHours', 'number', d.events.targetMaxEventAgeHours, where),
        'events.targetMaxEventAgeHours',
        where,
        1,
        24,
      ),
    },
    functions: {
      dispatch: functionSettings(
        section(functions, 'dispatch', where),
        d.functions.dispatch,
        `${where} dispatch`,
      ),
      poll: consumerSettings(section(functions, 'poll', where), d.functions.poll, `${where} poll`),
      extract: consumerSettings(
        section(functions, 'extract', where),
        d.functions.extract,
        `${where} extract`,
      ),
    },
    alarms: {
      pollQueueMaxAgeMinutes: positiveInt(
        field(alarms, 'pollQueueMaxAgeMinutes', 'number', d.alarms.pollQueueMaxAgeMinutes, where),
        'alarms.pollQueueMaxAgeMinutes',
        where,
      ),
      extractQueueMaxAgeMinutes: positiveInt(
        field(alarms, 'extractQueueMaxAgeMinutes', 'number', d.alarms.extractQueueMaxAgeMinutes, where),
        'alarms.extractQueueMaxAgeMinutes',
        where,
      ),
    },
    tags: 'tags' in raw ? (tags as Record<string, string>) : d.tags,
  };
}

/** Validates a parsed `feeds.json`: unique ids, http(s) URLs, a publisher for each feed. */
export function parseFeedList(raw: unknown, where = 'config/feeds.json'): FeedConfig[] {
  if (!Array.isArray(raw)) throw new ConfigError(where, 'must hold a JSON array of feeds');
  const seen = new Set<string>();
  return raw.map((entry, index) => {
    const at = `${where} [${index}]`;
    if (!isObject(entry)) throw new ConfigError(at, 'must be an object');
    const id = field(entry, 'id', 'string', '', at);
    const url = field(entry, 'url', 'string', '', at);
    const publisher = field(entry, 'publisher', 'string', '', at);
    const language = field<string | undefined>(entry, 'language', 'string', undefined, at);
    // The same rule dispatch applies when it registers the bundled list (lambdas/core/pipeline/dispatch-feeds.ts).
    if (!/^[a-z0-9][a-z0-9._-]*$/i.test(id)) {
      throw new ConfigError(at, `"id" must be a short name of letters, digits, '.', '_' or '-'`);
    }
    if (seen.has(id)) throw new ConfigError(at, `duplicate feed id ${id}`);
    seen.add(id);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new ConfigError(at, `"url" is not a URL: ${url}`);
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      throw new ConfigError(at, `"url" must be http or https: ${url}`);
    }
    if (publisher.trim() === '') throw new ConfigError(at, '"publisher" is required');
    return language === undefined ? { id, url, publisher } : { id, url, publisher, language };
  });
}

/** Reads and validates `deploy.json` and `feeds.json` from a config folder. */
export function readConfigFolder(dir: string): { deploy: DeployConfig; feeds: FeedConfig[] } {
  const read = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
  return {
    deploy: parseDeployConfig(read('deploy.json'), path.join(dir, 'deploy.json')),
    feeds: parseFeedList(read('feeds.json'), path.join(dir, 'feeds.json')),
  };
}
