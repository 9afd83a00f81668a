#!/usr/bin/env -S node --openssl-legacy-provider
// The `newswire` command: runs the TypeScript CLI through tsx, so no build step stands between a clone and a run.
// (--openssl-legacy-provider: the embedded S3, s3rver, signs list continuation tokens with DES.)
// The SDK's Node 20 notice concerns the SDK's future support, not this command; the Lambdas run Node 22.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
require('tsx/cjs');
require('../cli/main.ts')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    console.error(`newswire: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  });
