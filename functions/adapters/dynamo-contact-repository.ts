/**
 * ContactRepository on one DynamoDB table (keys from table-design.ts). Every write is a
 * single-item conditional write: no transactions, no TTL, so DynamoDB and dynalite behave
 * the same.
 *
 * - Contact profile and Plan are two items under the owner's partition.
 * - Optimistic concurrency: each item carries `version`; save* writes only when the stored
 *   version is `version - 1`, else ConflictError.
 * - The due index is sparse and sharded: a plan carries gsi1pk/gsi1sk exactly while its
 *   `nextDueAt` is set, so an empty sweep reads nothing but one query per shard.
 * - A claim only sets `lease` (and bumps `version`, so a writer holding an older copy of the
 *   plan cannot silently overwrite the lease); it never touches the index keys, so a plan
 *   whose sender crashed is found again once the lease has expired.
 */
import { DEFAULT_DRAFT_LANGUAGE } from '../core/drafting/draft-languages.js';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type NativeAttributeValue,
} from '@aws-sdk/lib-dynamodb';
import { ConflictError, InvalidInputError } from '../core/errors.js';
import type { Contact, Plan } from '../core/model.js';
import type { ContactRepository, DueRef, ReadOptions } from '../core/ports.js';
import { isConditionalCheckFailed, toAdapterError } from './aws-errors.js';
import {
  CONTACT_SORT_KEY_PREFIX,
  PLAN_SORT_KEY_PREFIX,
  TABLE_DESIGN,
  contactSortKey,
  duePartitionKey,
  dueShardOf,
  dueSortKey,
  ownerPartitionKey,
  planSortKey,
  dueAtOfSortKey,
  dueSortKeyUpperBound,
} from './table-design.js';

type Item = Record<string, NativeAttributeValue>;

/** Items per query page when listing (DynamoDB also caps a page at 1 MB). */
const LIST_PAGE_SIZE = 100;
/** Marks each item's kind, so a scan of the table (backups, support) reads well. */
const ENTITY_CONTACT = 'contact';
const ENTITY_PLAN = 'plan';

const { partitionKey: PK, sortKey: SK } = TABLE_DESIGN;
const { name: DUE_INDEX, partitionKey: GSI_PK, sortKey: GSI_SK } = TABLE_DESIGN.dueIndex;
/** Attributes the repository adds to the domain objects; stripped on read. */
const STORAGE_ATTRIBUTES = new Set([PK, SK, GSI_PK, GSI_SK, 'entity']);

export interface DynamoContactRepositoryOptions {
  /** The SDK client built by the runtime (endpoint, retries). */
  client: DynamoDBClient;
  tableName: string;
}

/** The due-index keys of a plan, or null when nothing is pending (the plan leaves the index). */
function dueIndexKeysOf(plan: Plan): { gsi1pk: string; gsi1sk: string } | null {
  if (plan.nextDueAt === null) return null;
  const dueAt = new Date(plan.nextDueAt);
  if (Number.isNaN(dueAt.getTime())) {
    throw new InvalidInputError(`plan ${plan.contactId} has an unreadable nextDueAt`);
  }
  // Normalised to toISOString() so every key has the same length and sorts as time does.
  return {
    gsi1pk: duePartitionKey(dueShardOf(plan.contactId)),
    gsi1sk: dueSortKey(dueAt.toISOString(), plan.ownerId, plan.contactId),
  };
}

function contactToItem(contact: Contact): Item {
  return {
    ...contact,
    [PK]: ownerPartitionKey(contact.ownerId),
    [SK]: contactSortKey(contact.contactId),
    entity: ENTITY_CONTACT,
  };
}

function planToItem(plan: Plan): Item {
  const { lease, ...rest } = plan;
  const item: Item = {
    ...rest,
    [PK]: ownerPartitionKey(plan.ownerId),
    [SK]: planSortKey(plan.contactId),
    entity: ENTITY_PLAN,
  };
  // No lease is stored as a missing attribute, which the claim condition tests for.
  if (lease) item.lease = lease;
  const dueKeys = dueIndexKeysOf(plan);
  if (dueKeys) {
    item[GSI_PK] = dueKeys.gsi1pk;
    item[GSI_SK] = dueKeys.gsi1sk;
  }
  return item;
}

function withoutStorageAttributes(item: Item): Item {
  return Object.fromEntries(Object.entries(item).filter(([key]) => !STORAGE_ATTRIBUTES.has(key)));
}

/** Contacts stored before drafts had languages carry no `language`: their drafts are in the default language. */
function itemToContact(item: Item): Contact {
  const contact = withoutStorageAttributes(item) as Contact;
  return { ...contact, language: contact.language ?? DEFAULT_DRAFT_LANGUAGE };
}

function itemToPlan(item: Item): Plan {
  const plan = withoutStorageAttributes(item) as Plan;
  return { ...plan, lease: plan.lease ?? null };
}

/** Reads a due-index entry back into a DueRef (the sort key is `<due ISO>#<owner>#<contact>`). */
function itemToDueRef(item: Item): DueRef {
  const dueKey = String(item[GSI_SK]);
  const ownerId = String(item[PK]).slice(ownerPartitionKey('').length);
  const contactId = String(item[SK]).slice(PLAN_SORT_KEY_PREFIX.length);
  const dueAt = dueAtOfSortKey(dueKey);
  return { ownerId, contactId, dueKey, dueAt };
}

/** See the module comment. */
export class DynamoContactRepository implements ContactRepository {
  private readonly documents: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(options: DynamoContactRepositoryOptions) {
    this.documents = DynamoDBDocumentClient.from(options.client, {
      // Optional fields of the model (history details) are left out rather than failing the write.
      marshallOptions: { removeUndefinedValues: true },
    });
    this.tableName = options.tableName;
  }

  async createContact(contact: Contact): Promise<{ created: boolean; contact: Contact }> {
    const created = await this.putIfAbsent(contactToItem(contact), 'create contact');
    if (created) return { created: true, contact };
    const existing = await this.getContact(contact.ownerId, contact.contactId);
    if (!existing) throw new ConflictError(`contact ${contact.contactId} exists but could not be read back`);
    return { created: false, contact: existing };
  }

  async createPlan(plan: Plan): Promise<{ created: boolean; plan: Plan }> {
    const created = await this.putIfAbsent(planToItem(plan), 'create plan');
    if (created) return { created: true, plan };
    const existing = await this.getPlan(plan.ownerId, plan.contactId);
    if (!existing) throw new ConflictError(`plan ${plan.contactId} exists but could not be read back`);
    return { created: false, plan: existing };
  }

  async getContact(ownerId: string, contactId: string, options: ReadOptions = {}): Promise<Contact | null> {
    const strong = options.consistency !== 'eventual';
    const item = await this.getItem(ownerPartitionKey(ownerId), contactSortKey(contactId), 'get contact', strong);
    return item ? itemToContact(item) : null;
  }

  async getPlan(ownerId: string, contactId: string): Promise<Plan | null> {
    const item = await this.getItem(ownerPartitionKey(ownerId), planSortKey(contactId), 'get plan');
    return item ? itemToPlan(item) : null;
  }

  async listContacts(ownerId: string): Promise<{ contact: Contact; plan: Plan | null }[]> {
    const contacts: Contact[] = [];
    const plans = new Map<string, Plan>();
    let startKey: Item | undefined;
    do {
      const page = await this.send('list contacts', () =>
        this.documents.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: '#pk = :pk',
            ExpressionAttributeNames: { '#pk': PK },
            ExpressionAttributeValues: { ':pk': ownerPartitionKey(ownerId) },
            ConsistentRead: true,
            Limit: LIST_PAGE_SIZE,
            ExclusiveStartKey: startKey,
          }),
        ),
      );
      for (const item of page.Items ?? []) {
        const sortKey = String(item[SK]);
        if (sortKey.startsWith(CONTACT_SORT_KEY_PREFIX)) contacts.push(itemToContact(item));
        else if (sortKey.startsWith(PLAN_SORT_KEY_PREFIX)) {
          const plan = itemToPlan(item);
          plans.set(plan.contactId, plan);
        }
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return contacts.map((contact) => ({ contact, plan: plans.get(contact.contactId) ?? null }));
  }

  async saveContact(contact: Contact): Promise<void> {
    await this.putIfVersion(contactToItem(contact), contact.version, `contact ${contact.contactId}`);
  }

  async savePlan(plan: Plan): Promise<void> {
    await this.putIfVersion(planToItem(plan), plan.version, `plan ${plan.contactId}`);
  }

  async findDue(until: Date, limit: number): Promise<DueRef[]> {
    if (limit <= 0) return [];
    const upperBound = dueSortKeyUpperBound(until.toISOString());
    const shards = Array.from({ length: TABLE_DESIGN.dueShardCount }, (_, shard) => shard);
    // Each shard yields its oldest `limit` entries, so the oldest `limit` overall are among them.
    const perShard = await Promise.all(shards.map((shard) => this.queryDueShard(shard, upperBound, limit)));
    return perShard
      .flat()
      .sort((left, right) => (left.dueKey < right.dueKey ? -1 : left.dueKey > right.dueKey ? 1 : 0))
      .slice(0, limit);
  }

  dueRefOf(plan: Plan): DueRef | null {
    const dueKeys = dueIndexKeysOf(plan);
    if (!dueKeys) return null;
    return {
      ownerId: plan.ownerId,
      contactId: plan.contactId,
      dueKey: dueKeys.gsi1sk,
      dueAt: dueAtOfSortKey(dueKeys.gsi1sk),
    };
  }

  async claimDue(ref: DueRef, now: Date, leaseUntil: Date, claimId: string): Promise<Plan | null> {
    try {
      const result = await this.documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { [PK]: ownerPartitionKey(ref.ownerId), [SK]: planSortKey(ref.contactId) },
          UpdateExpression: 'SET #lease = :lease, #version = #version + :one',
          ConditionExpression: '#gsi1sk = :seen AND (attribute_not_exists(#lease) OR #lease.#until < :now)',
          ExpressionAttributeNames: {
            '#lease': 'lease',
            '#until': 'until',
            '#version': 'version',
            '#gsi1sk': GSI_SK,
          },
          ExpressionAttributeValues: {
            // ISO strings of one length compare as the times they name.
            ':lease': { until: leaseUntil.toISOString(), claimId },
            ':now': now.toISOString(),
            ':seen': ref.dueKey,
            ':one': 1,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return result.Attributes ? itemToPlan(result.Attributes) : null;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return null;
      throw toAdapterError(error, 'claim due plan');
    }
  }

  private async queryDueShard(shard: number, upperBound: string, limit: number): Promise<DueRef[]> {
    const refs: DueRef[] = [];
    let startKey: Item | undefined;
    do {
      const page = await this.send('find due plans', () =>
        this.documents.send(
          new QueryCommand({
            TableName: this.tableName,
            IndexName: DUE_INDEX,
            KeyConditionExpression: '#gpk = :shard AND #gsk <= :until',
            ExpressionAttributeNames: { '#gpk': GSI_PK, '#gsk': GSI_SK },
            ExpressionAttributeValues: { ':shard': duePartitionKey(shard), ':until': upperBound },
            ScanIndexForward: true,
            Limit: limit - refs.length,
            ExclusiveStartKey: startKey,
          }),
        ),
      );
      for (const item of page.Items ?? []) refs.push(itemToDueRef(item));
      startKey = page.LastEvaluatedKey;
    } while (startKey && refs.length < limit);
    return refs;
  }

  private async getItem(pk: string, sk: string, operation: string, consistentRead = true): Promise<Item | null> {
    const result = await this.send(operation, () =>
      this.documents.send(
        new GetCommand({ TableName: this.tableName, Key: { [PK]: pk, [SK]: sk }, ConsistentRead: consistentRead }),
      ),
    );
    return result.Item ?? null;
  }

  /** Puts an item unless one with its key exists; returns false when it did. */
  private async putIfAbsent(item: Item, operation: string): Promise<boolean> {
    try {
      await this.documents.send(
        new PutCommand({
          TableName: this.tableName,
          Item: item,
          ConditionExpression: 'attribute_not_exists(#pk)',
          ExpressionAttributeNames: { '#pk': PK },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw toAdapterError(error, operation);
    }
  }

  /** Replaces an item if it exists at `version - 1`; ConflictError otherwise. */
  private async putIfVersion(item: Item, version: number, what: string): Promise<void> {
    try {
      await this.documents.send(
        new PutCommand({
          TableName: this.tableName,
          Item: item,
          ConditionExpression: 'attribute_exists(#pk) AND #version = :previous',
          ExpressionAttributeNames: { '#pk': PK, '#version': 'version' },
          ExpressionAttributeValues: { ':previous': version - 1 },
        }),
      );
    } catch (error) {
      if (isConditionalCheckFailed(error)) {
        throw new ConflictError(`${what} changed since it was read (expected version ${version - 1})`, {
          cause: error,
        });
      }
      throw toAdapterError(error, `save ${what}`);
    }
  }

  private async send<T>(operation: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw toAdapterError(error, operation);
    }
  }
}
