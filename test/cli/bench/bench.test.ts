/**
 * The benchmark on a tiny farm: checks the report's shape and that its counts add up (not its timings, which
 * depend on the machine).
 */
import { type BenchReport, runBench } from '../../../cli/bench/harness';
import { renderReport } from '../../../cli/bench/render';

describe('newswire bench on a tiny farm', () => {
  let report: BenchReport;

  beforeAll(async () => {
    // One host, so that the second feed cross-lists an article of the first (5 items: the 5th is shared).
    report = await runBench({ feeds: 2, items: 5, hosts: 1, seed: 11, coldStart: false });
  }, 120_000);

  it('stores and extracts every distinct article once, cross-listed ones included', () => {
    const c = report.endToEnd.counts;
    expect(report.farm.feedItems).toBe(10);
    expect(report.farm.distinctArticles).toBe(9);
    expect(c.feedsPolled).toBe(2);
    expect(c.articlesStored).toBe(report.farm.distinctArticles);
    expect(c.articlesExtracted).toBe(c.articlesStored);
    expect(c.extractionFailures).toBe(0);
    expect(c.pageFailures).toBe(0);
    expect(c.eventsPublished).toBe(c.diplomatic);
  });

  it('counts one GET per feed and per page, two S3 PUTs and two GETs per article', () => {
    const c = report.endToEnd.counts;
    expect(c.httpRequests).toBe(c.feedsPolled + c.articlesStored);
    expect(c.s3Puts).toBe(2 * c.articlesStored);
    expect(c.s3Gets).toBe(2 * c.articlesExtracted);
    expect(report.requestsPerArticle.s3Puts).toBe(2);
    expect(c.dynamoWrites).toBeGreaterThanOrEqual(c.articlesStored * 3);
    expect(c.dynamoWriteUnits).toBeGreaterThanOrEqual(c.dynamoWrites);
  });

  it('times each stage once per unit of work', () => {
    const s = report.endToEnd.stages;
    expect(s.poll?.count).toBe(2);
    expect(s['fetch feed']?.count).toBe(2);
    expect(s['fetch page']?.count).toBe(9);
    expect(s['s3 put']?.count).toBe(9);
    expect(s['extract stage']?.count).toBe(9);
    expect(s['dynamodb write']?.count).toBe(9);
    expect(s.publish?.count ?? 0).toBe(report.endToEnd.counts.eventsPublished);
    for (const stats of Object.values(s)) expect(stats.p95Ms).toBeGreaterThanOrEqual(stats.p50Ms);
  });

  it('an unchanged feed costs one conditional GET, no S3 PUT and at most one DynamoDB write', () => {
    const r = report.repoll;
    expect(r.feeds).toBe(2);
    expect(r.counts.articlesStored).toBe(0);
    expect(r.httpRequests).toBe(1);
    expect(r.conditionalGets304).toBe(1);
    expect(r.s3Puts).toBe(0);
    expect(r.counts.s3Puts).toBe(0);
    expect(r.dynamoWrites).toBeLessThanOrEqual(1);
    expect(report.targets.find((t) => t.name === 'unchanged feed')?.pass).toBe(true);
  });

  it('runs the baselines over the same inputs and relates them to the end-to-end rate', () => {
    const b = report.baselines;
    expect(b.extraction.articles).toBe(report.farm.distinctArticles);
    expect(b.rssParser.feeds).toBe(2);
    expect(b.extraction.articlesPerSecond).toBeGreaterThan(0);
    expect(report.ratios.endToEndVsExtraction).toBeCloseTo(
      report.endToEnd.articlesPerSecond / b.extraction.articlesPerSecond,
      2,
    );
  });

  it('measures one storage request three ways and charges the pass its AWS requests', () => {
    const r = report.storageRequest;
    expect(r.requests).toBeGreaterThan(0);
    for (const ms of [r.documentClientCpuMs, r.dynamoClientCpuMs, r.bareHttpCpuMs])
      expect(ms).toBeGreaterThan(0);
    const c = report.endToEnd.counts.aws;
    const requests = [...Object.values(c.s3), ...Object.values(c.dynamo)].reduce((a, b) => a + b, 0);
    const p = report.cpuPerArticle;
    expect(p.awsRequests).toBeCloseTo(requests / report.endToEnd.counts.articlesExtracted, 1);
    expect(p.awsRequestsMs).toBeCloseTo(p.awsRequests * r.documentClientCpuMs, 1);
    expect(p.pipelineMs).toBeGreaterThan(p.extractionMs);
  });

  it('prices the run from the dated price file, the parts adding up to the total', () => {
    const cost = report.costPer1000Articles;
    expect(cost.priceDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const parts =
      cost.lambdaCompute + cost.lambdaRequests + cost.sqs + cost.s3 + cost.dynamodb + cost.eventbridge;
    expect(cost.total).toBeGreaterThan(0);
    expect(Math.abs(parts - cost.total)).toBeLessThan(1e-5);
    expect(report.coldStart).toEqual({ skipped: true });
  });

  it('renders every section, with the targets marked pass or fail', () => {
    const text = renderReport(report);
    for (const heading of [
      'END TO END',
      'BASELINES',
      'REPOLL',
      'PER ARTICLE',
      'CPU PER ARTICLE',
      'COST per 1,000 articles',
      'TARGETS',
    ])
      expect(text).toContain(heading);
    expect(text).toMatch(/PASS {2}unchanged feed/);
    expect(text).toMatch(/(PASS|FAIL) {2}throughput/);
  });
});
