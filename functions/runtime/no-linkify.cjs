// Stands in for `linkify-it` (and, with an empty list, `tlds`) in the Lambda bundles
// (infra/bundling-options.ts, MODULE_ALIASES). mailparser builds a linkify-it matcher over every
// top-level domain when it is loaded, for turning URLs in plain text into links; the core always
// parses with `skipTextLinks` (functions/core/understanding/parse-mime.ts), so the matcher is never
// used, and building it cost each inbound cold start about 6 ms (measured). This stand-in finds no links.
// Parsed text and HTML are the same (the understanding golden and tests check it).
'use strict';

/** What mailparser calls on a linkify-it instance; every configuring call returns the instance. */
function createNoLinkify() {
  const linkify = {
    tlds: () => linkify,
    add: () => linkify,
    set: () => linkify,
    pretest: () => false,
    test: () => false,
    match: () => null,
  };
  return linkify;
}

module.exports = createNoLinkify;
