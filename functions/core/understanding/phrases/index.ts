/**
 * All phrase data, compiled once at module load. To add a language, write a PhraseSet file
 * beside en.ts and list it in LANGUAGES; to extend one, add a line to its lists.
 */
import { GERMAN } from './de.js';
import { ENGLISH } from './en.js';
import { FRENCH } from './fr.js';
import { compilePhrases, type PhraseSet } from './phrase-set.js';

export type { PhraseSet } from './phrase-set.js';
export { compilePhrases, foldCase } from './phrase-set.js';

/** The languages whose phrases are applied to every mail (a mail may mix languages). */
export const LANGUAGES: readonly PhraseSet[] = [ENGLISH, GERMAN, FRENCH];

type PhraseListKey = {
  [K in keyof PhraseSet]: PhraseSet[K] extends readonly string[] ? K : never;
}[keyof PhraseSet];

function mergedList(key: PhraseListKey): string[] {
  return LANGUAGES.flatMap((language) => [...language[key]]);
}

/** The merged phrase lists of all languages, compiled into one RegExp per list. Run them on `foldCase(text)`. */
export const PATTERNS = {
  rejectionStrong: compilePhrases(mergedList('rejectionStrong')),
  rejectionWeak: compilePhrases(mergedList('rejectionWeak')),
  confirmation: compilePhrases(mergedList('confirmation')),
  interview: compilePhrases(mergedList('interview')),
  offer: compilePhrases(mergedList('offer')),
  autoReply: compilePhrases(mergedList('autoReply')),
  conditionals: compilePhrases(mergedList('conditionals')),
  reasons: compilePhrases(mergedList('reasons')),
  compliments: compilePhrases(mergedList('compliments')),
  reapply: compilePhrases(mergedList('reapply')),
  stayInTouch: compilePhrases(mergedList('stayInTouch')),
  feedbackOffered: compilePhrases(mergedList('feedbackOffered')),
  feedbackRefused: compilePhrases(mergedList('feedbackRefused')),
  greetings: compilePhrases(mergedList('greetings')),
  closings: compilePhrases(mergedList('closings')),
} as const;

/** Lower-case word lists (not compiled): team words, introducers, followers. */
export const WORDS = {
  teamWords: new Set(mergedList('teamWords').map((word) => word.toLowerCase())),
  companyIntroducers: mergedList('companyIntroducers'),
  roleIntroducers: mergedList('roleIntroducers'),
  roleFollowers: mergedList('roleFollowers'),
  closings: mergedList('closings').map((word) => word.toLowerCase()),
  greetings: mergedList('greetings').map((word) => word.toLowerCase()),
} as const;

