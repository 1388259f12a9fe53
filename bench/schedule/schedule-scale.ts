/**
 * Part 3: the schedule at scale, on the local stack's dynalite (in memory) and its SES
 * emulator, through the real dispatch use case (dispatchDue) with the real adapters built by
 * the runtime (buildDeliverDeps): only the repository's DynamoDB client is the bench's, with
 * a capacity-counting middleware (capacity-meter.ts). The table is created with the deployed
 * design (infra: due index projecting KEYS_ONLY; keys from table-design.ts).
 *
 * Seeding is fast: BatchWrite of items built from the key module (table-design.ts) and the
 * repository's own dueRefOf for the due-index sort key (the repository's item mapping is not
 * exported), checked once by reading a seeded plan back through the repository.
 */
import { CreateTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { getStoreReadonly } from 'aws-ses-v2-local/dist/store.js';
import { isDeepStrictEqual } from 'node:util';
import { performance } from 'node:perf_hooks';
import { DynamoContactRepository } from '../../functions/adapters/dynamo-contact-repository.js';
import { SesOwnerMailer } from '../../functions/adapters/ses-owner-mailer.js';
import {
  TABLE_DESIGN,
  createTableRequest,
  contactSortKey,
  duePartitionKey,
  dueShardOf,
  ownerPartitionKey,
  planSortKey,
} from '../../functions/adapters/table-design.js';
import type { Contact, Plan } from '../../functions/core/model.js';
import { dispatchDue, DEFAULT_DISPATCH_LIMIT } from '../../functions/core/use-cases/dispatch-due.js';
import { buildDynamoClient, buildSesClient } from '../../functions/runtime/clients.js';
import { parseConfig, type Config } from '../../functions/runtime/config.js';
import { buildDeliverDeps, FROM_DISPLAY_NAME, type RuntimeDeliverDeps } from '../../functions/runtime/container.js';
import { runtimeClock } from '../../functions/runtime/clock.js';
import { makeContact, makePlan, makeSignals } from '../../test/support/sample-contacts.js';
import type { LocalStack } from '../../local/stack/start-local-stack.js';
import { mapWithConcurrency, ratio } from '../support/stats.js';
import { formatMs, row, type ResultRow } from '../support/table.js';
import { CapacityMeter, callsOf, type CapacitySnapshot } from './capacity-meter.js';

export const SCALE_TABLE_NAME = 'not-today-bench-scale';
/** Targets (issue 6): capacity per prompt sent, and queries per empty sweep. */
export const MAX_WRITE_UNITS_PER_PROMPT = 2;
export const MAX_READ_UNITS_PER_PROMPT = 1;
/** DynamoDB's BatchWriteItem limit. */
const BATCH_WRITE_MAX_ITEMS = 25;
const SEED_BATCHES_IN_FLIGHT = 8;
const SEED_CHUNK_ITEMS = 2_500;
const MILLISECONDS_PER_HOUR = 3_600_000;
const MILLISECONDS_PER_DAY = 86_400_000;
const DAYS_AHEAD_OF_NOT_DUE = 365;
const CONTACT_ID_LENGTH = 20;
const HEX = 16;
const SECONDS_PER_SWEEP_INTERVAL = 15 * 60;

export interface ScheduleSizes {
  due: number;
  notDue: number;
  /** Due prompts sent again with the SES emulator replaced by a counting SES client. */
  countingMailer: number;
  /** Most time spent seeding the not-due plans; fewer are seeded when it runs out (reported). */
  seedBudgetMs: number;
}

export interface ScheduleFigures {
  rows: ResultRow[];
  notes: string[];
  /** Per prompt sent, measured on the table (dynalite), for the cost model. */
  perPrompt: { writeUnits: number; readUnits: number; calls: Record<string, number> };
  emptySweep: { queries: number; readUnits: number };
  sweepMs: { perPromptSes: number; perPromptCounting: number };
}

/** A contact id shaped like the real ones (20 hex characters), unique per prefix and index. */
export function benchContactId(prefix: string, index: number): string {
  return `${prefix}${index.toString(HEX)}`.padStart(CONTACT_ID_LENGTH, '0').slice(-CONTACT_ID_LENGTH);
}

type Item = Record<string, unknown>;

function contactItem(contact: Contact): Item {
  return { ...contact, pk: ownerPartitionKey(contact.ownerId), sk: contactSortKey(contact.contactId), entity: 'contact' };
}

function planItem(plan: Plan, repository: DynamoContactRepository): Item {
  const { lease: _lease, ...rest } = plan;
  const item: Item = { ...rest, pk: ownerPartitionKey(plan.ownerId), sk: planSortKey(plan.contactId), entity: 'plan' };
  const ref = repository.dueRefOf(plan);
  if (ref) {
    item[TABLE_DESIGN.dueIndex.partitionKey] = duePartitionKey(dueShardOf(plan.contactId));
    item[TABLE_DESIGN.dueIndex.sortKey] = ref.dueKey;
  }
  return item;
}

const COMPANIES = ['Brightloop', 'Harbor & Finch', 'Quillworks', 'Nordlicht Systems', 'Acme', 'Initrode Labs', 'Blue Heron Health'];
const PEOPLE = ['Dana Whitfield', 'Jordan Lee', 'Priya Raman', 'Lukas Becker', 'Amélie Durand', null];

/** A contact with a check-in due, as it stands a month after its thank-you. */
function dueContactAndPlan(ownerId: string, contactId: string, index: number, dueAt: Date): { contact: Contact; plan: Plan } {
  const company = COMPANIES[index % COMPANIES.length]!;
  const person = PEOPLE[index % PEOPLE.length]!;
  const createdAt = new Date(dueAt.getTime() - 31 * MILLISECONDS_PER_DAY).toISOString();
  const contact = makeContact({
    ownerId,
    contactId,
    company,
    contactName: person,
    contactEmail: `${person ? person.split(' ')[0]!.toLowerCase() : 'talent'}@${company.toLowerCase().replace(/[^a-z]/g, '')}.example`,
    role: index % 3 === 0 ? null : 'Senior Product Designer',
    signals: makeSignals({ reasons: index % 2 === 0 ? ['more experience with design systems'] : [] }),
    createdAt,
    updatedAt: createdAt,
  });
  const plan = makePlan({
    ownerId,
    contactId,
    nextPrompt: 'check-in',
    nextDueAt: dueAt.toISOString(),
    checkInsSent: 0,
    anchorAt: createdAt,
    sentLog: [{ at: createdAt, prompt: 'thank-you' }],
  });
  return { contact, plan };
}

async function createScaleTable(client: DynamoDBClient): Promise<void> {
  // The one table definition the CDK stack, the local stack and the tests share.
  await client.send(new CreateTableCommand(createTableRequest(SCALE_TABLE_NAME)));
}

async function batchWrite(documents: DynamoDBDocumentClient, items: Item[]): Promise<void> {
  const batches: Item[][] = [];
  for (let start = 0; start < items.length; start += BATCH_WRITE_MAX_ITEMS) batches.push(items.slice(start, start + BATCH_WRITE_MAX_ITEMS));
  await mapWithConcurrency(batches, SEED_BATCHES_IN_FLIGHT, async (batch) => {
    let requests = batch.map((Item) => ({ PutRequest: { Item } }));
    while (requests.length > 0) {
      const result = await documents.send(new BatchWriteCommand({ RequestItems: { [SCALE_TABLE_NAME]: requests } }));
      requests = (result.UnprocessedItems?.[SCALE_TABLE_NAME] ?? []) as typeof requests;
    }
  });
}

/** Runs sweeps until one finds nothing due; returns the sent count, sweeps and time. */
async function drain(deps: RuntimeDeliverDeps): Promise<{ sent: number; failed: number; sweeps: number; ms: number }> {
  const start = performance.now();
  let sent = 0;
  let failed = 0;
  let sweeps = 0;
  for (;;) {
    const result = await dispatchDue(deps);
    sweeps += 1;
    sent += result.sent;
    failed += result.failed;
    if (result.due === 0) break;
  }
  return { sent, failed, sweeps, ms: performance.now() - start };
}

/** An SES client that counts SendRawEmail calls and answers them itself (after the SDK built the request). */
function countingSesClient(config: Config): { client: ReturnType<typeof buildSesClient>; sent: () => number } {
  const client = buildSesClient(config);
  let count = 0;
  client.middlewareStack.add(
    () => async () => {
      count += 1;
      return { output: { MessageId: `counted-${count}`, $metadata: {} }, response: {} };
    },
    { step: 'build', name: 'benchCountingMailer' },
  );
  return { client, sent: () => count };
}

function perPromptOf(snapshot: CapacitySnapshot, sent: number) {
  return {
    writeUnits: ratio(snapshot.writeUnits, sent),
    readUnits: ratio(snapshot.readUnits, sent),
    calls: Object.fromEntries(Object.entries(snapshot.calls).map(([name, count]) => [name, count / sent])),
  };
}

export async function runScheduleScale(stack: LocalStack, sizes: ScheduleSizes, log: (line: string) => void): Promise<ScheduleFigures> {
  const section = '3 schedule';
  const config = parseConfig({ ...stack.env, TABLE_NAME: SCALE_TABLE_NAME });
  const seedClient = buildDynamoClient(config);
  const seedDocuments = DynamoDBDocumentClient.from(seedClient, { marshallOptions: { removeUndefinedValues: true } });
  await createScaleTable(seedClient);

  const meteredClient = buildDynamoClient(config);
  const meter = new CapacityMeter();
  meter.attachTo(meteredClient);
  const repository = new DynamoContactRepository({ client: meteredClient, tableName: SCALE_TABLE_NAME });
  const runtimeDeps = await buildDeliverDeps(config);
  const deps: RuntimeDeliverDeps = { ...runtimeDeps, repository };
  const ownerId = config.OWNER_ID;
  const now = runtimeClock.now();

  // Empty sweep on an empty table, then with `notDue` plans pending later.
  meter.reset();
  await dispatchDue(deps);
  const emptyOnEmpty = meter.snapshot();

  // Seeded in chunks, within a time budget (dynalite is slow to fill); the count reached is reported.
  const seedStart = performance.now();
  let notDueSeeded = 0;
  while (notDueSeeded < sizes.notDue && performance.now() - seedStart < sizes.seedBudgetMs) {
    const chunk: Item[] = [];
    const end = Math.min(sizes.notDue, notDueSeeded + SEED_CHUNK_ITEMS);
    for (let index = notDueSeeded; index < end; index += 1) {
      const dueAt = new Date(now.getTime() + (1 + (index % DAYS_AHEAD_OF_NOT_DUE)) * MILLISECONDS_PER_DAY);
      chunk.push(planItem(dueContactAndPlan(ownerId, benchContactId('a', index), index, dueAt).plan, repository));
    }
    await batchWrite(seedDocuments, chunk);
    notDueSeeded = end;
  }
  const seedNotDueMs = performance.now() - seedStart;
  log(`  seeded ${notDueSeeded} not-due plans in ${formatMs(seedNotDueMs)}`);

  meter.reset();
  const emptyStart = performance.now();
  const emptyResult = await dispatchDue(deps);
  const emptyMs = performance.now() - emptyStart;
  const emptyOnFull = meter.snapshot();
  if (emptyResult.due !== 0) throw new Error(`the empty sweep found ${emptyResult.due} plans due`);

  // `due` contacts with a check-in due an hour ago.
  const seedDue = async (prefix: string, count: number): Promise<void> => {
    const items: Item[] = [];
    const dueAt = new Date(now.getTime() - MILLISECONDS_PER_HOUR);
    for (let index = 0; index < count; index += 1) {
      const { contact, plan } = dueContactAndPlan(ownerId, benchContactId(prefix, index), index, dueAt);
      items.push(contactItem(contact), planItem(plan, repository));
    }
    await batchWrite(seedDocuments, items);
    // The seeding must match the repository's own mapping: read one plan back.
    const { plan } = dueContactAndPlan(ownerId, benchContactId(prefix, 0), 0, dueAt);
    const readBack = await new DynamoContactRepository({ client: seedClient, tableName: SCALE_TABLE_NAME }).getPlan(ownerId, plan.contactId);
    if (!isDeepStrictEqual(readBack, plan)) throw new Error('seeded plan does not read back as the repository maps it');
  };
  await seedDue('b', sizes.due);
  log(`  seeded ${sizes.due} due contacts`);

  const storeBefore = getStoreReadonly().emails.length;
  meter.reset();
  const sesRun = await drain(deps);
  const sesCapacity = meter.snapshot();
  const stored = getStoreReadonly().emails.length - storeBefore;
  log(`  sent ${sesRun.sent} prompts through the SES emulator in ${formatMs(sesRun.ms)} (${sesRun.sweeps} sweeps)`);

  await seedDue('c', sizes.countingMailer);
  const counting = countingSesClient(config);
  const countingDeps: RuntimeDeliverDeps = {
    ...deps,
    mailer: new SesOwnerMailer({
      client: counting.client,
      fromAddress: config.FROM_ADDRESS,
      fromName: FROM_DISPLAY_NAME,
      ownerAddress: config.OWNER_ADDRESSES[0]!,
      clock: runtimeClock,
    }),
  };
  meter.reset();
  const countingRun = await drain(countingDeps);
  const countingCapacity = meter.snapshot();
  const countingDynamoMs = countingCapacity.milliseconds;
  log(`  sent ${countingRun.sent} prompts to a counting SES client in ${formatMs(countingRun.ms)}`);

  seedClient.destroy();
  meteredClient.destroy();

  const perPrompt = perPromptOf(sesCapacity, sesRun.sent);
  const shards = TABLE_DESIGN.dueShardCount;
  const emptyQueries = callsOf(emptyOnFull, 'Query');
  const perPromptSes = sesRun.ms / sesRun.sent;
  const perPromptCounting = countingRun.ms / countingRun.sent;
  const callsPerPrompt = Object.entries(perPrompt.calls)
    .map(([name, count]) => `${name.replace(/Command$/, '')} ${count.toFixed(2)}`)
    .join(', ');
  const rows: ResultRow[] = [
    row(section, `dispatch ${sizes.due} due prompts (SES emulator)`, `${sesRun.sent} sent, ${sesRun.failed} failed, ${stored} stored`,
      `${formatMs(sesRun.ms)} total, ${formatMs(perPromptSes)}/prompt, ${sesRun.sweeps} sweeps of <= ${DEFAULT_DISPATCH_LIMIT}`,
      { text: 'all sent, none lost', pass: sesRun.sent === sizes.due && stored === sizes.due && sesRun.failed === 0 }),
    row(section, `dispatch ${sizes.countingMailer} due prompts (counting SES client)`, `${countingRun.sent} sent, ${countingRun.failed} failed, ${counting.sent()} counted`,
      `${formatMs(countingRun.ms)} total, ${formatMs(perPromptCounting)}/prompt; ${(countingCapacity.writeUnits / countingRun.sent).toFixed(2)} write + ${(countingCapacity.readUnits / countingRun.sent).toFixed(2)} read units/prompt`,
      { text: 'all sent, none lost', pass: countingRun.sent === sizes.countingMailer && counting.sent() === sizes.countingMailer && countingRun.failed === 0 }),
    row(section, 'time per prompt: SES emulator / counting SES client', `${(perPromptSes / perPromptCounting).toFixed(2)}x`,
      `${formatMs(perPromptSes)} vs ${formatMs(perPromptCounting)} (${countingRun.sent} prompts)`),
    row(section, 'share of dispatch time waiting for DynamoDB (dynalite)', `${((100 * sesCapacity.milliseconds) / sesRun.ms).toFixed(0)}%`,
      `${formatMs(sesCapacity.milliseconds / sesRun.sent)}/prompt (counting-client run: ${((100 * countingDynamoMs) / countingRun.ms).toFixed(0)}%)`),
    row(section, 'write units per prompt sent (table, dynalite)', perPrompt.writeUnits.toFixed(2), `calls per prompt: ${callsPerPrompt}`,
      { text: `<= ${MAX_WRITE_UNITS_PER_PROMPT}`, pass: perPrompt.writeUnits <= MAX_WRITE_UNITS_PER_PROMPT }),
    row(section, 'read units per prompt sent (table + index, dynalite)', perPrompt.readUnits.toFixed(2), `${sesCapacity.readUnits.toFixed(1)} RCU for ${sesRun.sent} prompts`,
      { text: `<= ${MAX_READ_UNITS_PER_PROMPT}`, pass: perPrompt.readUnits <= MAX_READ_UNITS_PER_PROMPT }),
    row(section, `empty sweep, ${notDueSeeded} plans pending later: queries`, `${emptyQueries} (shards: ${shards})`,
      `0 plans: ${callsOf(emptyOnEmpty, 'Query')} queries; ${formatMs(emptyMs)} per sweep`,
      { text: 'one query per shard, independent of size', pass: emptyQueries === shards && callsOf(emptyOnEmpty, 'Query') === shards }),
    row(section, 'empty sweep: read units (dynalite)', emptyOnFull.readUnits.toFixed(2), `writes: ${emptyOnFull.writeUnits}; 0 plans: ${emptyOnEmpty.readUnits} RCU`),
    row(section, `drain time of ${sizes.due} due at once, deployed schedule`, `${Math.ceil(sizes.due / DEFAULT_DISPATCH_LIMIT)} sweep(s)`,
      `${DEFAULT_DISPATCH_LIMIT} per sweep, one sweep per ${SECONDS_PER_SWEEP_INTERVAL / 60} min: ${((Math.ceil(sizes.due / DEFAULT_DISPATCH_LIMIT) * SECONDS_PER_SWEEP_INTERVAL) / 3600).toFixed(1)} h`),
  ];
  const notes = [
    'The emulators (dynalite, the SES emulator) run in the same Node process as the dispatcher, so their CPU time counts in the dispatch time; on AWS the sweep waits on the network instead.',
    `dynalite reports the capacity of the table and of the index a query reads, not the writes DynamoDB makes to a global secondary index; the cost model (part 5) adds them. Table created with the deployed design (due index KEYS_ONLY), the one createTableRequest the local stack uses too.`,
    `Seeding: ${notDueSeeded} not-due plans (of ${sizes.notDue} asked; budget ${formatMs(sizes.seedBudgetMs)}) (plans only: the sweep never reads profiles) in ${formatMs(seedNotDueMs)}, then ${sizes.due} + ${sizes.countingMailer} due contacts (profile + plan) by BatchWrite.`,
    'Counting SES client: the real SesOwnerMailer (MIME built by MailComposer, the SDK serialises SendRawEmail) with a middleware that answers instead of the network, to separate the emulator from our own cost.',
  ];
  return {
    rows,
    notes,
    perPrompt,
    emptySweep: { queries: emptyQueries, readUnits: emptyOnFull.readUnits },
    sweepMs: { perPromptSes, perPromptCounting },
  };
}
