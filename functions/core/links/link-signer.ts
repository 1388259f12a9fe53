/**
 * Signed action links. Every owner email carries one-click links ("I sent it", "snooze",
 * "fix details"...); each link holds a token naming one owner, one contact, one action and
 * an expiry, signed with HMAC-SHA256. The id of the signing key is part of the token so keys
 * can rotate: the current key signs, every configured key verifies.
 *
 * Token format (URL-safe, no padding):  `<keyId>.<payload>.<signature>`
 *   payload   = base64url(JSON {"o": ownerId, "c": contactId, "a": action, "e": exp})
 *   signature = base64url(HMAC-SHA256(secret[keyId], "nt1." + keyId + "." + payload))
 * The key id is inside the signed text, so it cannot be swapped without breaking the MAC.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { InvalidInputError, InvalidTokenError } from '../errors.js';
import { ACTION_KINDS, type ActionKind } from '../model.js';
import type { ActionLinks, LinkClaims, LinkSigner } from '../ports.js';

/** How long an action link stays valid, by default. */
export const DEFAULT_LINK_TTL_DAYS = 90;
/**
 * How long a calendar feed URL stays valid: a calendar app subscribes once and keeps
 * polling the same URL, so it must outlive the email it came in. Rotating keys revokes it.
 */
export const CALENDAR_LINK_TTL_DAYS = 5 * 365;
/** Shortest secret accepted for a signing key, in characters. */
export const MIN_SIGNING_KEY_LENGTH = 32;
/** Longest token accepted before any parsing (a real token is about 150 characters). */
export const MAX_TOKEN_LENGTH = 1024;
/** What a signing key id may be: it travels in every token, before the first dot. */
export const SIGNING_KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
/** The contact id of owner-wide links (overview, calendar). */
export const OWNER_WIDE_CONTACT_ID = '*';

const SIGNATURE_DOMAIN = 'nt1';
const SECONDS_PER_DAY = 86_400;
const MILLISECONDS_PER_SECOND = 1000;
const HMAC_SHA256_BYTES = 32;
const BASE64URL_PATTERN = /^[A-Za-z0-9_-]+$/;
const CONTACT_ID_PATTERN = /^(\*|[A-Za-z0-9_-]{1,64})$/;
const OWNER_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

const ACTION_SET = new Set<string>(ACTION_KINDS);

/**
 * A token that is authentic but past its expiry. It carries the claims so the expired-link
 * page can offer "send me a fresh email" for the right contact (after checking the owner).
 */
export class ExpiredTokenError extends InvalidTokenError {
  override readonly name: string = 'ExpiredTokenError';
  constructor(readonly claims: LinkClaims) {
    super('the link has expired', 'expired');
  }
}

/** Options of {@link createLinkSigner}. */
export interface LinkSignerOptions {
  /** Key id -> secret (>= 32 characters, used as UTF-8 bytes). */
  keys: Record<string, string>;
  /** The key id that signs new tokens; must be one of `keys`. */
  currentKeyId: string;
}

/**
 * Makes a signer: `sign` with the current key, `verify` with any configured key, comparing
 * signatures in constant time. Throws InvalidInputError when the options are unusable.
 */
export function createLinkSigner(options: LinkSignerOptions): LinkSigner {
  const keys = validateKeys(options.keys);
  if (!keys.has(options.currentKeyId)) {
    throw new InvalidInputError(`signing key id "${options.currentKeyId}" is not among the configured keys`);
  }
  const currentKeyId = options.currentKeyId;

  return {
    sign(claims: LinkClaims): string {
      assertClaims(claims);
      const payload = encodePayload(claims);
      const signature = computeSignature(keys.get(currentKeyId) as Buffer, currentKeyId, payload);
      return `${currentKeyId}.${payload}.${signature.toString('base64url')}`;
    },

    verify(token: string, now: Date): LinkClaims {
      if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
        throw new InvalidTokenError('the link is malformed', 'malformed');
      }
      const parts = token.split('.');
      if (parts.length !== 3) throw new InvalidTokenError('the link is malformed', 'malformed');
      const [keyId, payload, signatureText] = parts as [string, string, string];
      if (!SIGNING_KEY_ID_PATTERN.test(keyId) || !BASE64URL_PATTERN.test(payload) || !BASE64URL_PATTERN.test(signatureText)) {
        throw new InvalidTokenError('the link is malformed', 'malformed');
      }
      const secret = keys.get(keyId);
      if (!secret) throw new InvalidTokenError('the link was signed with a key that is not known', 'unknown-key');

      const expected = computeSignature(secret, keyId, payload);
      const given = Buffer.from(signatureText, 'base64url');
      // Equal lengths first (timingSafeEqual requires it); the length of a MAC is no secret.
      if (given.length !== HMAC_SHA256_BYTES || !timingSafeEqual(given, expected)) {
        throw new InvalidTokenError('the link has been altered', 'bad-signature');
      }

      const claims = decodePayload(payload);
      if (claims.exp * MILLISECONDS_PER_SECOND <= now.getTime()) throw new ExpiredTokenError(claims);
      return claims;
    },
  };
}

/**
 * Verifies a token and checks it belongs to `ownerId`. Wrong-owner wins over expiry, so an
 * expired token of another owner never reveals its claims to the caller.
 */
export function verifyForOwner(signer: LinkSigner, token: string, now: Date, ownerId: string): LinkClaims {
  let claims: LinkClaims;
  try {
    claims = signer.verify(token, now);
  } catch (error) {
    if (error instanceof ExpiredTokenError && error.claims.ownerId !== ownerId) {
      throw new InvalidTokenError('the link belongs to someone else', 'wrong-owner', { cause: error });
    }
    throw error;
  }
  if (claims.ownerId !== ownerId) throw new InvalidTokenError('the link belongs to someone else', 'wrong-owner');
  return claims;
}

/**
 * Verifies authenticity and owner but accepts an expired token, saying so. For the one
 * thing an expired link may still do: ask for a fresh email (which only goes to the owner).
 */
export function verifyIgnoringExpiry(
  signer: LinkSigner,
  token: string,
  now: Date,
  ownerId: string,
): { claims: LinkClaims; expired: boolean } {
  try {
    return { claims: verifyForOwner(signer, token, now, ownerId), expired: false };
  } catch (error) {
    if (error instanceof ExpiredTokenError) return { claims: error.claims, expired: true };
    throw error;
  }
}

/** Input of {@link buildActionLinks}. */
export interface ActionLinksInput {
  signer: LinkSigner;
  /** The actions function's base URL (no trailing slash needed). */
  baseUrl: string;
  ownerId: string;
  contactId: string;
  now: Date;
  /** Days until the links expire; default DEFAULT_LINK_TTL_DAYS (calendar links live longer). */
  ttlDays?: number;
  actions: readonly ActionKind[];
}

/**
 * Builds the absolute signed URLs an owner email carries: `${baseUrl}/a/<token>` per action.
 * 'overview' is owner-wide (contact '*'); 'calendar' is the owner's ICS feed URL.
 */
export function buildActionLinks(input: ActionLinksInput): ActionLinks {
  const ttlDays = input.ttlDays ?? DEFAULT_LINK_TTL_DAYS;
  const links: ActionLinks = {};
  for (const action of input.actions) {
    if (action === 'calendar') {
      links.calendar = buildCalendarUrl({ signer: input.signer, baseUrl: input.baseUrl, ownerId: input.ownerId, now: input.now });
      continue;
    }
    const contactId = action === 'overview' ? OWNER_WIDE_CONTACT_ID : input.contactId;
    const token = input.signer.sign({ ownerId: input.ownerId, contactId, action, exp: expiryAfterDays(input.now, ttlDays) });
    links[action] = `${trimBaseUrl(input.baseUrl)}/a/${encodeURIComponent(token)}`;
  }
  return links;
}

/** The owner's secret calendar feed URL: `${baseUrl}/calendar/<token>.ics` (long-lived). */
export function buildCalendarUrl(input: {
  signer: LinkSigner;
  baseUrl: string;
  ownerId: string;
  now: Date;
  ttlDays?: number;
}): string {
  const exp = expiryAfterDays(input.now, input.ttlDays ?? CALENDAR_LINK_TTL_DAYS);
  const token = input.signer.sign({ ownerId: input.ownerId, contactId: OWNER_WIDE_CONTACT_ID, action: 'calendar', exp });
  return `${trimBaseUrl(input.baseUrl)}/calendar/${encodeURIComponent(token)}.ics`;
}

/** One signed action URL (e.g. the undo link of a result page). */
export function buildActionUrl(input: Omit<ActionLinksInput, 'actions'> & { action: ActionKind }): string {
  const links = buildActionLinks({ ...input, actions: [input.action] });
  return links[input.action] as string;
}

/** Seconds since the epoch, `days` after `now`. */
export function expiryAfterDays(now: Date, days: number): number {
  return Math.floor(now.getTime() / MILLISECONDS_PER_SECOND) + Math.round(days * SECONDS_PER_DAY);
}

function trimBaseUrl(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

function validateKeys(keys: Record<string, string>): Map<string, Buffer> {
  const entries = Object.entries(keys ?? {});
  if (entries.length === 0) throw new InvalidInputError('signing keys: at least one key is needed');
  const result = new Map<string, Buffer>();
  for (const [keyId, secret] of entries) {
    if (!SIGNING_KEY_ID_PATTERN.test(keyId)) {
      throw new InvalidInputError(`signing key id "${keyId}": use 1-32 letters, digits, "-" or "_"`);
    }
    if (typeof secret !== 'string' || secret.length < MIN_SIGNING_KEY_LENGTH) {
      throw new InvalidInputError(`signing key "${keyId}": the secret must be at least ${MIN_SIGNING_KEY_LENGTH} characters`);
    }
    result.set(keyId, Buffer.from(secret, 'utf8'));
  }
  return result;
}

function computeSignature(secret: Buffer, keyId: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(`${SIGNATURE_DOMAIN}.${keyId}.${payload}`).digest();
}

function assertClaims(claims: LinkClaims): void {
  if (!OWNER_ID_PATTERN.test(claims.ownerId)) throw new InvalidInputError('link claims: bad owner id');
  if (!CONTACT_ID_PATTERN.test(claims.contactId)) throw new InvalidInputError('link claims: bad contact id');
  if (!ACTION_SET.has(claims.action)) throw new InvalidInputError(`link claims: unknown action "${String(claims.action)}"`);
  if (!Number.isSafeInteger(claims.exp) || claims.exp <= 0) throw new InvalidInputError('link claims: bad expiry');
}

function encodePayload(claims: LinkClaims): string {
  const compact = { o: claims.ownerId, c: claims.contactId, a: claims.action, e: claims.exp };
  return Buffer.from(JSON.stringify(compact), 'utf8').toString('base64url');
}

function decodePayload(payload: string): LinkClaims {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch (error) {
    throw new InvalidTokenError('the link is malformed', 'malformed', { cause: error });
  }
  const record = value as Record<string, unknown> | null;
  if (
    typeof record !== 'object' ||
    record === null ||
    typeof record.o !== 'string' ||
    typeof record.c !== 'string' ||
    typeof record.a !== 'string' ||
    typeof record.e !== 'number' ||
    !OWNER_ID_PATTERN.test(record.o) ||
    !CONTACT_ID_PATTERN.test(record.c) ||
    !ACTION_SET.has(record.a) ||
    !Number.isSafeInteger(record.e)
  ) {
    throw new InvalidTokenError('the link is malformed', 'malformed');
  }
  return { ownerId: record.o, contactId: record.c, action: record.a as ActionKind, exp: record.e };
}
