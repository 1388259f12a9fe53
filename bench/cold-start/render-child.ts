/**
 * One fresh process of the template benchmark: builds the prompt renderer exactly as the
 * runtime does (buildPromptRenderer: the files, and the templates compiled at build when the
 * directory has them) and renders the first thank-you, timed from a cold start of the rendering
 * (the modules are imported before timing; the code runs from its sources under tsx, only the
 * templates are as deployed). Mode `deployed`: a bundle's templates/, with the compiled module;
 * mode `sources`: a checkout's templates/, each template compiled on its first use.
 * Prints one JSON line. Usage (run by cold-start.ts under tsx): render-child.ts <deployed|sources> <templatesDir>
 */
import { performance } from 'node:perf_hooks';
import '../../functions/core/rendering/create-prompt-renderer.js';
import type { Config } from '../../functions/runtime/config.js';
import { buildPromptRenderer } from '../../functions/runtime/container.js';
import { makeActionLinks, makeOwnerSettings, makePlan, SAMPLE_CONTACTS, SAMPLE_NOW } from '../../test/support/sample-contacts.js';

const [mode, templatesDir] = process.argv.slice(2);
if ((mode !== 'deployed' && mode !== 'sources') || !templatesDir) throw new Error('usage: render-child.ts <deployed|sources> <templatesDir>');
const contact = SAMPLE_CONTACTS.richJane;
// The input of a first delivery: the thank-you, as ingest hands it to the renderer.
const thankYou = {
  prompt: 'thank-you' as const,
  contact,
  plan: makePlan({ contactId: contact.contactId, nextPrompt: 'thank-you' }),
  links: makeActionLinks(contact.contactId),
  owner: makeOwnerSettings(),
  now: SAMPLE_NOW,
};

const start = performance.now();
// buildPromptRenderer reads only TEMPLATES_DIR of the configuration.
const renderer = await buildPromptRenderer({ TEMPLATES_DIR: templatesDir } as Config);
const email = renderer.renderPrompt(thankYou);
const rendered = performance.now();
process.stdout.write(`${JSON.stringify({ renderMs: rendered - start, htmlBytes: email.html.length })}\n`);
