/**
 * One fresh process of the template benchmark: reads the prompt templates as the runtime does
 * and renders the first thank-you, timed from a cold start of the rendering code (the modules
 * are imported before timing). Mode `deployed`: the templates directory of a bundle, with the
 * templates compiled at build (infra/bundled-templates.ts); mode `sources`: a checkout's
 * templates/, each template compiled on its first use. Prints one JSON line.
 * Usage (run by cold-start.ts under tsx): render-child.ts <deployed|sources> <templatesDir>
 */
import { performance } from 'node:perf_hooks';
import { createPromptRenderer } from '../../functions/core/rendering/create-prompt-renderer.js';
import { loadPrecompiledTemplates, loadTemplates } from '../../functions/runtime/load-templates.js';
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
const precompiled = mode === 'deployed' ? await loadPrecompiledTemplates(templatesDir) : undefined;
const loaded = performance.now();
const email = createPromptRenderer(loadTemplates(templatesDir), { compile: 'lazy', ...(precompiled ? { precompiled } : {}) }).renderPrompt(thankYou);
const rendered = performance.now();
process.stdout.write(`${JSON.stringify({ loadMs: loaded - start, renderMs: rendered - loaded, htmlBytes: email.html.length })}\n`);
