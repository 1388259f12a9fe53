/**
 * The one place that knows the DynamoDB table's shape. The CDK stack, the local stack,
 * the repository and the tests all import it, so a key can never drift between them.
 * It imports nothing, so infra code can use it without pulling in the AWS SDK.
 *
 * Items (single table, on-demand):
 *   Contact profile  pk = USER#<owner>  sk = CONTACT#<contactId>
 *   Plan (schedule)  pk = USER#<owner>  sk = PLAN#<contactId>
 *                    gsi1pk = DUE#<shard>  gsi1sk = <due ISO time>#<owner>#<contactId>
 *                    (the gsi1 attributes exist only while a prompt is pending: a sparse index)
 */
export const TABLE_DESIGN = {
  partitionKey: 'pk',
  sortKey: 'sk',
  dueIndex: {
    name: 'gsi1',
    partitionKey: 'gsi1pk',
    sortKey: 'gsi1sk',
    /**
     * What the index holds besides its keys: nothing. A sweep reads only the keys of each
     * entry (gsi1sk = due time, owner, contact; pk/sk name the plan) and then claims the plan
     * by its primary key, so a KEYS_ONLY index is enough and the cheapest to write.
     */
    projection: 'KEYS_ONLY',
  },
  /**
   * Shards of the due index. An empty sweep costs one query per shard whatever the number
   * of contacts; more shards spread a large due burst over more partitions.
   */
  dueShardCount: 4,
} as const;

export const ownerPartitionKey = (ownerId: string): string => `USER#${ownerId}`;
export const contactSortKey = (contactId: string): string => `CONTACT#${contactId}`;
export const planSortKey = (contactId: string): string => `PLAN#${contactId}`;
export const CONTACT_SORT_KEY_PREFIX = 'CONTACT#';
export const PLAN_SORT_KEY_PREFIX = 'PLAN#';

/** The multiplier of the classic string hash (Java's String.hashCode): spreads ids evenly. */
const SHARD_HASH_MULTIPLIER = 31;

/** The shard of a contact in the due index: a stable hash of its id. */
export function dueShardOf(contactId: string): number {
  let hash = 0;
  for (let index = 0; index < contactId.length; index += 1) {
    hash = (hash * SHARD_HASH_MULTIPLIER + contactId.charCodeAt(index)) >>> 0;
  }
  return hash % TABLE_DESIGN.dueShardCount;
}

export const duePartitionKey = (shard: number): string => `DUE#${shard}`;
export const dueSortKey = (dueAtIso: string, ownerId: string, contactId: string): string =>
  `${dueAtIso}#${ownerId}#${contactId}`;

/** Sorts after every character of an owner id or contact id, so `<until>#~` bounds a due time. */
const DUE_SORT_KEY_UPPER_BOUND_SUFFIX = '#~';

/** The due-index sort key above every entry due at or before `untilIso` (a query's upper bound). */
export const dueSortKeyUpperBound = (untilIso: string): string => `${untilIso}${DUE_SORT_KEY_UPPER_BOUND_SUFFIX}`;

/** The due time (ISO) a due-index sort key starts with. */
export const dueAtOfSortKey = (dueKey: string): string => dueKey.slice(0, dueKey.indexOf('#'));

/**
 * The table as a CreateTable request (the SDK's CreateTableCommandInput shape, written out so
 * this module stays free of the SDK): what the local stack, integration tests and benchmarks
 * create, matching what the CDK stack deploys (infra/stacks/stateful-stack.ts).
 */
export function createTableRequest(tableName: string) {
  const { partitionKey, sortKey, dueIndex } = TABLE_DESIGN;
  const string = 'S' as const;
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: [partitionKey, sortKey, dueIndex.partitionKey, dueIndex.sortKey].map((name) => ({
      AttributeName: name,
      AttributeType: string,
    })),
    KeySchema: [
      { AttributeName: partitionKey, KeyType: 'HASH' as const },
      { AttributeName: sortKey, KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: dueIndex.name,
        KeySchema: [
          { AttributeName: dueIndex.partitionKey, KeyType: 'HASH' as const },
          { AttributeName: dueIndex.sortKey, KeyType: 'RANGE' as const },
        ],
        Projection: { ProjectionType: dueIndex.projection },
      },
    ],
  };
}
