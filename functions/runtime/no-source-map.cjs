// Stands in for the `source-map` package in the Lambda bundles (infra/bundling-options.ts,
// MODULE_ALIASES). Handlebars' code generator require()s source-map only to emit source maps
// of compiled templates (the `srcName` compile option, which Not Today never passes); when the
// package exports no SourceNode, Handlebars uses its own small string builder, as its browser
// build does. Rendered output is the same; the bundle is about 26 KB smaller.
'use strict';
module.exports = {};
