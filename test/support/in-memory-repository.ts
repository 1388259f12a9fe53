/**
 * An in-memory ContactRepository for unit tests, faithful to the DynamoDB adapter's rules:
 * conditional creates (attribute_not_exists), version-checked saves (ConflictError on a lost
 * race), a sparse due index keyed exactly like the table's (functions/adapters/table-design.ts,
 * sharded, sorted by due key), and claims as conditional updates of the lease only (the plan
 * stays in the due index, so an expired lease makes it claimable again).
 * Every read returns a copy, so a test cannot change stored state by accident.
 */
import {
  dueShardOf,
  dueSortKey,
  TABLE_DESIGN,
} from '../../functions/adapters/table-design.js';
import { ConflictError } from '../../functions/core/errors.js';
import type { Contact, Plan } from '../../functions/core/model.js';
import type { ContactRepository, DueRef } from '../../functions/core/ports.js';

type Method = keyof ContactRepository;

export class InMemoryContactRepository implements ContactRepository {
  private readonly contacts = new Map<string, Contact>();
  private readonly plans = new Map<string, Plan>();
  private readonly failures = new Map<Method, unknown[]>();
  /** How often each method was called (to assert the hot path's cost). */
  readonly calls: Partial<Record<Method, number>> = {};

  /** Makes the next call(s) of `method` throw `error` (once per queued error). */
  failNext(method: Method, error: unknown, times = 1): void {
    const queue = this.failures.get(method) ?? [];
    for (let index = 0; index < times; index += 1) queue.push(error);
    this.failures.set(method, queue);
  }

  async createContact(contact: Contact): Promise<{ created: boolean; contact: Contact }> {
    this.enter('createContact');
    const key = itemKey(contact.ownerId, contact.contactId);
    const existing = this.contacts.get(key);
    if (existing) return { created: false, contact: structuredClone(existing) };
    this.contacts.set(key, structuredClone(contact));
    return { created: true, contact: structuredClone(contact) };
  }

  async createPlan(plan: Plan): Promise<{ created: boolean; plan: Plan }> {
    this.enter('createPlan');
    const key = itemKey(plan.ownerId, plan.contactId);
    const existing = this.plans.get(key);
    if (existing) return { created: false, plan: structuredClone(existing) };
    this.plans.set(key, structuredClone(plan));
    return { created: true, plan: structuredClone(plan) };
  }

  async getContact(ownerId: string, contactId: string): Promise<Contact | null> {
    this.enter('getContact');
    const found = this.contacts.get(itemKey(ownerId, contactId));
    return found ? structuredClone(found) : null;
  }

  async getPlan(ownerId: string, contactId: string): Promise<Plan | null> {
    this.enter('getPlan');
    const found = this.plans.get(itemKey(ownerId, contactId));
    return found ? structuredClone(found) : null;
  }

  async listContacts(ownerId: string): Promise<{ contact: Contact; plan: Plan | null }[]> {
    this.enter('listContacts');
    return [...this.contacts.values()]
      .filter((contact) => contact.ownerId === ownerId)
      .sort((left, right) => (left.contactId < right.contactId ? -1 : 1))
      .map((contact) => {
        const plan = this.plans.get(itemKey(ownerId, contact.contactId));
        return { contact: structuredClone(contact), plan: plan ? structuredClone(plan) : null };
      });
  }

  async saveContact(contact: Contact): Promise<void> {
    this.enter('saveContact');
    const key = itemKey(contact.ownerId, contact.contactId);
    const stored = this.contacts.get(key);
    if (!stored || stored.version !== contact.version - 1) {
      throw new ConflictError(`contact ${contact.contactId}: expected version ${contact.version - 1}`);
    }
    this.contacts.set(key, structuredClone(contact));
  }

  async savePlan(plan: Plan): Promise<void> {
    this.enter('savePlan');
    const key = itemKey(plan.ownerId, plan.contactId);
    const stored = this.plans.get(key);
    if (!stored || stored.version !== plan.version - 1) {
      throw new ConflictError(`plan ${plan.contactId}: expected version ${plan.version - 1}`);
    }
    this.plans.set(key, structuredClone(plan));
  }

  async findDue(until: Date, limit: number): Promise<DueRef[]> {
    this.enter('findDue');
    // One query per shard: gsi1pk = DUE#<shard> AND gsi1sk <= "<until>#\uffff", ascending, Limit.
    const upper = `${until.toISOString()}#\uffff`;
    const refs: DueRef[] = [];
    for (let shard = 0; shard < TABLE_DESIGN.dueShardCount; shard += 1) {
      const inShard = [...this.plans.values()]
        .map((plan) => this.dueRefOf(plan))
        .filter((ref): ref is DueRef => ref !== null && dueShardOf(ref.contactId) === shard && ref.dueKey <= upper)
        .sort((left, right) => (left.dueKey < right.dueKey ? -1 : 1))
        .slice(0, limit);
      refs.push(...inShard);
    }
    return refs.sort((left, right) => (left.dueKey < right.dueKey ? -1 : 1)).slice(0, limit);
  }

  async claimDue(ref: DueRef, now: Date, leaseUntil: Date, claimId: string): Promise<Plan | null> {
    this.enter('claimDue');
    const key = itemKey(ref.ownerId, ref.contactId);
    const stored = this.plans.get(key);
    // Condition: gsi1sk = :dueKey AND (attribute_not_exists(lease) OR lease.until < :now)
    if (!stored || this.dueRefOf(stored)?.dueKey !== ref.dueKey) return null;
    if (stored.lease && !(stored.lease.until < now.toISOString())) return null;
    const claimed: Plan = {
      ...structuredClone(stored),
      lease: { until: leaseUntil.toISOString(), claimId },
      version: stored.version + 1,
    };
    this.plans.set(key, claimed);
    return structuredClone(claimed);
  }

  dueRefOf(plan: Plan): DueRef | null {
    if (!plan.nextDueAt) return null;
    return {
      ownerId: plan.ownerId,
      contactId: plan.contactId,
      dueKey: dueSortKey(plan.nextDueAt, plan.ownerId, plan.contactId),
      dueAt: plan.nextDueAt,
    };
  }

  /** Test access: the stored plan, or throws. */
  storedPlan(ownerId: string, contactId: string): Plan {
    const plan = this.plans.get(itemKey(ownerId, contactId));
    if (!plan) throw new Error(`no plan ${contactId}`);
    return structuredClone(plan);
  }

  /** Test access: the stored contact, or throws. */
  storedContact(ownerId: string, contactId: string): Contact {
    const contact = this.contacts.get(itemKey(ownerId, contactId));
    if (!contact) throw new Error(`no contact ${contactId}`);
    return structuredClone(contact);
  }

  /** Test setup: store items as they are, bypassing the conditions. */
  seed(contact: Contact, plan: Plan | null): void {
    this.contacts.set(itemKey(contact.ownerId, contact.contactId), structuredClone(contact));
    if (plan) this.plans.set(itemKey(plan.ownerId, plan.contactId), structuredClone(plan));
  }

  /** Number of stored contacts. */
  get contactCount(): number {
    return this.contacts.size;
  }

  private enter(method: Method): void {
    this.calls[method] = (this.calls[method] ?? 0) + 1;
    const queue = this.failures.get(method);
    if (queue && queue.length > 0) throw queue.shift();
  }
}

function itemKey(ownerId: string, contactId: string): string {
  return `${ownerId}\u0000${contactId}`;
}
