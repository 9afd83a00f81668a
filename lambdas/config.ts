/**
 * Typed configuration of the functions, read once at cold start from the environment the CDK stack sets.
 * A missing variable fails the cold start loudly instead of failing every record later.
 */

/** Everything any Newswire function may be configured with. */
export interface FunctionConfig {
  /** The article table (articles, mentions, claims, feed registry). */
  readonly tableName: string;
  /** The raw article bucket. */
  readonly rawBucket: string;
  /** The custom EventBridge bus for story events. */
  readonly eventBusName: string;
  /** The poll queue (dispatch only). */
  readonly pollQueueUrl: string;
  /** Path of the feed list JSON inside the dispatch bundle, relative to the bundle root. */
  readonly feedListPath: string;
  /** The User-Agent sent with every feed and page request. */
  readonly userAgent: string;
}

export const DEFAULT_USER_AGENT = 'Newswire/0.1 (+https://github.com/newswire; feed reader)';

type Name = keyof FunctionConfig;
const VARIABLES: Record<Name, string> = {
  tableName: 'TABLE_NAME',
  rawBucket: 'RAW_BUCKET',
  eventBusName: 'EVENT_BUS_NAME',
  pollQueueUrl: 'POLL_QUEUE_URL',
  feedListPath: 'FEED_LIST_PATH',
  userAgent: 'USER_AGENT',
};
const DEFAULTS: Partial<FunctionConfig> = { userAgent: DEFAULT_USER_AGENT, feedListPath: 'feeds.json' };

/** Reads the named settings from the environment; throws listing every missing variable. */
export function loadConfig<K extends Name>(
  names: readonly K[],
  env: NodeJS.ProcessEnv = process.env,
): Pick<FunctionConfig, K> {
  const missing: string[] = [];
  const config: Partial<FunctionConfig> = {};
  for (const name of names) {
    const value = env[VARIABLES[name]]?.trim() || DEFAULTS[name];
    if (value === undefined) missing.push(VARIABLES[name]);
    else config[name] = value;
  }
  if (missing.length > 0) throw new Error(`missing environment variable(s): ${missing.join(', ')}`);
  return config as Pick<FunctionConfig, K>;
}
