import { describe, expect, it } from 'vitest';
import { extractFields } from '../../../../functions/core/understanding/extract-fields.js';
import * as fixtures from './fixtures-more.js';
import { makeOriginal, OWNER, type OriginalParts } from './make-original.js';

function extract(parts: OriginalParts) {
  return extractFields(makeOriginal(parts), { ownerAddresses: [OWNER] });
}

describe('extractFields on casual and formal letters', () => {
  it('does not take a first-name signature for the company, and completes the name from the sender', () => {
    // Prepare
    const parts = fixtures.CASUAL_FIRST_NAME_SIGNATURE;
    // Act
    const result = extract(parts);
    // Assess
    expect(result).toMatchObject({ isRejection: true, company: 'Tallgrass', role: null, contact: { name: 'Ben Okafor', noReply: false } });
    expect(result.signals.compliments).toContain('loved your energy');
    expect(result.signals.stayInTouch).toBe(true);
  });

  it('reads a note from a personal mailbox: company from the text, never the mail provider', () => {
    // Prepare
    const parts = fixtures.PERSONAL_MAILBOX_OWNER;
    // Act
    const result = extract(parts);
    // Assess
    expect(result).toMatchObject({
      isRejection: true,
      company: 'Café Lumen',
      role: 'Barista',
      contact: { name: 'Pablo Ruiz', email: 'pablo.ruiz@gmail.com', noReply: false },
    });
  });

  it('reads a formal German rejection signed by a titled person', () => {
    // Prepare
    const parts = fixtures.GERMAN_FORMAL_WITH_TITLE;
    // Act
    const result = extract(parts);
    // Assess
    expect(result).toMatchObject({
      isRejection: true,
      company: 'Kranich Versicherung AG',
      role: 'Sachbearbeiter Schadenregulierung (w/m/d)',
      contact: { name: 'Anja Petersen', email: 'karriere@kranich-versicherung.de' },
    });
  });

  it('reads a French "poste pourvu" letter signed by a department', () => {
    // Prepare
    const parts = fixtures.FRENCH_POSITION_FILLED;
    // Act
    const result = extract(parts);
    // Assess
    expect(result).toMatchObject({ isRejection: true, company: 'Maison Corbel', role: 'Chef de projet digital', contact: { name: null } });
  });
});
