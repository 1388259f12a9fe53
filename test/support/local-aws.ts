/**
 * Real local stand-ins for AWS, started on free 127.0.0.1 ports for integration tests: dynalite
 * (in memory, with the project table created from table-design.ts), s3rver (in a temporary
 * folder) and aws-ses-v2-local. They reuse the local stack's own starters, and the clients come
 * from the runtime's `createAwsClients`, exactly as the local stack wires them.
 */
import { createTableIfMissing } from '../../local/stack/create-table.js';
import { startDynamoServer } from '../../local/stack/dynamo-server.js';
import { startMailViewer } from '../../local/stack/mail-viewer-server.js';
import { startS3Server } from '../../local/stack/s3-server.js';
import { createAwsClients, type AwsClients } from '../../functions/runtime/clients.js';

/** Any free port. */
const FREE_PORT = 0;
const LOCAL_REGION = 'us-east-1';
export const TEST_TABLE_NAME = 'not-today-test';
export const TEST_BUCKET = 'not-today-raw-mail-test';

const localUrl = (port: number): string => `http://127.0.0.1:${port}`;

export interface LocalService {
  clients: AwsClients;
  stop(): Promise<void>;
}

/** dynalite in memory, with the project's table ACTIVE. */
export async function startLocalDynamo(): Promise<LocalService & { tableName: string }> {
  const server = await startDynamoServer(null, FREE_PORT);
  const clients = createAwsClients({ AWS_REGION: LOCAL_REGION, DYNAMODB_ENDPOINT: localUrl(server.port) });
  await createTableIfMissing(clients.dynamo(), TEST_TABLE_NAME);
  return {
    clients,
    tableName: TEST_TABLE_NAME,
    stop: async () => {
      clients.dynamo().destroy();
      await server.stop();
    },
  };
}

/** s3rver in a temporary folder (removed on stop), with the raw-mail bucket. */
export async function startLocalS3(): Promise<LocalService & { bucket: string }> {
  const server = await startS3Server(null, FREE_PORT, TEST_BUCKET);
  const clients = createAwsClients({ AWS_REGION: LOCAL_REGION, S3_ENDPOINT: localUrl(server.port) });
  return {
    clients,
    bucket: TEST_BUCKET,
    stop: async () => {
      clients.s3().destroy();
      await server.stop();
    },
  };
}

/** One message as aws-ses-v2-local's GET /store lists it (the fields tests read). */
export interface StoredEmail {
  messageId: string;
  from: string;
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { text?: string; html?: string };
  at: number;
}

/** Every email an aws-ses-v2-local at `baseUrl` holds, oldest first (GET /store). */
export async function fetchSesStore(baseUrl: string): Promise<StoredEmail[]> {
  const response = await fetch(`${baseUrl}/store`);
  if (!response.ok) throw new Error(`SES emulator /store answered ${response.status}`);
  const store = (await response.json()) as { emails: StoredEmail[] };
  return store.emails;
}

/** aws-ses-v2-local; `sentEmails()` reads what it received. */
export async function startLocalSes(): Promise<LocalService & { sentEmails(): Promise<StoredEmail[]> }> {
  const server = await startMailViewer(FREE_PORT);
  const clients = createAwsClients({ AWS_REGION: LOCAL_REGION, SES_ENDPOINT: localUrl(server.port) });
  return {
    clients,
    sentEmails: () => fetchSesStore(localUrl(server.port)),
    stop: async () => {
      clients.ses().destroy();
      await server.stop();
    },
  };
}
