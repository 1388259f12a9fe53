/**
 * Counting words the way a reader does: runs of letters or digits, with apostrophes and
 * hyphens inside a word ("don't", "follow-up") counting once. Punctuation, list dashes and
 * bracket placeholders' brackets do not count on their own.
 */

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** The number of words in `text` (the rendered draft body, not its template). */
export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** The advice's length for a note to a contact: positive and short. */
export const DRAFT_MIN_WORDS = 50;
export const DRAFT_MAX_WORDS = 150;
