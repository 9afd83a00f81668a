/**
 * Prints the monthly cost of the deployed pipeline for 100 and 1,000 feeds (or the counts given), from
 * counted requests (lib/cost-model.ts) and the dated list prices in config/aws-prices.json.
 *
 *   npx tsx scripts/cost-estimate.ts [feeds ...]
 */
import { DEFAULT_ASSUMPTIONS, estimateMonthlyCost, readAwsPrices } from '../lib/cost-model';

const prices = readAwsPrices();
const feedCounts = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const estimates = (feedCounts.length > 0 ? feedCounts : [100, 1000]).map((feeds) =>
  estimateMonthlyCost({ ...DEFAULT_ASSUMPTIONS, feeds }, prices),
);

const usd = (n: number) => (n < 0.01 && n > 0 ? '< $0.01' : `$${n.toFixed(2)}`);
const qty = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toPrecision(3));

console.log(
  `Prices: ${prices.region}, ${prices.priceDate}. Polled every ${DEFAULT_ASSUMPTIONS.pollIntervalMinutes} min.\n`,
);
console.log(
  `| Service | Item | ${estimates.map((e) => `${e.assumptions.feeds} feeds: quantity | cost`).join(' | ')} |`,
);
console.log(`| --- | --- | ${estimates.map(() => '---: | ---:').join(' | ')} |`);
const first = estimates[0];
if (first) {
  first.lines.forEach((line, i) => {
    const cells = estimates.map((e) => {
      const l = e.lines[i];
      return l ? `${qty(l.quantity)} ${l.unit} | ${usd(l.usd)}` : ' | ';
    });
    console.log(`| ${line.service} | ${line.item} | ${cells.join(' | ')} |`);
  });
}
console.log(`| **Total** | | ${estimates.map((e) => ` | **${usd(e.totalUsd)}**`).join(' | ')} |`);
console.log();
for (const e of estimates) {
  console.log(
    `${e.assumptions.feeds} feeds: ${qty(e.counts.polls)} polls, ${qty(e.counts.newArticles)} new articles, ` +
      `${qty(e.counts.stories)} stories, ${qty(e.counts.invocations)} invocations a month; ` +
      `raw store grows ${e.rawGbPerMonth.toFixed(2)} GB a month.`,
  );
}
