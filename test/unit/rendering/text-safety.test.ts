import { describe, expect, it } from 'vitest';
import { capLength, stripControlCharacters, tidyMultiline, toOptionalLine, toSingleLine } from '../../../functions/core/rendering/text-safety.js';
import { countWords } from '../../../functions/core/rendering/word-count.js';
import { findCliches } from '../../../functions/core/rendering/cliche-phrases.js';

describe('text safety', () => {
  it('removes control, bidi-override and separator characters but keeps LF and TAB', () => {
    // Prepare
    const text = 'a\u0000b\u0007c\r\nd\re\u2028f\u202Eg\u2066h\u009Fi\tj';

    // Act
    const cleaned = stripControlCharacters(text);

    // Assess
    expect(cleaned).toBe('abc\nd\ne\nfgh' + 'i\tj');
  });

  it('makes one capped line of anything', () => {
    // Prepare
    const subject = 'Your application\r\nBcc: x@evil.test\t\u0000 and   more';

    // Act
    const line = toSingleLine(subject, 200);
    const capped = toSingleLine('word '.repeat(100), 30);

    // Assess
    expect(line).toBe('Your application Bcc: x@evil.test and more');
    expect(Array.from(capped).length).toBeLessThanOrEqual(30);
    expect(capped.endsWith('…')).toBe(true);
    expect(toOptionalLine('  \r\n ', 10)).toBeNull();
    expect(toOptionalLine(null, 10)).toBeNull();
    expect(capLength('short', 10)).toBe('short');
  });

  it('tidies multi-line text left by optional template blocks', () => {
    // Prepare
    const rendered = '\n\nHi Jane,\n\n\n\nThank you for the  role .  \n\n\nBest regards,\nSam\n\n';

    // Act
    const tidy = tidyMultiline(rendered);

    // Assess
    expect(tidy).toBe('Hi Jane,\n\nThank you for the role.\n\nBest regards,\nSam');
  });
});

describe('countWords', () => {
  it('counts words as a reader does', () => {
    // Prepare
    const text = "Hi Jane,\n\n- Don't worry: a follow-up [in brackets] - 3 times.\nBest regards,\n[Your name]";

    // Act
    const count = countWords(text);

    // Assess
    expect(count).toBe(14);
  });
});

describe('findCliches', () => {
  it('finds stock phrases whatever the case and apostrophe', () => {
    // Prepare
    const text = 'Just checking in! I HOPE THIS EMAIL FINDS YOU WELL. Let me circle back. I hope you’re doing well';

    // Act
    const found = findCliches(text);

    // Assess
    expect(found).toEqual(expect.arrayContaining(['just checking in', 'i hope this email finds you well', 'circle back', "i hope you're doing well"]));
    expect(findCliches('Thank you for your time and consideration.')).toEqual([]);
  });
});
