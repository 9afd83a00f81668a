/**
 * `newswire eval dates DIR [--json]`: publication dates on htmldate's evaluation layout (`DIR/ground-truth.json`
 * as `{url: {file, date}}`, pages beside it or under `DIR/pages/` or `DIR/test_set/`). Scored the way
 * htmldate scores itself: the right day is a true positive, another day a false positive, no date a miss (or a
 * true negative when the page has no labelled date).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { extractPublicationDate } from '../../lambdas/core/articles/extract';
import { decodeDocument } from '../../lambdas/core/feeds/decode';
import { parseArgs } from '../args';

interface Label {
  readonly file: string;
  readonly date: string | null;
}

function findPage(dir: string, file: string): string | undefined {
  for (const sub of ['', 'pages', 'test_set']) {
    const path = join(dir, sub, file);
    if (existsSync(path)) return path;
  }
  return undefined;
}

function readPage(path: string): string {
  let bytes: Uint8Array = readFileSync(path);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  return decodeDocument(bytes, { kind: 'html' }).text;
}

/** Runs the date evaluation; exit code 0 on success, 2 on bad arguments. */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['json', 'errors']);
  const dir = args.positional[0];
  if (!dir || !existsSync(join(dir, 'ground-truth.json'))) {
    console.error(
      'usage: newswire eval dates DIR [--json] [--errors]  (DIR holds ground-truth.json and the pages)',
    );
    return 2;
  }
  const labels = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, Label>;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  let missingFiles = 0;
  const errors: string[] = [];
  const started = process.hrtime.bigint();
  for (const [url, label] of Object.entries(labels)) {
    const path = findPage(dir, label.file);
    if (!path) {
      missingFiles++;
      continue;
    }
    const found = extractPublicationDate(readPage(path), { url });
    const day = found?.day;
    if (!day) {
      if (label.date === null) tn++;
      else {
        fn++;
        errors.push(`miss     ${label.date}  (none)       ${label.file} ${url}`);
      }
    } else if (day === label.date) tp++;
    else {
      fp++;
      errors.push(
        `wrong    ${label.date ?? 'null      '}  ${day} ${found?.source ?? ''}  ${label.file} ${url}`,
      );
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const n = tp + fp + fn + tn;
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const accuracy = n ? (tp + tn) / n : 0;
  const result = {
    n,
    accuracy,
    precision,
    recall,
    f1,
    truePositives: tp,
    falsePositives: fp,
    misses: fn,
    trueNegatives: tn,
    missingFiles,
    pagesPerSecond: n / seconds,
  };
  if (args.flags.has('json')) {
    console.log(JSON.stringify(result));
    return 0;
  }
  console.log(
    `pages: ${n}${missingFiles ? ` (${missingFiles} labelled files not found)` : ''}, ${result.pagesPerSecond.toFixed(1)} pages/s`,
  );
  console.log(
    `accuracy ${accuracy.toFixed(3)}  precision ${precision.toFixed(3)}  recall ${recall.toFixed(3)}  F1 ${f1.toFixed(3)}  (right ${tp}, wrong ${fp}, missed ${fn}, none and none ${tn})`,
  );
  if (args.flags.has('errors')) for (const e of errors) console.log(e);
  return 0;
}
