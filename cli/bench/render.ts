/** The bench report as text for the terminal. */
import { renderTable } from '../table';
import type { BenchReport } from './harness';

const STAGE_ORDER = [
  'dispatch',
  'poll',
  'fetch feed',
  'parse feed',
  'fetch page',
  's3 put',
  'extract stage',
  's3 get',
  'extract',
  'classify',
  'dynamodb write',
  'publish',
];

function stageRows(stages: BenchReport['endToEnd']['stages']): string[][] {
  const names = [
    ...STAGE_ORDER.filter((s) => s in stages),
    ...Object.keys(stages)
      .filter((s) => !STAGE_ORDER.includes(s))
      .sort(),
  ];
  return names.map((name) => {
    const s = stages[name];
    return [
      name,
      String(s?.count ?? 0),
      (s?.p50Ms ?? 0).toFixed(1),
      (s?.p95Ms ?? 0).toFixed(1),
      ((s?.totalMs ?? 0) / 1000).toFixed(2),
    ];
  });
}

/** Renders the whole report. */
export function renderReport(r: BenchReport): string {
  const e = r.endToEnd;
  const b = r.baselines;
  const c = r.costPer1000Articles;
  const lines = [
    `machine: ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGb} GB, Node ${r.machine.node}, load average ${r.machine.loadAverageAtStart} at start`,
    `farm: ${r.settings.feeds} feeds × ${r.settings.itemsPerFeed} items on ${r.settings.hosts} hosts (seed ${r.settings.seed}): ${r.farm.distinctArticles} distinct articles (${r.farm.diplomaticArticles} diplomatic), pages ${Math.round(r.farm.meanPageBytes / 1024)} KB, feeds ${Math.round(r.farm.meanFeedBytes / 1024)} KB on average`,
    `fetcher: ${r.settings.perHostConcurrency} requests at once per host, ${r.settings.perHostDelayMs} ms between requests to a host; ${r.settings.feedConcurrency} feeds at once; farm, DynamoDB and S3 ${r.settings.world === 'child process' ? 'in a child process' : 'in this process'}`,
    '',
    `END TO END  ${e.counts.articlesExtracted} articles from ${e.counts.feedsPolled} feeds in ${e.seconds.toFixed(2)} s: ${e.articlesPerSecond} articles/s, ${e.feedsPerSecond} feeds/s; peak RSS ${e.peakRssMb} MB (heap ${e.peakHeapMb} MB)`,
    `            CPU: pipeline ${e.cpuSeconds.toFixed(2)} s (${e.articlesPerCpuSecond} articles per CPU second), farm + DynamoDB + S3 ${e.worldCpuSeconds.toFixed(2)} s`,
    `            ${e.counts.diplomatic} diplomatic, ${e.counts.eventsPublished} events, ${e.counts.extractionFailures} extraction failures, ${e.counts.pageFailures} page failures`,
    '',
    renderTable(['stage', 'count', 'p50 ms', 'p95 ms', 'total s'], stageRows(e.stages)),
    r.settings.probes ? '' : '(extract/classify/parse feed are not split out: the probes were not installed)',
    'BASELINES (same inputs, same process)',
    `  rss-parser alone        ${b.rssParser.feedsPerSecond} feeds/s   (Newswire parseFeed: ${b.parseFeed.feedsPerSecond} feeds/s)`,
    `  extractArticle alone    ${b.extraction.articlesPerSecond} articles/s, ${b.extraction.articlesPerCpuSecond} per CPU second   (with analyseStory: ${b.extractionAndClassification.articlesPerSecond} articles/s)`,
    `  end-to-end / extraction = ${r.ratios.endToEndVsExtraction}   (on CPU time ${r.ratios.endToEndVsExtractionCpu}; / extraction + classification = ${r.ratios.endToEndVsExtractionAndClassification})`,
    '',
    `REPOLL (nothing new, ${r.repoll.feeds} feeds, ${r.repoll.seconds} s), per unchanged feed: ${r.repoll.httpRequests} HTTP requests (${r.repoll.conditionalGets304} answered 304), ${r.repoll.s3Puts} S3 PUTs, ${r.repoll.dynamoWrites} DynamoDB writes (${r.repoll.dynamoWriteUnits} WRU), ${r.repoll.dynamoReads} DynamoDB reads`,
    '',
    `PER ARTICLE  ${r.requestsPerArticle.httpGets} HTTP GETs, ${r.requestsPerArticle.s3Puts} S3 PUTs, ${r.requestsPerArticle.s3Gets} S3 GETs, ${r.requestsPerArticle.dynamoWrites} DynamoDB writes = ${r.requestsPerArticle.dynamoWriteUnits} WRU, ${r.requestsPerArticle.dynamoReadUnits} RRU, ${r.requestsPerArticle.eventBridgeEntries} EventBridge entries`,
    `COST per 1,000 articles (${c.currency}, prices of ${c.priceDate}): ${c.total.toFixed(4)} = Lambda ${(c.lambdaCompute + c.lambdaRequests).toFixed(4)} + SQS ${c.sqs.toFixed(4)} + S3 ${c.s3.toFixed(4)} + DynamoDB ${c.dynamodb.toFixed(4)} + EventBridge ${c.eventbridge.toFixed(4)}`,
    `     per 1,000 unchanged feed polls: ${r.costPer1000UnchangedFeedPolls.total.toFixed(4)}`,
    '',
    `CPU PER ARTICLE  pipeline ${r.cpuPerArticle.pipelineMs} ms, of which bare extraction ${r.cpuPerArticle.extractionMs} ms; ${r.cpuPerArticle.awsRequests} AWS requests ≈ ${r.cpuPerArticle.awsRequestsMs} ms through the SDK (${r.cpuPerArticle.awsRequestsWithoutSdkMs} ms as plain HTTP)`,
    `     one DynamoDB PutItem (${r.storageRequest.itemBytes} B item, ${r.storageRequest.requests} in a row): document client ${r.storageRequest.documentClientCpuMs} ms CPU, bare DynamoDB client ${r.storageRequest.dynamoClientCpuMs} ms, plain keep-alive HTTP ${r.storageRequest.bareHttpCpuMs} ms`,
    '',
  ];
  if ('functions' in r.coldStart) {
    lines.push(
      `COLD START (esbuild ${r.coldStart.esbuild}, node22 cjs minified, @aws-sdk external; median load)`,
    );
    lines.push(
      renderTable(
        ['function', 'bundle KB', 'load ms', 'load CPU ms', 'of which AWS SDK ms (CPU)', 'process ms'],
        r.coldStart.functions.map((f) => [
          f.handler,
          String(Math.round(f.bundleBytes / 1024)),
          f.loadMs.toFixed(1),
          f.loadCpuMs.toFixed(1),
          `${f.sdkLoadMs.toFixed(1)} (${f.sdkLoadCpuMs.toFixed(1)})`,
          f.processMs.toFixed(1),
        ]),
      ),
    );
    lines.push('');
  }
  if (r.profile) {
    lines.push(
      'WHERE PASS 1 SPENT ITS TIME (sampled, the pipeline process; native calls charged to their caller)',
    );
    for (const p of r.profile.groups)
      lines.push(`  ${String(p.ms).padStart(7)} ms ${(p.share * 100).toFixed(1).padStart(5)} %  ${p.name}`);
    lines.push('  top packages and folders:');
    for (const p of r.profile.buckets.slice(0, 12))
      lines.push(`  ${String(p.ms).padStart(7)} ms ${(p.share * 100).toFixed(1).padStart(5)} %  ${p.name}`);
    lines.push('');
  }
  lines.push('TARGETS');
  for (const t of r.targets)
    lines.push(`  ${t.pass ? 'PASS' : 'FAIL'}  ${t.name}: ${t.target} — measured ${t.measured}`);
  return lines.join('\n');
}
