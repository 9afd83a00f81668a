/**
 * esbuild settings shared by the CDK functions (lib/pipeline-function.ts) and the benchmark's cold-start
 * measurement, so both measure the bundle that is deployed.
 */
import * as path from 'node:path';

/** Module substitutions: what the functions never use is replaced by a stub (path relative to the repo root). */
export const BUNDLE_ALIASES: Readonly<Record<string, string>> = {
  'cssomnom/parse': path.join(__dirname, '..', 'lambdas', 'bundling', 'css-parser-stub.ts'),
  semver: path.join(__dirname, '..', 'lambdas', 'bundling', 'semver-gte.ts'),
  htmlparser2: path.join(__dirname, '..', 'lambdas', 'bundling', 'htmlparser2-parser.ts'),
};

/** The same substitutions as esbuild command-line arguments (`--alias:from=to`). */
export function aliasArgs(): Record<string, string> {
  return Object.fromEntries(Object.entries(BUNDLE_ALIASES).map(([from, to]) => [`--alias:${from}`, to]));
}

/** The Lambda handlers the stack deploys, under lambdas/handlers/. */
export const FUNCTION_HANDLERS = ['dispatch-feeds', 'poll-feed', 'extract-article'] as const;

/** esbuild options equal to the stack's bundling (CommonJS for Node.js 22, minified, SDK left to the runtime). */
export function functionEsbuildOptions() {
  return {
    bundle: true,
    platform: 'node' as const,
    target: 'node22',
    format: 'cjs' as const,
    minify: true,
    charset: 'utf8' as const,
    external: ['@aws-sdk/*'],
    alias: { ...BUNDLE_ALIASES },
  };
}
