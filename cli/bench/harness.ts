/**
 * The benchmark run: a generated feed farm on loopback, the whole local pipeline over it on the embedded
 * DynamoDB and S3 (the same use cases as `runLocalPipeline`, in the same order, with every port wrapped for
 * timing and every AWS request counted), a second pass with nothing new, the bare libraries over the same
 * inputs, the modelled AWS cost, and the cold start of each Lambda bundle.
 *
 * Load `installCoreProbes()` (instrument.ts) before this module to get extract/classify/parse split out.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Parser from 'rss-parser';
import { JsonLinesStoryPublisher } from '../../lambdas/adapters/events/local-sink';
import { SafeHttpFetcher } from '../../lambdas/adapters/http/safe-fetcher';
import { extractArticle } from '../../lambdas/core/articles/extract';
import { analyseStory } from '../../lambdas/core/classify/analyse';
import { parseFeed } from '../../lambdas/core/feeds/parse';
import type { DiplomaticStoryDetected } from '../../lambdas/core/model';
import { dispatchFeeds } from '../../lambdas/core/pipeline/dispatch-feeds';
import { type ExtractReport, extractStory } from '../../lambdas/core/pipeline/extract-story';
import { forEachLimited, type PollReport, pollFeed } from '../../lambdas/core/pipeline/poll-feed';
import { sweepPendingStories } from '../../lambdas/core/pipeline/story-outbox';
import type {
  ArticleRepository,
  FeedRegistry,
  HttpFetcher,
  PollRequest,
  RawArticleStore,
  StoryEventPublisher,
} from '../../lambdas/core/ports';
import { localAdapters } from '../local/pipeline';
import { type ColdStartReport, measureColdStarts } from './cold-start';
import { type CostBreakdown, type PassUsage, priceUsage, readAwsPrices, readSizing, scaleCost } from './cost';
import { type FarmOptions, type FarmView, hostCount } from './farm';
import {
  type AwsCounts,
  countAwsRequests,
  diffCounts,
  type StageStats,
  StageTimer,
  setProbeTimer,
  snapshotCounts,
  timedPort,
} from './instrument';
import { groupProfile, type ProfileBucket, startProfile } from './profile';
import { measureRequestCost, type RequestCost } from './request-cost';
import { startWorld, type World } from './world';

/** What to run. */
export interface BenchOptions extends FarmOptions {
  /** Feeds polled at once (the local runner's default is 4). */
  readonly feedConcurrency?: number;
  /** Fetcher politeness towards each farm host. */
  readonly perHostConcurrency?: number;
  readonly perHostDelayMs?: number;
  /** Skip bundling and loading the Lambda bundles (tests). */
  readonly coldStart?: boolean;
  readonly coldStartRuns?: number;
  /** Run the farm and the embedded services in this process instead of a child process. */
  readonly inProcess?: boolean;
  /** Profile pass 1 and save the `.cpuprofile` here. */
  readonly profileFile?: string;
  /** Replaces the raw article store (to measure a proposed change to the S3 adapter without editing it). */
  readonly rawStoreFactory?: (s3: World['services']['s3'], bucket: string) => RawArticleStore;
  /** Progress lines for the terminal. */
  readonly say?: (line: string) => void;
}

/** Counts of one pass over the farm. */
export interface PassCounts {
  readonly feedsPolled: number;
  readonly feedStatuses: Record<string, number>;
  readonly articlesStored: number;
  readonly articlesExtracted: number;
  readonly extractionFailures: number;
  readonly pageFailures: number;
  readonly diplomatic: number;
  readonly eventsPublished: number;
  readonly httpRequests: number;
  readonly httpNotModified: number;
  readonly aws: AwsCounts;
  readonly s3Puts: number;
  readonly s3Gets: number;
  readonly dynamoWrites: number;
  readonly dynamoWriteUnits: number;
  readonly dynamoReadUnits: number;
}

/** A target from the issue and whether this run met it. */
export interface TargetCheck {
  readonly name: string;
  readonly target: string;
  readonly measured: string;
  readonly pass: boolean;
}

/** Everything `newswire bench` reports (`--json` prints this object). */
export interface BenchReport {
  readonly machine: {
    readonly cpus: number;
    readonly cpuModel: string;
    readonly memoryGb: number;
    readonly node: string;
    readonly loadAverageAtStart: number;
  };
  readonly settings: {
    readonly feeds: number;
    readonly itemsPerFeed: number;
    readonly hosts: number;
    readonly seed: number;
    readonly feedConcurrency: number;
    readonly perHostConcurrency: number;
    readonly perHostDelayMs: number;
    readonly probes: boolean;
    /** Where the farm and the embedded DynamoDB and S3 ran. */
    readonly world: 'child process' | 'in process';
  };
  readonly farm: {
    readonly feedItems: number;
    readonly distinctArticles: number;
    readonly diplomaticArticles: number;
    readonly meanPageBytes: number;
    readonly meanFeedBytes: number;
  };
  readonly endToEnd: {
    readonly seconds: number;
    /** CPU time of the pipeline's process (with the world in a child process: the pipeline alone). */
    readonly cpuSeconds: number;
    /** CPU time of the child process serving the farm, DynamoDB and S3 during the pass. */
    readonly worldCpuSeconds: number;
    readonly articlesPerSecond: number;
    /** Articles per second of the pipeline process's CPU time: independent of other load on the machine. */
    readonly articlesPerCpuSecond: number;
    readonly feedsPerSecond: number;
    readonly peakRssMb: number;
    readonly peakHeapMb: number;
    /** p50/p95 per stage, in milliseconds. */
    readonly stages: Record<string, StageStats>;
    readonly counts: PassCounts;
  };
  readonly baselines: {
    readonly rssParser: { readonly feeds: number; readonly seconds: number; readonly feedsPerSecond: number };
    readonly parseFeed: { readonly feeds: number; readonly seconds: number; readonly feedsPerSecond: number };
    readonly extraction: {
      readonly articles: number;
      readonly seconds: number;
      readonly articlesPerSecond: number;
      readonly articlesPerCpuSecond: number;
    };
    readonly extractionAndClassification: {
      readonly articles: number;
      readonly seconds: number;
      readonly articlesPerSecond: number;
    };
  };
  readonly ratios: {
    readonly endToEndVsExtraction: number;
    /** The same ratio on CPU time (articles per CPU second): what it would be on an idle machine. */
    readonly endToEndVsExtractionCpu: number;
    readonly endToEndVsExtractionAndClassification: number;
  };
  readonly repoll: {
    readonly feeds: number;
    readonly seconds: number;
    /** Per unchanged feed. */
    readonly httpRequests: number;
    readonly conditionalGets304: number;
    readonly s3Puts: number;
    readonly dynamoWrites: number;
    readonly dynamoWriteUnits: number;
    readonly dynamoReads: number;
    readonly stages: Record<string, StageStats>;
    readonly counts: PassCounts;
  };
  readonly requestsPerArticle: {
    readonly httpGets: number;
    readonly s3Puts: number;
    readonly s3Gets: number;
    readonly dynamoWrites: number;
    readonly dynamoWriteUnits: number;
    readonly dynamoReadUnits: number;
    readonly eventBridgeEntries: number;
  };
  readonly costPer1000Articles: CostBreakdown & {
    readonly currency: string;
    readonly priceDate: string;
    readonly lambdaSeconds: PassUsage['lambdaSeconds'];
    readonly notes: string;
  };
  readonly costPer1000UnchangedFeedPolls: CostBreakdown;
  readonly coldStart: ColdStartReport | { readonly skipped: true };
  /**
   * Where the pipeline's CPU goes per article (pass 1): the whole pipeline process, bare extraction, and the
   * AWS requests it sends at the CPU cost one request was measured to have (`storageRequest`).
   */
  readonly cpuPerArticle: {
    readonly pipelineMs: number;
    readonly extractionMs: number;
    readonly awsRequests: number;
    /** `awsRequests` × the document client's CPU per request. */
    readonly awsRequestsMs: number;
    /** `awsRequests` × a bare keep-alive HTTP request's CPU: what the same requests cost without the SDK. */
    readonly awsRequestsWithoutSdkMs: number;
  };
  /** CPU per DynamoDB PutItem through the document client, the bare client, and plain HTTP. */
  readonly storageRequest: RequestCost;
  /** Where pass 1's time went in the pipeline's process, when profiled: by group, and by package or folder. */
  readonly profile?: {
    readonly groups: readonly ProfileBucket[];
    readonly buckets: readonly ProfileBucket[];
  };
  readonly targets: readonly TargetCheck[];
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Peak memory of the process: the kernel's high-water mark of resident memory (free to read, unlike sampling,
 * which costs the run itself), and the V8 heap sampled a few times a second.
 */
function memorySampler() {
  let heap = process.memoryUsage().heapUsed;
  const heapTimer = setInterval(() => {
    heap = Math.max(heap, process.memoryUsage().heapUsed);
  }, 500);
  heapTimer.unref();
  return {
    stop() {
      clearInterval(heapTimer);
      // maxRSS is in kilobytes.
      return {
        rssMb: round(process.resourceUsage().maxRSS / 1024, 1),
        heapMb: round(Math.max(heap, process.memoryUsage().heapUsed) / 1048576, 1),
      };
    },
  };
}

/** The pipeline's ports over the embedded services, each wrapped for timing. */
function instrumentedPorts(
  services: World['services'],
  http: HttpFetcher,
  publisher: StoryEventPublisher,
  timer: () => StageTimer,
  events: { entries: number },
  rawStoreFactory?: BenchOptions['rawStoreFactory'],
) {
  const { registry, articles, rawStore } = localAdapters({
    services,
    http,
    publisher,
    clock: { now: () => new Date() },
  });
  const table = timedPort(articles, timer, {
    claim: 'dynamodb claim',
    markStored: 'dynamodb claim',
    release: 'dynamodb claim',
    save: 'dynamodb write',
    get: 'dynamodb read',
    leaseEvent: 'dynamodb outbox',
    markEventPublished: 'dynamodb outbox',
    releaseEvent: 'dynamodb outbox',
    listPendingEvents: 'dynamodb read',
  });
  return {
    registry: timedPort<FeedRegistry>(registry, timer, {
      register: 'register feeds',
      listDue: 'dynamodb feed query',
      listAll: 'dynamodb feed query',
      get: 'dynamodb feed read',
      save: 'dynamodb feed write',
    }),
    ledger: table,
    articles: table as ArticleRepository,
    rawStore: timedPort<RawArticleStore>(rawStoreFactory?.(services.s3, services.bucket) ?? rawStore, timer, {
      put: 's3 put',
      get: 's3 get',
    }),
    http: timedPort<HttpFetcher>(http, timer, {
      get: ((_url: string, options: { kind: string }) =>
        options.kind === 'feed' ? 'fetch feed' : 'fetch page') as never,
    }),
    publisher: timedPort<StoryEventPublisher>(publisher, timer, { publish: 'publish' }, (_m, args) => {
      events.entries += (args[0] as readonly DiplomaticStoryDetected[]).length;
    }),
  };
}

/** One pass: poll the given feeds (all of them, as a one-shot local run does) and extract what is new. */
async function runPass(
  ports: ReturnType<typeof instrumentedPorts>,
  services: { tableName: string; bucket: string },
  requests: readonly PollRequest[],
  concurrency: number,
  timer: StageTimer,
) {
  const clock = { now: () => new Date() };
  const polls: PollReport[] = [];
  const stories: ExtractReport[] = [];
  let extractionFailures = 0;
  const pollDeps = {
    registry: ports.registry,
    ledger: ports.ledger,
    rawStore: ports.rawStore,
    http: ports.http,
    clock,
  };
  const extractDeps = {
    rawStore: ports.rawStore,
    articles: ports.articles,
    publisher: ports.publisher,
    clock,
    tableName: services.tableName,
    bucketName: services.bucket,
  };
  await forEachLimited(requests, concurrency, async (request) => {
    let report: PollReport;
    try {
      report = await timer.time('poll', () => pollFeed(pollDeps, request.feedId));
    } catch {
      return;
    }
    polls.push(report);
    for (const location of report.stored) {
      try {
        stories.push(await timer.time('extract stage', () => extractStory(extractDeps, location.itemKey)));
      } catch {
        extractionFailures++;
      }
    }
  });
  const swept = await sweepPendingStories(extractDeps, { olderThanMs: 0, limit: 100 });
  return { polls, stories, extractionFailures, swept: swept.published };
}

function passCounts(
  run: Awaited<ReturnType<typeof runPass>>,
  http: { requests: number; notModified: number },
  aws: AwsCounts,
  events: number,
): PassCounts {
  const feedStatuses: Record<string, number> = {};
  for (const p of run.polls) feedStatuses[p.status] = (feedStatuses[p.status] ?? 0) + 1;
  const s3Puts = aws.s3.PutObjectCommand ?? 0;
  return {
    feedsPolled: run.polls.length,
    feedStatuses,
    articlesStored: run.polls.reduce((n, p) => n + p.stored.length, 0),
    articlesExtracted: run.stories.length,
    extractionFailures: run.extractionFailures,
    pageFailures: run.polls.reduce((n, p) => n + p.pageFailures.length, 0),
    diplomatic: run.stories.filter((s) => s.diplomatic).length,
    eventsPublished: events,
    httpRequests: http.requests,
    httpNotModified: http.notModified,
    aws,
    s3Puts,
    s3Gets: aws.s3.GetObjectCommand ?? 0,
    dynamoWrites: aws.dynamoWriteItems,
    dynamoWriteUnits: round(aws.dynamoTableWriteUnits + aws.dynamoIndexWriteUnits),
    dynamoReadUnits: aws.dynamoReadUnits,
  };
}

/** Times `work` over `inputs` and returns seconds. */
function timeAll<T>(inputs: readonly T[], work: (input: T) => unknown): number {
  const started = performance.now();
  for (const input of inputs) work(input);
  return (performance.now() - started) / 1000;
}

async function timeAllAsync<T>(inputs: readonly T[], work: (input: T) => Promise<unknown>): Promise<number> {
  const started = performance.now();
  for (const input of inputs) await work(input);
  return (performance.now() - started) / 1000;
}

async function baselines(farm: FarmView) {
  // The options the extract stage passes (extract-story.ts buildArticle): final URL, feed date, title, language.
  const pages = [...farm.articles.values()].map((a) => ({
    html: farm.pageHtml(a.host, a.path),
    options: {
      url: `${farm.bases[a.host]}${a.path}`,
      feedPublishedAt: a.publishedAt,
      feedTitle: a.title,
      feedLanguage: 'en',
    },
    title: a.title,
  }));
  const feeds = farm.feeds.map((f) => ({ xml: farm.feedXml(f), url: f.config.url, format: f.format }));
  const parser = new Parser();
  const rssSeconds = await timeAllAsync(feeds, (f) => parser.parseString(f.xml));
  const parseSeconds = await timeAllAsync(feeds, (f) =>
    parseFeed(Buffer.from(f.xml), {
      url: f.url,
      contentType: f.format === 'atom' ? 'application/atom+xml' : 'application/rss+xml',
    }),
  );
  const cpu = process.cpuUsage();
  const extractSeconds = timeAll(pages, (p) => extractArticle(p.html, p.options));
  const extractCpu = process.cpuUsage(cpu);
  const bothSeconds = timeAll(pages, (p) => {
    const e = extractArticle(p.html, p.options);
    return analyseStory({ title: e.title ?? p.title, text: e.text, language: e.language });
  });
  const rate = (n: number, s: number) => round(n / Math.max(s, 1e-9), 1);
  return {
    rssParser: {
      feeds: feeds.length,
      seconds: round(rssSeconds, 3),
      feedsPerSecond: rate(feeds.length, rssSeconds),
    },
    parseFeed: {
      feeds: feeds.length,
      seconds: round(parseSeconds, 3),
      feedsPerSecond: rate(feeds.length, parseSeconds),
    },
    extraction: {
      articles: pages.length,
      seconds: round(extractSeconds, 3),
      articlesPerSecond: rate(pages.length, extractSeconds),
      articlesPerCpuSecond: rate(pages.length, (extractCpu.user + extractCpu.system) / 1e6),
    },
    extractionAndClassification: {
      articles: pages.length,
      seconds: round(bothSeconds, 3),
      articlesPerSecond: rate(pages.length, bothSeconds),
    },
  };
}

/** JIT warm-up on a few inputs, so that neither the baselines nor the pipeline pay for compiling the extractor. */
async function warmUp(farm: FarmView): Promise<void> {
  const some = [...farm.articles.values()].slice(0, 15);
  for (const a of some) {
    const e = extractArticle(farm.pageHtml(a.host, a.path), { url: `http://127.0.0.1${a.path}` });
    analyseStory({ title: e.title ?? a.title, text: e.text, language: e.language });
  }
  for (const f of farm.feeds.slice(0, 5))
    await parseFeed(Buffer.from(farm.feedXml(f)), { url: f.config.url });
}

const cpuSince = (start: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1e6;
};

/** Runs the whole benchmark and returns its report. */
export async function runBench(options: BenchOptions, probes = false): Promise<BenchReport> {
  const say = options.say ?? (() => {});
  const feedConcurrency = options.feedConcurrency ?? 4;
  const perHostConcurrency = options.perHostConcurrency ?? 4;
  const perHostDelayMs = options.perHostDelayMs ?? 0;
  const hosts = hostCount(options);
  const seed = options.seed ?? 7;
  const loadAverageAtStart = round(loadavg()[0] ?? 0);

  const world = await startWorld({ ...options, hosts, seed }, options.inProcess);
  const { farm, services } = world;
  const eventsDir = mkdtempSync(join(tmpdir(), 'newswire-bench-events-'));
  try {
    const articles = [...farm.articles.values()];
    const feedItems = farm.feeds.reduce((n, f) => n + f.articlePaths.length, 0);
    say(
      `farm: ${farm.feeds.length} feeds × ${options.items} items on ${hosts} hosts = ${feedItems} items, ${articles.length} distinct articles; farm and storage ${world.outOfProcess ? 'in a child process' : 'in this process'}`,
    );
    await warmUp(farm);

    say('baselines: rss-parser, parseFeed, extractArticle (and analyseStory) over the same inputs');
    const base = await baselines(farm);

    const counts = countAwsRequests(services);
    const events = { entries: 0 };
    let timer = new StageTimer();
    const ports = instrumentedPorts(
      services,
      new SafeHttpFetcher({ allowHosts: ['127.0.0.1'], perHostConcurrency, perHostDelayMs }),
      new JsonLinesStoryPublisher(join(eventsDir, 'events.jsonl')),
      () => timer,
      events,
      options.rawStoreFactory,
    );

    // Pass 1: everything is new.
    say('pass 1: register, dispatch, poll every feed, extract every new article');
    const profiler = options.profileFile ? await startProfile() : undefined;
    const memory = memorySampler();
    setProbeTimer(timer);
    const http1 = await world.traffic();
    const worldCpu1 = await world.cpuSeconds();
    const aws1 = snapshotCounts(counts);
    const cpu1 = process.cpuUsage();
    const t1 = performance.now();
    const clock = { now: () => new Date() };
    await ports.registry.register(
      farm.feeds.map((f) => f.config),
      clock.now(),
    );
    const queued: PollRequest[] = [];
    await timer.time('dispatch', () =>
      dispatchFeeds(
        { registry: ports.registry, clock, queue: { send: async (r) => void queued.push(...r) } },
        { minHostGapSeconds: 0 },
      ),
    );
    const first = await runPass(ports, services, queued, feedConcurrency, timer);
    const seconds1 = (performance.now() - t1) / 1000;
    const cpuSeconds1 = cpuSince(cpu1);
    const mem = memory.stop();
    const profile = await profiler?.stop(options.profileFile);
    const worldCpuSeconds1 = (await world.cpuSeconds()) - worldCpu1;
    const traffic1 = await world.traffic();
    const firstCounts = passCounts(
      first,
      { requests: traffic1.requests - http1.requests, notModified: traffic1.notModified - http1.notModified },
      diffCounts(counts, aws1),
      events.entries,
    );
    const firstTimer = timer;

    // Pass 2: nothing new anywhere. A one-shot local run polls every feed, due or not.
    say('pass 2: poll every feed again, nothing has changed');
    timer = new StageTimer();
    setProbeTimer(timer);
    const events2 = events.entries;
    const http2 = await world.traffic();
    const aws2 = snapshotCounts(counts);
    const t2 = performance.now();
    const second = await runPass(
      ports,
      services,
      farm.feeds.map((f) => ({ feedId: f.config.id, delaySeconds: 0 })),
      feedConcurrency,
      timer,
    );
    const seconds2 = (performance.now() - t2) / 1000;
    setProbeTimer(undefined);
    const traffic2 = await world.traffic();
    const secondCounts = passCounts(
      second,
      { requests: traffic2.requests - http2.requests, notModified: traffic2.notModified - http2.notModified },
      diffCounts(counts, aws2),
      events.entries - events2,
    );

    // Cost: the wall time of a pass, shared out over the functions by their share of the measured stage time
    // (the pass ran several feeds at once; this bills the time the pass really took, once).
    const prices = readAwsPrices();
    const sizing = readSizing();
    const lambdaSeconds = (t: StageTimer, wall: number) => {
      const dispatch = t.total('dispatch');
      const poll = t.total('poll');
      const extract = t.total('extract stage');
      const share = wall / Math.max(1e-9, (dispatch + poll + extract) / 1000);
      return {
        dispatch: round((dispatch / 1000) * share, 3),
        poll: round((poll / 1000) * share, 3),
        extract: round((extract / 1000) * share, 3),
      };
    };
    const usage1: PassUsage = {
      feeds: firstCounts.feedsPolled,
      articles: firstCounts.articlesExtracted,
      lambdaSeconds: lambdaSeconds(firstTimer, seconds1),
      dispatchInvocations: 1,
      s3Puts: firstCounts.s3Puts,
      s3Gets: firstCounts.s3Gets,
      dynamoWriteUnits: firstCounts.dynamoWriteUnits,
      dynamoReadUnits: firstCounts.dynamoReadUnits,
      eventEntries: firstCounts.eventsPublished,
    };
    const cost1 = priceUsage(usage1, sizing, prices);
    const usage2: PassUsage = {
      feeds: secondCounts.feedsPolled,
      articles: secondCounts.articlesExtracted,
      lambdaSeconds: lambdaSeconds(timer, seconds2),
      dispatchInvocations: 0,
      s3Puts: secondCounts.s3Puts,
      s3Gets: secondCounts.s3Gets,
      dynamoWriteUnits: secondCounts.dynamoWriteUnits,
      dynamoReadUnits: secondCounts.dynamoReadUnits,
      eventEntries: secondCounts.eventsPublished,
    };
    const cost2 = priceUsage(usage2, sizing, prices);

    say('storage request cost: one PutItem through the document client, the bare client and plain HTTP');
    const storageRequest = await measureRequestCost(services.dynamoEndpoint, services.tableName);

    let coldStart: ColdStartReport | { skipped: true } = { skipped: true };
    if (options.coldStart !== false) {
      say('cold start: bundling each handler as the stack does and loading it in fresh processes');
      coldStart = await measureColdStarts({ runs: options.coldStartRuns ?? 5 });
    }

    const n = Math.max(1, firstCounts.articlesExtracted);
    const awsRequests1 = [
      ...Object.values(firstCounts.aws.s3),
      ...Object.values(firstCounts.aws.dynamo),
    ].reduce((sum, v) => sum + v, 0);
    const feedsPolled2 = Math.max(1, secondCounts.feedsPolled);
    const articlesPerSecond = round(firstCounts.articlesExtracted / seconds1, 2);
    const articlesPerCpuSecond = round(firstCounts.articlesExtracted / Math.max(1e-9, cpuSeconds1), 2);
    const repoll = {
      feeds: secondCounts.feedsPolled,
      seconds: round(seconds2, 3),
      httpRequests: round(secondCounts.httpRequests / feedsPolled2, 3),
      conditionalGets304: round(secondCounts.httpNotModified / feedsPolled2, 3),
      s3Puts: round(secondCounts.s3Puts / feedsPolled2, 3),
      dynamoWrites: round(secondCounts.dynamoWrites / feedsPolled2, 3),
      dynamoWriteUnits: round(secondCounts.dynamoWriteUnits / feedsPolled2, 3),
      dynamoReads: round(
        Object.entries(secondCounts.aws.dynamo)
          .filter(([k]) => /Get|Query|Scan/.test(k))
          .reduce((sum, [, v]) => sum + v, 0) / feedsPolled2,
        3,
      ),
      stages: timer.stats(),
      counts: secondCounts,
    };
    const report: Omit<BenchReport, 'targets'> = {
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown',
        memoryGb: round(totalmem() / 1024 ** 3, 1),
        node: process.version,
        loadAverageAtStart,
      },
      settings: {
        feeds: farm.feeds.length,
        itemsPerFeed: options.items,
        hosts,
        seed,
        feedConcurrency,
        perHostConcurrency,
        perHostDelayMs,
        probes,
        world: world.outOfProcess ? 'child process' : 'in process',
      },
      farm: {
        feedItems,
        distinctArticles: articles.length,
        diplomaticArticles: articles.filter((a) => a.diplomatic).length,
        meanPageBytes: Math.round(
          articles.reduce((sum, a) => sum + a.html.length, 0) / Math.max(1, articles.length),
        ),
        meanFeedBytes: Math.round(
          farm.feeds.reduce((sum, f) => sum + farm.feedXml(f).length, 0) / Math.max(1, farm.feeds.length),
        ),
      },
      endToEnd: {
        seconds: round(seconds1, 3),
        cpuSeconds: round(cpuSeconds1, 3),
        worldCpuSeconds: round(worldCpuSeconds1, 3),
        articlesPerSecond,
        articlesPerCpuSecond,
        feedsPerSecond: round(firstCounts.feedsPolled / seconds1, 2),
        peakRssMb: mem.rssMb,
        peakHeapMb: mem.heapMb,
        stages: firstTimer.stats(),
        counts: firstCounts,
      },
      baselines: base,
      ratios: {
        endToEndVsExtraction: round(articlesPerSecond / base.extraction.articlesPerSecond, 3),
        endToEndVsExtractionCpu: round(articlesPerCpuSecond / base.extraction.articlesPerCpuSecond, 3),
        endToEndVsExtractionAndClassification: round(
          articlesPerSecond / base.extractionAndClassification.articlesPerSecond,
          3,
        ),
      },
      repoll,
      requestsPerArticle: {
        httpGets: round(firstCounts.httpRequests / n, 3),
        s3Puts: round(firstCounts.s3Puts / n, 3),
        s3Gets: round(firstCounts.s3Gets / n, 3),
        dynamoWrites: round(firstCounts.dynamoWrites / n, 3),
        dynamoWriteUnits: round(firstCounts.dynamoWriteUnits / n, 3),
        dynamoReadUnits: round(firstCounts.dynamoReadUnits / n, 3),
        eventBridgeEntries: round(firstCounts.eventsPublished / n, 3),
      },
      costPer1000Articles: {
        ...scaleCost(cost1, 1000 / n),
        currency: prices.currency,
        priceDate: prices.priceDate,
        lambdaSeconds: usage1.lambdaSeconds,
        notes:
          'Pass 1 (all new) priced at config/aws-prices.json list prices, arm64 Lambda at the memory sizes of ' +
          'config/deploy.json; Lambda seconds are the pass wall time shared out by measured stage time; DynamoDB ' +
          'write units are the table units reported plus index units estimated from the table design; storage, ' +
          'logs, X-Ray and alarms (monthly) are not included.',
      },
      costPer1000UnchangedFeedPolls: scaleCost(cost2, 1000 / feedsPolled2),
      coldStart,
      cpuPerArticle: {
        pipelineMs: round((cpuSeconds1 * 1000) / n, 2),
        extractionMs: round(1000 / base.extraction.articlesPerCpuSecond, 2),
        awsRequests: round(awsRequests1 / n, 2),
        awsRequestsMs: round((awsRequests1 / n) * storageRequest.documentClientCpuMs, 2),
        awsRequestsWithoutSdkMs: round((awsRequests1 / n) * storageRequest.bareHttpCpuMs, 2),
      },
      storageRequest,
      ...(profile ? { profile: { groups: groupProfile(profile), buckets: profile.slice(0, 25) } } : {}),
    };
    return { ...report, targets: checkTargets(report) };
  } finally {
    setProbeTimer(undefined);
    await world.close();
    rmSync(eventsDir, { recursive: true, force: true });
  }
}
/** The targets, checked against a report. */
export function checkTargets(report: Omit<BenchReport, 'targets'>): TargetCheck[] {
  const checks: TargetCheck[] = [
    {
      name: 'throughput',
      target: 'end-to-end articles/s ≥ 0.5 × bare extraction articles/s',
      measured: `${report.endToEnd.articlesPerSecond} vs ${report.baselines.extraction.articlesPerSecond} articles/s (ratio ${report.ratios.endToEndVsExtraction})`,
      pass: report.ratios.endToEndVsExtraction >= 0.5,
    },
    {
      name: 'unchanged feed',
      target: 'per unchanged feed: 1 conditional GET (304), 0 S3 PUTs, ≤ 1 DynamoDB write',
      measured: `${report.repoll.httpRequests} GETs (${report.repoll.conditionalGets304} answered 304), ${report.repoll.s3Puts} S3 PUTs, ${report.repoll.dynamoWrites} DynamoDB writes`,
      pass:
        report.repoll.feeds > 0 &&
        report.repoll.httpRequests === 1 &&
        report.repoll.conditionalGets304 === 1 &&
        report.repoll.s3Puts === 0 &&
        report.repoll.dynamoWrites <= 1,
    },
  ];
  if ('functions' in report.coldStart) {
    for (const f of report.coldStart.functions) {
      checks.push({
        name: `bundle ${f.handler}`,
        target: '≤ 600 KB minified, loads in < 100 ms',
        measured: `${Math.round(f.bundleBytes / 1024)} KB, load ${f.loadMs} ms (CPU ${f.loadCpuMs} ms)`,
        pass: f.bundleBytes <= 600 * 1024 && f.loadMs < 100,
      });
    }
  }
  return checks;
}
