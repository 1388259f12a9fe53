/**
 * How a prompt's delivery reads the contact profile: the dispatcher reads it eventually
 * consistent (half a read unit; its claim on the plan guards the send), ingest hands over the
 * profile it has just created (no read at all), every other caller reads strongly. And the
 * DynamoDB adapter turns the option into ConsistentRead (no sockets: a middleware answers).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, it, vi } from 'vitest';
import { DynamoContactRepository } from '../../../functions/adapters/dynamo-contact-repository.js';
import type { Contact, Plan } from '../../../functions/core/model.js';
import { createInitialPlan } from '../../../functions/core/plan/plan-rules.js';
import { deliverPrompt, dispatchDue } from '../../../functions/core/use-cases/dispatch-due.js';
import { ingestMessage } from '../../../functions/core/use-cases/ingest-message.js';
import { createHarness, PASSING_VERDICTS, type Harness } from '../../support/engine-harness.js';
import { buildInlineForward } from '../../support/mime-samples.js';
import { makeContact } from '../../support/sample-contacts.js';

const DUE_AT = '2026-03-02T09:00:00.000Z';

/** Seeds a contact whose check-in is due at DUE_AT (before the harness's start). */
function seedDue(harness: Harness, contactId: string): void {
  const contact: Contact = makeContact({ contactId });
  const plan: Plan = {
    ...createInitialPlan({ ownerId: 'owner', contactId, firstPrompt: 'thank-you', now: new Date('2026-01-01T10:00:00.000Z') }),
    nextPrompt: 'check-in',
    nextDueAt: DUE_AT,
    sentLog: [{ at: '2026-01-01T10:00:00.000Z', prompt: 'thank-you' }],
  };
  harness.repository.seed(contact, plan);
}

describe('reading the contact profile for a prompt', () => {
  it('the dispatcher reads the profile eventually consistent, once per prompt', async () => {
    // Prepare
    const harness = createHarness();
    seedDue(harness, 'c1');
    const reads = vi.spyOn(harness.repository, 'getContact');

    // Act
    const result = await dispatchDue(harness.deps);

    // Assess
    expect(result.sent).toBe(1);
    expect(reads.mock.calls).toEqual([['owner', 'c1', { consistency: 'eventual' }]]);
  });

  it('an eventual read that finds nothing is retried strongly before the plan counts as having no contact', async () => {
    // Prepare: the eventually consistent read misses a profile that exists
    const harness = createHarness();
    seedDue(harness, 'c1');
    const reads = vi.spyOn(harness.repository, 'getContact');
    reads.mockResolvedValueOnce(null);

    // Act
    const result = await dispatchDue(harness.deps);

    // Assess
    expect(result.sent).toBe(1);
    expect(reads.mock.calls).toEqual([
      ['owner', 'c1', { consistency: 'eventual' }],
      ['owner', 'c1'],
    ]);
    expect(harness.repository.storedPlan('owner', 'c1').nextPrompt).not.toBeNull();
  });

  it('deliverPrompt reads strongly unless told otherwise', async () => {
    // Prepare
    const harness = createHarness();
    seedDue(harness, 'c1');
    const ref = harness.repository.dueRefOf(harness.repository.storedPlan('owner', 'c1'));
    const reads = vi.spyOn(harness.repository, 'getContact');

    // Act
    const result = await deliverPrompt(harness.deps, ref as NonNullable<typeof ref>);

    // Assess
    expect(result.status).toBe('sent');
    expect(reads.mock.calls).toEqual([['owner', 'c1']]);
  });

  it('ingest delivers the thank-you with the profile it just created, without reading it back', async () => {
    // Prepare
    const harness = createHarness();
    const reads = vi.spyOn(harness.repository, 'getContact');

    // Act
    const result = await ingestMessage(harness.deps, {
      raw: await buildInlineForward(),
      rawMailKey: 'inbound/1',
      envelopeFrom: 'alex.morgan@example.net',
      verdicts: PASSING_VERDICTS,
    });

    // Assess
    expect(result.outcome).toBe('tracked');
    expect(harness.mailer.sent).toHaveLength(1);
    expect(reads).not.toHaveBeenCalled();
  });

  it('the DynamoDB repository sends ConsistentRead true by default and false for an eventual read', async () => {
    // Prepare: a client whose requests are answered by a middleware (no network)
    const client = new DynamoDBClient({
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:9', // a safety net: the middleware answers before any request leaves
      credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
    });
    const consistentReads: unknown[] = [];
    client.middlewareStack.add(
      () => async (args) => {
        consistentReads.push((args.input as { ConsistentRead?: boolean }).ConsistentRead);
        return { output: { $metadata: {} }, response: {} };
      },
      { step: 'build', name: 'answerInMemory' },
    );
    const repository = new DynamoContactRepository({ client, tableName: 'not-today' });

    // Act
    await repository.getContact('owner', 'c1');
    await repository.getContact('owner', 'c1', { consistency: 'strong' });
    await repository.getContact('owner', 'c1', { consistency: 'eventual' });

    // Assess
    expect(consistentReads).toEqual([true, true, false]);
  });
});
