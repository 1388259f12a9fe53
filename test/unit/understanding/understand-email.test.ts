import { describe, expect, it } from 'vitest';
import { computeIdempotencyKey } from '../../../functions/core/understanding/idempotency-key.js';
import { understandEmail } from '../../../functions/core/understanding/understand-email.js';
import {
  buildAppleMailForward,
  buildAttachmentForward,
  buildGmailForward,
  buildOriginalMime,
  DEFAULT_OWNER,
  OWNER_NOTE,
  type OriginalSpec,
} from '../../support/build-forward.js';
import { FIXTURE_OWNER, readForwardFixture } from './forward-fixtures.js';

const OWNER = FIXTURE_OWNER;

const spec: OriginalSpec = {
  fromName: 'Dana Whitfield',
  fromEmail: 'dana.whitfield@contoso-labs.example',
  subject: 'Your application: Senior Engineer, Platform',
  body: 'Hi Alex,\n\nThank you for applying. We have decided to move forward with other candidates.\n\nDana Whitfield\nContoso Labs',
  messageId: '<built-0002@contoso-labs.example>',
};

describe('understandEmail', () => {
  it('reports the original, the forwarder and the style of an inline forward', async () => {
    // Prepare
    const raw = await readForwardFixture('gmail-text-html.eml');

    // Act
    const understanding = await understandEmail(raw, { ownerAddresses: [OWNER] });

    // Assess
    expect(understanding.status).toBe('understood');
    expect(understanding.reason).toBeNull();
    expect(understanding.original).toEqual({
      messageId: null,
      date: '2026-03-03T16:02:00',
      subject: 'Your application for Platform Engineer',
      from: { name: 'Priya Raman', address: 'priya.raman@globex-robotics.example' },
      forwardStyle: 'inline',
      depth: 1,
    });
    expect(understanding.forwardedBy).toBe(OWNER);
    expect(understanding.idempotencyKey).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('never returns the owner as the contact, even with no owner configured', async () => {
    // Prepare
    const raw = await buildGmailForward(spec, DEFAULT_OWNER, OWNER_NOTE);

    // Act
    const withOwner = await understandEmail(raw, { ownerAddresses: [DEFAULT_OWNER.email] });
    const withoutOwner = await understandEmail(raw, { ownerAddresses: [] });

    // Assess
    for (const understanding of [withOwner, withoutOwner]) {
      expect(understanding.contact.email).not.toBe(DEFAULT_OWNER.email);
      expect(understanding.contact.name).not.toBe(DEFAULT_OWNER.name);
      expect(understanding.company ?? '').not.toMatch(/Initech/);
      expect(understanding.original.from.address).toBe(spec.fromEmail);
    }
  });

  it('keys an attached or direct original on its Message-ID', async () => {
    // Prepare
    const attached = await buildAttachmentForward(spec);
    const direct = await buildOriginalMime(spec);

    // Act
    const fromAttachment = await understandEmail(attached, { ownerAddresses: [DEFAULT_OWNER.email] });
    const fromDirect = await understandEmail(direct, { ownerAddresses: [DEFAULT_OWNER.email] });

    // Assess
    expect(fromAttachment.idempotencyKey).toBe('mid:built-0002@contoso-labs.example');
    expect(fromDirect.idempotencyKey).toBe(fromAttachment.idempotencyKey);
  });

  it('gives the same key when the same email is forwarded twice', async () => {
    // Prepare
    const first = await buildGmailForward(spec);
    const second = await buildGmailForward(spec, DEFAULT_OWNER, OWNER_NOTE);
    const other = await buildAppleMailForward({ ...spec, subject: 'Your application: Staff Engineer' });

    // Act
    const [a, b, c] = await Promise.all([first, second, other].map((raw) => understandEmail(raw, { ownerAddresses: [] })));

    // Assess
    expect(a!.idempotencyKey).toBe(b!.idempotencyKey);
    expect(c!.idempotencyKey).not.toBe(a!.idempotencyKey);
  });

  it('hashes sender, minute and subject without Fwd/Re prefixes when there is no Message-ID', () => {
    // Prepare
    const base = { messageId: null, from: { name: null, address: 'Jane@Acme.example' }, date: '2026-03-03T10:12:00', dateText: null, subject: 'Your application' };

    // Act
    const key = computeIdempotencyKey(base);
    const sameWithPrefix = computeIdempotencyKey({ ...base, subject: 'Fwd: RE: Your  application', from: { name: null, address: 'jane@acme.example' }, date: '2026-03-03T10:12:00.000Z' });
    const otherSender = computeIdempotencyKey({ ...base, from: { name: null, address: 'john@acme.example' } });

    // Assess
    expect(sameWithPrefix).toBe(key);
    expect(otherSender).not.toBe(key);
  });

  it('passes the original to the field extraction (direct mail from a company)', async () => {
    // Prepare
    const raw = await readForwardFixture('direct.eml');

    // Act
    const understanding = await understandEmail(raw, { ownerAddresses: [OWNER] });

    // Assess
    expect(understanding.original.forwardStyle).toBe('direct');
    expect(understanding.forwardedBy).toBeNull();
    expect(understanding.contact.email).toBe('hiring@acme-rockets.example');
    expect(understanding.idempotencyKey).toBe('mid:acme-direct-0001@acme-rockets.example');
  });

  it('never takes a sender named like their own mailbox ("Kit <kit@...>") for the company', async () => {
    // Prepare
    const raw = await readForwardFixture('mailbox-name-sender.eml');

    // Act
    const understanding = await understandEmail(raw, { ownerAddresses: [OWNER] });

    // Assess
    expect(understanding.company).toBe('Marrowfield');
    expect(understanding.contact.email).toBe('kit@marrowfield.example');
    expect(understanding.isRejection).toBe(true);
  });
});
