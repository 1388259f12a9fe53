/**
 * Small raw messages for the ingest tests, built with nodemailer's MailComposer. Every
 * company, person and sentence is invented for these tests.
 */
import MailComposer from 'nodemailer/lib/mail-composer';

export const REJECTION_BODY = [
  'Dear Alex,',
  '',
  'Thank you for taking the time to talk with us about the Platform Engineer role at Brightwater.',
  'After careful consideration we have decided to move forward with other candidates for this position.',
  'We enjoyed our conversation and would be glad to hear from you again for future openings.',
  '',
  'Kind regards,',
  'Priya Natarajan',
  'Recruiting, Brightwater',
].join('\n');

export const INVITATION_BODY = [
  'Hi Alex,',
  '',
  'Thanks for applying to the Data Analyst position at Northwind Labs.',
  'We would like to invite you to an interview next week. Please pick a slot that suits you.',
  '',
  'Best,',
  'Tom Becker',
].join('\n');

export interface ForwardOptions {
  /** The outer From (the forwarder). */
  from?: string;
  /** Extra top-level headers (e.g. X-Forwarded-For for auto-forwards). */
  headers?: Record<string, string>;
  originalFrom?: string;
  originalSubject?: string;
  originalDate?: string;
  body?: string;
  /** A note the forwarder writes above the forward. */
  note?: string;
}

/** A Gmail-style inline forward of a rejection (by default from the owner). */
export async function buildInlineForward(options: ForwardOptions = {}): Promise<Buffer> {
  const originalFrom = options.originalFrom ?? 'Priya Natarajan <priya.natarajan@brightwater.example>';
  const subject = options.originalSubject ?? 'Your application: Platform Engineer';
  const text = [
    options.note ?? '',
    '',
    '---------- Forwarded message ---------',
    `From: ${originalFrom}`,
    `Date: ${options.originalDate ?? 'Thu, Feb 26, 2026 at 4:05 PM'}`,
    `Subject: ${subject}`,
    'To: Alex Morgan <alex.morgan@example.net>',
    '',
    '',
    options.body ?? REJECTION_BODY,
  ].join('\n');
  return compose({
    from: options.from ?? 'Alex Morgan <alex.morgan@example.net>',
    to: 'inbox@not-today.example',
    subject: `Fwd: ${subject}`,
    text,
    headers: options.headers,
  });
}

/** A message as the company sent it (for auto-forwards and strangers). */
export async function buildDirectMessage(options: {
  from: string;
  subject?: string;
  body?: string;
  headers?: Record<string, string>;
}): Promise<Buffer> {
  return compose({
    from: options.from,
    to: 'alex.morgan@example.net',
    subject: options.subject ?? 'Your application: Platform Engineer',
    text: options.body ?? REJECTION_BODY,
    messageId: '<rejection-4711@mail.brightwater.example>',
    date: new Date('2026-02-26T15:05:00.000Z'),
    headers: options.headers,
  });
}

function compose(options: ConstructorParameters<typeof MailComposer>[0]): Promise<Buffer> {
  return new MailComposer(options).compile().build();
}
