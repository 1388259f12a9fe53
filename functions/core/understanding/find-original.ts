/**
 * Finds the original message (the one the company sent) inside an inbound message, whichever
 * way it came, in this order:
 *
 * 1. auto-forward: a mail filter redirected it, so the company is the From and forwarding
 *    headers (X-Forwarded-For / X-Forwarded-To, Resent-From / Resent-To) are present. The
 *    outer message is the original. Not when the From is the owner (then it is their own forward).
 * 2. attachment: a message/rfc822 part or an attached .eml is parsed as a message of its own,
 *    and unwrapped again (it may itself be a forward).
 * 3. inline: a forward block in the text part, or in text made from the HTML part when there is
 *    no text part or the text part holds no forward (Outlook often sends only HTML). Nested
 *    forwards are unwrapped; the original is the innermost sender who is not the owner.
 * 4. direct: none of the above and not sent by the owner: the message is taken as it came.
 *
 * Who counts as the owner: the configured owner addresses, plus the From of every outer message
 * that turned out to be a forward (whoever forwarded it to the inbound address is the owner,
 * even at an address the configuration does not list). The owner's note and signature above a
 * forward are never part of the original's text.
 */
import { parseForwardDate } from './forward-date.js';
import { hasForwardPrefix } from './forward-subject.js';
import { readInlineForwards, subjectAllowsInlineForward, type InlineForwardLevel } from './inline-forward.js';
import { isOneOf, normaliseAddress, normaliseMailbox } from './mailbox.js';
import { parseMime, readBodyText, type BodyText, type ParsedMessage } from './parse-mime.js';
import { MAX_HTML_DEPTH } from './html-to-plain-text.js';
import type { ForwardStyle, Mailbox, OriginalMessage } from './types.js';

/** Attached messages inside attached messages are followed at most this deep. */
export const MAX_ATTACHMENT_DEPTH = 4;

export interface FindOriginalOptions {
  /** The owner's addresses: never the original's sender. */
  ownerAddresses: readonly string[];
}

/** The original was found. */
export interface OriginalFound {
  found: true;
  original: OriginalMessage;
  /** The From of the outer message: who sent it to the inbound address. */
  forwardedBy: Mailbox | null;
  /** Every address counted as the owner's while unwrapping (configured + forwarders). */
  ownerAddresses: string[];
}

/** No original could be found; `reason` says why, for the owner. */
export interface OriginalNotFound {
  found: false;
  reason: string;
  /** The outer message as read, for the record. */
  outer: OriginalMessage;
  forwardedBy: Mailbox | null;
  ownerAddresses: string[];
}

export type FindOriginalResult = OriginalFound | OriginalNotFound;

const EMPTY_MAILBOX: Mailbox = { name: null, address: null };

/** Builds an OriginalMessage from a whole parsed message (auto-forward, attachment, direct). */
function readWholeMessage(message: ParsedMessage, body: BodyText, forwardStyle: ForwardStyle, depth: number): OriginalMessage {
  return {
    from: message.from[0] ? normaliseMailbox(message.from[0]) : EMPTY_MAILBOX,
    replyTo: message.replyTo.map(normaliseMailbox),
    to: message.to.map(normaliseMailbox),
    subject: message.subject,
    date: message.date,
    dateText: message.dateText,
    messageId: message.messageId,
    text: body.text,
    forwardStyle,
    depth,
  };
}

/** Builds an OriginalMessage from one level of an inline forward. */
function readInlineLevel(level: InlineForwardLevel, depth: number): OriginalMessage {
  return {
    from: level.from,
    replyTo: [],
    to: level.to,
    subject: level.subject,
    date: parseForwardDate(level.dateText),
    dateText: level.dateText,
    messageId: null,
    text: level.body,
    forwardStyle: 'inline',
    depth,
  };
}

function hasForwardingHeaders(message: ParsedMessage): boolean {
  const { xForwardedFor, xForwardedTo, resentFrom, resentTo } = message.forwarding;
  return !!(xForwardedFor || xForwardedTo || resentFrom.length > 0 || resentTo.length > 0);
}

/** Why a message without a usable body was not understood. */
function describeMissingText(body: BodyText): string {
  if (body.html?.tooDeep) {
    return `the HTML body is nested ${body.html.maxDepth} levels deep (limit ${MAX_HTML_DEPTH}) and was not read`;
  }
  if (body.html && body.html.maxDepth > MAX_HTML_DEPTH) {
    return `the HTML body is nested ${body.html.maxDepth} levels deep and has no text within the first ${MAX_HTML_DEPTH} (limit ${MAX_HTML_DEPTH})`;
  }
  return 'the message has no readable text (no text part, and no text in its HTML part)';
}

interface Search {
  owners: Set<string>;
}

type Step =
  | { found: true; original: OriginalMessage }
  | { found: false; reason: string };

/**
 * Looks for inline forwards in the text part, then in the HTML part's text (not converted when
 * the subject already rules a forward out).
 */
function findInlineLevels(message: ParsedMessage, body: BodyText): { levels: InlineForwardLevel[]; body: BodyText } {
  const levels = readInlineForwards(body.text, message.subject);
  if (levels.length > 0 || body.source !== 'text' || !message.html || !subjectAllowsInlineForward(message.subject)) return { levels, body };
  const fromHtml = readBodyText({ ...message, text: null });
  return { levels: readInlineForwards(fromHtml.text, message.subject), body: fromHtml };
}

/** Unwraps one message (the inbound one, or an attached one at `depth`). */
async function unwrapMessage(message: ParsedMessage, depth: number, attachmentDepth: number, search: Search): Promise<Step> {
  const sender = message.from[0] ? normaliseMailbox(message.from[0]) : null;
  const sentByOwner = isOneOf(sender, search.owners);
  const body = readBodyText(message);

  if (!sentByOwner && hasForwardingHeaders(message)) {
    return { found: true, original: readWholeMessage(message, body, 'auto-forward', depth) };
  }

  if (message.attachedMessages.length > 0 && attachmentDepth >= MAX_ATTACHMENT_DEPTH) {
    return { found: false, reason: `attached messages are nested more than ${MAX_ATTACHMENT_DEPTH} deep; not followed` };
  }
  if (message.attachedMessages.length > 0) {
    // The sender of a message with an attached original is its forwarder: the owner, but only
    // once an original is found (a company's own mail may carry an unrelated attached message).
    const attempt: Search = { owners: new Set(search.owners) };
    if (sender?.address) attempt.owners.add(normaliseAddress(sender.address));
    for (const bytes of message.attachedMessages) {
      let inner: ParsedMessage;
      try {
        inner = await parseMime(bytes);
      } catch {
        continue; // an unreadable attachment is skipped; another one may be the original
      }
      const step = await unwrapMessage(inner, depth + 1, attachmentDepth + 1, attempt);
      if (step.found) {
        for (const address of attempt.owners) search.owners.add(address);
        const original = step.original;
        return {
          found: true,
          original: original.forwardStyle === 'direct' ? { ...original, forwardStyle: 'attachment' } : original,
        };
      }
    }
  }

  const inline = findInlineLevels(message, body);
  if (inline.levels.length > 0) {
    const forwarder = sender?.address ? normaliseAddress(sender.address) : null;
    const owners = forwarder ? new Set([...search.owners, forwarder]) : search.owners;
    const index = inline.levels.findLastIndex((level) => !isOneOf(level.from, owners));
    if (index !== -1) {
      if (forwarder) search.owners.add(forwarder);
      return { found: true, original: readInlineLevel(inline.levels[index]!, depth + index + 1) };
    }
    if (sentByOwner || !sender) {
      return { found: false, reason: 'the forward holds only messages from the owner, no message from a company' };
    }
    // Otherwise a company wrote directly and quoted the owner's (or its own) earlier message:
    // the outer message is the original, read below as direct mail.
  }

  if (!inline.body.text.trim() && !body.text.trim()) {
    return { found: false, reason: describeMissingText(body) };
  }
  if (sentByOwner) {
    return { found: false, reason: "the message comes from the owner's own address and no forwarded message was found inside it" };
  }
  if (depth === 0 && hasForwardPrefix(message.subject)) {
    return { found: false, reason: `the subject says it is a forward ("${message.subject}") but no forwarded message was found inside it` };
  }
  return { found: true, original: readWholeMessage(message, body.text.trim() ? body : inline.body, depth === 0 ? 'direct' : 'attachment', depth) };
}

const FIRST_ADDRESS = /[^\s<>,;"]+@[^\s<>,;"]+/;

/**
 * Who sent the message to the inbound address: nobody for direct mail, the redirecting mailbox
 * (Resent-From, else the first X-Forwarded-For address) for an auto-forward, else the outer From.
 */
function findForwarder(message: ParsedMessage, style: ForwardStyle | null): Mailbox | null {
  if (style === 'direct') return null;
  if (style === 'auto-forward') {
    const resent = message.forwarding.resentFrom[0];
    if (resent) return normaliseMailbox(resent);
    const address = FIRST_ADDRESS.exec(message.forwarding.xForwardedFor ?? '')?.[0];
    return address ? { name: null, address } : null;
  }
  return message.from[0] ? normaliseMailbox(message.from[0]) : null;
}

/** Finds the original message inside a parsed inbound message. */
export async function findOriginal(message: ParsedMessage, options: FindOriginalOptions): Promise<FindOriginalResult> {
  const search: Search = { owners: new Set(options.ownerAddresses.map(normaliseAddress)) };
  const step = await unwrapMessage(message, 0, 0, search);
  const forwardedBy = findForwarder(message, step.found && step.original.depth === 0 ? step.original.forwardStyle : null);
  const ownerAddresses = [...search.owners];
  if (step.found) {
    if (!step.original.text.trim()) {
      return { found: false, reason: 'the original message was found but holds no text', outer: step.original, forwardedBy, ownerAddresses };
    }
    return { found: true, original: step.original, forwardedBy, ownerAddresses };
  }
  return {
    found: false,
    reason: step.reason,
    outer: readWholeMessage(message, readBodyText(message), 'direct', 0),
    forwardedBy,
    ownerAddresses,
  };
}
