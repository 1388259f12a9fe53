/**
 * The shape of one language's phrase data. The phrase syntax and its compiler live in
 * functions/core/text/phrase-syntax.ts (shared with the drafting lists).
 */

/** The phrases of one language. Every list is plain data: add a line to extend it. */
export interface PhraseSet {
  /** ISO 639-1 code. */
  language: string;
  /** Phrases that on their own end the application. */
  rejectionStrong: readonly string[];
  /** Phrases that lean towards a rejection but need company (e.g. "unfortunately"). */
  rejectionWeak: readonly string[];
  /** Application received / under review. */
  confirmation: readonly string[];
  /** Invitation to an interview, a call or an assessment. */
  interview: readonly string[];
  /** A job offer. */
  offer: readonly string[];
  /** Out-of-office and other automatic replies. */
  autoReply: readonly string[];
  /** Words opening a conditional or hypothetical clause: rejection words inside it do not count. */
  conditionals: readonly string[];
  /** The reason given for the decision; the quote runs from the match to the end of the clause. */
  reasons: readonly string[];
  /** Compliments to the candidate. */
  compliments: readonly string[];
  /** Invitations to apply again. */
  reapply: readonly string[];
  /** Stay in touch, keep the CV on file, talent pool. */
  stayInTouch: readonly string[];
  /** Feedback offered or available on request. */
  feedbackOffered: readonly string[];
  /** Feedback explicitly refused ("unable to provide individual feedback"). */
  feedbackRefused: readonly string[];
  /** Words that open a greeting line ("Dear", "Hallo"). */
  greetings: readonly string[];
  /** Complimentary closings that precede a signature ("Best regards"). */
  closings: readonly string[];
  /** Words that mark a team, department or function rather than a person or a company. */
  teamWords: readonly string[];
  /** Words that introduce the employer before its name ("interest in", "the team at"). */
  companyIntroducers: readonly string[];
  /** Words that introduce a role title before it ("position of", "application for the"). */
  roleIntroducers: readonly string[];
  /** Words that follow a role title ("position", "role"). */
  roleFollowers: readonly string[];
}

export { compilePhrases, foldCase } from '../../text/phrase-syntax.js';
