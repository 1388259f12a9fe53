/** Builds an OriginalMessage for the field-extraction tests (text written for these tests). */
import type { OriginalMessage } from '../../../../functions/core/understanding/types.js';

export interface OriginalParts {
  fromName?: string | null;
  fromAddress?: string | null;
  subject?: string | null;
  body: string;
  replyTo?: string[];
  to?: { name: string | null; address: string | null }[];
}

/** The owner's address used throughout the tests. */
export const OWNER = 'sam.seeker@example.net';

export function makeOriginal(parts: OriginalParts): OriginalMessage {
  return {
    from: { name: parts.fromName ?? null, address: parts.fromAddress ?? null },
    replyTo: (parts.replyTo ?? []).map((address) => ({ name: null, address })),
    to: parts.to ?? [{ name: 'Sam Seeker', address: OWNER }],
    subject: parts.subject ?? null,
    date: null,
    dateText: null,
    messageId: null,
    text: parts.body,
    forwardStyle: 'direct',
    depth: 0,
  };
}
