// Stands in for `tlds` (the list of top-level domains) in the Lambda bundles: only linkify-it
// used it, and functions/runtime/no-linkify.cjs stands in for linkify-it. See there.
'use strict';
module.exports = [];
