/**
 * Reading contacts for pages and lists, and the small wording helpers pages share
 * (display names, dates in the owner's zone). Pure apart from the repository reads.
 */
import { NotFoundError } from '../errors.js';
import type { Contact, ContactView, Plan } from '../model.js';
import type { ContactRepository, Log } from '../ports.js';

/** Most history entries a contact keeps (oldest dropped first; keeps the item small). */
export const CONTACT_HISTORY_CAP = 200;

/**
 * Every contact of an owner with its plan, sorted by what is due next (soonest first,
 * nothing scheduled last, then by company and name). For the overview page and `not-today list`.
 * A contact whose plan is missing (a crash between the two writes of ingest) is left out and logged.
 */
export async function listContactViews(
  deps: { repository: ContactRepository; log?: Log },
  ownerId: string,
): Promise<ContactView[]> {
  const rows = await deps.repository.listContacts(ownerId);
  const views: ContactView[] = [];
  for (const row of rows) {
    if (!row.plan) {
      deps.log?.warn('contact without plan left out of the list', { contactId: row.contact.contactId });
      continue;
    }
    views.push({ contact: row.contact, plan: row.plan });
  }
  return views.sort(compareByNextDue);
}

/** Soonest due first; nothing scheduled last; ties by company, name, id. */
export function compareByNextDue(left: ContactView, right: ContactView): number {
  const leftDue = left.plan.nextDueAt;
  const rightDue = right.plan.nextDueAt;
  if (leftDue !== rightDue) {
    if (leftDue === null) return 1;
    if (rightDue === null) return -1;
    return leftDue < rightDue ? -1 : 1;
  }
  const byName = displayName(left.contact).localeCompare(displayName(right.contact));
  return byName !== 0 ? byName : left.contact.contactId.localeCompare(right.contact.contactId);
}

/** Loads a contact and its plan, or throws NotFoundError. */
export async function loadContactView(
  repository: ContactRepository,
  ownerId: string,
  contactId: string,
): Promise<ContactView> {
  const [contact, plan] = await Promise.all([
    repository.getContact(ownerId, contactId),
    repository.getPlan(ownerId, contactId),
  ]);
  if (!contact || !plan) throw new NotFoundError(`no contact ${contactId}`);
  return { contact, plan };
}

/**
 * "Acme - Jane Doe": company and person as far as known. Untrusted text (it comes from an
 * inbound email or the owner's form): callers escape it for HTML and strip it for headers.
 */
export function displayName(contact: Pick<Contact, 'company' | 'contactName' | 'contactEmail'>): string {
  const person = contact.contactName ?? contact.contactEmail;
  if (contact.company && person) return `${contact.company} - ${person}`;
  return contact.company ?? person ?? 'Unknown contact';
}

/** Appends history entries, keeping the newest CONTACT_HISTORY_CAP. */
export function appendHistory(contact: Contact, entry: Contact['history'][number]): Contact['history'] {
  return [...contact.history, entry].slice(-CONTACT_HISTORY_CAP);
}

/** Whether the plan is in a state that sends prompts (for lists). */
export function isScheduled(plan: Plan): boolean {
  return plan.nextDueAt !== null;
}
