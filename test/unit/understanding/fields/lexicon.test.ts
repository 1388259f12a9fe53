import { describe, expect, it } from 'vitest';
import { isRoleNoun, stripPersonTitles } from '../../../../functions/core/understanding/fields/lexicon.js';
import { clearPerMessageCaches } from '../../../../functions/core/understanding/fields/per-message-cache.js';
import { nonEmptyLines, readNonEmptyLines } from '../../../../functions/core/understanding/fields/text-tools.js';
import { ROLE_NOUN_SUFFIXES } from '../../../../functions/core/understanding/phrases/name-words.js';

/** Letters put in front of an ending so the word is long enough to be read as a compound. */
const COMPOUND_HEAD = 'lagerhalle';

describe('isRoleNoun', () => {
  it('recognises a compound by every listed ending, whatever its last letter', () => {
    // Prepare
    const compounds = ROLE_NOUN_SUFFIXES.map((suffix) => `${COMPOUND_HEAD}${suffix}`);

    // Act
    const missed = compounds.filter((word) => !isRoleNoun(word));

    // Assess
    expect(compounds.length).toBeGreaterThan(10);
    expect(missed).toEqual([]);
  });

  it('reads German compounds ending in -kraft, -entwicklerin, -kauffrau and -wirt, in any case', () => {
    // Prepare
    const words = ['Lagerfachkraft', 'Softwareentwicklerin', 'BÜROKAUFFRAU', 'Betriebswirt'];

    // Act
    const answers = words.map(isRoleNoun);

    // Assess
    expect(answers).toEqual([true, true, true, true]);
  });

  it('does not take a long word that only shares an ending\'s last letter, nor a short word', () => {
    // Prepare
    const words = ['Anwendungsserver', 'Weihnachtsfeier', 'Rechenzentrum', 'Berater'.slice(1), 'kraft'];

    // Act
    const answers = words.map(isRoleNoun);

    // Assess
    expect(answers).toEqual([false, false, false, false, false]);
  });
});

describe('stripPersonTitles', () => {
  it('gives the same name when asked again, within a message and after the next one starts', () => {
    // Prepare
    const label = 'Dr. Jane Roe, PhD';

    // Act
    const first = stripPersonTitles(label);
    const again = stripPersonTitles(label);
    clearPerMessageCaches();
    const nextMessage = stripPersonTitles(label);

    // Assess
    expect([first, again, nextMessage]).toEqual(['Jane Roe', 'Jane Roe', 'Jane Roe']);
  });
});

describe('readNonEmptyLines', () => {
  it('returns the trimmed non-empty lines, the same for a second reader of the same body', () => {
    // Prepare
    const body = 'Hi Sam,\n\n  Thanks for applying.  \n\nBest regards,\nJo Lane\n';

    // Act
    const first = readNonEmptyLines(body);
    const second = readNonEmptyLines(body);

    // Assess
    expect(first).toEqual(['Hi Sam,', 'Thanks for applying.', 'Best regards,', 'Jo Lane']);
    expect(second).toEqual(nonEmptyLines(body));
  });
});
