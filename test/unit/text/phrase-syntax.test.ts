import { describe, expect, it } from 'vitest';
import { DRAFTING_LANGUAGES } from '../../../functions/core/drafting/phrases/index.js';
import { compilePhrases, foldCase } from '../../../functions/core/text/phrase-syntax.js';
import * as understanding from '../../../functions/core/understanding/phrases/phrase-set.js';

/** Every phrase of the drafting lists, and a few that exercise each part of the syntax. */
const PHRASES = [
  ...DRAFTING_LANGUAGES.flatMap((language) => [...Object.values(language.reasonKinds), ...Object.values(language.complimentTopics)].flat()),
  "{won't|will not} {be |}{move|moving} * forward",
  'regret~ {that|to inform}',
  '{a.b|c+d} (x) [y] ^z$',
];

describe('the shared phrase syntax', () => {
  it('compiles every drafting phrase, and is the very compiler the understanding lists use', () => {
    // Prepare
    const phrases = PHRASES;

    // Act
    const compiled = compilePhrases(phrases);

    // Assess
    expect(phrases.length).toBeGreaterThan(100);
    expect(compiled.source.length).toBeGreaterThan(phrases.length);
    expect(understanding.compilePhrases).toBe(compilePhrases);
    expect(understanding.foldCase).toBe(foldCase);
  });

  it('folds case keeping offsets', () => {
    // Prepare
    const texts = ['CLOSER Match', 'Die STELLE wurde İntern vergeben', 'ÉTÉ POURVU'];

    // Act
    const folded = texts.map(foldCase);

    // Assess
    expect(folded.map((text) => text.length)).toEqual(texts.map((text) => text.length));
    expect(folded[0]).toBe('closer match');
  });

  it('matches whole words only, across line breaks, with gaps and continuations', () => {
    // Prepare
    const pattern = compilePhrases(['closer match', 'regret~ to', '{won\'t|will not} * forward']);

    // Act
    const hits = ['a closer\nmatch', 'disclosure matchbox', 'regretfully to say', 'we will not be moving forward', 'undercloser match'].map(
      (text) => foldCase(text).search(pattern) >= 0,
    );

    // Assess
    expect(hits).toEqual([true, false, true, true, false]);
  });

  it('compiles a group the same way in every phrase that repeats it, keeping the spaces inside it', () => {
    // Prepare
    const pattern = compilePhrases(['{move|go} forward with {a different|another} candidate', 'will {move|go} ahead', '{a different|another}\tapplicant']);
    const texts = ['we go forward with a different candidate', 'they will move ahead', 'another\napplicant', 'go ahead', 'a applicant'];

    // Act
    const hits = texts.map((text) => foldCase(text).search(pattern) >= 0);

    // Assess
    expect(hits).toEqual([true, true, true, false, false]);
  });

  it('reads an unclosed group to the end of the phrase', () => {
    // Prepare
    const pattern = compilePhrases(['regret {to inform']);

    // Act
    const hits = ['We regret to inform you', 'we regret to say'].map((text) => foldCase(text).search(pattern) >= 0);

    // Assess
    expect(hits).toEqual([true, false]);
  });
});
