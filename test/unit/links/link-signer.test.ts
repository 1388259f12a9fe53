import { describe, expect, it } from 'vitest';
import { InvalidInputError, InvalidTokenError } from '../../../functions/core/errors.js';
import {
  buildActionLinks,
  buildCalendarUrl,
  createLinkSigner,
  DEFAULT_LINK_TTL_DAYS,
  ExpiredTokenError,
  verifyForOwner,
  verifyIgnoringExpiry,
} from '../../../functions/core/links/link-signer.js';
import type { LinkClaims } from '../../../functions/core/ports.js';

const KEYS = { k1: 'first-secret-0123456789abcdefghijkl', k2: 'second-secret-0123456789abcdefghijk' };
const NOW = new Date('2026-03-02T10:00:00.000Z');
const IN_A_DAY = Math.floor(NOW.getTime() / 1000) + 86_400;
const CLAIMS: LinkClaims = { ownerId: 'owner', contactId: 'a1b2c3d4e5f6a7b8c9d0', action: 'snooze-1w', exp: IN_A_DAY };

function reasonOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidTokenError) return error.reason;
    throw error;
  }
  return 'no error';
}

/** Flips one character of a base64url string to another valid one. */
function flip(text: string, index: number): string {
  const char = text[index] === 'A' ? 'B' : 'A';
  return text.slice(0, index) + char + text.slice(index + 1);
}

describe('createLinkSigner', () => {
  it('round-trips the claims, with a URL-safe token', () => {
    // Prepare
    const signer = createLinkSigner({ keys: KEYS, currentKeyId: 'k1' });

    // Act
    const token = signer.sign(CLAIMS);
    const claims = signer.verify(token, NOW);

    // Assess
    expect(claims).toEqual(CLAIMS);
    expect(token).toMatch(/^k1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });

  it('rejects a tampered payload and a tampered signature as bad-signature', () => {
    // Prepare
    const signer = createLinkSigner({ keys: KEYS, currentKeyId: 'k1' });
    const [keyId, payload, signature] = signer.sign(CLAIMS).split('.') as [string, string, string];
    const otherAction = Buffer.from(JSON.stringify({ o: 'owner', c: CLAIMS.contactId, a: 'stop', e: IN_A_DAY })).toString('base64url');

    // Act
    const payloadFlip = reasonOf(() => signer.verify(`${keyId}.${flip(payload, 5)}.${signature}`, NOW));
    const swapped = reasonOf(() => signer.verify(`${keyId}.${otherAction}.${signature}`, NOW));
    const signatureFlip = reasonOf(() => signer.verify(`${keyId}.${payload}.${flip(signature, 3)}`, NOW));
    const truncated = reasonOf(() => signer.verify(`${keyId}.${payload}.${signature.slice(0, -4)}`, NOW));

    // Assess
    expect([payloadFlip, swapped, signatureFlip, truncated]).toEqual(['bad-signature', 'bad-signature', 'bad-signature', 'bad-signature']);
  });

  it('rejects an expired token, but hands the authentic claims along for "send me a fresh email"', () => {
    // Prepare
    const signer = createLinkSigner({ keys: KEYS, currentKeyId: 'k1' });
    const token = signer.sign(CLAIMS);
    const later = new Date((IN_A_DAY + 1) * 1000);

    // Act
    let caught: unknown;
    try {
      signer.verify(token, later);
    } catch (error) {
      caught = error;
    }
    const exactlyAtExpiry = reasonOf(() => signer.verify(token, new Date(IN_A_DAY * 1000)));

    // Assess
    expect(caught).toBeInstanceOf(ExpiredTokenError);
    expect((caught as ExpiredTokenError).reason).toBe('expired');
    expect((caught as ExpiredTokenError).claims).toEqual(CLAIMS);
    expect(exactlyAtExpiry).toBe('expired');
  });

  it('rotates keys: tokens of the old key still verify, new tokens are signed with the new key', () => {
    // Prepare
    const before = createLinkSigner({ keys: { k1: KEYS.k1 }, currentKeyId: 'k1' });
    const oldToken = before.sign(CLAIMS);
    const after = createLinkSigner({ keys: KEYS, currentKeyId: 'k2' });

    // Act
    const newToken = after.sign(CLAIMS);
    const oldVerified = after.verify(oldToken, NOW);
    const newOnOldSigner = reasonOf(() => before.verify(newToken, NOW));

    // Assess
    expect(newToken.startsWith('k2.')).toBe(true);
    expect(oldVerified).toEqual(CLAIMS);
    expect(newOnOldSigner).toBe('unknown-key');
  });

  it('rejects a token whose key id was swapped for another configured key', () => {
    // Prepare
    const signer = createLinkSigner({ keys: KEYS, currentKeyId: 'k1' });
    const token = signer.sign(CLAIMS);

    // Act
    const reason = reasonOf(() => signer.verify(token.replace(/^k1\./, 'k2.'), NOW));

    // Assess
    expect(reason).toBe('bad-signature');
  });

  it('rejects a token signed with a different secret under the same key id', () => {
    // Prepare
    const mine = createLinkSigner({ keys: KEYS, currentKeyId: 'k1' });
    const forged = createLinkSigner({ keys: { k1: 'an-attacker-guess-0123456789abcdefgh' }, currentKeyId: 'k1' }).sign(CLAIMS);

    // Act
    const reason = reasonOf(() => mine.verify(forged, NOW));

    // Assess
    expect(reason).toBe('bad-signature');
  });

  it.each([
    ['empty', ''],
    ['one part', 'abc'],
    ['four parts', 'k1.a.b.c'],
    ['bad key id characters', 'k 1.abc.def'],
    ['non base64url payload', 'k1.a+b/c.def'],
    ['too long', `k1.${'a'.repeat(2000)}.def`],
  ])('rejects malformed input (%s)', (_name, token) => {
    // Prepare
    const signer = createLinkSigner({ keys: KEYS, currentKeyId: 'k1' });

    // Act
    const reason = reasonOf(() => signer.verify(token, NOW));

    // Assess
    expect(reason).toBe('malformed');
  });

  it('refuses to sign bad claims and to start with an unknown current key', () => {
    // Prepare
    const signer = createLinkSigner({ keys: KEYS, currentKeyId: 'k1' });

    // Act / Assess
    expect(() => signer.sign({ ...CLAIMS, contactId: 'a.b' })).toThrow(InvalidInputError);
    expect(() => signer.sign({ ...CLAIMS, action: 'delete-all' as never })).toThrow(InvalidInputError);
    expect(() => createLinkSigner({ keys: KEYS, currentKeyId: 'k3' })).toThrow(InvalidInputError);
    expect(() => createLinkSigner({ keys: { k1: 'short' }, currentKeyId: 'k1' })).toThrow(/at least 32/);
  });
});

describe('verifyForOwner', () => {
  it('rejects a valid token of another owner as wrong-owner, even when it has expired', () => {
    // Prepare
    const signer = createLinkSigner({ keys: KEYS, currentKeyId: 'k1' });
    const token = signer.sign({ ...CLAIMS, ownerId: 'someone-else' });
    const later = new Date((IN_A_DAY + 10) * 1000);

    // Act
    const fresh = reasonOf(() => verifyForOwner(signer, token, NOW, 'owner'));
    const expired = reasonOf(() => verifyForOwner(signer, token, later, 'owner'));
    const ignoringExpiry = reasonOf(() => verifyIgnoringExpiry(signer, token, later, 'owner'));

    // Assess
    expect([fresh, expired, ignoringExpiry]).toEqual(['wrong-owner', 'wrong-owner', 'wrong-owner']);
  });

  it('verifyIgnoringExpiry says whether the owner\'s authentic token has expired', () => {
    // Prepare
    const signer = createLinkSigner({ keys: KEYS, currentKeyId: 'k1' });
    const token = signer.sign(CLAIMS);

    // Act
    const now = verifyIgnoringExpiry(signer, token, NOW, 'owner');
    const later = verifyIgnoringExpiry(signer, token, new Date((IN_A_DAY + 10) * 1000), 'owner');
    const tampered = reasonOf(() => verifyIgnoringExpiry(signer, `${token}x`, NOW, 'owner'));

    // Assess
    expect(now).toEqual({ claims: CLAIMS, expired: false });
    expect(later).toEqual({ claims: CLAIMS, expired: true });
    expect(tampered).toBe('bad-signature');
  });
});

describe('buildActionLinks', () => {
  it('builds one signed /a/<token> URL per action, 90 days valid, overview owner-wide and the calendar feed', () => {
    // Prepare
    const signer = createLinkSigner({ keys: KEYS, currentKeyId: 'k1' });

    // Act
    const links = buildActionLinks({
      signer,
      baseUrl: 'https://abc.lambda-url.eu-west-1.on.aws/',
      ownerId: 'owner',
      contactId: CLAIMS.contactId,
      now: NOW,
      actions: ['sent', 'snooze-1m', 'overview', 'calendar'],
    });

    // Assess
    expect(Object.keys(links).sort()).toEqual(['calendar', 'overview', 'sent', 'snooze-1m']);
    const token = (url: string) => decodeURIComponent(/\/a\/([^/]+)$/.exec(url)?.[1] ?? '');
    expect(links.sent).toMatch(/^https:\/\/abc\.lambda-url\.eu-west-1\.on\.aws\/a\/k1\./);
    const sent = signer.verify(token(links.sent as string), NOW);
    expect(sent).toMatchObject({ ownerId: 'owner', contactId: CLAIMS.contactId, action: 'sent' });
    expect(sent.exp).toBe(Math.floor(NOW.getTime() / 1000) + DEFAULT_LINK_TTL_DAYS * 86_400);
    expect(signer.verify(token(links.overview as string), NOW)).toMatchObject({ contactId: '*', action: 'overview' });
    expect(links.calendar).toMatch(/^https:\/\/abc\.lambda-url\.eu-west-1\.on\.aws\/calendar\/k1\.[^/]+\.ics$/);
  });

  it('makes calendar URLs that outlive the action links (a calendar app keeps polling)', () => {
    // Prepare
    const signer = createLinkSigner({ keys: KEYS, currentKeyId: 'k1' });
    const url = buildCalendarUrl({ signer, baseUrl: 'http://127.0.0.1:3000', ownerId: 'owner', now: NOW });
    const token = decodeURIComponent(/\/calendar\/(.+)\.ics$/.exec(url)?.[1] ?? '');
    const in91Days = new Date(NOW.getTime() + 91 * 86_400_000);

    // Act
    const claims = signer.verify(token, in91Days);

    // Assess
    expect(claims).toMatchObject({ ownerId: 'owner', contactId: '*', action: 'calendar' });
  });
});
