/**
 * Ports: what the core needs from the outside world, and nothing more. Adapters in
 * functions/adapters implement them against AWS (or its local stand-ins); tests implement
 * them in memory. Time and ids come in here so a test or the local clock can move time.
 */
import type { ActionKind, Contact, Plan } from './model.js';

/** The current time. The local stack's clock can be advanced; Lambda's is the system clock. */
export interface Clock {
  now(): Date;
}

/** New unique ids (contact claims, request ids). Deterministic in tests. */
export interface IdGenerator {
  newId(): string;
}

/** Minimal structured logger; the runtime hands in Powertools Logger. Never pass mail bodies. */
export interface Log {
  debug(message: string, extra?: Record<string, unknown>): void;
  info(message: string, extra?: Record<string, unknown>): void;
  warn(message: string, extra?: Record<string, unknown>): void;
  error(message: string, extra?: Record<string, unknown>): void;
}

/** A reference to one due plan, as the due index returns it. */
export interface DueRef {
  ownerId: string;
  contactId: string;
  /** The due-index sort key seen by the query; a claim is conditional on it being unchanged. */
  dueKey: string;
  dueAt: string;
}

/** How fresh a read must be: 'strong' (the default) or 'eventual' (half the read cost). */
export interface ReadOptions {
  consistency?: 'strong' | 'eventual';
}

/**
 * Storage of contacts and plans. Every write is a single-item conditional write: no
 * transactions, no TTL, so it runs the same on DynamoDB and on dynalite.
 */
export interface ContactRepository {
  /**
   * Creates the contact profile unless one with the same id exists.
   * Returns whether it was created, and the stored profile either way (idempotent ingest).
   */
  createContact(contact: Contact): Promise<{ created: boolean; contact: Contact }>;
  /** Creates the plan unless it exists; returns the stored plan either way. */
  createPlan(plan: Plan): Promise<{ created: boolean; plan: Plan }>;
  /**
   * Reads a contact profile. Strong by default (sees every write made before the call);
   * `{ consistency: 'eventual' }` costs half the read units and may miss a write of the last
   * second: only for readers guarded otherwise (the dispatcher, whose claim on the plan
   * decides what is sent).
   */
  getContact(ownerId: string, contactId: string, options?: ReadOptions): Promise<Contact | null>;
  /** The contact's plan alone (the small item the dispatcher and the actions change), or null. Strongly consistent. */
  getPlan(ownerId: string, contactId: string): Promise<Plan | null>;
  /** Every contact of an owner with its plan. */
  listContacts(ownerId: string): Promise<{ contact: Contact; plan: Plan | null }[]>;
  /** Writes the profile if its stored version is `contact.version - 1`; else ConflictError. */
  saveContact(contact: Contact): Promise<void>;
  /** Writes the plan if its stored version is `plan.version - 1`; else ConflictError. */
  savePlan(plan: Plan): Promise<void>;
  /** Plans due at or before `until`, across every shard of the due index, oldest first. */
  findDue(until: Date, limit: number): Promise<DueRef[]>;
  /**
   * Claims a due plan: sets a lease if the plan is still at `ref.dueKey` and not leased
   * (or its lease expired). Returns the claimed plan, or null when someone else has it.
   */
  claimDue(ref: DueRef, now: Date, leaseUntil: Date, claimId: string): Promise<Plan | null>;
  /**
   * The due-index reference of a plan as it is stored (null when `plan.nextDueAt` is null),
   * built with the same key function the index uses. Lets ingest claim the prompt it just
   * scheduled through `claimDue` without querying the index (core never builds keys itself).
   */
  dueRefOf(plan: Plan): DueRef | null;
}

/** One email to the owner, fully rendered. Headers must already be free of CR/LF. */
export interface OwnerEmail {
  subject: string;
  text: string;
  html: string;
  /** Extra headers (e.g. List-Unsubscribe); values single-line. */
  headers?: Record<string, string>;
}

/** Sends mail to the owner, and only to the owner: there is no recipient parameter. */
export interface OwnerMailer {
  sendToOwner(email: OwnerEmail): Promise<{ messageId: string }>;
}

/** Where raw inbound mail is kept (S3). Raw mail is never deleted by the code. */
export interface RawMailStore {
  getRawMail(key: string): Promise<Uint8Array>;
}

/** What a signed link carries. */
export interface LinkClaims {
  ownerId: string;
  /** The contact it acts on ('*' for owner-wide links such as the overview). */
  contactId: string;
  action: ActionKind;
  /** Expiry as seconds since the epoch. */
  exp: number;
}

/** Makes and checks the signed tokens in every action link. */
export interface LinkSigner {
  sign(claims: LinkClaims): string;
  /** Throws InvalidTokenError (with a reason) when tampered, expired, unknown-key or malformed. */
  verify(token: string, now: Date): LinkClaims;
}

/** The signed links every owner email carries, by action, already absolute URLs. */
export type ActionLinks = Partial<Record<ActionKind, string>>;

/** What the renderer needs to write one owner email. */
export interface PromptRenderInput {
  prompt: import('./model.js').PromptKind;
  contact: Contact;
  plan: Plan;
  links: ActionLinks;
  owner: OwnerSettings;
  now: Date;
}

/**
 * Turns a prompt into a finished owner email (subject, text, HTML) from the templates in
 * templates/. Implemented in core (Handlebars); the runtime hands it the template files.
 */
export interface PromptRenderer {
  renderPrompt(input: PromptRenderInput): OwnerEmail;
}

/** The owner and their preferences; from config, the same for every contact. */
export interface OwnerSettings {
  ownerId: string;
  /** Addresses mail is accepted from; the first receives every prompt. */
  addresses: readonly string[];
  /** How drafts are signed ("Sam Lee"); empty means a "[Your name]" placeholder. */
  name: string;
  timeZone: string;
  sendHour: number;
  inboundAddress: string;
  actionsBaseUrl: string;
  cadence: import('./plan/cadence.js').CadenceSettings;
}

/** SES's verdicts on an inbound message (receipt event); locally the SMTP server sets them. */
export interface MailVerdicts {
  spf: 'PASS' | 'FAIL' | 'GRAY' | 'PROCESSING_FAILED' | 'DISABLED';
  dkim: 'PASS' | 'FAIL' | 'GRAY' | 'PROCESSING_FAILED' | 'DISABLED';
  spam: 'PASS' | 'FAIL' | 'GRAY' | 'PROCESSING_FAILED' | 'DISABLED';
  virus: 'PASS' | 'FAIL' | 'GRAY' | 'PROCESSING_FAILED' | 'DISABLED';
  /**
   * DMARC on the From domain: PASS means SPF or DKIM passed for a domain aligned with the
   * From address, which SPF and DKIM alone do not say. GRAY: the domain publishes no DMARC
   * record. Absent when the event did not carry it.
   */
  dmarc?: 'PASS' | 'FAIL' | 'GRAY' | 'PROCESSING_FAILED' | 'DISABLED';
}
