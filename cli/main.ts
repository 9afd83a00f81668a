/**
 * The `newswire` command line. Each command lives in its own module under cli/commands/, and each
 * evaluation under cli/eval/, so that `newswire eval NAME` runs `cli/eval/NAME.ts`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** A CLI command: takes its own arguments, returns the process exit code. */
export type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, { module: string; summary: string }> = {
  demo: {
    module: 'demo',
    summary: 'run the whole pipeline over bundled demo feeds on embedded DynamoDB and S3',
  },
  run: { module: 'run', summary: 'run the pipeline over real feeds: --feeds FILE [--every 15m]' },
  serve: {
    module: 'serve',
    summary: 'serve the embedded DynamoDB (:8000) and S3 (:4568) with the stored data',
  },
  query: {
    module: 'query',
    summary: 'query stories: --country --dyad --type --feed --since --until --diplomatic [--json]',
  },
  feeds: {
    module: 'feeds',
    summary: 'list every feed with its polling state; `feeds resume ID` resumes a parked feed',
  },
  reprocess: {
    module: 'reprocess',
    summary: 'run extraction again over stored raw articles: [--since DAY] [--until DAY]',
  },
  bench: {
    module: 'bench',
    summary: 'benchmark the local pipeline on a generated feed farm: [--feeds N] [--items M] [--json]',
  },
  eval: { module: 'eval', summary: 'score a component against a corpus: eval NAME PATH [--json]' },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  const evals = listEvaluations();
  return [
    'usage: newswire COMMAND [options]',
    '',
    ...lines,
    '',
    `evaluations: ${evals.length ? evals.join(', ') : '(none)'}`,
  ].join('\n');
}

function listEvaluations(): string[] {
  const { readdirSync } = require('node:fs') as typeof import('node:fs');
  return readdirSync(join(__dirname, 'eval'))
    .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
    .map((f) => f.replace(/\.ts$/, ''))
    .sort();
}

function loadCommand(path: string): Command {
  const mod = require(path) as { run?: Command };
  if (typeof mod.run !== 'function') throw new Error(`${path} exports no run()`);
  return mod.run;
}

/** Runs the CLI with the given arguments and resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? 0 : 2;
  }
  if (name === 'eval') {
    const [evaluation, ...evalArgs] = rest;
    const path = evaluation ? join(__dirname, 'eval', `${evaluation}.ts`) : '';
    if (!evaluation || !existsSync(path)) {
      console.error(
        `newswire eval: unknown evaluation '${evaluation ?? ''}'; known: ${listEvaluations().join(', ')}`,
      );
      return 2;
    }
    return loadCommand(path)(evalArgs);
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`newswire: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  return loadCommand(join(__dirname, 'commands', `${command.module}.ts`))(rest);
}
