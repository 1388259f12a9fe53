import { describe, expect, it } from 'vitest';
import { TransientError } from '../../../functions/core/errors.js';
import { ingestMessage } from '../../../functions/core/use-cases/ingest-message.js';
import { createHarness, PASSING_VERDICTS } from '../../support/engine-harness.js';
import { linkIn, tokenOf } from '../../support/fake-renderer.js';
import { buildDirectMessage, buildInlineForward, INVITATION_BODY } from '../../support/mime-samples.js';

const input = (raw: Uint8Array, overrides: Partial<Parameters<typeof ingestMessage>[1]> = {}) => ({
  raw,
  rawMailKey: 'inbound/msg-1',
  envelopeFrom: 'alex.morgan@example.net',
  verdicts: PASSING_VERDICTS,
  ...overrides,
});

describe('ingestMessage', () => {
  it('tracks a forwarded rejection and emails the owner the thank-you draft at once, with signed links', async () => {
    // Prepare
    const { deps, repository, mailer, renderer } = createHarness();
    const raw = await buildInlineForward();

    // Act
    const result = await ingestMessage(deps, input(raw));

    // Assess
    expect(result).toMatchObject({ outcome: 'tracked', promptSent: true });
    if (result.outcome !== 'tracked') throw new Error('not tracked');
    expect(result.contactId).toMatch(/^[0-9a-f]{20}$/);
    expect(mailer.sent).toHaveLength(1);
    expect(renderer.rendered[0]?.prompt).toBe('thank-you');
    const contact = repository.storedContact('owner', result.contactId);
    expect(contact).toMatchObject({ company: 'Brightwater', contactEmail: 'priya.natarajan@brightwater.example', isRejection: true });
    expect(contact.source.rawMailKey).toBe('inbound/msg-1');
    const plan = repository.storedPlan('owner', result.contactId);
    expect(plan).toMatchObject({ status: 'active', lease: null, sentLog: [{ prompt: 'thank-you' }] });
    expect(plan.nextPrompt).not.toBe('thank-you');
    const snooze = linkIn(mailer.sent[0]?.text ?? '', 'snooze-1w');
    expect(snooze).toMatch(/^http:\/\/127\.0\.0\.1:3000\/a\//);
    expect(deps.signer.verify(tokenOf(snooze as string), deps.clock.now())).toMatchObject({
      ownerId: 'owner',
      contactId: result.contactId,
      action: 'snooze-1w',
    });
  });

  it('gives one contact and one email when SES delivers the same message twice', async () => {
    // Prepare
    const { deps, repository, mailer } = createHarness();
    const raw = await buildInlineForward();

    // Act
    const first = await ingestMessage(deps, input(raw));
    const second = await ingestMessage(deps, input(raw));

    // Assess
    expect(first.outcome).toBe('tracked');
    expect(second).toEqual({ outcome: 'duplicate', contactId: (first as { contactId: string }).contactId, promptSent: false });
    expect(mailer.sent).toHaveLength(1);
    expect(repository.contactCount).toBe(1);
  });

  it('gives one contact when the owner forwards the same rejection twice (new outer message, same original)', async () => {
    // Prepare
    const { deps, repository, mailer } = createHarness();
    const first = await buildInlineForward();
    const second = await buildInlineForward({ note: 'Forwarding this again, sorry!' });

    // Act
    const one = await ingestMessage(deps, input(first));
    const two = await ingestMessage(deps, input(second, { rawMailKey: 'inbound/msg-2' }));

    // Assess
    expect(Buffer.compare(first, second)).not.toBe(0);
    expect(two).toMatchObject({ outcome: 'duplicate', contactId: (one as { contactId: string }).contactId });
    expect(repository.contactCount).toBe(1);
    expect(mailer.sent).toHaveLength(1);
  });

  it('drops a stranger\'s message without any reply, logging masked addresses only', async () => {
    // Prepare
    const { deps, repository, mailer, log } = createHarness();
    const raw = await buildDirectMessage({ from: 'Mallory Stone <mallory.stone@phish.example>' });

    // Act
    const result = await ingestMessage(deps, input(raw, { envelopeFrom: 'bounce@phish.example' }));

    // Assess
    expect(result).toEqual({ outcome: 'dropped', reason: 'not-from-owner' });
    expect(mailer.sent).toHaveLength(0);
    expect(repository.contactCount).toBe(0);
    expect(log.dump()).toContain('m***@phish.example');
    expect(log.dump()).not.toContain('mallory.stone@phish.example');
    expect(log.dump()).not.toContain('bounce@phish.example');
  });

  it.each([
    ['SPF and DKIM both failed', { ...PASSING_VERDICTS, spf: 'FAIL', dkim: 'FAIL', dmarc: 'FAIL' }],
    ['SPF failed and DKIM gray', { ...PASSING_VERDICTS, spf: 'FAIL', dkim: 'GRAY', dmarc: 'FAIL' }],
    ['spam verdict FAIL', { ...PASSING_VERDICTS, spam: 'FAIL' }],
    ['virus verdict FAIL', { ...PASSING_VERDICTS, virus: 'FAIL' }],
  ] as const)('drops the owner\'s own address when %s', async (_name, verdicts) => {
    // Prepare
    const { deps, repository, mailer } = createHarness();
    const raw = await buildInlineForward();

    // Act
    const result = await ingestMessage(deps, input(raw, { verdicts }));

    // Assess
    expect(result).toEqual({ outcome: 'dropped', reason: 'failed-verdicts' });
    expect(mailer.sent).toHaveLength(0);
    expect(repository.contactCount).toBe(0);
  });

  it('accepts DMARC passing through DKIM alone (DKIM PASS with SPF FAIL)', async () => {
    // Prepare
    const { deps } = createHarness();
    const raw = await buildInlineForward();

    // Act
    const result = await ingestMessage(deps, input(raw, { verdicts: { ...PASSING_VERDICTS, spf: 'FAIL' } }));

    // Assess
    expect(result.outcome).toBe('tracked');
  });

  it('accepts an auto-forward by the envelope sender (Gmail writes owner+caf_=...) or by X-Forwarded-For', async () => {
    // Prepare
    const first = createHarness();
    const second = createHarness();
    const viaEnvelope = await buildDirectMessage({ from: 'Priya Natarajan <priya.natarajan@brightwater.example>' });
    const viaHeader = await buildDirectMessage({
      from: 'Priya Natarajan <priya.natarajan@brightwater.example>',
      headers: { 'X-Forwarded-For': 'alex.morgan@example.net inbox@not-today.example' },
    });

    // Act
    const byEnvelope = await ingestMessage(
      first.deps,
      input(viaEnvelope, { envelopeFrom: 'alex.morgan+caf_=inbox=not-today.example@example.net' }),
    );
    const byHeader = await ingestMessage(second.deps, input(viaHeader, { envelopeFrom: 'srs0=abc@mail.example.net' }));

    // Assess
    expect(byEnvelope.outcome).toBe('tracked');
    expect(byHeader.outcome).toBe('tracked');
    expect(first.log.entries.find((entry) => entry.message === 'inbound ingested')?.extra?.via).toBe('envelope');
    expect(second.log.entries.find((entry) => entry.message === 'inbound ingested')?.extra?.via).toBe('forwarding-header');
  });

  it('does not take an owner address written as a display name for the sender', async () => {
    // Prepare
    const { deps, mailer } = createHarness();
    const raw = await buildDirectMessage({ from: '"alex.morgan@example.net" <mallory@phish.example>' });

    // Act
    const result = await ingestMessage(deps, input(raw, { envelopeFrom: 'mallory@phish.example' }));

    // Assess
    expect(result).toEqual({ outcome: 'dropped', reason: 'not-from-owner' });
    expect(mailer.sent).toHaveLength(0);
  });

  it('stores a forward that is not a rejection as needs-review and sends the track / ignore email', async () => {
    // Prepare
    const { deps, repository, renderer, mailer } = createHarness();
    const raw = await buildInlineForward({
      originalFrom: 'Tom Becker <tom.becker@northwind.example>',
      originalSubject: 'Interview invitation: Data Analyst',
      body: INVITATION_BODY,
    });

    // Act
    const result = await ingestMessage(deps, input(raw));

    // Assess
    expect(result).toMatchObject({ outcome: 'needs-review', promptSent: true });
    const contactId = (result as { contactId: string }).contactId;
    expect(repository.storedPlan('owner', contactId)).toMatchObject({ status: 'needs-review', nextPrompt: null, nextDueAt: null });
    expect(renderer.rendered[0]?.prompt).toBe('needs-review');
    expect(linkIn(mailer.sent[0]?.text ?? '', 'track')).toBeDefined();
    expect(linkIn(mailer.sent[0]?.text ?? '', 'ignore')).toBeDefined();
    expect(linkIn(mailer.sent[0]?.text ?? '', 'snooze-1w')).toBeUndefined();
  });

  it('stores garbage and oversized mail as needs-review with a reason, and says so to the owner', async () => {
    // Prepare
    const { deps, repository, mailer } = createHarness();
    const header = Buffer.from('From: Alex Morgan <alex.morgan@example.net>\r\nSubject: ???\r\n\r\n');
    const garbage = Buffer.concat([header, Buffer.from([0x00, 0xff, 0xfe, 0x00, 0x13, 0x37])]);
    const oversized = Buffer.concat([await buildInlineForward(), Buffer.alloc(deps.maxMailBytes, 0x41)]);

    // Act
    const fromGarbage = await ingestMessage(deps, input(garbage));
    const fromOversized = await ingestMessage(deps, input(oversized, { rawMailKey: 'inbound/big' }));

    // Assess
    expect(fromGarbage.outcome).toBe('needs-review');
    expect(fromOversized.outcome).toBe('needs-review');
    const big = repository.storedContact('owner', (fromOversized as { contactId: string }).contactId);
    expect(big.source.notUnderstoodReason).toMatch(/limit/);
    expect(big.source.rawMailKey).toBe('inbound/big');
    expect(mailer.sent).toHaveLength(2);
  });

  it('tells the owner when a forward was too large to read, once even when SES retries, keyed on the raw mail', async () => {
    // Prepare
    const { deps, repository, mailer, renderer } = createHarness();
    const oversized = {
      rawMailKey: 'inbound/huge-1',
      envelopeFrom: 'alex.morgan@example.net',
      verdicts: PASSING_VERDICTS,
      oversized: { sizeBytes: 24_000_000, limitBytes: 10_485_760, headerFrom: ['Alex Morgan <alex.morgan@example.net>'], subject: 'Fwd: Offer letter & portfolio' },
    };

    // Act
    const first = await ingestMessage(deps, oversized);
    const retry = await ingestMessage(deps, oversized);

    // Assess
    expect(first).toMatchObject({ outcome: 'needs-review', promptSent: true });
    const contactId = (first as { contactId: string }).contactId;
    expect(retry).toEqual({ outcome: 'duplicate', contactId, promptSent: false });
    expect(mailer.sent).toHaveLength(1);
    expect(renderer.rendered[0]?.prompt).toBe('needs-review');
    const contact = repository.storedContact('owner', contactId);
    expect(contact.source).toMatchObject({
      rawMailKey: 'inbound/huge-1',
      subject: 'Fwd: Offer letter & portfolio',
      tooLarge: { sizeBytes: 24_000_000, limitBytes: 10_485_760 },
    });
    expect(contact.source.notUnderstoodReason).toMatch(/over the limit/);
    expect(linkIn(mailer.sent[0]?.text ?? '', 'ignore')).toBeDefined();
  });

  it('drops a too-large mail that is not the owner\'s, or fails its verdicts, without a word', async () => {
    // Prepare
    const { deps, mailer, repository } = createHarness();
    const base = { sizeBytes: 24_000_000, limitBytes: 10_485_760, subject: 'Invoice' };

    // Act
    const stranger = await ingestMessage(deps, {
      rawMailKey: 'inbound/huge-2',
      envelopeFrom: 'bounce@phish.example',
      verdicts: PASSING_VERDICTS,
      oversized: { ...base, headerFrom: ['Mallory <mallory@phish.example>'] },
    });
    const spoofed = await ingestMessage(deps, {
      rawMailKey: 'inbound/huge-3',
      envelopeFrom: 'alex.morgan@example.net',
      verdicts: { ...PASSING_VERDICTS, spf: 'FAIL', dkim: 'FAIL', dmarc: 'FAIL' },
      oversized: { ...base, headerFrom: ['alex.morgan@example.net'] },
    });

    // Assess
    expect(stranger).toEqual({ outcome: 'dropped', reason: 'not-from-owner' });
    expect(spoofed).toEqual({ outcome: 'dropped', reason: 'failed-verdicts' });
    expect(mailer.sent).toHaveLength(0);
    expect(repository.contactCount).toBe(0);
  });

  it('keeps a forward whose reading crashes as needs-review and tells the owner, instead of failing for ever', async () => {
    // Prepare
    const { deps, repository, mailer, log } = createHarness();
    deps.understand = async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'text')");
    };
    const raw = await buildInlineForward();

    // Act
    const result = await ingestMessage(deps, input(raw));

    // Assess
    expect(result).toMatchObject({ outcome: 'needs-review', promptSent: true });
    const contact = repository.storedContact('owner', (result as { contactId: string }).contactId);
    expect(contact.source.notUnderstoodReason).toBe('Not Today ran into an error while reading it.');
    expect(mailer.sent).toHaveLength(1);
    expect(log.entries.filter((entry) => entry.level === 'error').map((entry) => entry.message)).toEqual([
      'understanding failed unexpectedly; stored as needs-review',
    ]);
  });

  it('keeps the contact when sending fails, and the retry of the same delivery sends the email once', async () => {
    // Prepare
    const { deps, repository, mailer } = createHarness();
    const raw = await buildInlineForward();
    mailer.failNext(new TransientError('SES throttled'));

    // Act
    const first = await ingestMessage(deps, input(raw));
    const contactId = (first as { contactId: string }).contactId;
    const planAfterFailure = repository.storedPlan('owner', contactId);
    const retry = await ingestMessage(deps, input(raw));

    // Assess
    expect(first).toMatchObject({ outcome: 'tracked', promptSent: false });
    expect(planAfterFailure).toMatchObject({ nextPrompt: 'thank-you', lease: null });
    expect(retry).toEqual({ outcome: 'duplicate', contactId, promptSent: true });
    expect(mailer.sent).toHaveLength(1);
  });

  it('recovers a crash between the two writes: the retry creates the plan and sends the thank-you', async () => {
    // Prepare
    const { deps, repository, mailer } = createHarness();
    const raw = await buildInlineForward();
    repository.failNext('createPlan', new TransientError('timeout'));

    // Act
    await expect(ingestMessage(deps, input(raw))).rejects.toThrow(TransientError);
    const retry = await ingestMessage(deps, input(raw));

    // Assess
    expect(retry).toMatchObject({ outcome: 'duplicate', promptSent: true });
    expect(mailer.sent).toHaveLength(1);
  });

  it('never logs mail text or the contact\'s address', async () => {
    // Prepare
    const { deps, log } = createHarness();
    const raw = await buildInlineForward();

    // Act
    await ingestMessage(deps, input(raw));

    // Assess
    const logged = log.dump();
    expect(logged).not.toContain('careful consideration');
    expect(logged).not.toContain('priya.natarajan@brightwater.example');
    expect(logged).not.toContain('alex.morgan@example.net');
  });
});
