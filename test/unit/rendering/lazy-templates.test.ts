/**
 * Lazy compilation (what the Lambda runtime uses): each template is compiled on its first use,
 * so a cold start compiles only what it renders. A missing file still fails at creation; a
 * broken one fails its own render, naming the file, and renders exactly as eagerly otherwise.
 */
import { describe, expect, it } from 'vitest';
import { createPromptRenderer } from '../../../functions/core/rendering/create-prompt-renderer.js';
import { TemplateError } from '../../../functions/core/rendering/template-set.js';
import { SAMPLE_CONTACTS, SAMPLE_NOW } from '../../support/sample-contacts.js';
import { renderer as eagerRenderer, renderInput, templates } from './render-helpers.js';

describe("createPromptRenderer with compile: 'lazy'", () => {
  it('renders every prompt exactly as the eager renderer does', () => {
    // Prepare
    const lazy = createPromptRenderer(templates, { compile: 'lazy' });
    const prompts = ['thank-you', 'feedback-follow-up', 'check-in', 'needs-review'] as const;

    // Act
    const emails = prompts.map((prompt) => lazy.renderPrompt(renderInput(prompt, SAMPLE_CONTACTS.richJane, { now: SAMPLE_NOW })));

    // Assess
    expect(emails).toEqual(prompts.map((prompt) => eagerRenderer.renderPrompt(renderInput(prompt, SAMPLE_CONTACTS.richJane, { now: SAMPLE_NOW }))));
  });

  it('compiles nothing it does not render: a broken check-in template does not stop a thank-you', () => {
    // Prepare
    const broken = { ...templates, 'check-in.html.hbs': '{{#if contact.company}}unclosed' };

    // Act
    const lazy = createPromptRenderer(broken, { compile: 'lazy' });
    const thankYou = lazy.renderPrompt(renderInput('thank-you', SAMPLE_CONTACTS.richJane, { now: SAMPLE_NOW }));
    const checkIn = () => lazy.renderPrompt(renderInput('check-in', SAMPLE_CONTACTS.richJane, { now: SAMPLE_NOW }));

    // Assess: the broken file fails its own render, naming it; eager mode fails at creation
    expect(thankYou.subject.length).toBeGreaterThan(0);
    expect(checkIn).toThrow(TemplateError);
    expect(checkIn).toThrow(/check-in\.html\.hbs/);
    expect(() => createPromptRenderer(broken)).toThrow(/template check-in\.html\.hbs does not compile/);
  });

  it('still fails at creation when a file is missing, or a draft has no header lines', () => {
    // Prepare
    const { ['check-in.text.hbs']: _removed, ...incomplete } = templates;
    const headerless = { ...templates, 'drafts/thank-you-short.hbs': 'Label: Short\nTo: {{addresses.reply}}\n\nHi,\n\nThanks.' };

    // Act
    const createIncomplete = () => createPromptRenderer(incomplete, { compile: 'lazy' });
    const createHeaderless = () => createPromptRenderer(headerless, { compile: 'lazy' });

    // Assess
    expect(createIncomplete).toThrow('template file missing: templates/check-in.text.hbs');
    expect(createHeaderless).toThrow('draft drafts/thank-you-short.hbs has no "Subject:" line');
  });

  it('names a template whose partial does not exist when it is first rendered', () => {
    // Prepare
    const broken = { ...templates, 'thank-you.text.hbs': '{{> no-such-partial}}' };
    const lazy = createPromptRenderer(broken, { compile: 'lazy' });

    // Act
    const render = () => lazy.renderPrompt(renderInput('thank-you', SAMPLE_CONTACTS.richJane, { now: SAMPLE_NOW }));

    // Assess
    expect(render).toThrow(/template thank-you\.text\.hbs failed to render: .*no-such-partial/);
  });
});
