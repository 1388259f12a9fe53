// First invocation of a handler bundle in a fresh process: import it, call `handler` with the
// first event (the cold start builds its wiring: config, clients, templates, keys), then with
// the second event (warm). The environment comes from the parent (the local stack's settings).
// Prints one JSON line with the times and a short outcome of each call.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const [bundle, firstEventFile, secondEventFile] = process.argv.slice(2);
const readEvent = (file) => JSON.parse(readFileSync(file, 'utf8'));
const outcomeOf = (result) => (result && typeof result === 'object' ? (result.outcome ?? result.statusCode ?? 'ok') : String(result));

const beforeImport = performance.now();
const { handler } = await import(pathToFileURL(bundle).href);
const imported = performance.now();
const first = await handler(readEvent(firstEventFile));
const afterFirst = performance.now();
const second = await handler(readEvent(secondEventFile));
const afterSecond = performance.now();
process.stdout.write(
  `${JSON.stringify({
    importMs: imported - beforeImport,
    firstMs: afterFirst - imported,
    secondMs: afterSecond - afterFirst,
    firstOutcome: outcomeOf(first),
    secondOutcome: outcomeOf(second),
  })}\n`,
);
