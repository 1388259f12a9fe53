/**
 * Shared set-up for the rendering tests: the repository's templates, compiled once, and a
 * builder for render inputs. (Not a test file: vitest only runs *.test.ts.)
 */
import { expect } from 'vitest';
import type { Contact, Plan, PromptKind } from '../../../functions/core/model.js';
import type { ActionLinks, OwnerEmail, OwnerSettings, PromptRenderInput } from '../../../functions/core/ports.js';
import { createPromptRenderer } from '../../../functions/core/rendering/create-prompt-renderer.js';
import { loadTemplates } from '../../../functions/runtime/load-templates.js';
import { makeActionLinks, makeOwnerSettings, makePlan, SAMPLE_NOW } from '../../support/sample-contacts.js';

export const templates = loadTemplates();
export const renderer = createPromptRenderer(templates);

export function renderInput(
  prompt: PromptKind,
  contact: Contact,
  options: { plan?: Partial<Plan>; links?: ActionLinks; owner?: Partial<OwnerSettings>; now?: Date } = {},
): PromptRenderInput {
  return {
    prompt,
    contact,
    plan: makePlan({ contactId: contact.contactId, nextPrompt: prompt, ...options.plan }),
    links: options.links ?? makeActionLinks(contact.contactId),
    owner: makeOwnerSettings(options.owner),
    now: options.now ?? SAMPLE_NOW,
  };
}

/** Words that only appear when a template printed a missing value. */
const MISSING_VALUE_MARKERS = [/\bundefined\b/, /\bnull\b/, /\bNaN\b/, /\[object Object\]/, /\bInvalid DateTime\b/];

/** Fails on printed missing values and on the holes optional values leave behind. */
export function expectNoArtefacts(email: OwnerEmail, options: { hostile?: boolean } = {}): void {
  for (const part of [email.subject, email.text, email.html]) {
    for (const marker of MISSING_VALUE_MARKERS) expect(part).not.toMatch(marker);
    if (!options.hostile) expect(part).not.toMatch(/\{\{|\}\}/);
    // eslint-disable-next-line no-control-regex
    expect(part).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F]/);
  }
  expect(email.subject).not.toMatch(/\r|\n/);
  expect(email.subject).not.toMatch(/ {2}|\(\)| ,| \.|[:\-–(]$|\bat$|\bfor$/);
  expect(email.text).not.toMatch(options.hostile ? /\(\)| ,| \.(\s|$)/ : /\(\)|""|“”| ,| \.(\s|$)/);
  expect(email.text).not.toMatch(/\n{3,}/);
  expect(email.html).not.toMatch(/href=""|<p[^>]*>\s*<\/p>|<strong>\s*<\/strong>|<em>\s*<\/em>|&ldquo;&rdquo;|\(\)/);
}

/** Every href in the HTML: action links are http(s), draft links mailto: or Gmail. */
export function listHrefs(html: string): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]!);
}
