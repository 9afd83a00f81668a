/**
 * Stands in for linkedom's CSS parser (`cssomnom/parse`, about 200 KB) in the function bundles. linkedom calls it
 * only when code reads `HTMLStyleElement.sheet`, which neither Readability nor Newswire's extractor does; if that
 * ever changes, the error says why.
 */
export function parse(): never {
  throw new Error(
    'CSS parsing is left out of the Newswire function bundles (lambdas/bundling/css-parser-stub.ts)',
  );
}
