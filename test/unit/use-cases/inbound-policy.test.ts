import { describe, expect, it } from 'vitest';
import {
  decideInbound,
  extractAddresses,
  maskAddress,
  normalizeAddress,
  passesContentVerdicts,
  readTopHeaders,
} from '../../../functions/core/trust/inbound-policy.js';
import { PASSING_VERDICTS } from '../../support/engine-harness.js';

const OWNERS = ['alex.morgan@example.net'];
const raw = (text: string) => Buffer.from(text.replace(/\n/g, '\r\n'));

describe('readTopHeaders', () => {
  it('unfolds continued lines, keeps repeated headers, and stops at the body', () => {
    // Prepare
    const message = raw('From: Alex\n <alex.morgan@example.net>\nReceived: a\nReceived: b\n\nFrom: body@evil.example\n');

    // Act
    const headers = readTopHeaders(message);

    // Assess
    expect(headers.get('from')).toEqual(['Alex <alex.morgan@example.net>']);
    expect(headers.get('received')).toEqual(['a', 'b']);
  });
});

describe('extractAddresses', () => {
  it('takes the mailbox, not an address-like display name or comment', () => {
    // Prepare / Act
    const addresses = extractAddresses([
      '"alex.morgan@example.net" <mallory@phish.example>',
      'Bob (bob@comment.example) <bob@real.example>',
      'plain@bare.example',
    ]);

    // Assess
    expect(addresses).toEqual(['mallory@phish.example', 'bob@real.example', 'plain@bare.example']);
  });
});

describe('normalizeAddress / maskAddress', () => {
  it('ignores case and a +tag; masks all but the first letter of the local part', () => {
    // Prepare / Act / Assess
    expect(normalizeAddress('Alex.Morgan+caf_=inbox=x@Example.NET')).toBe('alex.morgan@example.net');
    expect(maskAddress('Jane Doe <jane.doe@acme.example>')).toBe('j***@acme.example');
    expect(maskAddress(null)).toBe('(none)');
  });
});

describe('passesContentVerdicts', () => {
  it('refuses a spam or virus FAIL, and nothing else', () => {
    // Prepare / Act / Assess
    expect(passesContentVerdicts(PASSING_VERDICTS)).toBe(true);
    expect(passesContentVerdicts({ ...PASSING_VERDICTS, spam: 'GRAY' })).toBe(true);
    expect(passesContentVerdicts({ ...PASSING_VERDICTS, spam: 'FAIL' })).toBe(false);
    expect(passesContentVerdicts({ ...PASSING_VERDICTS, virus: 'FAIL' })).toBe(false);
  });
});

describe('decideInbound', () => {
  it.each([
    ['From', 'From: Alex <alex.morgan@example.net>\nSubject: x\n\nbody', 'alex.morgan@example.net', 'from'],
    ['envelope', 'From: hr@acme.example\n\nbody', 'ALEX.MORGAN@example.net', 'envelope'],
    ['Resent-From', 'From: hr@acme.example\nResent-From: alex.morgan@example.net\n\nbody', 'bounce+srs=acme@example.net', 'forwarding-header'],
    ['X-Forwarded-For', 'From: hr@acme.example\nX-Forwarded-For: alex.morgan@example.net inbox@nt.example\n\nbody', 'fwd@mail.example.net', 'forwarding-header'],
  ] as const)('accepts the owner by %s', (_name, text, envelopeFrom, via) => {
    // Prepare / Act
    const decision = decideInbound({ raw: raw(text), envelopeFrom, verdicts: PASSING_VERDICTS, ownerAddresses: OWNERS });

    // Assess
    expect(decision).toEqual({ accepted: true, via });
  });

  it('ignores an owner address that appears only in the body or in To', () => {
    // Prepare
    const text = 'From: hr@acme.example\nTo: alex.morgan@example.net\n\nResent-From: alex.morgan@example.net\n';

    // Act
    const decision = decideInbound({ raw: raw(text), envelopeFrom: 'hr@acme.example', verdicts: PASSING_VERDICTS, ownerAddresses: OWNERS });

    // Assess
    expect(decision).toEqual({ accepted: false, reason: 'not-from-owner' });
  });

  const fromOwner = 'From: Alex <alex.morgan@example.net>\nSubject: x\n\nbody';
  it.each([
    ['DMARC passed for the From domain', fromOwner, 'bounce@anything.example', { dmarc: 'PASS', spf: 'GRAY', dkim: 'PASS' }, { accepted: true, via: 'from' }],
    ['DMARC failed for the From domain', fromOwner, 'alex.morgan@example.net', { dmarc: 'FAIL', spf: 'PASS' }, { accepted: false, reason: 'failed-verdicts' }],
    ['no DMARC record, SPF passed for an aligned envelope sender', fromOwner, 'bounces@mail.example.net', { dmarc: 'GRAY', spf: 'PASS' }, { accepted: true, via: 'from' }],
    ['no DMARC verdict, SPF passed for an aligned envelope sender', fromOwner, 'bounces@example.net', { dmarc: undefined, spf: 'PASS' }, { accepted: true, via: 'from' }],
    ["a forged From: SPF and DKIM passed, but for the sender's own domain", fromOwner, 'mallory@evil.example', { dmarc: 'GRAY', spf: 'PASS', dkim: 'PASS' }, { accepted: false, reason: 'failed-verdicts' }],
    ["the owner's envelope sender with SPF failing and only DKIM passing", 'From: hr@acme.example\n\nbody', 'alex.morgan@example.net', { spf: 'FAIL', dkim: 'PASS' }, { accepted: false, reason: 'failed-verdicts' }],
    ['a forwarding header sent from an unaligned relay', 'From: hr@acme.example\nX-Forwarded-For: alex.morgan@example.net\n\nbody', 'relay@evil.example', { spf: 'PASS', dkim: 'PASS' }, { accepted: false, reason: 'failed-verdicts' }],
    ['spam FAIL, however well authenticated', fromOwner, 'alex.morgan@example.net', { dmarc: 'PASS', spam: 'FAIL' }, { accepted: false, reason: 'failed-verdicts' }],
  ] as const)('authenticates the rule that named the owner: %s', (_name, text, envelopeFrom, overrides, expected) => {
    // Prepare
    const verdicts = { ...PASSING_VERDICTS, ...overrides };

    // Act
    const decision = decideInbound({ raw: raw(text), envelopeFrom, verdicts, ownerAddresses: OWNERS });

    // Assess
    expect(decision).toEqual(expected);
  });
});
