import { describe, expect, it } from 'vitest';
import { findOriginal, type FindOriginalResult } from '../../../functions/core/understanding/find-original.js';
import { parseForwardDate } from '../../../functions/core/understanding/forward-date.js';
import { normaliseMailbox } from '../../../functions/core/understanding/mailbox.js';
import { parseMime } from '../../../functions/core/understanding/parse-mime.js';
import type { OriginalMessage } from '../../../functions/core/understanding/types.js';
import {
  buildAppleMailForward,
  buildAttachmentForward,
  buildGmailForward,
  buildOriginalMime,
  buildOutlookForward,
  composeMime,
  DEFAULT_OWNER,
  OWNER_NOTE,
  type OriginalSpec,
} from '../../support/build-forward.js';
import { FIXTURE_OWNER, readForwardFixture } from './forward-fixtures.js';

const OWNER = FIXTURE_OWNER;

async function findInFixture(name: string, ownerAddresses: string[] = [OWNER]): Promise<FindOriginalResult> {
  const raw = await readForwardFixture(name);
  return findOriginal(await parseMime(raw), { ownerAddresses });
}

function expectFound(result: FindOriginalResult): OriginalMessage {
  if (!result.found) throw new Error(`expected an original, got not-found: ${result.reason}`);
  return result.original;
}

describe('findOriginal on client fixtures', () => {
  const cases: Array<{ file: string; from: { name: string | null; address: string | null }; subject: string; style: string; depth: number; text: RegExp }> = [
    { file: 'gmail-text-html.eml', from: { name: 'Priya Raman', address: 'priya.raman@globex-robotics.example' }, subject: 'Your application for Platform Engineer', style: 'inline', depth: 1, text: /move\s+forward with other candidates/ },
    { file: 'outlook-html-only.eml', from: { name: 'Marcus Lindqvist', address: 'marcus.lindqvist@northwind-analytics.example' }, subject: 'Data Analyst (Remote) - application update', style: 'inline', depth: 1, text: /not be moving forward/ },
    { file: 'outlook-new-html-only.eml', from: { name: 'Umbrella Health Careers', address: 'no-reply@umbrella-health.example' }, subject: 'Update on your application', style: 'inline', depth: 1, text: /position has now been filled/ },
    { file: 'outlook-2013-text.eml', from: { name: 'Oduya, Grace', address: 'grace.oduya@initrode-systems.example' }, subject: 'Your candidacy - Site Reliability Engineer', style: 'inline', depth: 1, text: /Initrode Systems – People Team/ },
    { file: 'german-outlook-html.eml', from: { name: 'Katrin Müller', address: 'katrin.mueller@brauerei-hopfen.example' }, subject: 'Ihre Bewerbung als Softwareentwickler (m/w/d)', style: 'inline', depth: 1, text: /anderen Kandidaten entschieden/ },
    { file: 'apple-mail.eml', from: { name: 'Hannah Becker', address: 'hannah.becker@vandelay-industries.example' }, subject: 'Application status: UX Researcher', style: 'inline', depth: 1, text: /chosen another candidate/ },
    { file: 'thunderbird.eml', from: { name: 'Tomás Ferreira', address: 'tomas.ferreira@soylent-labs.example' }, subject: 'Regarding your application (Backend Developer)', style: 'inline', depth: 1, text: /not to proceed/ },
    { file: 'yahoo.eml', from: { name: 'Hooli Recruiting', address: 'recruiting@hooli.example' }, subject: 'Thank you for applying to Hooli', style: 'inline', depth: 1, text: /regret to inform you/ },
    { file: 'gmail-html-mailto-name.eml', from: { name: 'Olivia Grant', address: 'olivia.grant@pied-piper.example' }, subject: 'Next steps', style: 'inline', depth: 1, text: /Compression Engineer/ },
    { file: 'gmail-comma-name.eml', from: { name: 'Nakamura, Kenji', address: 'kenji.nakamura@gringotts-bank.example' }, subject: 'Application outcome', style: 'inline', depth: 1, text: /not be progressing/ },
    { file: 'ionos.eml', from: { name: 'Lena Schmitt', address: 'lena.schmitt@rheinwerk-bau.example' }, subject: 'Bewerbung Projektleiter (m/w/d)', style: 'inline', depth: 1, text: /andere Kandidatin entschieden/ },
    { file: 'mailmate.eml', from: { name: 'Bluth Company Recruiting', address: 'jobs@bluth-company.example' }, subject: 'Your application to Bluth Company', style: 'inline', depth: 1, text: /pursue other candidates/ },
    { file: 'missive.eml', from: { name: 'Ivy Chen', address: 'ivy.chen@dunder-paper.example' }, subject: 'Customer Success Manager', style: 'inline', depth: 1, text: /^Hi Alex,/ },
    { file: 'attachment-rfc822.eml', from: { name: 'Massive Dynamic Careers', address: 'careers@massive-dynamic.example' }, subject: 'Your application to Massive Dynamic', style: 'attachment', depth: 1, text: /not to move forward/ },
    { file: 'attached-eml-file.eml', from: { name: 'Stark Careers', address: 'no-reply@stark-careers.example' }, subject: 'Your application: Hardware Engineer II', style: 'attachment', depth: 1, text: /filled the position/ },
    { file: 'auto-forward-x-forwarded-to.eml', from: { name: 'Wayne Enterprises Talent', address: 'talent@wayne-enterprises.example' }, subject: 'Your application for Security Analyst', style: 'auto-forward', depth: 0, text: /role has been filled/ },
    { file: 'auto-forward-resent.eml', from: { name: 'Lucia Ortega', address: 'lucia.ortega@cyberdyne.example' }, subject: 'Re: Machine Learning Engineer', style: 'auto-forward', depth: 0, text: /another candidate/ },
    { file: 'nested-forward.eml', from: { name: 'Elena Petrova', address: 'elena.petrova@tyrell-corp.example' }, subject: 'Frontend Engineer - decision', style: 'inline', depth: 2, text: /proceed with another applicant/ },
    { file: 'owner-note-signature.eml', from: { name: 'Wei Zhang', address: 'wei.zhang@oscorp.example' }, subject: 'Staff Engineer application', style: 'inline', depth: 1, text: /decided not to proceed/ },
    { file: 'direct.eml', from: { name: 'Acme Rockets Hiring', address: 'hiring@acme-rockets.example' }, subject: 'Your application for Propulsion Engineer', style: 'direct', depth: 0, text: /not be moving forward/ },
  ];

  it.each(cases)('$file: finds $from.address ($style, depth $depth)', async ({ file, from, subject, style, depth, text }) => {
    // Prepare / Act
    const original = expectFound(await findInFixture(file));

    // Assess
    expect(original.from).toEqual(from);
    expect(original.subject).toBe(subject);
    expect(original.forwardStyle).toBe(style);
    expect(original.depth).toBe(depth);
    expect(original.text).toMatch(text);
  });

  it('keeps the Message-ID, Reply-To and date of an attached original', async () => {
    // Prepare / Act
    const original = expectFound(await findInFixture('attachment-rfc822.eml'));

    // Assess
    expect(original.messageId).toBe('<rej-7731@massive-dynamic.example>');
    expect(original.replyTo).toEqual([{ name: 'Nina Sharpe', address: 'nina.sharpe@massive-dynamic.example' }]);
    expect(original.date).toBe('2026-03-12T21:20:00.000Z');
    expect(original.text).not.toMatch(/Initech/);
  });

  it('never lets the owner note and signature into the original text', async () => {
    // Prepare / Act
    const original = expectFound(await findInFixture('owner-note-signature.eml'));

    // Assess
    expect(original.text).not.toMatch(/Initech|Jordan Blake|Alex Morgan|555 0100/);
    expect(original.text.startsWith('Hello Alex,')).toBe(true);
  });

  it('excludes the intermediate forwarder note of a nested forward', async () => {
    // Prepare / Act
    const original = expectFound(await findInFixture('nested-forward.eml'));

    // Assess
    expect(original.text).not.toMatch(/shared inbox|Sam sent me/);
  });

  it('reads Outlook HTML labels and mailto links into the forward header', async () => {
    // Prepare / Act
    const original = expectFound(await findInFixture('outlook-html-only.eml'));

    // Assess
    expect(original.dateText).toBe('Wednesday, March 4, 2026 5:31 PM');
    expect(original.date).toBe('2026-03-04T17:31:00');
    expect(original.to).toEqual([{ name: 'Alex Morgan', address: OWNER }]);
  });

  it('counts the forwarder as the owner when no owner address is configured', async () => {
    // Prepare / Act
    const result = await findInFixture('owner-note-signature.eml', []);

    // Assess
    expect(expectFound(result).from.address).toBe('wei.zhang@oscorp.example');
    expect(result.ownerAddresses).toContain(OWNER);
    expect(result.forwardedBy?.address).toBe(OWNER);
  });

  it('names the redirecting mailbox as forwarder of an auto-forward, and nobody for direct mail', async () => {
    // Prepare / Act
    const resent = await findInFixture('auto-forward-resent.eml');
    const xForwarded = await findInFixture('auto-forward-x-forwarded-to.eml');
    const direct = await findInFixture('direct.eml');

    // Assess
    expect(resent.forwardedBy?.address).toBe(OWNER);
    expect(xForwarded.forwardedBy?.address).toBe(OWNER);
    expect(direct.forwardedBy).toBeNull();
  });
});

describe('findOriginal on built forwards', () => {
  const spec: OriginalSpec = {
    fromName: 'Dana Whitfield',
    fromEmail: 'dana.whitfield@contoso-labs.example',
    subject: 'Your application: Senior Engineer, Platform',
    body: 'Hi Alex,\n\nThank you for applying. We have decided to move forward with other candidates.\n\nDana Whitfield\nContoso Labs',
    messageId: '<built-0001@contoso-labs.example>',
  };
  const builders = {
    gmail: () => buildGmailForward(spec),
    'gmail with note': () => buildGmailForward(spec, DEFAULT_OWNER, OWNER_NOTE),
    outlook: () => buildOutlookForward(spec, DEFAULT_OWNER, OWNER_NOTE),
    apple: () => buildAppleMailForward(spec),
    attachment: () => buildAttachmentForward(spec),
    'attached .eml': () => buildAttachmentForward(spec, DEFAULT_OWNER, { asEmlFile: true }),
  };

  it.each(Object.keys(builders) as Array<keyof typeof builders>)('%s: the sender and body of the original, no owner text', async (name) => {
    // Prepare
    const raw = await builders[name]();

    // Act
    const original = expectFound(await findOriginal(await parseMime(raw), { ownerAddresses: [DEFAULT_OWNER.email] }));

    // Assess
    expect(original.from).toEqual({ name: 'Dana Whitfield', address: 'dana.whitfield@contoso-labs.example' });
    expect(original.subject).toBe(spec.subject);
    expect(original.text).toMatch(/move forward with other candidates/);
    expect(original.text).not.toMatch(/Initech|another one for the pile/);
  });

  it('takes a message from the owner that holds no forward as not found', async () => {
    // Prepare
    const raw = await buildOriginalMime({ ...spec, fromName: 'Alex Morgan', fromEmail: DEFAULT_OWNER.email, subject: 'Notes to self' });

    // Act
    const result = await findOriginal(await parseMime(raw), { ownerAddresses: [DEFAULT_OWNER.email] });

    // Assess
    expect(result.found).toBe(false);
    expect(result.found ? null : result.reason).toMatch(/owner's own address/);
  });

  it('skips an innermost message from the owner and takes the innermost one that is not', async () => {
    // Prepare: the company forwarded the owner's own application back with its answer on top
    const ownerMail: OriginalSpec = { fromName: 'Alex Morgan', fromEmail: DEFAULT_OWNER.email, subject: 'Application', body: 'Please find my CV attached.' };
    const companyForward = await buildGmailForward(ownerMail, { name: 'Dana Whitfield', email: 'dana.whitfield@contoso-labs.example', inbound: DEFAULT_OWNER.email }, 'Sorry, we went with someone else.');
    const parsedCompany = await parseMime(companyForward);
    const outer = await buildGmailForward({ fromName: 'Dana Whitfield', fromEmail: 'dana.whitfield@contoso-labs.example', subject: 'Fwd: Application', body: parsedCompany.text ?? '' });

    // Act
    const original = expectFound(await findOriginal(await parseMime(outer), { ownerAddresses: [DEFAULT_OWNER.email] }));

    // Assess
    expect(original.from.address).toBe('dana.whitfield@contoso-labs.example');
    expect(original.depth).toBe(1);
  });
});

describe('mailbox and date reading', () => {
  it.each([
    [{ name: 'Grace Oduya [mailto:grace@initrode.example]', address: null }, { name: 'Grace Oduya', address: 'grace@initrode.example' }],
    [{ name: '"Doe, Jane" <jane@acme.example>', address: null }, { name: 'Doe, Jane', address: 'jane@acme.example' }],
    [{ name: 'jane@acme.example', address: null }, { name: null, address: 'jane@acme.example' }],
    [{ name: 'Careers@Acme', address: null }, { name: 'Careers@Acme', address: null }],
    [{ name: 'Jane Doe', address: 'mailto:jane@acme.example' }, { name: 'Jane Doe', address: 'jane@acme.example' }],
    // Whitespace only (no quote marks), then quote marks and escaped quotes around and inside.
    [{ name: ' \t Jane \n  Doe  ', address: null }, { name: 'Jane Doe', address: null }],
    [{ name: '  “Jane   Doe”  ', address: null }, { name: 'Jane Doe', address: null }],
    [{ name: 'Jane \\"JD\\" Doe', address: null }, { name: 'Jane "JD" Doe', address: null }],
    [{ name: ' \'\' ', address: 'jane@acme.example' }, { name: null, address: 'jane@acme.example' }],
  ])('normalises %j', (input, expected) => {
    // Prepare / Act / Assess
    expect(normaliseMailbox(input)).toEqual(expected);
  });

  it.each([
    ['Wed, Oct 27, 2021 at 9:31 AM', '2021-10-27T09:31:00'],
    ['Monday, 1 August 2022 11:11 pm', '2022-08-01T23:11:00'],
    ['17 août 2022 à 09:06:24 UTC+2', '2022-08-17T09:06:24+02:00'],
    ['Freitag, 20. März 2026 16:12', '2026-03-20T16:12:00'],
    ['Tue, 10 Mar 2026 14:45:00 +0000', '2026-03-10T14:45:00Z'],
    ['28/10/2021 12:46', '2021-10-28T12:46:00'],
    ['03/04/2026 10:00', null],
    ['2026-03-10 14:45', '2026-03-10T14:45:00'],
    ['Thursday, March 5, 2026 7:05 AM (GMT-05:00)', '2026-03-05T07:05:00-05:00'],
    ['2022年8月17日 9:06', null],
    ['17 марта 2026 г. в 10:05', '2026-03-17T10:05:00'],
    ['sometime last week', null],
  ])('reads the forward date %s', (text, expected) => {
    // Prepare / Act / Assess
    expect(parseForwardDate(text)).toBe(expected);
  });
});

describe('findOriginal: a company reply that quotes the owner', () => {
  it('takes the company reply itself as the original when it arrives directly', async () => {
    // Prepare: the recruiter replied to the owner's message, quoting it Gmail-style
    const quoted: OriginalSpec = { fromName: 'Alex Morgan', fromEmail: DEFAULT_OWNER.email, subject: 'Application', body: 'Hello, please find my application attached.' };
    const reply = await buildGmailForward(quoted, { name: 'Dana Whitfield', email: 'dana.whitfield@contoso-labs.example', inbound: DEFAULT_OWNER.inbound }, 'Thanks Alex, we have decided to go with other candidates.');
    const parsed = await parseMime(reply);

    // Act
    const result = await findOriginal({ ...parsed, subject: 'Re: Application' }, { ownerAddresses: [DEFAULT_OWNER.email] });

    // Assess
    const original = expectFound(result);
    expect(original.forwardStyle).toBe('direct');
    expect(original.from.address).toBe('dana.whitfield@contoso-labs.example');
  });
});

describe('findOriginal: a company mail that carries an unrelated attached message', () => {
  it('does not count the company as the owner when the attachment holds no original', async () => {
    // Prepare: the company's own mail attaches the owner's earlier message (sent by the owner)
    const ownersMail = await buildOriginalMime({ fromName: 'Alex Morgan', fromEmail: DEFAULT_OWNER.email, subject: 'My application', body: 'Here is my CV.' });
    const raw = await composeMime({
      from: { name: 'Dana Whitfield', address: 'dana.whitfield@contoso-labs.example' },
      to: DEFAULT_OWNER.email,
      subject: 'About your application',
      text: 'Hi Alex, we have decided to move forward with other candidates. Your original message is attached.',
      attachments: [{ content: ownersMail, contentType: 'message/rfc822', filename: 'application.eml' }],
    });

    // Act
    const result = await findOriginal(await parseMime(raw), { ownerAddresses: [DEFAULT_OWNER.email] });

    // Assess
    const original = expectFound(result);
    expect(original.forwardStyle).toBe('direct');
    expect(original.from.address).toBe('dana.whitfield@contoso-labs.example');
    expect(result.ownerAddresses).toEqual([DEFAULT_OWNER.email]);
  });
});
