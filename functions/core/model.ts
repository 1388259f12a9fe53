/**
 * The follow-up domain: a Contact (who rejected the owner, and what was understood) and
 * its Plan (what prompt comes next and when). They are stored as two items so that the
 * dispatcher's hot path (claim, send, advance) only ever touches the small plan item.
 */
import type { Confidence, ForwardStyle, MessageKind, MessageLanguage, Signals } from './understanding/types.js';

export type ContactStatus =
  | 'active' // prompts are scheduled
  | 'snoozed' // prompts resume at plan.snoozedUntil
  | 'stopped' // the owner stopped this contact; nothing more is sent
  | 'quiet' // two check-ins in a row went unanswered; resumes only when the owner says so
  | 'needs-review' // not a rejection, or not understood: waiting for "track anyway" / "ignore"
  | 'ignored'; // the owner said "ignore" on a needs-review item

/** Per-contact cadence chosen on the fix-details page. 'default' follows the owner's config. */
export type Cadence = 'default' | 'monthly' | 'quarterly' | 'half-yearly' | 'never';

/** The prompt the owner receives. */
export type PromptKind =
  | 'thank-you' // at once after ingest: the thank-you draft (three variants)
  | 'feedback-follow-up' // +2 weeks when feedback was asked and no reply was marked
  | 'check-in' // +1, +3, +6, +12 months, then every 6 months
  | 'needs-review'; // at once, for a forward that is not a rejection or not understood

/**
 * The actions that change a plan (one-click links: "I sent it", "snooze", "stop"...).
 * The single source of these names: the types below and every list of actions derive from it.
 */
export const STATE_ACTION_KINDS = [
  'sent',
  'replied',
  'snooze-1w',
  'snooze-1m',
  'snooze-3m',
  'stop',
  'resume',
  'ignore',
  'track',
] as const;

/** The actions that open a page or ask for something, without changing a plan. */
export const PAGE_ACTION_KINDS = ['edit', 'overview', 'calendar', 'resend'] as const;

/** Everything a signed link can ask for. */
export const ACTION_KINDS = [...STATE_ACTION_KINDS, ...PAGE_ACTION_KINDS] as const;

/** An action that changes a plan. */
export type StateActionKind = (typeof STATE_ACTION_KINDS)[number];

/** Everything a signed link can ask for. */
export type ActionKind = (typeof ACTION_KINDS)[number];

export interface HistoryEntry {
  /** ISO time. */
  at: string;
  type: 'prompt-sent' | 'action' | 'created' | 'edited';
  prompt?: PromptKind;
  action?: ActionKind;
  /** Free text shown to the owner ("snoozed until 14 March"). Never inbound mail text. */
  detail?: string;
  /** Idempotency of actions: the id of the request that made the entry. */
  requestId?: string;
}

/** The profile: what was understood, plus the owner's corrections. */
export interface Contact {
  ownerId: string;
  contactId: string;
  company: string | null;
  contactName: string | null;
  contactEmail: string | null;
  noReply: boolean;
  role: string | null;
  kind: MessageKind;
  isRejection: boolean;
  signals: Signals;
  confidence: Confidence;
  /**
   * The language the drafts are written in: the rejection's (as understood), or the owner's
   * choice on the fix-details page. Absent on contacts stored before drafts had languages,
   * which read as English ('en').
   */
  language?: MessageLanguage;
  /** The owner's own notes (fix-details page). */
  notes: string;
  source: {
    messageId: string | null;
    subject: string | null;
    date: string | null;
    forwardStyle: ForwardStyle;
    /** Where the raw mail is kept (S3 key). */
    rawMailKey: string;
    idempotencyKey: string;
    /** Why understanding failed, when it did. */
    notUnderstoodReason: string | null;
    /** Set when the mail was over MAX_MAIL_BYTES and was not read: its size and the limit. */
    tooLarge?: { sizeBytes: number; limitBytes: number };
  };
  /** What the owner clicked and edited; the plan keeps what was sent. */
  history: HistoryEntry[];
  createdAt: string;
  updatedAt: string;
  /** Optimistic concurrency: incremented on every write. */
  version: number;
}

/** The schedule: small on purpose (one write unit) because the dispatcher rewrites it per prompt. */
export interface Plan {
  ownerId: string;
  contactId: string;
  status: ContactStatus;
  cadence: Cadence;
  /** The next prompt, or null when nothing is scheduled. */
  nextPrompt: PromptKind | null;
  /** ISO time the next prompt is due, or null. Present exactly when the item is in the due index. */
  nextDueAt: string | null;
  /** How many check-ins have been sent since the last reset (drives the widening cadence). */
  checkInsSent: number;
  /** Check-ins sent in a row with no "sent"/"replied" from the owner (drives going quiet). */
  unansweredCheckIns: number;
  /** True when the thank-you asked for feedback and no reply was marked yet. */
  feedbackPending: boolean;
  /** The time the cadence counts from ("I sent it" / "they replied" reset it). */
  anchorAt: string;
  snoozedUntil: string | null;
  /** While a dispatcher holds the item: until when, and its claim id. */
  lease: { until: string; claimId: string } | null;
  /** Compact log of the most recent prompts sent (capped; see PLAN_SENT_LOG_CAP). */
  sentLog: { at: string; prompt: PromptKind }[];
  lastActionAt: string | null;
  lastAction: ActionKind | null;
  version: number;
}

/** A contact with its plan, as lists and pages show it. */
export interface ContactView {
  contact: Contact;
  plan: Plan;
}

/** How many recent prompts the plan item keeps (keeps the stored item, keys and lease included, under 1 KB: one write unit). */
export const PLAN_SENT_LOG_CAP = 8;
