/**
 * Turns what the rejection said (the extracted Signals: quoted reason and compliment
 * fragments, and a few flags) into what a drafted note can say naturally: a reason kind
 * ("experience", "filled", ...) and a compliment topic ("portfolio", ...). A note then writes
 * its own sentence for the kind instead of pasting the company's words back at them, which
 * reads robotic, can be grammatically off, and may be in another language than the note.
 *
 * Pure and data-driven: the phrases live in ./phrases/*.ts, compiled on first use. The input
 * is untrusted (it was cut out of an inbound email): only strings are read, each capped in
 * length, and nothing from it is returned, only members of closed sets.
 */
import type { Signals } from '../understanding/types.js';
import { compilePhrases, foldCase } from '../text/phrase-syntax.js';
import {
  COMPLIMENT_TOPIC_WORDING,
  COMPLIMENT_TOPICS,
  REASON_KINDS,
  type ComplimentTopic,
  type DraftingPhraseSet,
  type KnownReasonKind,
  type ReasonKind,
} from './drafting-phrases.js';
import { DRAFTING_LANGUAGES } from './phrases/index.js';

export {
  COMPLIMENT_TOPIC_WORDING,
  COMPLIMENT_TOPICS,
  REASON_KINDS,
  type ComplimentTopic,
  type KnownReasonKind,
  type ReasonKind,
} from './drafting-phrases.js';

/** Characters of one fragment that are read (extracted fragments are a clause long). */
export const MAX_FRAGMENT_LENGTH = 500;
/** Fragments of each list that are read (the extraction rarely finds more than two). */
export const MAX_FRAGMENTS_READ = 5;

/** What the drafts may say about the rejection. Holds no inbound text. */
export interface SignalReading {
  /** The reason's kind; 'other' when a reason was given but not recognised; null when none was given. */
  reasonKind: ReasonKind | null;
  /** The rejection paid the candidate a compliment. */
  complimented: boolean;
  /** What the compliment was about, when it named something the drafts know. */
  complimentTopic: ComplimentTopic | null;
  /** The English words for the topic ("my portfolio"), or null. */
  complimentAbout: string | null;
  reapply: boolean;
  stayInTouch: boolean;
  feedbackOffered: boolean;
}

interface CompiledPhrases {
  reasonKinds: [KnownReasonKind, RegExp][];
  complimentTopics: [ComplimentTopic, RegExp][];
}

let compiled: CompiledPhrases | undefined;

function mergeLists<Key extends string>(
  keys: readonly Key[],
  pick: (language: DraftingPhraseSet) => Readonly<Record<Key, readonly string[]>>,
): [Key, RegExp][] {
  return keys.map((key) => [key, compilePhrases(DRAFTING_LANGUAGES.flatMap((language) => [...pick(language)[key]]))]);
}

/** Compiled on first use, so a cold start that renders no draft compiles nothing. */
function loadPhrases(): CompiledPhrases {
  compiled ??= {
    reasonKinds: mergeLists(REASON_KINDS, (language) => language.reasonKinds),
    complimentTopics: mergeLists(COMPLIMENT_TOPICS, (language) => language.complimentTopics),
  };
  return compiled;
}

/** Zero-width and other format characters, and markup, that could split a word in a crafted fragment. */
const FORMAT_CHARACTERS = /\p{Cf}/gu;
const MARKUP = /<[^>]{0,200}>/g;

/** The fragment as the patterns read it, or null when there is nothing to read. */
function prepareFragment(fragment: unknown): string | null {
  if (typeof fragment !== 'string') return null;
  const text = fragment.slice(0, MAX_FRAGMENT_LENGTH).replace(FORMAT_CHARACTERS, '').replace(MARKUP, ' ').trim();
  return text === '' ? null : foldCase(text);
}

function readFragments(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list
    .slice(0, MAX_FRAGMENTS_READ)
    .map(prepareFragment)
    .filter((text): text is string => text !== null);
}

function classifyPrepared(text: string): ReasonKind {
  for (const [kind, pattern] of loadPhrases().reasonKinds) if (text.search(pattern) >= 0) return kind;
  return 'other';
}

function findTopicInPrepared(text: string): ComplimentTopic | null {
  let best: { topic: ComplimentTopic; at: number } | null = null;
  for (const [topic, pattern] of loadPhrases().complimentTopics) {
    const at = text.search(pattern);
    if (at >= 0 && (best === null || at < best.at)) best = { topic, at };
  }
  return best?.topic ?? null;
}

/**
 * The kind of one reason fragment ("closer match" -> 'experience', "die Stelle wurde bereits
 * besetzt" -> 'filled'); 'other' when no phrase of any language recognises it or the input is
 * not text. When a fragment matches several kinds, the first in REASON_KINDS wins.
 */
export function classifyReason(fragment: unknown): ReasonKind {
  const text = prepareFragment(fragment);
  return text === null ? 'other' : classifyPrepared(text);
}

/** What one compliment fragment was about ("were impressed by your portfolio" -> 'portfolio'), the topic named first; null when none. */
export function findComplimentTopic(fragment: unknown): ComplimentTopic | null {
  const text = prepareFragment(fragment);
  return text === null ? null : findTopicInPrepared(text);
}

/**
 * Reads the extracted signals for the drafts: the most useful reason kind over the first few
 * reason fragments (by REASON_KINDS order), the first compliment topic found, and the flags.
 * Missing or malformed parts (a stored contact from an older version) read as "not said".
 */
export function interpretSignals(signals: Partial<Signals> | null | undefined): SignalReading {
  const reasons = readFragments(signals?.reasons);
  const compliments = readFragments(signals?.compliments);
  const kinds = reasons.map(classifyPrepared);
  const known = REASON_KINDS.find((kind) => kinds.includes(kind));
  const topic = compliments.map(findTopicInPrepared).find((found) => found !== null) ?? null;
  return {
    reasonKind: known ?? (reasons.length > 0 ? 'other' : null),
    complimented: compliments.length > 0,
    complimentTopic: topic,
    complimentAbout: topic === null ? null : COMPLIMENT_TOPIC_WORDING[topic],
    reapply: signals?.reapplyInvitation === true,
    stayInTouch: signals?.stayInTouch === true,
    feedbackOffered: signals?.feedbackOffered === true,
  };
}
