/**
 * Issue 3, end to end against the real local servers (dynalite, s3rver, the SES emulator,
 * the SMTP receiver, the handlers in-process): a forward becomes exactly one owner email
 * with the drafts; a duplicate adds nothing; a month later the check-in arrives; a stranger
 * gets nothing; a dispatcher that dies between claim and send costs no prompt.
 * One stack for the file; each test uses its own company, so tests filter emails by it.
 */
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildGmailForward,
  readSesStore,
  sendSmtp,
  startTestStack,
  uniqueMessageId,
  type LocalStack,
  type StoredEmail,
} from '../../support/local-stack.js';

const OWNER = 'sam.owner@example.com';
/** Monday 1 March 2027, 10:00 UTC: after the 09:00 send hour, so "a month and a day" is past it. */
const CLOCK_START = new Date('2027-03-01T10:00:00Z');
const MILLISECONDS_PER_MINUTE = 60_000;

let stack: LocalStack;

interface Rejection {
  company: string;
  person: string;
  address: string;
  role: string;
}

/** A rejection that gives a reason (so no feedback follow-up is planned: the next prompt is the check-in). */
function forwardOf(rejection: Rejection, options: { messageId?: string; sender?: string; extraHeaders?: string[] } = {}): string {
  const first = rejection.person.split(' ')[0];
  return buildGmailForward({
    owner: `Sam Owner <${options.sender ?? OWNER}>`,
    originalFrom: `${rejection.person} <${rejection.address}>`,
    originalSubject: `Your application for ${rejection.role} at ${rejection.company}`,
    originalMessageId: options.messageId ?? uniqueMessageId(),
    originalBody: [
      `Hi Sam,`,
      '',
      `Thank you for interviewing for the ${rejection.role} position at ${rejection.company}.`,
      'The team enjoyed your presentation.',
      '',
      'We have decided to move forward with another candidate who had more experience with large-scale data pipelines.',
      '',
      'Best wishes,',
      first,
      '',
      rejection.person,
      `Engineering Manager, ${rejection.company}`,
    ].join('\n'),
    ...(options.extraHeaders ? { extraHeaders: options.extraHeaders } : {}),
  });
}

async function emailsAbout(company: string): Promise<StoredEmail[]> {
  return (await readSesStore(stack)).filter((email) => email.subject.includes(company));
}

async function deliver(raw: string, from = OWNER): Promise<void> {
  await sendSmtp(stack, { from, raw });
  await stack.idle();
}

async function planOf(company: string) {
  const listed = (await stack.repository.listContacts(stack.ownerId)).filter(({ contact }) => contact.company === company);
  expect(listed).toHaveLength(1);
  const { contact, plan } = listed[0]!;
  if (!plan) throw new Error(`contact ${contact.contactId} has no plan`);
  return { contact, plan };
}

beforeAll(async () => {
  stack = await startTestStack({ ownerAddresses: [OWNER], clockStart: CLOCK_START, timeZone: 'UTC', sendHour: 9 });
});

afterAll(async () => {
  await stack?.stop();
});

describe('a forwarded rejection, end to end', () => {
  it('produces exactly one owner email with the drafted thank-you notes and signed action links', async () => {
    // Prepare
    const rejection = { company: 'Copperfield Robotics', person: 'Lena Brandt', address: 'lena.brandt@copperfield.example', role: 'Data Engineer' };
    // Act
    await deliver(forwardOf(rejection));
    // Assess
    const emails = await emailsAbout(rejection.company);
    expect(emails).toHaveLength(1);
    const [email] = emails as [StoredEmail];
    expect(email.destination.to.join(',')).toContain(OWNER);
    expect(email.subject).toMatch(/^Not Today: Lena Brandt at Copperfield Robotics \(Data Engineer\)$/);
    const text = email.body.text ?? '';
    expect(text).toContain('Hi Lena,');
    expect(text).toContain('mailto:lena.brandt@copperfield.example?subject=');
    expect(text).toContain('https://mail.google.com/mail/?view=cm');
    expect(text.match(/mailto:lena\.brandt@copperfield\.example/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    expect(email.body.html ?? '').toContain(`${stack.urls.actions}/a/`);
  });

  it('sends one email, and keeps one contact, when the same mail arrives twice', async () => {
    // Prepare
    const rejection = { company: 'Marlowe Freight', person: 'Tomas Ekberg', address: 'tomas.ekberg@marlowe.example', role: 'Platform Engineer' };
    const raw = forwardOf(rejection);
    // Act
    await deliver(raw);
    await deliver(raw);
    // Assess
    expect(await emailsAbout(rejection.company)).toHaveLength(1);
    await planOf(rejection.company);
  });

  it('sends one email when the same rejection is forwarded twice (two different forwards)', async () => {
    // Prepare
    const rejection = { company: 'Saltmarsh Games', person: 'Ines Duarte', address: 'ines.duarte@saltmarsh.example', role: 'Gameplay Programmer' };
    const originalId = uniqueMessageId();
    // Act
    await deliver(forwardOf(rejection, { messageId: originalId }));
    await deliver(forwardOf(rejection, { messageId: originalId }));
    // Assess
    expect(await emailsAbout(rejection.company)).toHaveLength(1);
  });

  it('serves the signed "I sent it" link through the Function URL: GET only shows, POST records', async () => {
    // Prepare
    const rejection = { company: 'Bramble Health', person: 'Owen Castillo', address: 'owen.castillo@bramble.example', role: 'Mobile Developer' };
    await deliver(forwardOf(rejection));
    const [email] = await emailsAbout(rejection.company);
    const link = /I sent it:\s+(\S+)/.exec(email?.body.text ?? '')?.[1] ?? '';
    const token = decodeURIComponent(link.slice(`${stack.urls.actions}/a/`.length));
    // Act
    const opened = await fetch(link);
    const openedPage = await opened.text();
    const afterGet = (await planOf(rejection.company)).plan;
    const submitted = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token }).toString(),
    });
    // Assess
    expect(link.startsWith(`${stack.urls.actions}/a/`)).toBe(true);
    expect(opened.status).toBe(200);
    expect(opened.headers.get('content-type')).toContain('text/html');
    expect(openedPage).toContain('<form');
    expect(afterGet.lastAction).toBeNull();
    expect(submitted.status).toBe(200);
    expect((await planOf(rejection.company)).plan.lastAction).toBe('sent');
  });

  it('sends the check-in a month later, at the send hour, and not before', async () => {
    // Prepare
    const rejection = { company: 'Vantage Orchards', person: 'Ruth Okafor', address: 'ruth.okafor@vantage.example', role: 'Analytics Engineer' };
    await deliver(forwardOf(rejection));
    const { plan } = await planOf(rejection.company);
    expect(plan.nextPrompt).toBe('check-in');
    const start = stack.clock.now();
    // Act
    await stack.tick({ advance: { weeks: 3 } });
    const beforeDue = await emailsAbout(rejection.company);
    await stack.tick({ setTo: start, advance: { months: 1, days: 1 } });
    // Assess
    expect(beforeDue).toHaveLength(1);
    const emails = await emailsAbout(rejection.company);
    expect(emails).toHaveLength(2);
    expect(emails[1]?.subject).toBe('Not Today: time to check in with Ruth Okafor at Vantage Orchards');
    expect(emails[1]?.body.text ?? '').toContain('mailto:ruth.okafor@vantage.example');
  });

  it("drops a stranger's mail without any reply and keeps its raw mail in S3", async () => {
    // Prepare
    const rejection = { company: 'Kestrel Biotech', person: 'Noor Haidari', address: 'noor.haidari@kestrel.example', role: 'Lab Automation Engineer' };
    const stranger = 'mallory@elsewhere.example';
    // Act
    const answer = await sendSmtp(stack, { from: stranger, raw: forwardOf(rejection, { sender: stranger }) });
    await stack.idle();
    // Assess
    const messageId = /queued as ([a-z0-9]+)/.exec(answer.response)?.[1] ?? 'missing';
    const head = await stack.clients.s3.send(
      new HeadObjectCommand({ Bucket: stack.bucket, Key: `${stack.rawMailPrefix}${messageId}` }),
    );
    expect(head.ContentLength).toBeGreaterThan(0);
    expect((await readSesStore(stack)).filter((email) => email.destination.to.join(',').includes(stranger))).toEqual([]);
    expect(await emailsAbout(rejection.company)).toEqual([]);
    expect((await stack.listContacts()).filter((contact) => contact.company === rejection.company)).toEqual([]);
  });

  it('drops mail from the owner when SES says SPF, DKIM and so DMARC failed (X-Local-Verdicts)', async () => {
    // Prepare
    const rejection = { company: 'Juniper Atlas', person: 'Felix Moreau', address: 'felix.moreau@juniper.example', role: 'Site Reliability Engineer' };
    const raw = forwardOf(rejection, { extraHeaders: ['X-Local-Verdicts: spf=FAIL, dkim=FAIL, dmarc=FAIL'] });
    // Act
    const report = await stack.ingest(Buffer.from(raw), OWNER);
    // Assess
    expect(report.verdicts).toMatchObject({ spf: 'FAIL', dkim: 'FAIL', spam: 'PASS', virus: 'PASS' });
    expect(report.handled.ok).toBe(true);
    expect(report.sent).toEqual([]);
    expect(await emailsAbout(rejection.company)).toEqual([]);
  });

  it('still sends the prompt once when a dispatcher dies between claim and send', async () => {
    // Prepare: the check-in falls due and a dispatcher claims it, then "crashes" (never sends)
    const rejection = { company: 'Lighthouse Ledger', person: 'Greta Lindqvist', address: 'greta.lindqvist@lighthouse.example', role: 'Backend Developer' };
    await deliver(forwardOf(rejection));
    const { plan } = await planOf(rejection.company);
    expect(plan.nextPrompt).toBe('check-in');
    stack.clock.setTo(new Date(new Date(plan.nextDueAt ?? 0).getTime() + MILLISECONDS_PER_MINUTE));
    const ref = stack.repository.dueRefOf(plan);
    expect(ref).not.toBeNull();
    const crashedLeaseMinutes = 30;
    const now = stack.clock.now();
    const leaseUntil = new Date(now.getTime() + crashedLeaseMinutes * MILLISECONDS_PER_MINUTE);
    expect(await stack.repository.claimDue(ref!, now, leaseUntil, 'crashed-dispatcher')).not.toBeNull();
    // Act
    await stack.tick();
    const whileLeased = await emailsAbout(rejection.company);
    await stack.tick({ advance: { minutes: crashedLeaseMinutes + 1 } });
    const afterLease = await emailsAbout(rejection.company);
    await stack.tick({ advance: { minutes: 1 } });
    // Assess
    expect(whileLeased.map((email) => email.subject)).toEqual([
      'Not Today: Greta Lindqvist at Lighthouse Ledger (Backend Developer)',
    ]);
    expect(afterLease.map((email) => email.subject)).toEqual([
      'Not Today: Greta Lindqvist at Lighthouse Ledger (Backend Developer)',
      'Not Today: time to check in with Greta Lindqvist at Lighthouse Ledger',
    ]);
    expect(await emailsAbout(rejection.company)).toHaveLength(2);
  });
});
