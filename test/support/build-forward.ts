/**
 * Builds real MIME forwards the way mail clients write them, for tests and the evaluation:
 * Gmail (text + HTML), Outlook (HTML only), Apple Mail (text), forward-as-attachment
 * (message/rfc822), a Gmail forward with the owner's note and signature on top, and the
 * original sent directly. MIME is made by nodemailer's MailComposer.
 */
import MailComposer from 'nodemailer/lib/mail-composer';

/** The original message a company sent. */
export interface OriginalSpec {
  fromName: string | null;
  fromEmail: string;
  subject: string;
  body: string;
  replyTo?: string;
  messageId?: string;
  /** RFC 2822 date; a fixed date by default so builds are reproducible. */
  date?: Date;
}

/** The owner who forwards it. */
export interface OwnerSpec {
  name: string;
  email: string;
  inbound: string;
}

export type ForwardStyleName = 'gmail' | 'outlook' | 'apple' | 'attachment' | 'gmail-note' | 'direct';

export const FORWARD_STYLES: readonly ForwardStyleName[] = ['gmail', 'outlook', 'apple', 'attachment', 'gmail-note'];

export const DEFAULT_OWNER: OwnerSpec = { name: 'Alex Morgan', email: 'alex.morgan@example.net', inbound: 'inbox@not-today.example' };

/** A fixed date for reproducible builds: Tuesday 3 March 2026, 10:12 UTC. */
export const DEFAULT_ORIGINAL_DATE = new Date(Date.UTC(2026, 2, 3, 10, 12, 0));

/** The owner's note and signature a forward may carry on top (mentions another employer on purpose). */
export const OWNER_NOTE =
  'Hi, another one for the pile. Can you track this one?\n\nThanks!\n\n--\nAlex Morgan\nProduct Designer at Initech\n+1 555 0100 | alex.morgan@example.net';

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Turns plain text into HTML paragraphs the way a mail client does (blank line = paragraph). */
export function textToHtmlParagraphs(text: string, paragraphTag = 'p'): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => `<${paragraphTag}>${escapeHtml(paragraph).split('\n').join('<br>\n')}</${paragraphTag}>`)
    .join('\n');
}

function formatGmailDate(date: Date): string {
  const hours = date.getUTCHours() % 12 || 12;
  const ampm = date.getUTCHours() < 12 ? 'AM' : 'PM';
  return `${DAY_NAMES[date.getUTCDay()]!.slice(0, 3)}, ${MONTH_NAMES[date.getUTCMonth()]!.slice(0, 3)} ${date.getUTCDate()}, ${date.getUTCFullYear()} at ${hours}:${String(date.getUTCMinutes()).padStart(2, '0')} ${ampm}`;
}

function formatOutlookDate(date: Date): string {
  const hours = date.getUTCHours() % 12 || 12;
  const ampm = date.getUTCHours() < 12 ? 'AM' : 'PM';
  return `${DAY_NAMES[date.getUTCDay()]}, ${MONTH_NAMES[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()} ${hours}:${String(date.getUTCMinutes()).padStart(2, '0')} ${ampm}`;
}

function formatAppleDate(date: Date): string {
  return `${date.getUTCDate()} ${MONTH_NAMES[date.getUTCMonth()]} ${date.getUTCFullYear()} at ${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}:00 GMT`;
}

function formatMailboxText(name: string | null, email: string): string {
  return name ? `${name} <${email}>` : `<${email}>`;
}

/** Builds MIME bytes with MailComposer. */
export function composeMime(options: ConstructorParameters<typeof MailComposer>[0]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    new MailComposer(options).compile().build((error, message) => (error ? reject(error) : resolve(message)));
  });
}

/** The original as its own message (what the company sent). */
export function buildOriginalMime(original: OriginalSpec, owner: OwnerSpec = DEFAULT_OWNER): Promise<Buffer> {
  return composeMime({
    from: original.fromName ? { name: original.fromName, address: original.fromEmail } : original.fromEmail,
    to: { name: owner.name, address: owner.email },
    replyTo: original.replyTo,
    subject: original.subject,
    date: original.date ?? DEFAULT_ORIGINAL_DATE,
    messageId: original.messageId,
    text: original.body,
  });
}

/** Gmail: multipart/alternative, the "---------- Forwarded message ---------" block in both parts. */
export function buildGmailForward(original: OriginalSpec, owner: OwnerSpec = DEFAULT_OWNER, note: string | null = null): Promise<Buffer> {
  const date = formatGmailDate(original.date ?? DEFAULT_ORIGINAL_DATE);
  const text = [
    note ?? '',
    '',
    '---------- Forwarded message ---------',
    `From: ${formatMailboxText(original.fromName, original.fromEmail)}`,
    `Date: ${date}`,
    `Subject: ${original.subject}`,
    `To: ${owner.name} <${owner.email}>`,
    '',
    '',
    original.body,
  ].join('\n');
  const sender = original.fromName
    ? `<strong class="gmail_sendername" dir="auto">${escapeHtml(original.fromName)}</strong> <span dir="auto">&lt;<a href="mailto:${escapeHtml(original.fromEmail)}">${escapeHtml(original.fromEmail)}</a>&gt;</span>`
    : `<span dir="auto">&lt;<a href="mailto:${escapeHtml(original.fromEmail)}">${escapeHtml(original.fromEmail)}</a>&gt;</span>`;
  const html = [
    '<div dir="ltr">',
    note ? `<div>${escapeHtml(note).split('\n').join('<br>')}</div><br>` : '<br>',
    '<div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">---------- Forwarded message ---------<br>',
    `From: ${sender}<br>`,
    `Date: ${escapeHtml(date)}<br>`,
    `Subject: ${escapeHtml(original.subject)}<br>`,
    `To: ${escapeHtml(owner.name)} &lt;<a href="mailto:${escapeHtml(owner.email)}">${escapeHtml(owner.email)}</a>&gt;<br></div><br><br>`,
    `<div dir="ltr">${textToHtmlParagraphs(original.body, 'div')}</div>`,
    '</div></div>',
  ].join('\n');
  return composeMime({
    from: { name: owner.name, address: owner.email },
    to: owner.inbound,
    subject: `Fwd: ${original.subject}`,
    text,
    html,
  });
}

/** Outlook (desktop / new Outlook): HTML only, bold From:/Sent:/To:/Subject: labels after a rule. */
export function buildOutlookForward(original: OriginalSpec, owner: OwnerSpec = DEFAULT_OWNER, note: string | null = null): Promise<Buffer> {
  const sender = original.fromName
    ? `${escapeHtml(original.fromName)} &lt;${escapeHtml(original.fromEmail)}&gt;`
    : escapeHtml(original.fromEmail);
  const html = [
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">',
    '<style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style></head>',
    '<body dir="ltr">',
    `<div class="elementToProof" style="font-family: Aptos, Calibri, Helvetica, sans-serif; font-size: 12pt;">${note ? escapeHtml(note).split('\n').join('<br>') : '<br>'}</div>`,
    '<div id="appendonsend"></div>',
    '<hr style="display:inline-block;width:98%" tabindex="-1">',
    '<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000">',
    `<b>From:</b> ${sender}<br>`,
    `<b>Sent:</b> ${escapeHtml(formatOutlookDate(original.date ?? DEFAULT_ORIGINAL_DATE))}<br>`,
    `<b>To:</b> ${escapeHtml(owner.name)} &lt;${escapeHtml(owner.email)}&gt;<br>`,
    `<b>Subject:</b> ${escapeHtml(original.subject)}</font>`,
    '<div>&nbsp;</div></div>',
    `<div>${textToHtmlParagraphs(original.body)}</div>`,
    '</body></html>',
  ].join('\n');
  return composeMime({
    from: { name: owner.name, address: owner.email },
    to: owner.inbound,
    subject: `FW: ${original.subject}`,
    html,
  });
}

/** Apple Mail: text, "Begin forwarded message:" and a header block. */
export function buildAppleMailForward(original: OriginalSpec, owner: OwnerSpec = DEFAULT_OWNER, note: string | null = null): Promise<Buffer> {
  const text = [
    note ?? '',
    '',
    'Begin forwarded message:',
    '',
    `From: ${formatMailboxText(original.fromName, original.fromEmail)}`,
    `Subject: ${original.subject}`,
    `Date: ${formatAppleDate(original.date ?? DEFAULT_ORIGINAL_DATE)}`,
    `To: ${owner.name} <${owner.email}>`,
    '',
    original.body,
  ].join('\n');
  return composeMime({ from: { name: owner.name, address: owner.email }, to: owner.inbound, subject: `Fwd: ${original.subject}`, text });
}

/** Forward as attachment: a short note and the original as a message/rfc822 part. */
export async function buildAttachmentForward(
  original: OriginalSpec,
  owner: OwnerSpec = DEFAULT_OWNER,
  options: { asEmlFile?: boolean; note?: string } = {},
): Promise<Buffer> {
  const inner = await buildOriginalMime(original, owner);
  return composeMime({
    from: { name: owner.name, address: owner.email },
    to: owner.inbound,
    subject: `Fwd: ${original.subject}`,
    text: options.note ?? OWNER_NOTE,
    attachments: [
      options.asEmlFile
        ? { content: inner, filename: 'forwarded-message.eml', contentType: 'application/octet-stream', contentDisposition: 'attachment' }
        : { content: inner, contentType: 'message/rfc822', contentDisposition: 'attachment', filename: 'forwarded-message.eml' },
    ],
  });
}

/** Builds a forward of the original in one of the named styles. */
export function buildForward(style: ForwardStyleName, original: OriginalSpec, owner: OwnerSpec = DEFAULT_OWNER): Promise<Buffer> {
  switch (style) {
    case 'gmail':
      return buildGmailForward(original, owner);
    case 'outlook':
      return buildOutlookForward(original, owner);
    case 'apple':
      return buildAppleMailForward(original, owner);
    case 'attachment':
      return buildAttachmentForward(original, owner);
    case 'gmail-note':
      return buildGmailForward(original, owner, OWNER_NOTE);
    case 'direct':
      return buildOriginalMime(original, owner);
  }
}
