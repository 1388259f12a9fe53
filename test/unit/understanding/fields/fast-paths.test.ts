/**
 * The field extractors read text by character code where plain ASCII allows it, skip regular
 * expressions that cannot match, and share readings within a message. These tests check that
 * every such shortcut answers exactly as the plain pattern-based reading does, on hand-picked
 * edge cases and on random text mixing ASCII, accents, umlauts, astral letters and joiners.
 */
import { describe, expect, it } from 'vitest';
import { findAllRuns, type RunOptions } from '../../../../functions/core/understanding/fields/runs.js';
import {
  collapseSpaces,
  compactForm,
  EMAIL_PATTERN,
  findEmailAddresses,
  readSubjectAndBodySentences,
  splitSentences,
} from '../../../../functions/core/understanding/fields/text-tools.js';
import { clearPerMessageCaches } from '../../../../functions/core/understanding/fields/per-message-cache.js';
import { extractFields } from '../../../../functions/core/understanding/extract-fields.js';
import { makeOriginal, OWNER } from './make-original.js';
import { collapseSpacesByPatterns, compactFormByPatterns, findAllRunsByPatterns, findEmailAddressesByPatterns } from './reference-readings.js';

/** Characters the random texts are made of: every class the readers treat differently. */
const ALPHABET = [
  'A', 'B', 'Z', 'a', 'm', 'z', '0', '7', ' ', ' ', ' ', '\t', '\n', '\n', '.', ',', ':', '!', '?', '-', '–', '—', '&', '(', ')', "'", '’',
  '+', '#', '@', '_', '%', 'é', 'É', 'ü', 'Ü', 'ß', 'ø', '\u0301', '𝐀', '𝑎', '\u00a0', '\u2003', '®', '™', '•', '*', '[', ']', 'ǅ', 'İ',
];
/** Fragments that make the random texts look like mail: words, titles, addresses, list items. */
const FRAGMENTS = [
  'Northwind Traders', 'the Team at ', 'Senior Engineer (m/w/d)', 'Müller Bräu GmbH', 'Inc.', ' of ', ' and ', 'jo.doe@acme.example',
  'x@y', '@@', 'ACME', 'iOS', 'de la ', 'Code Challenge', '\n- ', ':\n', '. ', '\n\n', 'L’Oréal', 'O\'Brien', 'R-12345', '(Remote)',
];
const RANDOM_TEXTS = 3_000;
const MAX_RANDOM_PIECES = 40;
/** Fraction of pieces that are fragments rather than single characters. */
const FRAGMENT_SHARE = 0.3;
const SEED = 20_261_122;

/** A small deterministic generator (mulberry32), so a failure can be reproduced. */
function randomSource(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function randomTexts(count: number): string[] {
  const random = randomSource(SEED);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const texts: string[] = [];
  for (let index = 0; index < count; index += 1) {
    let text = '';
    const pieces = Math.floor(random() * MAX_RANDOM_PIECES);
    for (let piece = 0; piece < pieces; piece += 1) text += random() < FRAGMENT_SHARE ? pick(FRAGMENTS) : pick(ALPHABET);
    texts.push(text);
  }
  return texts;
}

const EDGE_CASES = [
  '',
  'Hi',
  'Thank you for your interest in Northwind Traders, Inc. and the Senior Software Engineer, Platform role.',
  'Wir bedanken uns bei der Müller Bräu GmbH & Co. KG für Ihre Bewerbung als Lagerfachkraft (m/w/d).',
  'Chargée de communication chez L’Oréal — Paris',
  '𝐀𝐜𝐦𝐞 Corp and Ǆemal’s Café',
  'A.B.C. Holdings Ltd. - Dayton, OH',
  'ends with a joiner-& and-',
  'iOS Developer (Remote, (EU)) at F5 Networks',
  'x'.repeat(70) + '@acme.example and a@b.co, c@d',
  'mail me: jo.doe@acme.example. Or @ nobody@ or @nobody.example',
];

const RUN_OPTIONS: readonly RunOptions[] = [
  {},
  { maxWords: 6 },
  { allowCommas: true, allowDashes: true, allowParentheses: true, maxWords: 18 },
  { allowCommas: true, allowDashes: true, allowParentheses: true, allowLowercase: true, stopWords: new Set(['et', 'und', 'and', 'at']), maxWords: 6 },
];

describe('fast paths read text as the plain patterns do', () => {
  const texts = [...EDGE_CASES, ...randomTexts(RANDOM_TEXTS)];

  it('findAllRuns finds the same runs', () => {
    // Prepare
    const cases = texts.flatMap((text) => RUN_OPTIONS.map((options) => ({ text, options })));
    // Act
    const differing = cases.filter(({ text, options }) => JSON.stringify(findAllRuns(text, options)) !== JSON.stringify(findAllRunsByPatterns(text, options)));
    // Assess
    expect(differing.map(({ text }) => text)).toEqual([]);
  });

  it('findAllRuns over one line finds the runs the whole text has on it', () => {
    // Prepare
    const text = 'Dear Jo,\nThe Staff Engineer role at Acme Corp\nis filled.\n\nBest, Ann Lee';
    const secondLine = { start: text.indexOf('The'), end: text.indexOf('\nis') };
    // Act
    const onLine = findAllRuns(text, {}, secondLine.start, secondLine.end);
    // Assess
    expect(onLine).toEqual(findAllRuns(text).filter((run) => run.start >= secondLine.start && run.end <= secondLine.end));
    expect(onLine.map((run) => run.text)).toEqual(['The Staff Engineer', 'Acme Corp']);
  });

  it('compactForm gives the same forms', () => {
    // Act
    const differing = texts.filter((text) => compactForm(text) !== compactFormByPatterns(text));
    // Assess
    expect(differing).toEqual([]);
  });

  it('collapseSpaces gives the same text', () => {
    // Act
    const differing = texts.filter((text) => collapseSpaces(text) !== collapseSpacesByPatterns(text));
    // Assess
    expect(differing).toEqual([]);
  });

  it('findEmailAddresses finds the same addresses at the same offsets', () => {
    // Act
    const differing = texts.filter((text) => JSON.stringify(findEmailAddresses(text)) !== JSON.stringify(findEmailAddressesByPatterns(text, EMAIL_PATTERN)));
    // Assess
    expect(differing).toEqual([]);
    expect(findEmailAddresses('mail me: jo.doe@acme.example. Or @ nobody@ or @nobody.example').map((found) => found.address)).toEqual(['jo.doe@acme.example']);
  });

  it('the subject and body sentences are the sentences of the joined text', () => {
    // Prepare
    const subjects = ['', 'Your application', 'Update: next steps.', 'Re:', 'Line one\nline two\n', 'Done!'];
    const bodies = texts.slice(0, 400);
    // Act
    const differing: string[] = [];
    for (const subject of subjects) {
      for (const body of bodies) {
        clearPerMessageCaches();
        const joined = splitSentences(`${subject}\n\n${body}`);
        if (JSON.stringify(readSubjectAndBodySentences(subject, body)) !== JSON.stringify(joined)) differing.push(`${subject} | ${body}`);
      }
    }
    // Assess
    expect(differing).toEqual([]);
  });

  it('reads past an astral letter after an apostrophe instead of finding it again for ever', () => {
    // Prepare
    const body = "Hi Jo,\nthanks from '𝐀𝐜𝐦𝐞 and ’𝐁 Team.\nBest regards,\nAnn Lee";
    // Act
    const runs = findAllRuns("Hi '𝐀𝐜𝐦𝐞 and ’𝐁 Team");
    const fields = extractFields(makeOriginal({ fromName: 'Ann Lee', fromAddress: 'ann@acme.example', subject: 'Your application', body }), { ownerAddresses: [OWNER] });
    // Assess
    expect(runs.map((run) => run.text)).toEqual(['Hi', 'Team']);
    expect(fields.contact.name).toBe('Ann Lee');
  });
});
