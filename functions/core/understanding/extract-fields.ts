/**
 * Field extraction from the original message of a forward: the rejection verdict and kind,
 * company, contact, role and signals, each with a confidence. Pure: no I/O, no environment.
 *
 * How it works: the body is cut to a bounded size, then
 * - classify.ts scores phrase matches per kind (rejection, confirmation, interview, offer,
 *   auto-reply) from the per-language phrase data in phrases/, ignoring matches inside
 *   conditional clauses;
 * - contact.ts finds the greeting addressee, the signature block and the addresses;
 * - company.ts weighs candidates from display name, domain or ATS tenant, subject, body phrases
 *   and signature;
 * - role.ts reads the title from subject and body;
 * - signals.ts quotes reasons and compliments and flags reapply / stay-in-touch / feedback;
 * - detect-language.ts decides the language the message is written in.
 */
import { identifyPlatformSender } from './ats-senders.js';
import { detectLanguage } from './detect-language.js';
import { classifyMessage } from './fields/classify.js';
import { extractCompany } from './fields/company.js';
import { extractContactAddress, extractContactName, findGreetingNames, findSignature, type ContactInput } from './fields/contact.js';
import { extractRole } from './fields/role.js';
import { clearPerMessageCaches } from './fields/per-message-cache.js';
import { extractSignals } from './fields/signals.js';
import { cleanText, limitText, MAX_SUBJECT_CHARS, stripQuotedReply } from './fields/text-tools.js';
import type { ExtractedFields, OriginalMessage } from './types.js';

/** Options for {@link extractFields}. */
export interface ExtractFieldsOptions {
  /** The owner's own addresses: never taken for the contact. */
  ownerAddresses: readonly string[];
}

/**
 * Extracts what Not Today needs from the original message: is it a rejection (and what kind of
 * message it is), the employer, the person to thank and where to write, the role, and the
 * signals a thank-you note can use. Each field has a confidence so the product can offer a
 * "fix details" link when it is unsure.
 */
export function extractFields(original: OriginalMessage, options: ExtractFieldsOptions): ExtractedFields {
  clearPerMessageCaches();
  const owners = new Set(options.ownerAddresses.map((address) => address.trim().toLowerCase()));
  const body = stripQuotedReply(cleanText(limitText(original.text ?? '')));
  const subject = cleanText((original.subject ?? '').slice(0, MAX_SUBJECT_CHARS)).replace(/\s+/g, ' ').trim();
  const platform = identifyPlatformSender(original.from.address);

  const signature = findSignature(body);
  const greetingNames = findGreetingNames(body);
  const contactInput: ContactInput = {
    from: original.from,
    replyTo: original.replyTo,
    to: original.to,
    body,
    signature,
    greetingNames,
    platform,
    ownerAddresses: owners,
  };

  const classification = classifyMessage(subject, body);
  const address = extractContactAddress(contactInput);

  // The signer's name first without company hints, so the company extractor knows who is a person.
  const provisionalName = extractContactName(contactInput, []);
  const company = extractCompany({
    fromName: original.from.name,
    fromAddress: original.from.address,
    subject,
    body,
    signatureLines: signature.lines,
    platform,
    personNames: [...greetingNames, ...(provisionalName.name?.includes(' ') ? [provisionalName.name] : []), ...original.to.map((box) => box.name ?? '')].filter(Boolean),
  });
  const contactName = extractContactName(contactInput, company.company ? [company.company] : []);
  const role = extractRole(subject, body, company.company);
  const signals = extractSignals(body, address.feedbackAddress);

  return {
    isRejection: classification.isRejection,
    kind: classification.kind,
    company: company.company,
    contact: { name: contactName.name, email: address.email, noReply: address.noReply },
    role: role.role,
    signals,
    confidence: {
      isRejection: classification.confidence,
      company: company.confidence,
      contactName: contactName.confidence,
      contactEmail: address.confidence,
      role: role.confidence,
    },
    language: detectLanguage(subject, body).language,
  };
}
