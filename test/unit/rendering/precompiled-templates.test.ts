/**
 * Templates compiled at build (what a deployed function carries beside its templates/): the
 * renderer given them renders exactly what it renders from the sources, uses them instead of
 * Handlebars' compiler, and ignores an entry whose source is not the file it reads, so a stale
 * build can never send old wording. The runtime loads them from the file the build writes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Contact, PromptKind } from '../../../functions/core/model.js';
import { createPromptRenderer } from '../../../functions/core/rendering/create-prompt-renderer.js';
import { PRECOMPILED_TEMPLATES_FILE } from '../../../functions/core/rendering/template-files.js';
import { precompileTemplates, TemplateError, type PrecompiledTemplates } from '../../../functions/core/rendering/template-set.js';
import { loadPrecompiledTemplates } from '../../../functions/runtime/load-templates.js';
import { SAMPLE_CONTACTS, SAMPLE_NOW } from '../../support/sample-contacts.js';
import { renderInput, templates } from './render-helpers.js';

const PROMPTS: readonly PromptKind[] = ['thank-you', 'feedback-follow-up', 'check-in', 'needs-review'];
const LANGUAGES = ['en', 'de', 'fr'] as const;
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Writes module text as the build does, beside nothing else, and loads it as the runtime does. */
async function loadModule(moduleText: string): Promise<PrecompiledTemplates | undefined> {
  const dir = mkdtempSync(join(tmpdir(), 'not-today-precompiled-'));
  dirs.push(dir);
  writeFileSync(join(dir, PRECOMPILED_TEMPLATES_FILE), moduleText);
  return loadPrecompiledTemplates(dir);
}

/** Every owner email of every prompt kind, for a contact in each draft language. */
function renderEverything(renderer: ReturnType<typeof createPromptRenderer>) {
  return LANGUAGES.flatMap((language) =>
    PROMPTS.map((prompt) => {
      const contact: Contact = { ...SAMPLE_CONTACTS.richJane, language };
      return renderer.renderPrompt(renderInput(prompt, contact, { now: SAMPLE_NOW, plan: { checkInsSent: 1 } }));
    }),
  );
}

describe('precompileTemplates', () => {
  it('gives a renderer that writes every email, in every draft language, exactly as the sources do', async () => {
    // Prepare
    const precompiled = await loadModule(precompileTemplates(templates));
    const fromSources = createPromptRenderer(templates, { compile: 'lazy' });

    // Act
    const fromBuild = createPromptRenderer(templates, { compile: 'lazy', precompiled: precompiled! });

    // Assess
    expect(renderEverything(fromBuild)).toEqual(renderEverything(fromSources));
  });

  it('is what the renderer uses: a compiled entry renders, not the compiler', async () => {
    // Prepare: an entry compiled from other wording but recorded against the file's own source
    const source = templates['thank-you.subject.hbs']!;
    const marked = await loadModule(precompileTemplates({ ...templates, 'thank-you.subject.hbs': 'Compiled at build for {{contact.company}}' }));
    const key = 'text:thank-you.subject.hbs';
    const precompiled: PrecompiledTemplates = { ...marked!, [key]: { ...marked![key]!, source } };

    // Act
    const email = createPromptRenderer(templates, { compile: 'lazy', precompiled }).renderPrompt(renderInput('thank-you', SAMPLE_CONTACTS.richJane));

    // Assess
    expect(email.subject).toBe(`Compiled at build for ${SAMPLE_CONTACTS.richJane.company}`);
  });

  it('ignores an entry whose source is not the file read: edited wording is compiled and sent', async () => {
    // Prepare: built before the subject was edited
    const precompiled = await loadModule(precompileTemplates(templates));
    const edited = { ...templates, 'thank-you.subject.hbs': 'Edited after the build: {{contact.company}}' };

    // Act
    const email = createPromptRenderer(edited, { compile: 'lazy', precompiled: precompiled! }).renderPrompt(renderInput('thank-you', SAMPLE_CONTACTS.richJane));

    // Assess
    expect(email.subject).toBe(`Edited after the build: ${SAMPLE_CONTACTS.richJane.company}`);
  });

  it('records each draft header line and body as a unit of its own, as the renderer compiles them', () => {
    // Prepare / Act
    const moduleText = precompileTemplates(templates);

    // Assess
    for (const part of ['label', 'to', 'subject', 'body']) expect(moduleText).toContain(`"text:drafts/thank-you-short.hbs#${part}"`);
    expect(moduleText).toContain('"html:partials/layout.html.hbs"');
    expect(moduleText).toContain('"text:drafts/de/partials/greeting.hbs"');
  });

  it('fails the build on a broken or missing template, or one naming a partial that does not exist, naming the file', () => {
    // Prepare
    const broken = { ...templates, 'check-in.html.hbs': '{{#if contact.company}}unclosed' };
    const missingPartial = { ...templates, 'check-in.html.hbs': '{{> no-such-partial}}' };
    const { ['thank-you.text.hbs']: _removed, ...incomplete } = templates;

    // Act
    const buildBroken = () => precompileTemplates(broken);
    const buildMissingPartial = () => precompileTemplates(missingPartial);
    const buildIncomplete = () => precompileTemplates(incomplete);

    // Assess
    expect(buildBroken).toThrow(TemplateError);
    expect(buildBroken).toThrow(/template check-in\.html\.hbs does not compile/);
    expect(buildMissingPartial).toThrow(/template check-in\.html\.hbs does not render: .*no-such-partial/);
    expect(buildIncomplete).toThrow('template file missing: templates/thank-you.text.hbs');
  });

  it('compiles from the source an entry this Handlebars cannot run (another compiler revision)', async () => {
    // Prepare: an entry made from other wording, for the same source, marked as another revision
    const source = templates['thank-you.subject.hbs']!;
    const marked = await loadModule(precompileTemplates({ ...templates, 'thank-you.subject.hbs': 'Compiled at build' }));
    const key = 'text:thank-you.subject.hbs';
    const foreign = { ...marked![key]!.spec, compiler: [0, 'another'] } as PrecompiledTemplates[string]['spec'];
    const precompiled: PrecompiledTemplates = { ...marked!, [key]: { source, spec: foreign } };

    // Act
    const email = createPromptRenderer(templates, { compile: 'lazy', precompiled }).renderPrompt(renderInput('thank-you', SAMPLE_CONTACTS.richJane));

    // Assess: the file's own subject, not the entry's
    expect(email.subject).not.toBe('Compiled at build');
    expect(email.subject).toBe(createPromptRenderer(templates).renderPrompt(renderInput('thank-you', SAMPLE_CONTACTS.richJane)).subject);
  });

  it('renders the same when compiled eagerly with the entries (a template check of a build)', async () => {
    // Prepare
    const precompiled = await loadModule(precompileTemplates(templates));

    // Act
    const eager = createPromptRenderer(templates, { precompiled: precompiled! });

    // Assess
    expect(renderEverything(eager)).toEqual(renderEverything(createPromptRenderer(templates)));
  });
});

describe('loadPrecompiledTemplates', () => {
  it('loads nothing without a TEMPLATES_DIR (a checkout compiles from its sources), nor from a folder without the file', async () => {
    // Prepare: even a folder holding the compiled module is not read when TEMPLATES_DIR is unset
    const withModule = mkdtempSync(join(tmpdir(), 'not-today-precompiled-'));
    const without = mkdtempSync(join(tmpdir(), 'not-today-precompiled-'));
    dirs.push(withModule, without);
    writeFileSync(join(withModule, PRECOMPILED_TEMPLATES_FILE), precompileTemplates(templates));

    // Act
    const unset = await loadPrecompiledTemplates(undefined);
    const blank = await loadPrecompiledTemplates('  ');
    const empty = await loadPrecompiledTemplates(without);
    const found = await loadPrecompiledTemplates(withModule);

    // Assess
    expect(unset).toBeUndefined();
    expect(blank).toBeUndefined();
    expect(empty).toBeUndefined();
    expect(Object.keys(found!).length).toBeGreaterThan(0);
  });

  it('refuses a file that does not load or is not a record of compiled templates, naming it', async () => {
    // Prepare / Act
    const broken = loadModule('export default {');
    const wrongShape = loadModule('export default { "text:thank-you.subject.hbs": { source: 1 } };');

    // Assess
    await expect(broken).rejects.toThrow(TemplateError);
    await expect(broken).rejects.toThrow(/precompiled-templates\.mjs do not load/);
    await expect(wrongShape).rejects.toThrow(/precompiled-templates\.mjs are not a record of compiled templates/);
  });
});
