/**
 * Decides what kind of message the original is (rejection, confirmation, interview invitation,
 * offer, auto-reply) from phrase matches, ignoring phrases that sit inside conditional or
 * hypothetical clauses ("if you are not selected ...").
 */
import type { MessageKind } from '../types.js';
import { foldCase, PATTERNS } from '../phrases/index.js';
import { readSubjectAndBodySentences, type Sentence } from './text-tools.js';

/** Weight of one strong rejection phrase. */
const STRONG_REJECTION_WEIGHT = 2;
/** Weight of one weak rejection phrase ("unfortunately"). */
const WEAK_REJECTION_WEIGHT = 0.5;
/** At most this many weak phrases count, so a long polite mail does not turn into a rejection. */
const MAX_WEAK_COUNTED = 3;
/** Weight of one confirmation, interview or offer phrase. */
const MARKER_WEIGHT = 1.5;
/** Weight of one auto-reply phrase. */
const AUTO_REPLY_WEIGHT = 2;
/** Least score that names a kind at all; below it the message is 'other'. */
const MIN_KIND_SCORE = 1.4;
/** Confidence when nothing matched. */
const NOTHING_MATCHED_CONFIDENCE = 0.3;
/** Confidence floor and ceiling for a decided kind. */
const MIN_DECIDED_CONFIDENCE = 0.55;
const MAX_DECIDED_CONFIDENCE = 0.97;
/** How fast confidence rises with the margin between the winner and the runner-up. */
const MARGIN_SCALE = 0.08;
/** Confidence of a decided kind before the margin is added. */
const BASE_DECIDED_CONFIDENCE = 0.6;

/** The verdict on one message. */
export interface Classification {
  kind: MessageKind;
  isRejection: boolean;
  confidence: number;
  /** Scores per kind, for diagnostics and tests. */
  scores: Record<Exclude<MessageKind, 'other'>, number>;
}

/** A phrase match with whether a conditional clause governs it. */
export interface PhraseHit {
  sentence: Sentence;
  index: number;
  text: string;
  conditional: boolean;
}

/**
 * Calls `visit` for each non-empty match of a compiled phrase list, sentence by sentence, until
 * it returns true (stop). The one loop behind findHits, countHits and hasHit.
 */
function visitMatches(pattern: RegExp, sentences: readonly Sentence[], visit: (sentence: Sentence, match: RegExpExecArray) => boolean): void {
  for (const sentence of sentences) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(sentence.folded); match !== null; match = pattern.exec(sentence.folded)) {
      if (match[0].length === 0) {
        pattern.lastIndex += 1;
        continue;
      }
      if (visit(sentence, match)) return;
    }
  }
}

/** Finds the matches of a compiled phrase list per sentence, noting conditional ones. */
export function findHits(pattern: RegExp, sentences: readonly Sentence[]): PhraseHit[] {
  const hits: PhraseHit[] = [];
  visitMatches(pattern, sentences, (sentence, match) => {
    const text = sentence.text.slice(match.index, match.index + match[0].length);
    hits.push({ sentence, index: match.index, text, conditional: isConditionalAt(sentence.text, match.index) });
    return false;
  });
  return hits;
}

/**
 * How many matches of a compiled phrase list the sentences hold (as `findHits(...).length`,
 * without working out for each whether a conditional governs it). With `firstOnly`, stops at 1.
 */
function countMatchesIn(pattern: RegExp, sentences: readonly Sentence[], firstOnly: boolean): number {
  let count = 0;
  visitMatches(pattern, sentences, () => {
    count += 1;
    return firstOnly;
  });
  return count;
}

/** How many matches of a compiled phrase list the sentences hold. */
function countHits(pattern: RegExp, sentences: readonly Sentence[]): number {
  return countMatchesIn(pattern, sentences, false);
}

/** True when the sentences hold a match of a compiled phrase list (as `findHits(...).length > 0`). */
export function hasHit(pattern: RegExp, sentences: readonly Sentence[]): boolean {
  return countMatchesIn(pattern, sentences, true) > 0;
}

/**
 * True when a conditional word ("if", "should you", "falls", "si") comes before the position in
 * the same sentence: both the condition and its consequence are hypothetical.
 */
export function isConditionalAt(sentence: string, position: number): boolean {
  const before = sentence.slice(0, position);
  PATTERNS.conditionals.lastIndex = 0;
  return PATTERNS.conditionals.test(foldCase(before));
}

function countUnconditional(hits: readonly PhraseHit[]): number {
  return hits.filter((hit) => !hit.conditional).length;
}

/** How far back a negation ("not", "won't", "nicht", "pas") may stand before a marker it negates. */
const NEGATION_LOOKBACK_CHARS = 40;
const NEGATION = /(?<![\p{L}])(?:not|n['’]t|unable|cannot|no longer|never|nicht|kein|keine|pas|plus)(?![\p{L}])/iu;

/** True when a negation stands shortly before the position in the same clause. */
export function isNegatedAt(sentence: string, position: number): boolean {
  const before = sentence.slice(Math.max(0, position - NEGATION_LOOKBACK_CHARS), position);
  const clause = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';')) + 1);
  return NEGATION.test(clause);
}

/** Counts markers that are neither conditional nor negated ("we will not invite you to an interview"). */
function countAffirmed(hits: readonly PhraseHit[]): number {
  return hits.filter((hit) => !hit.conditional && !isNegatedAt(hit.sentence.text, hit.index)).length;
}

/** Classifies a message from its subject and body text. */
export function classifyMessage(subject: string | null, body: string): Classification {
  const sentences = readSubjectAndBodySentences(subject ?? '', body);
  const strong = countUnconditional(findHits(PATTERNS.rejectionStrong, sentences));
  const weak = Math.min(MAX_WEAK_COUNTED, countUnconditional(findHits(PATTERNS.rejectionWeak, sentences)));
  const scores = {
    rejection: strong * STRONG_REJECTION_WEIGHT + weak * WEAK_REJECTION_WEIGHT,
    'application-confirmation': countHits(PATTERNS.confirmation, sentences) * MARKER_WEIGHT,
    'interview-invitation': countAffirmed(findHits(PATTERNS.interview, sentences)) * MARKER_WEIGHT,
    offer: countAffirmed(findHits(PATTERNS.offer, sentences)) * MARKER_WEIGHT,
    'auto-reply': countHits(PATTERNS.autoReply, sentences) * AUTO_REPLY_WEIGHT,
  };
  // A decision phrase ends the application whatever else the mail says ("accepted an offer for
  // this role", "we'd love to stay in touch"), unless another kind clearly dominates.
  const ranked = (Object.entries(scores) as [keyof typeof scores, number][]).sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  if (!top || top[1] < MIN_KIND_SCORE) {
    return { kind: 'other', isRejection: false, confidence: NOTHING_MATCHED_CONFIDENCE, scores };
  }
  let kind: MessageKind = top[0];
  if (strong > 0 && kind !== 'rejection' && scores.rejection >= top[1] - STRONG_REJECTION_WEIGHT) kind = 'rejection';
  const winner = scores[kind as keyof typeof scores];
  const runnerUp = kind === top[0] ? (second?.[1] ?? 0) : top[1];
  const margin = winner - runnerUp;
  const confidence = Math.min(MAX_DECIDED_CONFIDENCE, Math.max(MIN_DECIDED_CONFIDENCE, BASE_DECIDED_CONFIDENCE + margin * MARGIN_SCALE));
  return { kind, isRejection: kind === 'rejection', confidence: Number(confidence.toFixed(2)), scores };
}
