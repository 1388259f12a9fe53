/**
 * Drafts in the language of the rejection, end to end against the real local servers: a
 * German rejection forwarded over SMTP becomes an owner email (in English) whose drafts are
 * German, and the contact stored in dynalite remembers the language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGmailForward, readSesStore, sendSmtp, startTestStack, uniqueMessageId, type LocalStack } from '../../support/local-stack.js';

const OWNER = 'sam.owner@example.com';
const CLOCK_START = new Date('2027-03-01T10:00:00Z');

let stack: LocalStack;

beforeAll(async () => {
  stack = await startTestStack({ ownerAddresses: [OWNER], clockStart: CLOCK_START, timeZone: 'UTC', sendHour: 9 });
});

afterAll(async () => {
  await stack?.stop();
});

describe('a German rejection', () => {
  it('yields an English owner email whose first draft is German, and a contact stored as German', async () => {
    // Prepare: an invented German rejection, forwarded from Gmail.
    const raw = buildGmailForward({
      owner: `Sam Owner <${OWNER}>`,
      originalFrom: 'Katrin Vogel <katrin.vogel@brennholz-werkstatt.example>',
      originalSubject: 'Ihre Bewerbung als Datenanalyst bei der Brennholz Werkstatt',
      originalMessageId: uniqueMessageId(),
      originalBody: [
        'Sehr geehrter Herr Owner,',
        '',
        'vielen Dank für Ihre Bewerbung als Datenanalyst und Ihr Interesse an der Brennholz Werkstatt.',
        'Leider müssen wir Ihnen mitteilen, dass wir uns für eine andere Bewerberin entschieden haben.',
        'Die Stelle wurde bereits besetzt.',
        '',
        'Wir wünschen Ihnen für Ihren weiteren beruflichen Weg alles Gute.',
        '',
        'Mit freundlichen Grüßen',
        'Katrin Vogel',
        'Personalabteilung, Brennholz Werkstatt GmbH',
      ].join('\n'),
    });

    // Act
    await sendSmtp(stack, { from: OWNER, raw });
    await stack.idle();

    // Assess: one owner email, its own words English, its first draft German.
    const emails = (await readSesStore(stack)).filter((email) => email.subject.includes('Brennholz'));
    expect(emails).toHaveLength(1);
    const text = emails[0]!.body.text ?? '';
    expect(text).toContain('The drafts are in German. To write in another language, use "Fix details".');
    const firstDraft = text.slice(text.indexOf('1. '));
    expect(firstDraft).toMatch(/^1\. Short and warm \(\d+ words\)/);
    expect(firstDraft).toContain('Guten Tag Katrin Vogel,\n\nvielen Dank für Ihre Nachricht');
    expect(firstDraft.indexOf('Mit freundlichen Grüßen')).toBeLessThan(firstDraft.indexOf('2. '));
    expect(firstDraft).not.toMatch(/Hi Katrin|Thank you for letting me know/);
    const contacts = (await stack.repository.listContacts(stack.ownerId)).filter(({ contact }) => contact.contactEmail?.includes('brennholz'));
    expect(contacts.map(({ contact }) => contact.language)).toEqual(['de']);
  });
});
