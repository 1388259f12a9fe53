/**
 * Which language the original message is written in, so the drafted notes can answer in it.
 * Pure; decided from the same per-language phrase data that reads the rejection
 * (phrases/{en,de,fr}.ts), with common stop words as the tie-breaker, and English whenever
 * it is unsure.
 *
 * How: the phrases of each language (regrets, reasons, compliments, greetings, closings...;
 * see LANGUAGE_LISTS) are counted in the subject and the head of the body. The language with the most matches
 * wins. When the top languages tie (a short mail, or one that mixes languages evenly), the
 * stop words decide, but only with a clear lead; otherwise the answer is English.
 */
import type { MessageLanguage } from './types.js';
import { compilePhrases, foldCase, LANGUAGES, type PhraseSet } from './phrases/index.js';

/** The language a message is taken to be in when nothing says otherwise. */
export const DEFAULT_MESSAGE_LANGUAGE: MessageLanguage = 'en';

/** Only the head of the text is read: a rejection says what it is in its first lines. */
const MAX_DETECTION_CHARS = 20_000;
/** Stop words decide a phrase tie only from this many on... */
const MIN_STOP_WORDS = 4;
/** ...and only when the leader has at least this many times the runner-up's count. */
const STOP_WORD_LEAD_FACTOR = 1.5;

/**
 * The phrase lists counted: the ones a rejection is made of and that are cheap to compile.
 * The strong-rejection list is left out on purpose: compiling its three languages costs about
 * 10 ms on a cold start, and a rejection nearly always also greets, closes, regrets
 * ("leider", "malheureusement") or gives a reason, which these lists catch.
 */
const LANGUAGE_LISTS = [
  'rejectionWeak',
  'reasons',
  'compliments',
  'reapply',
  'stayInTouch',
  'feedbackOffered',
  'greetings',
  'closings',
] as const satisfies readonly (keyof PhraseSet)[];

/**
 * Frequent short words of each language, chosen so that no word belongs to two of them
 * ("des", "die", "a" are left out). Lower case; matched on whole words.
 */
const STOP_WORDS: Readonly<Record<MessageLanguage, readonly string[]>> = {
  en: ['the', 'and', 'you', 'your', 'we', 'our', 'to', 'of', 'for', 'with', 'that', 'this', 'have', 'has', 'not', 'will', 'is', 'are', 'be', 'been', 'thank', 'would', 'at', 'it'],
  de: ['der', 'das', 'und', 'sie', 'ihre', 'ihnen', 'ihrer', 'wir', 'uns', 'unser', 'unsere', 'nicht', 'mit', 'für', 'ist', 'sind', 'haben', 'eine', 'einen', 'leider', 'vielen', 'dank', 'zu', 'auf', 'bei', 'wurde', 'dass', 'wünschen', 'ich'],
  fr: ['le', 'la', 'les', 'et', 'vous', 'votre', 'vos', 'nous', 'notre', 'pas', 'avec', 'pour', 'est', 'sont', 'avons', 'une', 'du', 'au', 'que', 'qui', 'dans', 'merci', 'sommes', 'je'],
};

/** The scores behind a decision, for tests and diagnostics (stop words stay 0 when the phrases decided). */
export interface LanguageDecision {
  language: MessageLanguage;
  phraseHits: Record<MessageLanguage, number>;
  stopWords: Record<MessageLanguage, number>;
}

interface LanguagePatterns {
  language: MessageLanguage;
  phrases: RegExp;
  stopWords: RegExp;
}

let compiled: LanguagePatterns[] | undefined;

function isMessageLanguage(code: string): code is MessageLanguage {
  return Object.hasOwn(STOP_WORDS, code);
}

/** Compiled on first use: one pattern of all phrases and one of the stop words per language. */
function languagePatterns(): LanguagePatterns[] {
  compiled ??= LANGUAGES.filter((set) => isMessageLanguage(set.language)).map((set) => {
    const language = set.language as MessageLanguage;
    return {
      language,
      phrases: compilePhrases(LANGUAGE_LISTS.flatMap((list) => [...set[list]])),
      stopWords: compilePhrases(STOP_WORDS[language]),
    };
  });
  return compiled;
}

function countMatches(pattern: RegExp, text: string): number {
  pattern.lastIndex = 0;
  let count = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (match[0].length === 0) pattern.lastIndex += 1;
    else count += 1;
  }
  return count;
}

/** The leader of `counts` among `candidates`, and the runner-up's count. */
function leaderOf(counts: Record<MessageLanguage, number>, candidates: readonly MessageLanguage[]): { language: MessageLanguage; top: number; second: number } {
  const sorted = [...candidates].sort((left, right) => counts[right] - counts[left]);
  return { language: sorted[0]!, top: counts[sorted[0]!], second: sorted[1] === undefined ? 0 : counts[sorted[1]] };
}

/**
 * Decides the language of a message from its subject and body (plain text). Phrases decide;
 * stop words break a tie when one language clearly leads; otherwise English.
 */
export function detectLanguage(subject: string | null, body: string): LanguageDecision {
  const text = foldCase(`${subject ?? ''}\n${body.slice(0, MAX_DETECTION_CHARS)}`);
  const patterns = languagePatterns();
  const phraseHits = { en: 0, de: 0, fr: 0 } satisfies Record<MessageLanguage, number>;
  const stopWords = { en: 0, de: 0, fr: 0 } satisfies Record<MessageLanguage, number>;
  for (const { language, phrases } of patterns) phraseHits[language] = countMatches(phrases, text);
  const languages = patterns.map((pattern) => pattern.language);
  const byPhrases = leaderOf(phraseHits, languages);
  if (byPhrases.top > byPhrases.second) return { language: byPhrases.language, phraseHits, stopWords };
  // A tie (or nothing matched): the stop words of the tied languages decide, with a clear lead.
  // They are counted only now: most mails are decided by their phrases.
  for (const { language, stopWords: words } of patterns) stopWords[language] = countMatches(words, text);
  const tied = languages.filter((language) => phraseHits[language] === byPhrases.top);
  const byStopWords = leaderOf(stopWords, tied);
  const clear = byStopWords.top >= MIN_STOP_WORDS && byStopWords.top >= byStopWords.second * STOP_WORD_LEAD_FACTOR;
  return { language: clear ? byStopWords.language : DEFAULT_MESSAGE_LANGUAGE, phraseHits, stopWords };
}
