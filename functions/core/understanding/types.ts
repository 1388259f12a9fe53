/**
 * What Not Today understood of one inbound message. Produced by `understandEmail`
 * (functions/core/understanding/understand-email.ts) and consumed by the ingest use case,
 * the `not-today parse` command and the evaluation.
 */

/** How the original message reached the inbound address. */
export type ForwardStyle =
  | 'inline' // the owner pressed "Forward": the original is quoted in the body
  | 'attachment' // forwarded as a message/rfc822 part or an attached .eml
  | 'auto-forward' // a mail filter redirected it: the company is the From, forwarding headers present
  | 'direct'; // no forward found: the message is taken as it came

/** A mailbox as written in a header: display name and address, either possibly missing. */
export interface Mailbox {
  name: string | null;
  address: string | null;
}

/**
 * The original message found inside a forward: the email the company sent.
 * Field extraction works on this alone, whatever the forward style was.
 */
export interface OriginalMessage {
  from: Mailbox;
  /** Reply-To of the original, when the forward carried it. */
  replyTo: Mailbox[];
  to: Mailbox[];
  subject: string | null;
  /** The date as ISO 8601 when it could be read, else null. */
  date: string | null;
  /** The date exactly as written (inline forwards write it in the client's language). */
  dateText: string | null;
  /** The original's Message-ID when it is known (attachments and auto-forwards keep it). */
  messageId: string | null;
  /** The body as plain text (made from the HTML when there was no text part). */
  text: string;
  forwardStyle: ForwardStyle;
  /** How many forwards were unwrapped to reach it (0 for direct mail). */
  depth: number;
}

/** What a good thank-you note can use from the rejection. Every string is quoted from the mail. */
export interface Signals {
  /** The reason given, e.g. "more experience with distributed systems". */
  reasons: string[];
  /** Compliments, e.g. "we loved your passion for the product". */
  compliments: string[];
  /** The mail invites the candidate to apply again / for future roles. */
  reapplyInvitation: boolean;
  /** The mail asks to stay in touch, or says it keeps the CV on file / in a talent pool. */
  stayInTouch: boolean;
  /** The mail offers feedback, or says feedback can be requested. */
  feedbackOffered: boolean;
  /** An address the mail gives for feedback or questions, if any. */
  feedbackAddress: string | null;
}

/** Confidence in [0, 1] for each extracted field. */
export interface Confidence {
  isRejection: number;
  company: number;
  contactName: number;
  contactEmail: number;
  role: number;
}

export interface ContactGuess {
  /** The person who signed or sent it; null when signed only by a team. */
  name: string | null;
  /** The best address to write to; an address given in the body for replies beats a no-reply sender. */
  email: string | null;
  /** True for no-reply and applicant-tracking-system senders. */
  noReply: boolean;
}

/**
 * The language a message is written in (ISO 639-1): one of the languages the phrase lists
 * read (functions/core/understanding/phrases/). 'en' when unsure.
 */
export type MessageLanguage = 'en' | 'de' | 'fr';

/** The fields extracted from an OriginalMessage. */
export interface ExtractedFields {
  isRejection: boolean;
  /** What kind of message it is, for the owner's "not a rejection" email. */
  kind: MessageKind;
  company: string | null;
  contact: ContactGuess;
  role: string | null;
  signals: Signals;
  confidence: Confidence;
  /** The language of the original message (detect-language.ts), which the drafts answer in. */
  language: MessageLanguage;
}

export type MessageKind =
  | 'rejection'
  | 'application-confirmation'
  | 'interview-invitation'
  | 'offer'
  | 'auto-reply'
  | 'other';

/** The whole result of understanding one inbound message. */
export interface Understanding extends ExtractedFields {
  /** 'understood' when an original message was found and read; else the reason is given. */
  status: 'understood' | 'not-understood';
  /** Why the message was not understood (clear, user-facing, no stack). */
  reason: string | null;
  original: {
    messageId: string | null;
    date: string | null;
    subject: string | null;
    from: Mailbox;
    forwardStyle: ForwardStyle;
    depth: number;
  };
  /** Who forwarded it to the inbound address (the envelope/header From of the outer message). */
  forwardedBy: string | null;
  /** A stable key for idempotency: the original's Message-ID, or a hash of sender, date and subject. */
  idempotencyKey: string;
}
