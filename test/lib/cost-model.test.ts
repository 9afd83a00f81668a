import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_ASSUMPTIONS, estimateMonthlyCost, readAwsPrices } from '../../lib/cost-model';

const prices = readAwsPrices();

describe('estimateMonthlyCost', () => {
  const hundred = estimateMonthlyCost({ ...DEFAULT_ASSUMPTIONS, feeds: 100 }, prices);
  const thousand = estimateMonthlyCost({ ...DEFAULT_ASSUMPTIONS, feeds: 1000 }, prices);

  it('counts 96 polls a day per feed at a 15-minute interval', () => {
    expect(hundred.counts.polls).toBe(100 * 96 * 30);
    expect(hundred.counts.dispatchRuns).toBe(288 * 30);
    expect(hundred.counts.newArticles).toBe(100 * 20 * 30);
    expect(hundred.counts.stories).toBeCloseTo(9000);
  });

  it('prices every line as quantity times the list price, and totals the lines', () => {
    for (const line of hundred.lines) expect(line.usd).toBeCloseTo(line.quantity * line.unitPrice, 10);
    expect(hundred.totalUsd).toBeCloseTo(
      hundred.lines.reduce((s, l) => s + l.usd, 0),
      10,
    );
  });

  it('uses the dated price file', () => {
    const lambdaRequests = hundred.lines.find((l) => l.service === 'Lambda' && l.item === 'requests');
    expect(lambdaRequests?.unitPrice).toBe(prices.lambda.perMillionRequests);
    expect(hundred.priceDate).toBe(prices.priceDate);
  });

  it('grows less than tenfold for ten times the feeds, because alarms, metrics and the dashboard are fixed', () => {
    const ratio = thousand.totalUsd / hundred.totalUsd;
    expect(ratio).toBeGreaterThan(4);
    expect(ratio).toBeLessThan(10);
    const fixed = (e: typeof hundred) =>
      e.lines.filter(
        (l) => l.service === 'CloudWatch' && l.unit.endsWith('-month') && !l.unit.startsWith('GB'),
      );
    expect(fixed(thousand).map((l) => l.usd)).toEqual(fixed(hundred).map((l) => l.usd));
  });

  it('halves compute cost of polling when feeds are polled half as often', () => {
    const compute = (minutes: number) =>
      estimateMonthlyCost(
        { ...DEFAULT_ASSUMPTIONS, feeds: 1000, pollIntervalMinutes: minutes, newItemsPerFeedPerDay: 0 },
        prices,
      ).lines.find((l) => l.item === 'compute (arm64)')?.usd ?? 0;
    // Dispatch runs on its own clock, so the ratio is close to, not exactly, one half.
    expect(compute(30) / compute(15)).toBeGreaterThan(0.45);
    expect(compute(30) / compute(15)).toBeLessThan(0.55);
  });
});

describe('readAwsPrices', () => {
  it('rejects a price file with a missing or zero price', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prices-'));
    const file = path.join(dir, 'prices.json');
    fs.writeFileSync(file, JSON.stringify({ ...prices, sqs: { standardPerMillionRequests: 0 } }));
    expect(() => readAwsPrices(file)).toThrow(/sqs.standardPerMillionRequests/);
    fs.writeFileSync(file, JSON.stringify({ ...prices, priceDate: 'June' }));
    expect(() => readAwsPrices(file)).toThrow(/priceDate/);
    fs.rmSync(dir, { recursive: true });
  });
});
