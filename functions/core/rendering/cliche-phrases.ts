/**
 * Phrases a good note avoids: stock openers and corporate filler that make a message sound
 * automated. Plain data; the tests check every shipped draft against it, and anyone editing
 * templates/drafts/ can run them again (`npx vitest run test/unit/rendering`).
 */
export const CLICHE_PHRASES: readonly string[] = [
  'just checking in',
  'just following up',
  'just wanted to follow up',
  'touch base',
  'touching base',
  'circle back',
  'circling back',
  'i hope this email finds you well',
  'i hope this message finds you well',
  'hope this finds you well',
  'i hope you are doing well',
  "i hope you're doing well",
  'per my last email',
  'as per my previous email',
  'bumping this',
  'reach out',
  'reaching out',
  'at your earliest convenience',
  'pick your brain',
  'synergy',
  'low-hanging fruit',
  'think outside the box',
  'going forward',
  'to whom it may concern',
  'sorry to bother you',
  'any updates?',
];

/** The cliches found in `text` (case-insensitive, apostrophes normalised). */
export function findCliches(text: string): string[] {
  const normalized = text.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ');
  return CLICHE_PHRASES.filter((phrase) => normalized.includes(phrase));
}
