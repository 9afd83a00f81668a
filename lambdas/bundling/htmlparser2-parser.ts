/**
 * Stands in for the `htmlparser2` package entry in the function bundles. linkedom takes only `Parser` from it,
 * but requiring the entry pulls in DomUtils, dom-serializer and a second copy of the entity tables (about
 * 70 KB) that nothing uses. The package does not export its Parser module, hence the path.
 */
export { Parser } from '../../node_modules/htmlparser2/dist/esm/Parser.js';
