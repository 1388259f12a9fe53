/** Characters a regular expression reads as syntax outside a character class. */
const REGEX_SYNTAX = /[.*+?^${}()|[\]\\]/g;

/** Escapes a string for use inside a RegExp, so it matches itself and nothing else. */
export function escapeRegExp(text: string): string {
  return text.replace(REGEX_SYNTAX, '\\$&');
}
