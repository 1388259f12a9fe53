import { describe, expect, it } from 'vitest';
import {
  buildGmailComposeUrl,
  buildMailtoUrl,
  isPlausibleEmailAddress,
  toSafeHttpUrl,
} from '../../../functions/core/rendering/compose-links.js';

/** Splits a URL's query into its parameters, decoding each value once (what a mail client does). */
function readQuery(url: string): Map<string, string> {
  const query = url.slice(url.indexOf('?') + 1);
  return new Map(
    query.split('&').map((pair) => {
      const [key, value = ''] = pair.split('=');
      return [key!, decodeURIComponent(value)] as const;
    }),
  );
}

describe('buildMailtoUrl', () => {
  it('round-trips recipient, subject and body, with CRLF line breaks and %20 for spaces', () => {
    // Prepare
    const parts = {
      to: 'jane.doe+jobs@acme.example',
      subject: 'Re: Senior Engineer & "Platform" — 100% thanks?',
      body: 'Hi Jane,\n\nThank you = grateful; a+b #1 & more.\nBest regards,\nSam',
    };

    // Act
    const url = buildMailtoUrl(parts);

    // Assess
    expect(url.startsWith('mailto:jane.doe%2Bjobs@acme.example?')).toBe(true);
    expect(url).not.toContain('+');
    expect(url).not.toContain(' ');
    const query = readQuery(url);
    expect([...query.keys()]).toEqual(['subject', 'body']);
    expect(query.get('subject')).toBe(parts.subject);
    expect(query.get('body')).toBe(parts.body.replace(/\n/g, '\r\n'));
    expect(decodeURIComponent(url.slice('mailto:'.length, url.indexOf('?')))).toBe(parts.to);
  });

  it('leaves the recipient out when it is empty or not a plain address', () => {
    // Prepare
    const hostile = ['', 'javascript:alert(1)//@evil.test', 'a@b.example?bcc=victim@evil.test', 'x@evil.test\r\nBcc: y@evil.test', 'no-at-sign'];

    // Act
    const urls = hostile.map((to) => buildMailtoUrl({ to, subject: 'S', body: 'B' }));

    // Assess
    for (const url of urls) {
      expect(url.startsWith('mailto:?subject=S&body=B')).toBe(true);
    }
  });

  it('keeps an injected header inside the encoded subject', () => {
    // Prepare
    const subject = 'Hello\r\nBcc: victim@evil.test';

    // Act
    const url = buildMailtoUrl({ to: 'jane@acme.example', subject, body: 'x' });

    // Assess
    expect(url).not.toMatch(/[\r\n]/);
    expect(readQuery(url).size).toBe(2);
    expect(url).toContain('subject=Hello%0D%0ABcc%3A%20victim%40evil.test&body=x');
  });
});

describe('buildGmailComposeUrl', () => {
  it('opens Gmail compose with to, su and body', () => {
    // Prepare
    const parts = { to: 'jane@acme.example', subject: 'Thank you & more', body: 'Line one\r\nLine two' };

    // Act
    const url = buildGmailComposeUrl(parts);

    // Assess
    expect(url.startsWith('https://mail.google.com/mail/?view=cm&fs=1&')).toBe(true);
    const query = readQuery(url);
    expect(query.get('to')).toBe('jane@acme.example');
    expect(query.get('su')).toBe('Thank you & more');
    expect(query.get('body')).toBe('Line one\nLine two');
    expect(url).not.toContain('+');
  });

  it('keeps an empty "to" when there is no one to write to', () => {
    // Prepare / Act
    const url = buildGmailComposeUrl({ to: 'no reply', subject: 'S', body: 'B' });

    // Assess
    expect(readQuery(url).get('to')).toBe('');
  });
});

describe('isPlausibleEmailAddress / toSafeHttpUrl', () => {
  it('accepts plain addresses and rejects anything that could act as a scheme or query', () => {
    // Prepare
    const good = ['jane@acme.example', "o'brien@kestrel.example", 'a.b+c@sub.domain.example'];
    const bad = ['javascript:alert(1)//@evil.test', 'a@b', 'a b@c.example', 'a@b.example?x=1', '<a@b.example>', 'a@b.example\n', null];

    // Act / Assess
    for (const address of good) expect(isPlausibleEmailAddress(address)).toBe(true);
    for (const address of bad) expect(isPlausibleEmailAddress(address)).toBe(false);
  });

  it('keeps only absolute http(s) URLs', () => {
    // Prepare
    const cases: [string | undefined, string | null][] = [
      ['https://actions.example/a/tok', 'https://actions.example/a/tok'],
      ['http://127.0.0.1:3000/a/tok', 'http://127.0.0.1:3000/a/tok'],
      ['javascript:alert(1)', null],
      ['JaVaScRiPt:alert(1)', null],
      ['data:text/html,<script>alert(1)</script>', null],
      ['/a/relative', null],
      ['https://ok.example/a\r\nX: y', null],
      [undefined, null],
    ];

    // Act / Assess
    for (const [input, expected] of cases) expect(toSafeHttpUrl(input)).toBe(expected);
  });
});
