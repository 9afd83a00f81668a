/**
 * Measures the learned sentence model against the predicate rules, to decide how (and whether) to combine
 * them: the model alone, the model overriding the rules above a posterior threshold, and the model filling in
 * only when the rules find nothing. Two views: a scoring file in the Zero-Shot-PLOVER TSV format (the model is
 * trained on the licensed sets only, so every row is unseen by it), and the PLOVER gold records scored by a
 * model trained without them. Nothing is written.
 *
 * Usage: npx tsx scripts/evaluate-sentence-model.ts --gsr P --icews P --cameo P --plover P --eval FILE.tsv [--split tune]
 */
import { readFileSync } from 'node:fs';
import { parseTsv, splitOf } from '../cli/eval/events';
import { decodeModel, posterior, type SentenceModel } from '../lambdas/core/classify/sentence-model';
import { typeSentence } from '../lambdas/core/classify/sentences';
import type { PloverType } from '../lambdas/core/model';
import {
  allDocs,
  CLASSES,
  countFeatures,
  DEFAULTS,
  type Doc,
  gsrDocs,
  serialise,
} from './train-sentence-model';

const asGold = (p: string | undefined) => (p === 'CONCEDE' || p === 'RETREAT' ? 'YIELD' : (p ?? 'NONE'));

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Accuracy and macro-F1 over the gold classes. */
function score(pairs: readonly { gold: string; got: string }[]): string {
  const classes = [...new Set(pairs.map((p) => p.gold))];
  let f1 = 0;
  for (const c of classes) {
    const tp = pairs.filter((p) => p.gold === c && p.got === c).length;
    const wrong = pairs.filter((p) => (p.gold === c) !== (p.got === c)).length;
    f1 += tp ? (2 * tp) / (2 * tp + wrong) : 0;
  }
  const right = pairs.filter((p) => p.gold === p.got).length;
  return `acc ${(right / pairs.length).toFixed(3)} macro-F1 ${(f1 / classes.length).toFixed(3)}`;
}

function report(name: string, rows: readonly { marked: string; gold: string }[], model: SentenceModel): void {
  const res = rows.map((r) => {
    const p = posterior(model, r.marked);
    let best = -1;
    if (p)
      for (let i = 0; i < p.length; i++) if (best < 0 || (p[i] as number) > (p[best] as number)) best = i;
    return {
      gold: r.gold,
      rule: asGold(typeSentence(r.marked, { useModel: false }).plover),
      model: best < 0 ? 'NONE' : asGold(model.classes[best]),
      probability: best < 0 ? 0 : (p?.[best] as number),
    };
  });
  const lines = [
    `${name} (${rows.length})`,
    `  rules              ${score(res.map((r) => ({ gold: r.gold, got: r.rule })))}`,
    `  model alone        ${score(res.map((r) => ({ gold: r.gold, got: r.model })))}`,
  ];
  for (const t of [0.9, 0.99, 0.999])
    lines.push(
      `  model over ${t.toFixed(3)}  ${score(res.map((r) => ({ gold: r.gold, got: r.probability >= t ? r.model : r.rule })))}`,
    );
  lines.push(
    `  fallback (p>=0.4)  ${score(res.map((r) => ({ gold: r.gold, got: r.rule === 'NONE' && r.probability >= 0.4 ? r.model : r.rule })))}`,
  );
  const disagree = res.filter((r) => r.model !== 'NONE' && r.model !== r.rule);
  lines.push(
    `  disagreements ${disagree.length}: model right ${disagree.filter((r) => r.model === r.gold).length}, rules right ${disagree.filter((r) => r.rule === r.gold).length}`,
  );
  console.log(lines.join('\n'));
}

function main(): void {
  const paths = { gsr: arg('gsr'), icews: arg('icews'), cameo: arg('cameo'), plover: arg('plover') };
  const file = arg('eval');
  if (!paths.gsr || !paths.icews || !paths.cameo || !paths.plover || !file) {
    console.error(
      'usage: tsx scripts/evaluate-sentence-model.ts --gsr P --icews P --cameo P --plover P --eval FILE.tsv [--split tune]',
    );
    process.exit(2);
  }
  const docs = allDocs(paths as { gsr: string; icews: string; cameo: string; plover: string });
  const build = (ds: readonly Doc[]) =>
    decodeModel(CLASSES as readonly PloverType[], serialise(countFeatures(ds), DEFAULTS.minCount).join('\n'));
  const split = arg('split');
  const seen = new Set<string>();
  const rows = parseTsv(readFileSync(file, 'utf8'))
    .filter((r) => {
      const key = (r.sentence ?? '').trim().toLowerCase();
      if (!key || !r.gold_root || seen.has(key)) return false;
      seen.add(key);
      return !split || splitOf(r.sentence ?? '') === split;
    })
    .map((r) => ({ marked: r.marked_sentence || (r.sentence as string), gold: r.gold_root as string }));
  report(`${file}${split ? ` (${split})` : ''}`, rows, build(docs));
  const gold = gsrDocs(paths.gsr as string).map((d) => ({ marked: d.marked, gold: asGold(d.label) }));
  report(
    'PLOVER gold records, model trained without them',
    gold,
    build(docs.filter((d) => d.origin !== 'gsr')),
  );
}

main();
