#!/usr/bin/env node
// The `newswire` command: runs the TypeScript CLI through tsx, so no build step stands between a clone and a run.
require('tsx/cjs');
require('../cli/main.ts')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
