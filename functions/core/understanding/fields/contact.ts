/**
 * The person who wrote and where to write back. The name comes from the signature (the lines
 * after a closing such as "Best regards,"), else from the From display name when it is a person;
 * a team signature means no person. The address: one the body gives for replies, questions or
 * feedback, else Reply-To, else the sender. The owner is never the contact.
 */
import type { Mailbox } from '../types.js';
import { identifyPlatformSender, type PlatformSender } from '../ats-senders.js';
import { foldCase, PATTERNS } from '../phrases/index.js';
import { companyKey, givenNameFirst, isLegalSuffix, isTeamLabel, isTeamWord, looksLikePersonName, stripPersonTitles, wordsOf } from './lexicon.js';
import { compactForm, findEmailAddresses, MAX_NAME_LINE_CHARS, normaliseAddress, organisationLabel, readNonEmptyLines, splitAddress } from './text-tools.js';

/** How many lines after a closing belong to the signature. */
const MAX_SIGNATURE_LINES = 5;
/** Longest line that can be a closing ("Best regards,"), possibly with a name after it. */
const MAX_CLOSING_LINE_CHARS = 48;
/** Trailing short lines taken as the signature when there is no closing. */
const MAX_TRAILING_SIGNATURE_LINES = 3;
/** Lines at the top searched for the greeting. */
const GREETING_SEARCH_LINES = 4;
/** Most words of a name after a greeting ("Dear Anna Maria de Vries"). */
const MAX_GREETING_NAME_WORDS = 4;
/** A line after the closing that ends a sentence and has more words than this is prose, not signature. */
const MAX_SIGNATURE_LINE_WORDS = 6;
/** Characters before an address searched for words saying it is for replies. */
const ADDRESS_CONTEXT_CHARS = 120;
/** Confidence values. */
const CONFIDENCE = {
  signedName: 0.85,
  displayName: 0.65,
  teamSigned: 0.8,
  noName: 0.5,
  bodyAddress: 0.9,
  replyTo: 0.85,
  sender: 0.8,
  systemSender: 0.75,
  none: 0,
} as const;

/** Local parts that mean nobody reads replies. */
const NO_REPLY_LOCAL = /(?:^|[-_.+])(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|donotreply|noreply|no[-_.]?respon[sd]e?|ne[-_.]?pas[-_.]?repondre|nepasrepondre|keine[-_.]?antwort|nicht[-_.]?antworten|unattended|mailer[-_.]?daemon|bounces?|notifications?|notify|automated|auto[-_.]?confirm)(?:$|[-_.+])/i;
/** Body statements that the sending mailbox is not read. */
const UNATTENDED_MAILBOX = /(?:do\s+not|don['’]t|please\s+do\s+not)\s+reply|unattended\s+mailbox|not\s+monitored|automated\s+message|automatisch\s+(?:erstellt|generiert|versendet)|nicht\s+(?:auf\s+diese\s+e-?mail\s+)?antworten|ne\s+pas\s+répondre/i;
/** Words before an address that say it is for replies, questions or feedback. */
const REPLY_CONTEXT = /(?:contact|reach|question|repl|respond|write|e-?mail|feedback|send|touch|get back|kontakt|fragen|antwort|schreiben|contacter|écrire|joindre|adresse|retour)/i;
const FEEDBACK_CONTEXT = /(?:feedback|question|fragen|rückmeldung|retour)/i;
/** Mailboxes for privacy, unsubscribing and the like: never the contact for an application. */
const SERVICE_LOCAL_PART = /^(?:privacy|unsubscribe|dataprotection|data-protection|datenschutz|gdpr|dpo|abuse|legal|webmaster|postmaster|compliance)$/i;
/** Footer wording around such mailboxes. */
const SERVICE_CONTEXT = /(?:unsubscribe|privacy|data protection|personal data|datenschutz|abmelden|désinscri|données personnelles)[^\n]{0,80}$/i;

/** True for no-reply mailboxes. */
export function isNoReplyAddress(address: string): boolean {
  return NO_REPLY_LOCAL.test(splitAddress(address).local);
}

/** Names of the addressee in the greeting ("Hi Jordan,", "Liebe/r Jonas Weber,", "Jayden,"). */
export function findGreetingNames(body: string): string[] {
  const names: string[] = [];
  for (const line of readNonEmptyLines(body).slice(0, GREETING_SEARCH_LINES)) {
    if (line.length > MAX_NAME_LINE_CHARS) continue;
    PATTERNS.greetings.lastIndex = 0;
    const greeting = PATTERNS.greetings.exec(foldCase(line));
    let rest = line;
    if (greeting && greeting.index === 0) rest = line.slice(greeting[0].length);
    else if (!/^[\p{Lu}][\p{L}'’\-. ]{0,40}[,:]$/u.test(line)) continue;
    const name = rest.replace(/^[\s/r]*[,:]?\s*/u, '').replace(/[,:!.]+$/, '').trim();
    if (name && name.split(/\s+/).length <= MAX_GREETING_NAME_WORDS) names.push(stripPersonTitles(name));
  }
  return names;
}

/** The signature block: lines after the last closing, or the short trailing lines. */
export interface Signature {
  /** Text after the closing word on the closing line itself ("Thanks, Jayden."). */
  inlineName: string | null;
  lines: string[];
  /** True when a closing line was found. */
  hasClosing: boolean;
}

/** Finds the signature block of a body. */
export function findSignature(body: string): Signature {
  const lines = readNonEmptyLines(body);
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    const line = lines[index] ?? '';
    if (line.length > MAX_CLOSING_LINE_CHARS) continue;
    PATTERNS.closings.lastIndex = 0;
    const closing = PATTERNS.closings.exec(foldCase(line));
    if (!closing || closing.index !== 0) continue;
    const rest = line.slice(closing[0].length);
    if (!/^[\s,.!—–-]*(?:[\p{Lu}][\p{L}'’.\- ]{0,40})?[,.!]?\s*$/u.test(rest)) continue;
    const inline = rest.replace(/^[\s,.!—–-]+/, '').replace(/[\s,.!]+$/, '');
    const after: string[] = [];
    for (const next of lines.slice(index + 1, index + 1 + MAX_SIGNATURE_LINES)) {
      if (next.length > MAX_NAME_LINE_CHARS || /[.!?]\s*$/.test(next) && next.split(/\s+/).length > MAX_SIGNATURE_LINE_WORDS) break;
      after.push(next);
    }
    return { inlineName: inline || null, lines: after, hasClosing: true };
  }
  const trailing: string[] = [];
  for (let index = lines.length - 1; index >= 0 && trailing.length < MAX_TRAILING_SIGNATURE_LINES; index -= 1) {
    const line = lines[index] ?? '';
    if (line.length > MAX_NAME_LINE_CHARS || /[.!?:]\s*$/.test(line)) break;
    trailing.unshift(line);
  }
  return { inlineName: null, lines: trailing, hasClosing: false };
}

/** Inputs of the contact extractor. */
export interface ContactInput {
  from: Mailbox;
  replyTo: readonly Mailbox[];
  to: readonly Mailbox[];
  body: string;
  signature: Signature;
  greetingNames: readonly string[];
  platform: PlatformSender | null;
  ownerAddresses: ReadonlySet<string>;
}

/** The contact found, with confidences and the feedback address. */
export interface ContactResult {
  name: string | null;
  email: string | null;
  noReply: boolean;
  nameConfidence: number;
  emailConfidence: number;
  feedbackAddress: string | null;
  /** True when the signature is a team or department. */
  teamSigned: boolean;
}

function firstPart(line: string): string {
  return (line.split(/\s[|–—]\s|\s-\s|,\s|\s\/\s|\t/)[0] ?? '').trim();
}

/** Names that are not the contact's: the addressee's, the company's, the sender domain's. */
interface Exclusions {
  /** Compact forms of the greeting names and the recipients' names. */
  addressees: ReadonlySet<string>;
  /** Compact forms of the company hints. */
  hints: Set<string>;
  /** Company keys of the hints (empty when there are none). */
  companyKeys: Set<string>;
  /** The sender domain's organisation label, or ''. */
  senderLabel: string;
}

function addCompactForm(names: Set<string>, name: string): void {
  const compact = compactForm(name);
  if (compact) names.add(compact);
}

/** The names that are never the contact: the addressees, the company hints, the sender's organisation label. */
function collectExclusions(input: ContactInput, companyHints: readonly string[]): Exclusions {
  const addressees = new Set<string>();
  for (const name of input.greetingNames) addCompactForm(addressees, name);
  for (const box of input.to) addCompactForm(addressees, box.name ?? '');
  const senderLabel = input.from.address ? organisationLabel(splitAddress(input.from.address).domain) : '';
  const hints = new Set<string>();
  const companyKeys = new Set<string>();
  for (const hint of companyHints) {
    addCompactForm(hints, hint);
    const key = companyKey(hint);
    if (key) companyKeys.add(key);
  }
  return { addressees, hints, companyKeys, senderLabel };
}

function isExcludedName(name: string, exclusions: Exclusions): boolean {
  const compact = compactForm(name);
  return (
    exclusions.addressees.has(compact) ||
    exclusions.hints.has(compact) ||
    (exclusions.companyKeys.size > 0 && exclusions.companyKeys.has(companyKey(name))) ||
    (exclusions.senderLabel.length > 0 && compact === exclusions.senderLabel)
  );
}

/** Words shorter than this in a name are not looked for in an address (initials, particles). */
const MIN_NAME_PART_LETTERS = 2;

/**
 * True when the address's local part spells the person's given name and surname, compared in
 * compact form (dana.whitfield, whitfield_dana, jose.nunez for "José Núñez", annemarie.dupont for
 * "Anne-Marie Dupont"): a personal mailbox, not a shared one.
 */
function addressNamesPerson(address: string | null, name: string): boolean {
  if (!address) return false;
  const local = compactForm(splitAddress(address).local);
  const parts = wordsOf(name).map(compactForm).filter((part) => part.length >= MIN_NAME_PART_LETTERS);
  return parts.length >= 2 && parts.every((part) => local.includes(part));
}

/** Chooses the contact's name. `companyHints` are names of the company (never a person). */
export function extractContactName(input: ContactInput, companyHints: readonly string[]): { name: string | null; confidence: number; teamSigned: boolean } {
  const exclusions = collectExclusions(input, companyHints);
  const fromIsOwner = input.from.address !== null && input.ownerAddresses.has(input.from.address.toLowerCase());
  const cleanedDisplayName = !fromIsOwner && input.from.name ? stripPersonTitles(input.from.name.replace(/["']/g, '').trim()) : null;
  const displayName = cleanedDisplayName === null ? null : (givenNameFirst(cleanedDisplayName) ?? cleanedDisplayName);
  const displayIsPerson = displayName !== null && looksLikePersonName(displayName) && !isExcludedName(displayName, exclusions);

  const signedCandidates = [input.signature.inlineName, ...input.signature.lines.slice(0, 1)].filter((line): line is string => Boolean(line));
  let teamSigned = false;
  for (const line of signedCandidates) {
    const part = stripPersonTitles(firstPart(line));
    if (!part || isExcludedName(part, exclusions) || wordsOf(line).some((word) => isLegalSuffix(word))) continue;
    if (looksLikePersonName(part)) return { name: part, confidence: CONFIDENCE.signedName, teamSigned: false };
    if (looksLikePersonName(part, { allowSingleWord: true })) {
      if (displayIsPerson && displayName && displayName.toLowerCase().startsWith(part.toLowerCase())) {
        return { name: displayName, confidence: CONFIDENCE.signedName, teamSigned: false };
      }
      return { name: part, confidence: CONFIDENCE.displayName, teamSigned: false };
    }
    if (isTeamLabel(part) || wordsOf(part).some((word) => isTeamWord(word))) teamSigned = true;
  }
  // Signed by a team, but sent from the person's own address (dana.whitfield@ for "Dana
  // Whitfield"): that person wrote it. Otherwise a team signature means no one in particular.
  if (teamSigned && displayIsPerson && displayName && addressNamesPerson(input.from.address, displayName)) {
    return { name: displayName, confidence: CONFIDENCE.displayName, teamSigned: false };
  }
  if (teamSigned) return { name: null, confidence: CONFIDENCE.teamSigned, teamSigned };
  if (displayIsPerson && displayName) return { name: displayName, confidence: CONFIDENCE.displayName, teamSigned: false };
  return { name: null, confidence: CONFIDENCE.noName, teamSigned: false };
}

/** Chooses the address to write to, whether it is a no-reply one, and a feedback address. */
export function extractContactAddress(input: ContactInput): { email: string | null; noReply: boolean; confidence: number; feedbackAddress: string | null } {
  const owner = (address: string): boolean => input.ownerAddresses.has(address.toLowerCase());
  let bodyAddress: string | null = null;
  let feedbackAddress: string | null = null;
  for (const found of findEmailAddresses(input.body)) {
    const address = found.address.toLowerCase();
    if (owner(address) || isNoReplyAddress(address) || identifyPlatformSender(address) !== null) continue;
    if (SERVICE_LOCAL_PART.test(splitAddress(address).local)) continue;
    const context = input.body.slice(Math.max(0, found.index - ADDRESS_CONTEXT_CHARS), found.index);
    if (!REPLY_CONTEXT.test(context) || SERVICE_CONTEXT.test(context)) continue;
    bodyAddress ??= address;
    if (FEEDBACK_CONTEXT.test(context)) feedbackAddress ??= address;
  }
  const sender = normaliseAddress(input.from.address);
  const unattended = UNATTENDED_MAILBOX.test(input.body);
  if (bodyAddress) {
    return { email: bodyAddress, noReply: false, confidence: CONFIDENCE.bodyAddress, feedbackAddress };
  }
  const replyTo = input.replyTo.map((box) => normaliseAddress(box.address)).find((address): address is string => address !== null && !owner(address));
  if (replyTo && replyTo !== sender && !isNoReplyAddress(replyTo)) {
    return { email: replyTo, noReply: false, confidence: CONFIDENCE.replyTo, feedbackAddress };
  }
  if (sender && !owner(sender)) {
    const system = input.platform !== null || isNoReplyAddress(sender) || unattended;
    return { email: sender, noReply: system, confidence: system ? CONFIDENCE.systemSender : CONFIDENCE.sender, feedbackAddress };
  }
  return { email: null, noReply: false, confidence: CONFIDENCE.none, feedbackAddress };
}
