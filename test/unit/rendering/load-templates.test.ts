import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPromptRenderer } from '../../../functions/core/rendering/create-prompt-renderer.js';
import { REQUIRED_TEMPLATE_FILES, TemplateError } from '../../../functions/core/rendering/template-set.js';
import { checkTemplateFiles, DEFAULT_TEMPLATES_DIR, loadTemplates } from '../../../functions/runtime/load-templates.js';
import { SAMPLE_CONTACTS } from '../../support/sample-contacts.js';
import { renderInput } from './render-helpers.js';

const copies: string[] = [];

/** A private copy of the repository's templates/ to edit. */
function copyTemplates(): string {
  const dir = mkdtempSync(join(tmpdir(), 'not-today-templates-'));
  cpSync(DEFAULT_TEMPLATES_DIR, dir, { recursive: true });
  copies.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('loadTemplates', () => {
  it("reads every required file from the repository's templates/, keyed by relative path", () => {
    // Prepare / Act
    const templates = loadTemplates();

    // Assess
    for (const file of REQUIRED_TEMPLATE_FILES) expect(typeof templates[file]).toBe('string');
    expect(Object.keys(templates).every((key) => key.endsWith('.hbs') && !key.includes('\\') && !key.startsWith('/'))).toBe(true);
    expect(loadTemplates('')).toEqual(templates);
  });

  it('reads the directory it is given (TEMPLATES_DIR), and the renderer uses the edited wording', () => {
    // Prepare
    const dir = copyTemplates();
    writeFileSync(join(dir, 'thank-you.subject.hbs'), 'Say thanks to {{contact.company}}');
    writeFileSync(join(dir, 'notes.txt'), 'not a template');

    // Act
    const templates = loadTemplates(dir);
    const email = createPromptRenderer(templates).renderPrompt(renderInput('thank-you', SAMPLE_CONTACTS.richJane));

    // Assess
    expect(email.subject).toBe('Say thanks to Acme');
    expect(templates['notes.txt']).toBeUndefined();
  });

  it('names the full path of a missing file', () => {
    // Prepare
    const dir = copyTemplates();
    rmSync(join(dir, 'drafts', 'check-in-ask-openings.hbs'));

    // Act
    const load = () => loadTemplates(dir);

    // Assess
    expect(load).toThrow(TemplateError);
    expect(load).toThrow(join(dir, 'drafts/check-in-ask-openings.hbs'));
  });

  it('reads the draft language folders, and names a draft missing from one, with or without reading', () => {
    // Prepare
    const templates = loadTemplates();
    const dir = copyTemplates();
    rmSync(join(dir, 'drafts', 'fr', 'thank-you-hr.hbs'));

    // Act
    const load = () => loadTemplates(dir);
    const check = () => checkTemplateFiles(dir);

    // Assess
    expect(typeof templates['drafts/de/thank-you-short.hbs']).toBe('string');
    expect(typeof templates['drafts/fr/partials/greeting.hbs']).toBe('string');
    expect(() => checkTemplateFiles()).not.toThrow();
    expect(load).toThrow(join(dir, 'drafts/fr/thank-you-hr.hbs'));
    expect(check).toThrow(join(dir, 'drafts/fr/thank-you-hr.hbs'));
  });

  it('names a directory that does not exist', () => {
    // Prepare
    const dir = join(tmpdir(), 'not-today-no-such-templates-dir');

    // Act
    const load = () => loadTemplates(dir);

    // Assess
    expect(load).toThrow(`templates directory not found: ${dir}`);
  });
});
