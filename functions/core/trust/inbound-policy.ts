/**
 * Who may feed Not Today: only its owner. Decided before any real parsing, from the top
 * header block of the raw message, the SMTP envelope sender and SES's verdicts.
 *
 * Accepted when (a) the message comes from the owner, i.e. one of:
 *   - the outer From address is one of the owner's addresses,
 *   - the envelope sender (MAIL FROM / SES `mail.source`) is,
 *   - forwarding headers name one (auto-forward: the company is the From, but
 *     X-Forwarded-For / Resent-From / Resent-Sender say the owner's mailbox forwarded it),
 * and (b) SES's verdicts prove it: neither spam nor virus is FAIL, a From naming the owner does
 * not fail DMARC, and the rule that named the owner is authenticated, not just written:
 *   - From: DMARC passed for the From domain; or, when that domain publishes no DMARC (GRAY
 *     or no verdict), SPF passed for an envelope sender in the From address's domain. SPF or
 *     DKIM passing for some other domain proves nothing about the From header: anyone can
 *     send `From: <owner>` from a domain of their own.
 *   - envelope: SPF passed (SPF authenticates exactly the envelope sender's domain).
 *   - forwarding header: SPF passed for an envelope sender in the domain of the owner
 *     address the header names (Gmail, Outlook and Exchange auto-forwards are sent from the
 *     owner's own domain).
 *
 * Addresses compare case-insensitively, and a "+tag" on the candidate's local part is
 * ignored (alex+jobs@example.com is alex@example.com; Gmail's auto-forward envelope sender
 * is alex+caf_=inbound=...@gmail.com). Domains align when equal or one is a subdomain of the
 * other (DMARC's relaxed alignment, without the public-suffix list). SES's DKIM verdict is
 * not read: DMARC already says whether a DKIM signature aligned with the From domain.
 *
 * Known limit: the forwarding-header rule trusts the owner's mail provider. When the owner's
 * address is at a shared provider (gmail.com), another account there can send with SPF passing
 * for that domain and write `X-Forwarded-For: <owner>`; the most it can do is make Not Today
 * email its owner.
 */
import type { MailVerdicts } from '../ports.js';

/** Only this much of the message is searched for the header block. */
export const MAX_HEADER_BYTES = 64 * 1024;
/** Headers that, in an auto-forward, name the mailbox that forwarded the message. */
export const FORWARDING_HEADERS = ['x-forwarded-for', 'resent-from', 'resent-sender'] as const;

/** The decision, with the rule that decided it (for the log). */
export type InboundDecision =
  | { accepted: true; via: 'from' | 'envelope' | 'forwarding-header' }
  | { accepted: false; reason: 'not-from-owner' | 'failed-verdicts' };

/** Header values by lower-case name, as readTopHeaders returns them. */
export type HeaderMap = ReadonlyMap<string, readonly string[]>;

/**
 * Decides whether an inbound message may be processed. Pure; reads only the header block:
 * of the raw message, or, for a message too large to read, the headers SES parsed for us
 * (`headers`, usually only From; the forwarding-header rule then has nothing to go on).
 */
export function decideInbound(
  input: {
    envelopeFrom: string | null;
    verdicts: MailVerdicts;
    ownerAddresses: readonly string[];
  } & ({ raw: Uint8Array } | { headers: HeaderMap }),
): InboundDecision {
  const owners = new Set(input.ownerAddresses.map(normalizeAddress));
  const isOwner = (address: string): boolean => owners.has(normalizeAddress(address));
  const headers = 'raw' in input ? readTopHeaders(input.raw) : input.headers;

  const { verdicts } = input;
  const envelopeAddresses = input.envelopeFrom ? extractAddresses([input.envelopeFrom]) : [];
  const envelopeDomain = domainOf(envelopeAddresses[0] ?? '');
  const alignsWithEnvelope = (address: string | undefined): boolean => {
    const domain = address ? domainOf(address) : '';
    return Boolean(domain && envelopeDomain && alignDomains(domain, envelopeDomain));
  };
  const spfPass = verdicts.spf === 'PASS';
  const dmarcKnown = verdicts.dmarc === 'PASS' || verdicts.dmarc === 'FAIL';
  const ownerFrom = extractAddresses(headers.get('from') ?? []).find(isOwner);
  const ownerForwarder = FORWARDING_HEADERS.flatMap((name) => extractAddresses(headers.get(name) ?? [])).find(isOwner);

  // Each rule: does it name the owner, and do the verdicts prove it (see the module comment)?
  const rules = [
    {
      via: 'from',
      names: ownerFrom !== undefined,
      proven: verdicts.dmarc === 'PASS' || (!dmarcKnown && spfPass && alignsWithEnvelope(ownerFrom)),
    },
    { via: 'envelope', names: envelopeAddresses.some(isOwner), proven: spfPass },
    { via: 'forwarding-header', names: ownerForwarder !== undefined, proven: spfPass && alignsWithEnvelope(ownerForwarder) },
  ] as const;
  if (!rules.some((rule) => rule.names)) return { accepted: false, reason: 'not-from-owner' };
  // A From naming the owner that fails DMARC is a forgery of the owner, whatever else passed.
  if (ownerFrom && verdicts.dmarc === 'FAIL') return { accepted: false, reason: 'failed-verdicts' };
  const proven = rules.find((rule) => rule.names && rule.proven);
  if (!proven || !passesContentVerdicts(verdicts)) return { accepted: false, reason: 'failed-verdicts' };
  return { accepted: true, via: proven.via };
}

/** Neither the spam nor the virus verdict is FAIL. */
export function passesContentVerdicts(verdicts: MailVerdicts): boolean {
  return verdicts.spam !== 'FAIL' && verdicts.virus !== 'FAIL';
}

/** The lower-case domain of an address ('' when it has none). */
function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? '' : address.slice(at + 1).trim().toLowerCase();
}

/** Relaxed alignment: the same domain, or one a subdomain of the other. */
function alignDomains(left: string, right: string): boolean {
  return left === right || left.endsWith(`.${right}`) || right.endsWith(`.${left}`);
}

/** An address for info-level logs: `j***@example.com` (the domain helps, the person is hidden). */
export function maskAddress(address: string | null | undefined): string {
  if (!address) return '(none)';
  const [found] = extractAddresses([address]);
  if (!found) return '***';
  const at = found.lastIndexOf('@');
  return `${found.slice(0, 1)}***${found.slice(at)}`;
}

/** Lower case, without a "+tag" in the local part. */
export function normalizeAddress(address: string): string {
  const lower = address.trim().toLowerCase();
  const at = lower.lastIndexOf('@');
  if (at <= 0) return lower;
  const local = lower.slice(0, at);
  const plus = local.indexOf('+');
  return `${plus > 0 ? local.slice(0, plus) : local}${lower.slice(at)}`;
}

const ADDRESS_PATTERN = /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+/g;

/**
 * The addresses in header values. Prefers angle-bracket addresses (`"Name" <a@b>`), so an
 * address-like display name ("alex@example.com" <evil@x.test>) is not taken for the mailbox.
 */
export function extractAddresses(values: readonly string[]): string[] {
  const found: string[] = [];
  for (const value of values) {
    const withoutQuoted = value.replace(/"(?:[^"\\]|\\.)*"/g, ' ').replace(/\([^)]*\)/g, ' ');
    const bracketed = [...withoutQuoted.matchAll(/<([^<>]*)>/g)].map((match) => match[1] ?? '');
    const rest = withoutQuoted.replace(/<[^<>]*>/g, ' ');
    for (const part of [...bracketed, rest]) {
      for (const match of part.matchAll(ADDRESS_PATTERN)) found.push(match[0].toLowerCase());
    }
  }
  return found;
}

/**
 * The top-level header block of a raw message, unfolded, by lower-case name (every
 * occurrence kept). Stops at the first empty line or MAX_HEADER_BYTES.
 */
export function readTopHeaders(raw: Uint8Array): Map<string, string[]> {
  const head = Buffer.from(raw.buffer, raw.byteOffset, Math.min(raw.byteLength, MAX_HEADER_BYTES)).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const block = end >= 0 ? head.slice(0, end) : head;
  const headers = new Map<string, string[]>();
  let current: { name: string; value: string } | null = null;
  const flush = (): void => {
    if (!current) return;
    const list = headers.get(current.name) ?? [];
    list.push(current.value.trim());
    headers.set(current.name, list);
  };
  for (const line of block.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && current) {
      current.value += ` ${line.trim()}`;
      continue;
    }
    flush();
    const colon = line.indexOf(':');
    current = colon > 0 ? { name: line.slice(0, colon).trim().toLowerCase(), value: line.slice(colon + 1) } : null;
  }
  flush();
  return headers;
}
