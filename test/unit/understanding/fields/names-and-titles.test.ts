import { describe, expect, it } from 'vitest';
import { companyFromLabel } from '../../../../functions/core/understanding/fields/company.js';
import { isNoReplyAddress } from '../../../../functions/core/understanding/fields/contact.js';
import { givenNameFirst } from '../../../../functions/core/understanding/fields/lexicon.js';
import { cleanRole, extractRole } from '../../../../functions/core/understanding/fields/role.js';

describe('surname-first display names', () => {
  it.each([
    ['Lindgren, Maja', 'Maja Lindgren'],
    ["O'Hara, Sean", "Sean O'Hara"],
    ['Acme, Inc', null],
    ['Recruiting, Acme', null],
    ['Maja Lindgren', null],
  ])('reads "%s" as %s', (label, expected) => {
    // Prepare
    const text = label;
    // Act
    const name = givenNameFirst(text);
    // Assess
    expect(name).toBe(expected);
  });

  it('never takes a surname-first person for the company', () => {
    // Prepare
    const label = 'Lindgren, Maja';
    // Act
    const company = companyFromLabel(label);
    // Assess
    expect(company).toBeNull();
  });
});

describe('platform senders writing "via"', () => {
  it('keeps the employer in front of "via <platform>" and nothing else', () => {
    // Prepare
    const labels = ['Fenwick Tools via Greenhouse', 'Dale via Marsh Logistics'];
    // Act
    const companies = labels.map(companyFromLabel);
    // Assess
    expect(companies).toEqual(['Fenwick Tools', 'Dale via Marsh Logistics']);
  });
});

describe('no-reply mailboxes in other languages', () => {
  it.each([
    ['ne-pas-repondre@maison.example', true],
    ['nepasrepondre@maison.example', true],
    ['keine-antwort@firma.example', true],
    ['recrutement@maison.example', false],
  ])('%s -> %s', (address, expected) => {
    // Act
    const noReply = isNoReplyAddress(address);
    // Assess
    expect(noReply).toBe(expected);
  });
});

describe('role titles', () => {
  it('drops a trailing status segment but keeps a real second part', () => {
    // Prepare
    const raws = ['Data Engineer - next steps', 'Data Engineer – Update', 'Data Engineer - Platform'];
    // Act
    const roles = raws.map((raw) => cleanRole(raw, null));
    // Assess
    expect(roles).toEqual(['Data Engineer', 'Data Engineer', 'Data Engineer - Platform']);
  });

  it('reads a French title after an elided article ("poste d\'...")', () => {
    // Prepare
    const body = "Nous avons bien reçu votre candidature pour le poste d'Ingénieur qualité (H/F) et vous en remercions.";
    // Act
    const result = extractRole('Accusé de réception', body, null);
    // Assess
    expect(result.role).toBe('Ingénieur qualité (H/F)');
  });

  it('reads a German title after "Interesse an der Position"', () => {
    // Prepare
    const body = 'vielen Dank für Ihr Interesse an der Position Projektleiter Tiefbau (m/w/d) bei uns.';
    // Act
    const result = extractRole('Ihre Bewerbung', body, null);
    // Assess
    expect(result.role).toBe('Projektleiter Tiefbau (m/w/d)');
  });

  it('reads a quoted title on a "Re:" reference line', () => {
    // Prepare
    const body = 'Dear Sam,\n\nRe: "Senior Planner – Transport" (Ref 2026/77)\n\nThank you for applying for the above post.';
    // Act
    const result = extractRole('Outcome of your application', body, null);
    // Assess
    expect(result.role).toBe('Senior Planner – Transport');
  });
});
