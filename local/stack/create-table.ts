/**
 * Creates the project's single table (keys and due index from table-design.ts) when it is
 * missing, and waits until it is ACTIVE. Used by the local stack and by integration tests.
 */
import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { createTableRequest } from '../../functions/adapters/table-design.js';
import { TransientError } from '../../functions/core/errors.js';

/** How long to wait for the table to become ACTIVE, and how often to look. */
const ACTIVE_WAIT_MS = 30_000;
const ACTIVE_POLL_MS = 50;

/**
 * Ensures the table exists and is ACTIVE. Idempotent: an existing table is left as it is.
 * The request comes from table-design.ts, as the deployed table's definition does, so the due
 * index projects what it projects on AWS (keys only): a read that needs more than the keys
 * would fail here as it would there.
 */
export async function createTableIfMissing(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new CreateTableCommand(createTableRequest(tableName)));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  await waitUntilActive(client, tableName);
}

async function waitUntilActive(client: DynamoDBClient, tableName: string): Promise<void> {
  const deadline = Date.now() + ACTIVE_WAIT_MS;
  for (;;) {
    try {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
      const indexesActive = (Table?.GlobalSecondaryIndexes ?? []).every((index) => index.IndexStatus === 'ACTIVE');
      if (Table?.TableStatus === 'ACTIVE' && indexesActive) return;
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
    }
    if (Date.now() > deadline) throw new TransientError(`table ${tableName} did not become ACTIVE within ${ACTIVE_WAIT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, ACTIVE_POLL_MS));
  }
}
