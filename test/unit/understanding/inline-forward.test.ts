import { describe, expect, it } from 'vitest';
import { readInlineForwards } from '../../../functions/core/understanding/inline-forward.js';

const header = '---------- Forwarded message ---------\nFrom: Dana Reyes <dana@acme.example>\nDate: Mon, 3 Feb 2025 at 10:12\nSubject: Your application\nTo: <me@example.com>\n\n';

describe('readInlineForwards: the forwarded body', () => {
  it('removes an indented quote level that every line of the forwarded body carries', () => {
    // Prepare: the parser itself removes ">" only at the very start of a line
    const body = `${header}  > Hi,\n  >\n  >  We chose another candidate.\n  > Dana\n`;

    // Act
    const levels = readInlineForwards(body, 'Fwd: Your application');

    // Assess
    expect(levels.map((level) => level.body)).toEqual(['Hi,\n\n We chose another candidate.\nDana']);
  });

  it('keeps a body as written when its lines are not all quoted, or it holds no quote mark', () => {
    // Prepare
    const partlyQuoted = `${header}Hi,\nTeam -> role: filled\n> We chose another candidate.\n`;
    const unquoted = `${header}Hi,\n  We chose another   candidate.\nDana\n`;

    // Act
    const bodies = [partlyQuoted, unquoted].map((body) => readInlineForwards(body, 'Fwd: Your application')[0]?.body);

    // Assess
    expect(bodies).toEqual(['Hi,\nTeam -> role: filled\nWe chose another candidate.', 'Hi,\n  We chose another   candidate.\nDana']);
  });
});
