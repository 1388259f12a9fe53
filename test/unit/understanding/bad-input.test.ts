import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { InvalidInputError, MailTooLargeError } from '../../../functions/core/errors.js';
import { MAX_HTML_DEPTH } from '../../../functions/core/understanding/html-to-plain-text.js';
import { DEFAULT_MAX_MESSAGE_BYTES, understandEmail } from '../../../functions/core/understanding/understand-email.js';
import { EmptyMessageError, MalformedMimeError, NotAnEmailError } from '../../../functions/core/understanding/understanding-errors.js';

const OWNER = 'alex.morgan@example.net';
const BAD = new URL('../../fixtures/eml/bad/', import.meta.url);
const HEADER = 'From: Alex Morgan <alex.morgan@example.net>\r\nTo: inbox@not-today.example\r\nSubject: Fwd: Your application\r\nMIME-Version: 1.0\r\n';

async function understandFixture(name: string) {
  return understandEmail(await readFile(new URL(name, BAD)), { ownerAddresses: [OWNER] });
}

describe('bad input: errors', () => {
  it.each([
    ['empty.eml', EmptyMessageError, /empty/],
    ['whitespace-only.eml', EmptyMessageError, /empty/],
    ['binary-garbage.eml', NotAnEmailError, /binary data/],
    ['not-an-email.eml', NotAnEmailError, /does not start with header fields/],
  ])('%s throws %o', async (file, errorClass, message) => {
    // Prepare / Act
    const outcome = understandFixture(file);

    // Assess
    await expect(outcome).rejects.toBeInstanceOf(errorClass);
    await expect(outcome).rejects.toBeInstanceOf(InvalidInputError);
    await expect(outcome).rejects.toThrow(message);
  });

  it('refuses a message over the 10 MB limit before parsing it', async () => {
    // Prepare
    const raw = new Uint8Array(DEFAULT_MAX_MESSAGE_BYTES + 1).fill(0x61);

    // Act
    const outcome = understandEmail(raw, { ownerAddresses: [] });

    // Assess
    await expect(outcome).rejects.toBeInstanceOf(MailTooLargeError);
    await expect(outcome).rejects.toThrow(`${DEFAULT_MAX_MESSAGE_BYTES + 1} bytes, over the limit of ${DEFAULT_MAX_MESSAGE_BYTES} bytes`);
  });

  it('honours a smaller configured limit', async () => {
    // Prepare
    const raw = await readFile(new URL('truncated-mime.eml', BAD));

    // Act / Assess
    await expect(understandEmail(raw, { ownerAddresses: [], maxBytes: 100 })).rejects.toMatchObject({ code: 'mail-too-large', limitBytes: 100 });
  });

  it('reports a multipart nesting bomb as malformed MIME', async () => {
    // Prepare
    const depth = 5_000;
    let body = 'Content-Type: text/plain\r\n\r\nhello\r\n';
    for (let level = depth; level > 0; level--) {
      body = `Content-Type: multipart/mixed; boundary="b${level}"\r\n\r\n--b${level}\r\n${body}\r\n--b${level}--\r\n`;
    }

    // Act
    const outcome = understandEmail(Buffer.from(HEADER + body), { ownerAddresses: [] });

    // Assess
    await expect(outcome).rejects.toBeInstanceOf(MalformedMimeError);
  });
});

describe('bad input: not understood, with the reason', () => {
  it('a forward with no original inside', async () => {
    // Prepare / Act
    const understanding = await understandFixture('forward-without-original.eml');

    // Assess
    expect(understanding.status).toBe('not-understood');
    expect(understanding.reason).toMatch(/no forwarded message was found/);
    expect(understanding.isRejection).toBe(false);
    expect(understanding.contact).toEqual({ name: null, email: null, noReply: false });
  });

  it('a message cut inside its headers', async () => {
    // Prepare / Act
    const understanding = await understandFixture('truncated-headers.eml');

    // Assess
    expect(understanding.status).toBe('not-understood');
    expect(understanding.reason).toMatch(/no readable text/);
  });

  it('an HTML-only bomb of nested tags, quickly and without reading it', async () => {
    // Prepare
    const levels = 200_000;
    const html = `${'<div><span>'.repeat(levels)}From: x${'</span></div>'.repeat(levels)}`;
    const raw = Buffer.from(`${HEADER}Content-Type: text/html; charset=utf-8\r\n\r\n${html}`);

    // Act
    const understanding = await understandEmail(raw, { ownerAddresses: [OWNER] });

    // Assess
    expect(understanding.status).toBe('not-understood');
    expect(understanding.reason).toContain(`limit ${MAX_HTML_DEPTH}`);
  });

  it('HTML nested by self-closed divs says why it has no text (regression: the depth count skipped "<div/>", which HTML nests, and the text was lost without a reason)', async () => {
    // Prepare / Act: 300 "<div/>" nest the forward 300 levels deep, past the 256 that are read
    const understanding = await understandFixture('html-self-closed-div-nesting.eml');

    // Assess: <html>, <body>, 300 divs, then the <p> and <b> of the forward header
    expect(understanding.status).toBe('not-understood');
    expect(understanding.reason).toBe(`the HTML body is nested 304 levels deep and has no text within the first ${MAX_HTML_DEPTH} (limit ${MAX_HTML_DEPTH})`);
  });

  it('a bomb of self-closed divs is refused as too deep (regression: 900 KB of "<div/>" took seconds to parse and gave no reason)', async () => {
    // Prepare
    const html = '<div/>'.repeat(150_000);
    const raw = Buffer.from(`${HEADER}Content-Type: text/html; charset=utf-8\r\n\r\n${html}`);

    // Act
    const understanding = await understandEmail(raw, { ownerAddresses: [OWNER] });

    // Assess
    expect(understanding.status).toBe('not-understood');
    expect(understanding.reason).toContain(`levels deep (limit ${MAX_HTML_DEPTH}) and was not read`);
  });
});

describe('bad input: read anyway', () => {
  it('an HTML list numbered past the roman numerals or from a non-number (regression: the roman numbering threw)', async () => {
    // Prepare / Act
    const result = await understandFixture('html-list-numbering-out-of-range.eml');

    // Assess
    expect(result.status).toBe('understood');
    expect(result.company).toBe('Tallow Robotics');
    expect(result.isRejection).toBe(true);
  });

  it('a fancy-font letter after an apostrophe, without hanging (regression: the word reader looped for ever)', async () => {
    // Prepare / Act
    const result = await understandFixture('fancy-font-after-apostrophe.eml');

    // Assess
    expect(result.status).toBe('understood');
    expect(result.company).toBe('Copperfield Labs');
    expect(result.contact.name).toBe('Lena Brooks');
  });

  it('HTML elements named like object properties (<constructor>, <__proto__>): read as text (regression: html-to-text threw)', async () => {
    // Prepare / Act
    const result = await understandFixture('html-prototype-tag-names.eml');

    // Assess
    expect(result.status).toBe('understood');
    expect(result.company).toBe('Tallow Robotics');
    expect(result.contact.email).toBe('ines.carvalho@tallow-robotics.example');
    expect(result.isRejection).toBe(true);
  });

  it('a truncated multipart message: what arrived is read', async () => {
    // Prepare / Act
    const understanding = await understandFixture('truncated-mime.eml');

    // Assess
    expect(understanding.status).toBe('understood');
    expect(understanding.original.from).toEqual({ name: 'Rosa Diaz', address: 'rosa.diaz@nakatomi-trading.example' });
  });

  it.each([
    ['unknown-charset.eml', 'Jürgen Weiß'],
    ['latin1-body-declared-utf8.eml', 'Amélie François'],
    ['utf8-body-in-7bit-no-charset.eml', 'Amélie François'],
  ])('%s: the body is decoded without replacement characters', async (file, name) => {
    // Prepare / Act
    const understanding = await understandFixture(file);

    // Assess
    expect(understanding.status).toBe('understood');
    expect(understanding.original.from.name).toBe(name);
    expect(JSON.stringify(understanding)).not.toContain('\uFFFD');
  });
});
