/**
 * Field extraction from the original message of a forward (company, contact, role,
 * rejection verdict, signals, confidence). Pure: no I/O, no environment.
 */
import type { ExtractedFields, OriginalMessage } from './types.js';

/** Options for {@link extractFields}. */
export interface ExtractFieldsOptions {
  /** The owner's own addresses: never taken for the contact. */
  ownerAddresses: readonly string[];
}

/**
 * Extracts the fields Not Today needs from the original message.
 * (Initial version: full implementation follows.)
 */
export function extractFields(original: OriginalMessage, options: ExtractFieldsOptions): ExtractedFields {
  const owners = new Set(options.ownerAddresses.map((a) => a.toLowerCase()));
  const fromAddress = original.from.address && !owners.has(original.from.address.toLowerCase()) ? original.from.address : null;
  return {
    isRejection: false,
    kind: 'other',
    company: null,
    contact: { name: original.from.name, email: fromAddress, noReply: false },
    role: null,
    signals: {
      reasons: [],
      compliments: [],
      reapplyInvitation: false,
      stayInTouch: false,
      feedbackOffered: false,
      feedbackAddress: null,
    },
    confidence: { isRejection: 0, company: 0, contactName: 0, contactEmail: 0, role: 0 },
  };
}
