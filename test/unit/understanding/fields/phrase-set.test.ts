import { describe, expect, it } from 'vitest';
import { compilePhrases, foldCase } from '../../../../functions/core/understanding/phrases/phrase-set.js';
import { LANGUAGES } from '../../../../functions/core/understanding/phrases/index.js';

describe('compilePhrases', () => {
  it('matches whole words across line breaks and both apostrophes', () => {
    // Prepare
    const pattern = compilePhrases(["we won't be moving forward"]);
    // Act
    const matches = ['We won’t be\nmoving forward.', "we won't be moving forwards"].map((text) => {
      pattern.lastIndex = 0;
      return pattern.test(foldCase(text));
    });
    // Assess
    expect(matches).toEqual([true, false]);
  });

  it('supports alternatives, optional groups, gaps and word continuations', () => {
    // Prepare
    const pattern = compilePhrases(['{move|go} {forward |}with * candidates', 'regret~ to']);
    const texts = [
      'we will go with other strong candidates',
      'we move forward with candidates',
      'we regretfully have to',
      'we regret to say',
      'we move sideways with candidates',
    ];
    // Act
    const matches = texts.map((text) => {
      pattern.lastIndex = 0;
      return pattern.test(foldCase(text));
    });
    // Assess
    expect(matches).toEqual([true, true, false, true, false]);
  });

  it('keeps every phrase well-formed: balanced braces, and every brace group offers an alternative', () => {
    // Prepare
    const phrases = LANGUAGES.flatMap((set) =>
      Object.values(set).filter((value): value is readonly string[] => Array.isArray(value)).flat(),
    );
    // Act
    const malformed = phrases.filter((phrase) => {
      const groups = phrase.match(/\{[^{}]*\}/g) ?? [];
      const balanced = (phrase.match(/\{/g) ?? []).length === groups.length && (phrase.match(/\}/g) ?? []).length === groups.length;
      const apostropheStart = /(?:^|[{|\s])['’]/.test(phrase); // "'ve" can never start a whole word
      return !balanced || apostropheStart || groups.some((group) => !group.includes('|'));
    });
    // Assess
    expect(phrases.length).toBeGreaterThan(100);
    expect(malformed).toEqual([]);
  });

  it('keeps every language complete: each has rejection, confirmation and closing phrases', () => {
    // Prepare
    const languages = LANGUAGES;
    // Act
    const incomplete = languages.filter((set) => set.rejectionStrong.length === 0 || set.confirmation.length === 0 || set.closings.length === 0);
    // Assess
    expect(languages.map((set) => set.language)).toEqual(expect.arrayContaining(['en', 'de', 'fr']));
    expect(incomplete).toEqual([]);
  });
});
