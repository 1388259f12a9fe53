/**
 * Making untrusted text safe to place in an email: no control characters (they can break a
 * header, hide text or reorder it with bidi overrides), no CR/LF in single-line values, and a
 * length cap so a hostile mail cannot blow up the owner's email.
 */

/**
 * C0/C1 control characters except TAB and LF, DEL, the Unicode line/paragraph separators and
 * the bidi embedding/override/isolate controls (which can make text read differently from
 * how it is stored).
 */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
/** Any line break, including the lone CR and the Unicode separators. */
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\u0085\u000B\u000C]/g;
const ELLIPSIS = '…';

/** Removes control characters; keeps LF (after turning CRLF/CR into LF) and TAB. */
export function stripControlCharacters(text: string): string {
  return text.replace(LINE_BREAKS, '\n').replace(CONTROL_CHARACTERS, '');
}

/** Cuts `text` to at most `maxLength` characters, at a word boundary when one is near, with "…". */
export function capLength(text: string, maxLength: number): string {
  const characters = Array.from(text);
  if (characters.length <= maxLength) return text;
  const cut = characters.slice(0, Math.max(0, maxLength - 1)).join('');
  const lastSpace = cut.lastIndexOf(' ');
  const nearEnough = lastSpace > cut.length * 0.6;
  return `${(nearEnough ? cut.slice(0, lastSpace) : cut).trimEnd()}${ELLIPSIS}`;
}

/**
 * One clean line: line breaks and tabs become spaces, control characters go, runs of
 * whitespace collapse, and the result is capped. Use for names, companies, roles, subjects.
 */
export function toSingleLine(text: string, maxLength: number): string {
  const line = stripControlCharacters(text.replace(LINE_BREAKS, ' '))
    .replace(/\s+/g, ' ')
    .trim();
  return capLength(line, maxLength);
}

/** Like toSingleLine but null/blank stays null, so templates can test it with {{#if}}. */
export function toOptionalLine(text: string | null | undefined, maxLength: number): string | null {
  if (typeof text !== 'string') return null;
  const line = toSingleLine(text, maxLength);
  return line === '' ? null : line;
}

/**
 * Multi-line text (notes, rendered bodies): control characters gone, trailing spaces trimmed,
 * runs of spaces collapsed, at most one blank line in a row, no blank lines at either end.
 */
export function tidyMultiline(text: string): string {
  return stripControlCharacters(text)
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').replace(/ ([,.;:!?])/g, '$1').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
