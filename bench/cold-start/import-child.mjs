// One fresh process of the cold-start benchmark: imports the bundle named on the command line
// (none: an empty Node process) and prints, as one JSON line, performance.now() after the
// import (milliseconds since the process started) and the import alone.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const target = process.argv[2];
const before = performance.now();
if (target) await import(pathToFileURL(target).href);
const after = performance.now();
process.stdout.write(`${JSON.stringify({ sinceStartMs: after, importMs: after - before })}\n`);
