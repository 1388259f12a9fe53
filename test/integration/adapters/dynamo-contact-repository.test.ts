/**
 * DynamoContactRepository against a real dynalite (in memory, 127.0.0.1, free port), with the
 * table and its due index created from table-design.ts.
 */
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError } from '../../../functions/core/errors.js';
import type { DueRef } from '../../../functions/core/ports.js';
import { DynamoContactRepository } from '../../../functions/adapters/dynamo-contact-repository.js';
import { TABLE_DESIGN, dueShardOf } from '../../../functions/adapters/table-design.js';
import { startLocalDynamo, type LocalService } from '../../support/local-aws.js';
import { makeContact, makePlan } from '../../support/sample-contacts.js';

let dynamo: LocalService & { tableName: string };
let repository: DynamoContactRepository;
/** Each test uses its own owner, so tests never see each other's items. */
let ownerCounter = 0;
const newOwner = (): string => `owner-${(ownerCounter += 1)}`;

const LEASE_MS = 5 * 60 * 1000;
const NOW = new Date('2026-03-02T09:00:00.000Z');
const minutesFrom = (base: Date, minutes: number): Date => new Date(base.getTime() + minutes * 60 * 1000);

/** Finds due refs of one owner only (other tests' plans share the index). */
async function dueOf(ownerId: string, until: Date, limit = 100): Promise<DueRef[]> {
  return (await repository.findDue(until, limit)).filter((ref) => ref.ownerId === ownerId);
}

beforeAll(async () => {
  dynamo = await startLocalDynamo();
  repository = new DynamoContactRepository({ client: dynamo.clients.dynamo(), tableName: dynamo.tableName });
});

afterAll(async () => {
  await dynamo?.stop();
});

describe('contacts', () => {
  it('creates a contact once: the second create returns the stored one with created false', async () => {
    // Prepare
    const ownerId = newOwner();
    const first = makeContact({ ownerId, contactId: 'idem0000000000000001', company: 'Acme' });
    const duplicate = makeContact({ ownerId, contactId: 'idem0000000000000001', company: 'Other Co' });

    // Act
    const created = await repository.createContact(first);
    const again = await repository.createContact(duplicate);

    // Assess
    expect(created).toEqual({ created: true, contact: first });
    expect(again.created).toBe(false);
    expect(again.contact.company).toBe('Acme');
    expect(await repository.getContact(ownerId, first.contactId)).toEqual(first);
  });

  it('round-trips nulls, nested signals and history exactly', async () => {
    // Prepare
    const ownerId = newOwner();
    const contact = makeContact({
      ownerId,
      contactId: 'roundtrip00000000001',
      contactName: null,
      role: null,
      history: [
        { at: NOW.toISOString(), type: 'created' },
        { at: NOW.toISOString(), type: 'action', action: 'snooze-1w', requestId: 'r-1' },
      ],
    });

    // Act
    await repository.createContact(contact);
    const read = await repository.getContact(ownerId, contact.contactId);

    // Assess
    expect(read).toEqual(contact);
  });

  it('keeps the draft language, and reads a contact stored before languages existed as English', async () => {
    // Prepare: a German contact, and an old item written without the attribute.
    const ownerId = newOwner();
    const german = makeContact({ ownerId, contactId: 'language000000000001', language: 'de' });
    const { language: _dropped, ...old } = makeContact({ ownerId, contactId: 'language000000000002' });
    await repository.createContact(german);
    await repository.createContact(old);

    // Act
    const readGerman = await repository.getContact(ownerId, german.contactId);
    const readOld = await repository.getContact(ownerId, old.contactId);

    // Assess
    expect(readGerman?.language).toBe('de');
    expect(readOld).toEqual({ ...old, language: 'en' });
  });

  it('saves a contact only over the version it was read at', async () => {
    // Prepare
    const ownerId = newOwner();
    const contact = makeContact({ ownerId, contactId: 'versioned00000000001', version: 1 });
    await repository.createContact(contact);
    const firstEdit = { ...contact, notes: 'met at a meetup', version: 2 };
    const staleEdit = { ...contact, notes: 'stale write', version: 2 };

    // Act
    await repository.saveContact(firstEdit);
    const stale = repository.saveContact(staleEdit);

    // Assess
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    expect((await repository.getContact(ownerId, contact.contactId))?.notes).toBe('met at a meetup');
  });

  it('refuses to save a contact that was never created', async () => {
    // Prepare
    const contact = makeContact({ ownerId: newOwner(), contactId: 'nevercreated00000001', version: 1 });

    // Act
    const save = repository.saveContact(contact);

    // Assess
    await expect(save).rejects.toBeInstanceOf(ConflictError);
  });

  it('lists every contact of an owner with its plan, and no one else\'s', async () => {
    // Prepare
    const ownerId = newOwner();
    const otherOwner = newOwner();
    await repository.createContact(makeContact({ ownerId, contactId: 'list0000000000000001' }));
    await repository.createPlan(makePlan({ ownerId, contactId: 'list0000000000000001' }));
    await repository.createContact(makeContact({ ownerId, contactId: 'list0000000000000002' }));
    await repository.createContact(makeContact({ ownerId: otherOwner, contactId: 'list0000000000000003' }));

    // Act
    const listed = await repository.listContacts(ownerId);

    // Assess
    const byId = new Map(listed.map((entry) => [entry.contact.contactId, entry]));
    expect([...byId.keys()].sort()).toEqual(['list0000000000000001', 'list0000000000000002']);
    expect(byId.get('list0000000000000001')?.plan?.contactId).toBe('list0000000000000001');
    expect(byId.get('list0000000000000002')?.plan).toBeNull();
  });
});

describe('plans and the due index', () => {
  it('runs on a due index that projects keys only, as deployed', async () => {
    // Prepare
    const ownerId = newOwner();
    await repository.createPlan(makePlan({ ownerId, contactId: 'keysonly000000000001', nextDueAt: NOW.toISOString() }));

    // Act
    const described = await dynamo.clients.dynamo().send(new DescribeTableCommand({ TableName: dynamo.tableName }));
    const due = await dueOf(ownerId, NOW);

    // Assess
    const index = described.Table?.GlobalSecondaryIndexes?.find((entry) => entry.IndexName === TABLE_DESIGN.dueIndex.name);
    expect(index?.Projection?.ProjectionType).toBe('KEYS_ONLY');
    expect(due.map((ref) => ref.contactId)).toEqual(['keysonly000000000001']);
  });

  it('creates a plan once and conflicts on a stale save', async () => {
    // Prepare
    const ownerId = newOwner();
    const plan = makePlan({ ownerId, contactId: 'plan0000000000000001', version: 1 });
    await repository.createPlan(plan);

    // Act
    const again = await repository.createPlan({ ...plan, nextPrompt: 'check-in' });
    await repository.savePlan({ ...plan, checkInsSent: 1, version: 2 });
    const stale = repository.savePlan({ ...plan, checkInsSent: 5, version: 2 });

    // Assess
    expect(again).toEqual({ created: false, plan });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    expect((await repository.getPlan(ownerId, plan.contactId))?.checkInsSent).toBe(1);
  });

  it('finds due plans oldest first across every shard, up to the limit', async () => {
    // Prepare: enough contacts that every shard holds some.
    const ownerId = newOwner();
    const contactIds = Array.from({ length: 12 }, (_, index) => `order${String(index).padStart(15, '0')}`);
    const shardsUsed = new Set(contactIds.map(dueShardOf));
    // Due times deliberately not in id order: contact i is due (12 - i) minutes before NOW.
    for (const [index, contactId] of contactIds.entries()) {
      const dueAt = minutesFrom(NOW, -(contactIds.length - index)).toISOString();
      await repository.createPlan(makePlan({ ownerId, contactId, nextDueAt: dueAt }));
    }

    // Act
    const all = await dueOf(ownerId, NOW);
    const firstFive = await repository.findDue(NOW, 5);

    // Assess
    expect(shardsUsed.size).toBe(TABLE_DESIGN.dueShardCount);
    expect(all.map((ref) => ref.contactId)).toEqual(contactIds);
    const dueTimes = all.map((ref) => ref.dueAt);
    expect(dueTimes).toEqual([...dueTimes].sort());
    expect(firstFive).toHaveLength(5);
    const globalDueTimes = firstFive.map((ref) => ref.dueAt);
    expect(globalDueTimes).toEqual([...globalDueTimes].sort());
  });

  it('finds only plans due at or before the given time', async () => {
    // Prepare
    const ownerId = newOwner();
    await repository.createPlan(makePlan({ ownerId, contactId: 'duenow00000000000001', nextDueAt: NOW.toISOString() }));
    await repository.createPlan(
      makePlan({ ownerId, contactId: 'duelater000000000001', nextDueAt: minutesFrom(NOW, 1).toISOString() }),
    );

    // Act
    const due = await dueOf(ownerId, NOW);

    // Assess
    expect(due.map((ref) => ref.contactId)).toEqual(['duenow00000000000001']);
    expect(due[0]).toMatchObject({ ownerId, dueAt: NOW.toISOString() });
  });

  it('keeps plans without a due time out of the index, and takes a plan out when it is saved without one', async () => {
    // Prepare
    const ownerId = newOwner();
    await repository.createPlan(
      makePlan({ ownerId, contactId: 'sparse00000000000001', nextPrompt: null, nextDueAt: null, status: 'stopped' }),
    );
    const pending = makePlan({ ownerId, contactId: 'sparse00000000000002', nextDueAt: minutesFrom(NOW, -5).toISOString() });
    await repository.createPlan(pending);
    const dueBefore = await dueOf(ownerId, NOW);

    // Act
    await repository.savePlan({ ...pending, status: 'stopped', nextPrompt: null, nextDueAt: null, version: 2 });
    const dueAfter = await dueOf(ownerId, NOW);

    // Assess
    expect(dueBefore.map((ref) => ref.contactId)).toEqual(['sparse00000000000002']);
    expect(dueAfter).toEqual([]);
    expect((await repository.getPlan(ownerId, 'sparse00000000000001'))?.nextDueAt).toBeNull();
  });

  it('normalises a due time with an offset so it sorts with the others', async () => {
    // Prepare: 10:00+02:00 is 08:00Z, before NOW (09:00Z).
    const ownerId = newOwner();
    await repository.createPlan(
      makePlan({ ownerId, contactId: 'offset00000000000001', nextDueAt: '2026-03-02T10:00:00.000+02:00' }),
    );

    // Act
    const due = await dueOf(ownerId, NOW);

    // Assess
    expect(due.map((ref) => ref.dueAt)).toEqual(['2026-03-02T08:00:00.000Z']);
  });
});

describe('claims and leases', () => {
  it('lets exactly one of two concurrent claimers win', async () => {
    // Prepare
    const ownerId = newOwner();
    await repository.createPlan(makePlan({ ownerId, contactId: 'claim000000000000001', nextDueAt: minutesFrom(NOW, -1).toISOString() }));
    const [ref] = await dueOf(ownerId, NOW);
    if (!ref) throw new Error('expected a due plan');
    const leaseUntil = new Date(NOW.getTime() + LEASE_MS);

    // Act
    const results = await Promise.all([
      repository.claimDue(ref, NOW, leaseUntil, 'claimer-a'),
      repository.claimDue(ref, NOW, leaseUntil, 'claimer-b'),
    ]);

    // Assess
    const winners = results.filter((plan) => plan !== null);
    expect(winners).toHaveLength(1);
    const stored = await repository.getPlan(ownerId, ref.contactId);
    expect(stored?.lease).toEqual({ until: leaseUntil.toISOString(), claimId: winners[0]?.lease?.claimId });
    expect(stored?.version).toBe(2);
    // The claimed plan stays in the due index at its due time.
    expect((await dueOf(ownerId, NOW)).map((due) => due.dueKey)).toEqual([ref.dueKey]);
  });

  it('lets a claimer take a plan whose lease has expired, not one whose lease is live', async () => {
    // Prepare
    const ownerId = newOwner();
    await repository.createPlan(makePlan({ ownerId, contactId: 'claim000000000000002', nextDueAt: minutesFrom(NOW, -1).toISOString() }));
    const [ref] = await dueOf(ownerId, NOW);
    if (!ref) throw new Error('expected a due plan');
    await repository.claimDue(ref, NOW, new Date(NOW.getTime() + LEASE_MS), 'crashed-sender');

    // Act
    const whileLeased = await repository.claimDue(ref, minutesFrom(NOW, 1), minutesFrom(NOW, 10), 'early');
    const afterExpiry = minutesFrom(NOW, 6);
    const reclaimed = await repository.claimDue(ref, afterExpiry, new Date(afterExpiry.getTime() + LEASE_MS), 'late');

    // Assess
    expect(whileLeased).toBeNull();
    expect(reclaimed?.lease?.claimId).toBe('late');
  });

  it('does not claim a plan that moved since the due index was read', async () => {
    // Prepare
    const ownerId = newOwner();
    const plan = makePlan({ ownerId, contactId: 'claim000000000000003', nextDueAt: minutesFrom(NOW, -1).toISOString() });
    await repository.createPlan(plan);
    const [ref] = await dueOf(ownerId, NOW);
    if (!ref) throw new Error('expected a due plan');
    await repository.savePlan({ ...plan, nextDueAt: minutesFrom(NOW, 60 * 24 * 30).toISOString(), version: 2 });

    // Act
    const claimed = await repository.claimDue(ref, NOW, minutesFrom(NOW, 5), 'claimer');

    // Assess
    expect(claimed).toBeNull();
  });

  it('makes a sender that saves over its claim clear the lease and move the plan on', async () => {
    // Prepare
    const ownerId = newOwner();
    await repository.createPlan(makePlan({ ownerId, contactId: 'claim000000000000004', nextDueAt: minutesFrom(NOW, -1).toISOString() }));
    const [ref] = await dueOf(ownerId, NOW);
    if (!ref) throw new Error('expected a due plan');
    const claimed = await repository.claimDue(ref, NOW, minutesFrom(NOW, 5), 'sender');
    if (!claimed) throw new Error('expected the claim to succeed');
    const nextMonth = minutesFrom(NOW, 60 * 24 * 30).toISOString();

    // Act
    await repository.savePlan({ ...claimed, lease: null, nextPrompt: 'check-in', nextDueAt: nextMonth, version: claimed.version + 1 });

    // Assess
    const stored = await repository.getPlan(ownerId, ref.contactId);
    expect(stored?.lease).toBeNull();
    expect(await dueOf(ownerId, NOW)).toEqual([]);
    expect((await dueOf(ownerId, new Date(nextMonth))).map((due) => due.contactId)).toEqual([ref.contactId]);
  });
});
