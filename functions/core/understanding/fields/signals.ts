/**
 * What a good thank-you note can use: the reason given, compliments, an invitation to reapply
 * or to stay in touch, a feedback offer. Quotes are short spans of the mail itself.
 */
import type { Signals } from '../types.js';
import { PATTERNS } from '../phrases/index.js';
import { findHits, hasHit, type PhraseHit } from './classify.js';
import { capQuote, readSentences } from './text-tools.js';

/** Most quotes kept per list. */
const MAX_QUOTES = 3;
/** A quote ends at the clause's end, or at a conjunction once it has this many characters. */
const MIN_CHARS_BEFORE_CONJUNCTION = 24;

const CLAUSE_END = /[.;:!?]|,\s|\n/;
const CONJUNCTION = /\s(?:and|but|however|so|und|aber|et|mais)\s/i;

/** The clause that starts at a match: from the match to the end of its clause, capped. */
function quoteFrom(hit: PhraseHit): string {
  const rest = hit.sentence.text.slice(hit.index);
  const matchEnd = hit.text.length;
  const afterMatch = rest.slice(matchEnd);
  const clauseEnd = afterMatch.search(CLAUSE_END);
  let quote = clauseEnd < 0 ? rest : rest.slice(0, matchEnd + clauseEnd);
  const conjunction = quote.slice(MIN_CHARS_BEFORE_CONJUNCTION).search(CONJUNCTION);
  if (conjunction >= 0 && MIN_CHARS_BEFORE_CONJUNCTION + conjunction >= matchEnd) {
    quote = quote.slice(0, MIN_CHARS_BEFORE_CONJUNCTION + conjunction);
  }
  return capQuote(quote);
}

function collectQuotes(hits: readonly PhraseHit[]): string[] {
  const quotes: string[] = [];
  for (const hit of hits) {
    const quote = quoteFrom(hit);
    if (!quote) continue;
    const lower = quote.toLowerCase();
    if (quotes.some((kept) => kept.toLowerCase().includes(lower) || lower.includes(kept.toLowerCase()))) continue;
    quotes.push(quote);
    if (quotes.length >= MAX_QUOTES) break;
  }
  return quotes;
}

/** Extracts the signals of a message; `feedbackAddress` is supplied by the contact extractor. */
export function extractSignals(body: string, feedbackAddress: string | null): Signals {
  const sentences = readSentences(body);
  const reasons = collectQuotes(findHits(PATTERNS.reasons, sentences).filter((hit) => !hit.conditional));
  const compliments = collectQuotes(findHits(PATTERNS.compliments, sentences).filter((hit) => !hit.conditional));
  const reapplyInvitation = hasHit(PATTERNS.reapply, sentences);
  const stayInTouch = hasHit(PATTERNS.stayInTouch, sentences);
  const refused = hasHit(PATTERNS.feedbackRefused, sentences);
  const offered = hasHit(PATTERNS.feedbackOffered, sentences);
  return {
    reasons,
    compliments,
    reapplyInvitation,
    stayInTouch,
    feedbackOffered: (offered && !refused) || feedbackAddress !== null,
    feedbackAddress,
  };
}
