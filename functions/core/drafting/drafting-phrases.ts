/**
 * What a drafted note can say about a rejection, as closed sets (the reason kinds and the
 * compliment topics), and the shape of one language's phrase data that recognises them.
 *
 * The phrases are plain data, in the syntax of the understanding phrase lists (see
 * ../text/phrase-syntax.ts: whole words, any case, `*` a gap of up to four words, `{a|b}`
 * alternatives, a trailing `~` lets a word continue). Every language's
 * lists are applied to every fragment, so a phrase must not be a common word of another
 * language. To extend a language add a line; to add a language write a file beside en.ts and
 * list it in phrases/index.ts.
 */

/**
 * Why the company said no, as far as a note should acknowledge it. In priority order: when a
 * fragment (or several fragments) match more than one kind, the first kind here wins, because
 * a note that speaks to the candidate's fit is more useful than one about the volume.
 * 'requirements' comes before 'experience' because its sentence ("I did not fully match what
 * the role needs") is true in both cases, while the experience sentence assumes
 * someone else was chosen ("you may be better suited for other roles" is not that).
 */
export const REASON_KINDS = [
  /** The candidate's profile did not meet the requirements ("does not match our requirements"). */
  'requirements',
  /** Another candidate's experience or fit was closer ("closer match", "more experience"). */
  'experience',
  /** The role is on hold: a pause, a hiring freeze, budget (before 'closed': "not filled for now" is a pause). */
  'on-hold',
  /** The role was closed, cancelled or withdrawn, or is no longer available (before 'filled': "will not be filled"). */
  'closed',
  /** The role has been filled (someone was hired, an internal candidate, an accepted offer). */
  'filled',
  /** Location, relocation, visa or work-permit constraints. */
  'location',
  /** A high volume of applications. */
  'volume',
] as const;

/** A recognised reason. `'other'` (a reason given but not recognised) is not one of these. */
export type KnownReasonKind = (typeof REASON_KINDS)[number];

/** What the drafts may say about the reason: a known kind, or 'other' (say nothing specific). */
export type ReasonKind = KnownReasonKind | 'other';

/**
 * What a compliment was about, when the compliment names it. Order breaks ties only: the topic
 * named first in the fragment wins.
 */
export const COMPLIMENT_TOPICS = [
  'portfolio',
  'case-study',
  'assignment',
  'presentation',
  'interview',
  'conversation',
  'questions',
  'communication',
  'enthusiasm',
  'approach',
  'skills',
  'experience',
  'background',
  'profile',
] as const;

export type ComplimentTopic = (typeof COMPLIMENT_TOPICS)[number];

/**
 * How an English note names each topic after "your kind words about ...". Data, not template
 * wording, so every draft names a topic the same way; a template may still test the topic id
 * (`{{#if (eq personal.complimentTopic 'portfolio')}}`) and write its own words.
 */
export const COMPLIMENT_TOPIC_WORDING: Readonly<Record<ComplimentTopic, string>> = {
  portfolio: 'my portfolio',
  'case-study': 'my case study',
  assignment: 'my assignment',
  presentation: 'my presentation',
  interview: 'my interview',
  conversation: 'our conversation',
  questions: 'my questions',
  communication: 'my communication',
  enthusiasm: 'my enthusiasm',
  approach: 'my approach',
  skills: 'my skills',
  experience: 'my experience',
  background: 'my background',
  profile: 'my profile',
};

/** One language's phrases for the drafting interpretation. Every list is plain data. */
export interface DraftingPhraseSet {
  /** ISO 639-1 code. */
  language: string;
  /** Phrases that mark each reason kind inside a reason fragment. */
  reasonKinds: Readonly<Record<KnownReasonKind, readonly string[]>>;
  /** Words that name what a compliment was about. */
  complimentTopics: Readonly<Record<ComplimentTopic, readonly string[]>>;
}
