import * as fs from 'node:fs';
import * as path from 'node:path';

/** List prices the estimate multiplies by, read from `config/aws-prices.json` (dated, one region). */
export interface AwsPrices {
  readonly region: string;
  readonly currency: string;
  /** ISO date the prices were read from the public pricing pages. */
  readonly priceDate: string;
  readonly source: string;
  readonly lambda: { readonly arm64PerGbSecond: number; readonly perMillionRequests: number };
  readonly sqs: { readonly standardPerMillionRequests: number };
  readonly s3: {
    readonly standardPerGbMonth: number;
    readonly glacierInstantRetrievalPerGbMonth: number;
    readonly putPerThousand: number;
    readonly getPerThousand: number;
  };
  readonly dynamodb: {
    readonly onDemandPerMillionWriteRequestUnits: number;
    readonly onDemandPerMillionReadRequestUnits: number;
    readonly storagePerGbMonth: number;
    readonly pointInTimeRecoveryPerGbMonth: number;
  };
  readonly eventbridge: {
    readonly customEventsPerMillion: number;
    readonly archivePerGbProcessed: number;
    readonly schedulerPerMillionInvocations: number;
  };
  readonly cloudwatch: {
    readonly customMetricPerMonth: number;
    readonly standardAlarmPerMonth: number;
    readonly dashboardPerMonth: number;
    readonly logsIngestionPerGb: number;
    readonly logsStoragePerGbMonth: number;
  };
  readonly xray: { readonly perMillionTracesRecorded: number };
  readonly sns: { readonly emailPerHundredThousand: number };
}

/** Reads the dated price file, refusing one with a missing or non-positive price. */
export function readAwsPrices(file = path.join(__dirname, '..', 'config', 'aws-prices.json')): AwsPrices {
  const prices = JSON.parse(fs.readFileSync(file, 'utf8')) as AwsPrices;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(prices.priceDate)) throw new Error(`${file}: priceDate must be YYYY-MM-DD`);
  const walk = (value: unknown, at: string): void => {
    if (typeof value === 'number') {
      if (!(value > 0)) throw new Error(`${file}: ${at} must be a positive price`);
    } else if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) walk(v, at ? `${at}.${k}` : k);
    }
  };
  walk(prices, '');
  return prices;
}

/**
 * What the estimate assumes about the workload and the code. Each figure is a plain guess stated in
 * docs/deploy.md; change one and the estimate follows.
 */
export interface WorkloadAssumptions {
  readonly feeds: number;
  readonly pollIntervalMinutes: number;
  readonly dispatchIntervalMinutes: number;
  readonly newItemsPerFeedPerDay: number;
  /** Share of new articles that are diplomatic stories (raise an event). */
  readonly diplomaticShare: number;
  readonly daysPerMonth: number;
  readonly memoryMb: { readonly dispatch: number; readonly poll: number; readonly extract: number };
  /** Billed seconds of one dispatch run, plus per feed it queues. */
  readonly dispatchSeconds: { readonly base: number; readonly perDueFeed: number };
  /** Billed seconds of one poll: the feed request, plus each new article page fetched. */
  readonly pollSeconds: { readonly perFeed: number; readonly perNewArticle: number };
  readonly extractSecondsPerArticle: number;
  /** Articles per extract invocation (S3 notifications arrive close together after a poll). */
  readonly articlesPerExtractInvocation: number;
  /** Share of invocations that are cold starts, and the billed init time of one. */
  readonly coldStartShare: number;
  readonly initSeconds: number;
  /** Concurrent 20-second long polls Lambda keeps on each idle SQS event source. */
  readonly idleLongPollsPerQueue: number;
  readonly pageKb: number;
  readonly itemJsonKb: number;
  /** Write units of one feed-state update, counting the copies in the feed GSIs. */
  readonly feedUpdateWriteUnits: number;
  /** Feed-state updates per poll (poll records the result; dispatch only reads). */
  readonly feedUpdatesPerPoll: number;
  readonly articleItemKb: number;
  /** GSIs holding a summary copy of every article item (by feed, publisher, URL); diplomatic stories are in more. */
  readonly articleIndexCopies: number;
  /** Size of one summary copy in a story index (13 attributes, no text). */
  readonly indexCopyKb: number;
  readonly diplomaticExtraIndexCopies: number;
  readonly mentionsPerArticle: number;
  readonly eventKb: number;
  readonly logKbPerInvocation: number;
  readonly customMetrics: number;
  readonly alarms: number;
  readonly dashboards: number;
  readonly logRetentionDays: number;
}

/** The assumptions behind the table in docs/deploy.md (memory sizes as in config/deploy.json). */
export const DEFAULT_ASSUMPTIONS: WorkloadAssumptions = {
  feeds: 100,
  pollIntervalMinutes: 15,
  dispatchIntervalMinutes: 5,
  newItemsPerFeedPerDay: 20,
  diplomaticShare: 0.15,
  daysPerMonth: 30,
  memoryMb: { dispatch: 256, poll: 512, extract: 1024 },
  dispatchSeconds: { base: 0.4, perDueFeed: 0.01 },
  pollSeconds: { perFeed: 0.8, perNewArticle: 1.0 },
  extractSecondsPerArticle: 0.5,
  articlesPerExtractInvocation: 2,
  coldStartShare: 0.02,
  initSeconds: 0.6,
  idleLongPollsPerQueue: 5,
  pageKb: 30,
  itemJsonKb: 3,
  // The feed item (state plus up to 100 settled article ids, about 3 KB) and its copies in the two feed GSIs.
  feedUpdateWriteUnits: 9,
  feedUpdatesPerPoll: 1,
  articleItemKb: 7,
  articleIndexCopies: 3,
  indexCopyKb: 1,
  diplomaticExtraIndexCopies: 3,
  mentionsPerArticle: 3,
  eventKb: 2,
  logKbPerInvocation: 2,
  customMetrics: 10,
  alarms: 14,
  dashboards: 1,
  logRetentionDays: 30,
};

export interface CostLine {
  readonly service: string;
  readonly item: string;
  readonly quantity: number;
  readonly unit: string;
  readonly unitPrice: number;
  readonly usd: number;
}

export interface CostEstimate {
  readonly assumptions: WorkloadAssumptions;
  readonly priceDate: string;
  readonly counts: {
    readonly polls: number;
    readonly dispatchRuns: number;
    readonly newArticles: number;
    readonly stories: number;
    readonly invocations: number;
  };
  readonly lines: CostLine[];
  readonly totalUsd: number;
  /** Raw pages and items added per month, and what a year of them costs to keep per month. */
  readonly rawGbPerMonth: number;
}

const GB_PER_KB = 1 / (1024 * 1024);

/** Monthly cost of the deployed pipeline for a workload, from counted requests and list prices. */
export function estimateMonthlyCost(assumptions: WorkloadAssumptions, prices: AwsPrices): CostEstimate {
  const a = assumptions;
  const minutes = a.daysPerMonth * 24 * 60;
  const polls = a.feeds * (minutes / a.pollIntervalMinutes);
  const dispatchRuns = minutes / a.dispatchIntervalMinutes;
  const newArticles = a.feeds * a.newItemsPerFeedPerDay * a.daysPerMonth;
  const stories = newArticles * a.diplomaticShare;
  const extractInvocations = newArticles / a.articlesPerExtractInvocation;
  const invocations = dispatchRuns + polls + extractInvocations;
  const articlesPerPoll = newArticles / polls;
  const dueFeedsPerRun = polls / dispatchRuns;

  const gbSeconds = (invocationCount: number, seconds: number, memoryMb: number) =>
    invocationCount * (seconds + a.coldStartShare * a.initSeconds) * (memoryMb / 1024);
  const computeGbS =
    gbSeconds(
      dispatchRuns,
      a.dispatchSeconds.base + a.dispatchSeconds.perDueFeed * dueFeedsPerRun,
      a.memoryMb.dispatch,
    ) +
    gbSeconds(polls, a.pollSeconds.perFeed + a.pollSeconds.perNewArticle * articlesPerPoll, a.memoryMb.poll) +
    gbSeconds(
      extractInvocations,
      a.extractSecondsPerArticle * a.articlesPerExtractInvocation,
      a.memoryMb.extract,
    );

  // A receive and a delete per batch; dispatch sends one message per due feed; S3 sends one per item.json.
  const idlePolls = (2 * a.idleLongPollsPerQueue * (minutes * 60)) / 20;
  const sqsRequests = polls + 2 * polls + newArticles + 2 * extractInvocations + stories + idlePolls;

  const rawGbPerMonth = newArticles * (a.pageKb + a.itemJsonKb) * GB_PER_KB;

  const indexCopy = Math.ceil(a.indexCopyKb);
  const articleWriteUnits =
    2 /* claim, then marked stored */ +
    Math.ceil(a.articleItemKb) +
    a.articleIndexCopies * indexCopy +
    a.mentionsPerArticle +
    a.diplomaticShare *
      (a.diplomaticExtraIndexCopies * indexCopy +
        2 *
          (Math.ceil(a.articleItemKb) +
            1)) /* outbox lease and published flag, each rewriting the item and its pending-events key */;
  const writeUnits = polls * a.feedUpdatesPerPoll * a.feedUpdateWriteUnits + newArticles * articleWriteUnits;
  // Feed state read per poll; dispatch reads due feeds (eventually consistent, 4 KB per half unit); extract
  // reads its claim and the feed.
  const readUnits = polls * 1 + polls * 0.5 * 0.25 + newArticles * 2;
  const tableGbPerMonth =
    newArticles *
    (a.articleItemKb +
      (a.articleIndexCopies + a.diplomaticShare * a.diplomaticExtraIndexCopies) * a.indexCopyKb +
      a.mentionsPerArticle * 0.5) *
    GB_PER_KB;

  const logsGb = invocations * a.logKbPerInvocation * GB_PER_KB;
  const secondsPerMonth = minutes * 60;
  // X-Ray's default sampling: the first request each second, then 5 %.
  const reservoir = Math.min(invocations, secondsPerMonth);
  const traces = reservoir + 0.05 * (invocations - reservoir);

  const p = prices;
  const line = (
    service: string,
    item: string,
    quantity: number,
    unit: string,
    unitPrice: number,
  ): CostLine => ({
    service,
    item,
    quantity,
    unit,
    unitPrice,
    usd: quantity * unitPrice,
  });
  const lines: CostLine[] = [
    line('Lambda', 'requests', invocations / 1e6, 'million requests', p.lambda.perMillionRequests),
    line('Lambda', 'compute (arm64)', computeGbS, 'GB-s', p.lambda.arm64PerGbSecond),
    line(
      'SQS',
      'requests (incl. idle long polling)',
      sqsRequests / 1e6,
      'million requests',
      p.sqs.standardPerMillionRequests,
    ),
    line('S3', 'PUT (page + item.json)', (newArticles * 2) / 1000, 'thousand PUT', p.s3.putPerThousand),
    line('S3', 'GET (extract reads both)', (newArticles * 2) / 1000, 'thousand GET', p.s3.getPerThousand),
    line('S3', "storage of one month's raw articles", rawGbPerMonth, 'GB-month', p.s3.standardPerGbMonth),
    line(
      'DynamoDB',
      'write request units',
      writeUnits / 1e6,
      'million WRU',
      p.dynamodb.onDemandPerMillionWriteRequestUnits,
    ),
    line(
      'DynamoDB',
      'read request units',
      readUnits / 1e6,
      'million RRU',
      p.dynamodb.onDemandPerMillionReadRequestUnits,
    ),
    line(
      'DynamoDB',
      "storage of one month's items",
      tableGbPerMonth,
      'GB-month',
      p.dynamodb.storagePerGbMonth,
    ),
    line(
      'DynamoDB',
      'point-in-time recovery',
      tableGbPerMonth,
      'GB-month',
      p.dynamodb.pointInTimeRecoveryPerGbMonth,
    ),
    line(
      'EventBridge',
      'custom events (stories)',
      stories / 1e6,
      'million events',
      p.eventbridge.customEventsPerMillion,
    ),
    line(
      'EventBridge',
      'archive',
      stories * a.eventKb * GB_PER_KB,
      'GB',
      p.eventbridge.archivePerGbProcessed,
    ),
    line(
      'EventBridge',
      'Scheduler invocations',
      dispatchRuns / 1e6,
      'million',
      p.eventbridge.schedulerPerMillionInvocations,
    ),
    line('CloudWatch', 'custom metrics', a.customMetrics, 'metric-month', p.cloudwatch.customMetricPerMonth),
    line('CloudWatch', 'alarms', a.alarms, 'alarm-month', p.cloudwatch.standardAlarmPerMonth),
    line('CloudWatch', 'dashboard', a.dashboards, 'dashboard-month', p.cloudwatch.dashboardPerMonth),
    line('CloudWatch', 'log ingestion', logsGb, 'GB', p.cloudwatch.logsIngestionPerGb),
    line(
      'CloudWatch',
      'log storage',
      logsGb * (a.logRetentionDays / a.daysPerMonth),
      'GB-month',
      p.cloudwatch.logsStoragePerGbMonth,
    ),
    line('X-Ray', 'traces recorded', traces / 1e6, 'million traces', p.xray.perMillionTracesRecorded),
  ];
  const totalUsd = lines.reduce((sum, l) => sum + l.usd, 0);
  return {
    assumptions,
    priceDate: prices.priceDate,
    counts: { polls, dispatchRuns, newArticles, stories, invocations },
    lines,
    totalUsd,
    rawGbPerMonth,
  };
}
