/**
 * The owner's corrections (the "fix details" page), the overview list, and "send me a fresh
 * email" for an expired link.
 *
 * The form is validated in core with zod (pages/edit-form.ts: the same rules the page shows):
 * every field gets a clear message, single-line fields lose control characters (they end up
 * in email subjects). Fields the owner saves become certain (confidence 1), so the "fix
 * details" hint disappears from later emails.
 * Changing the cadence reschedules the next check-in from the same anchor; changing the
 * status goes through the same transitions as the one-click actions. The draft language (one of
 * DRAFT_LANGUAGES) is stored on the contact; every later draft, and the page's preview, uses it.
 */
import { draftLanguageOf } from '../drafting/draft-languages.js';
import { ConflictError, InvalidInputError } from '../errors.js';
import { buildActionLinks, OWNER_WIDE_CONTACT_ID } from '../links/link-signer.js';
import type { Contact, ContactStatus, ContactView, Plan, PromptKind } from '../model.js';
import { applyPlanAction, type StateAction } from '../plan/plan-actions.js';
import { appendSentLog, computeNextPrompt, planContextOf } from '../plan/plan-rules.js';
import { validateEditForm, type EditFormValues } from '../pages/edit-form.js';
import type { PageTexts } from '../pages/page-texts.js';
import { appendHistory, loadContactView } from './contact-views.js';
import { deliverPrompt, MAX_PLAN_WRITE_ATTEMPTS, PROMPT_LINK_ACTIONS } from './deliver-prompt.js';
import { readLink } from './perform-action.js';
import type { ActionDeps } from './use-case-deps.js';

export { listContactViews, compareByNextDue, displayName } from './contact-views.js';

/** A fresh email is sent at most this often per contact (an old link can be clicked by anyone holding it). */
export const RESEND_COOLDOWN_MINUTES = 10;

const MILLISECONDS_PER_MINUTE = 60_000;

/** The fields of the fix-details form, by form name. */
export const EDIT_FIELDS = ['company', 'contactName', 'contactEmail', 'role', 'notes', 'cadence', 'status', 'language'] as const;
export type EditField = (typeof EDIT_FIELDS)[number];

/** The result of a save: the updated view, or the problems by field with what was typed. */
export type EditResult =
  | { ok: true; view: ContactView; changed: EditField[] }
  | { ok: false; view: ContactView; errors: Partial<Record<EditField, string>>; values: Record<EditField, string> };

/**
 * Saves the fix-details form for the contact of an 'edit' link. Missing form fields keep their
 * current value. Throws InvalidTokenError for a bad link, InvalidInputError for a link that is
 * not an edit link, NotFoundError for an unknown contact.
 */
export async function editContact(
  deps: ActionDeps & { texts: PageTexts },
  input: { token: string; form: Record<string, string> },
): Promise<EditResult> {
  const claims = readLink(deps, input.token);
  if (claims.action !== 'edit' || claims.contactId === OWNER_WIDE_CONTACT_ID) {
    throw new InvalidInputError('this link does not open the details form');
  }
  const context = planContextOf(deps.owner);

  for (let attempt = 1; attempt <= MAX_PLAN_WRITE_ATTEMPTS; attempt += 1) {
    const view = await loadContactView(deps.repository, claims.ownerId, claims.contactId);
    const values = formValues(view, input.form);
    // One validation for the page and the use case: the form module's zod schema.
    const validated = validateEditForm(deps.texts, values, view.plan.status);
    if (!validated.ok) return { ok: false, view, errors: validated.errors, values };
    const form = validated.values;
    const status = form.status;
    const now = deps.clock.now();
    const nowIso = now.toISOString();
    const contactChanges = contactChangesOf(view.contact, form);
    const changed: EditField[] = [...contactChanges.fields];

    let plan: Plan = view.plan;
    if (form.cadence !== plan.cadence) {
      changed.push('cadence');
      plan = { ...plan, cadence: form.cadence };
      if (plan.status === 'active' || plan.status === 'snoozed') plan = { ...plan, ...computeNextPrompt(plan, context) };
    }
    if (status !== plan.status) {
      changed.push('status');
      const applied = applyPlanAction(plan, view.contact, statusAction(plan.status, status), now, context);
      if (!applied.applicable) return { ok: false, view, errors: { status: applied.reason }, values };
      // "Ignored" for a tracked contact: stopped for good, shown as ignored.
      plan = status === 'ignored' ? { ...applied.plan, status: 'ignored' } : applied.plan;
    }
    if (changed.length === 0) return { ok: true, view, changed };

    try {
      if (plan !== view.plan) await deps.repository.savePlan({ ...plan, version: view.plan.version + 1 });
    } catch (error) {
      if (error instanceof ConflictError && attempt < MAX_PLAN_WRITE_ATTEMPTS) continue;
      throw error;
    }
    const edited: Contact = {
      ...view.contact,
      ...contactChanges.patch,
      history: appendHistory(view.contact, { at: nowIso, type: 'edited', detail: `changed ${changed.join(', ')}` }),
      updatedAt: nowIso,
      version: view.contact.version + 1,
    };
    const contact = await saveContactWithRetry(deps, edited, contactChanges.patch);
    let saved = plan !== view.plan ? { ...plan, version: view.plan.version + 1 } : plan;
    if (saved.nextPrompt === 'thank-you' && view.plan.nextPrompt !== 'thank-you') {
      // Tracked from the form: the thank-you goes out now, as with the "track anyway" link.
      saved = await deliverNow(deps, saved);
    }
    deps.log.info('contact edited', { contactId: claims.contactId, changed });
    return { ok: true, view: { contact, plan: saved }, changed };
  }
  throw new ConflictError('the contact kept changing; try again');
}

/**
 * Sends the owner a fresh email about one contact (the expired-link page's "send me a fresh
 * email"): the last prompt again, with new links, leaving the schedule as it is. At most
 * once per RESEND_COOLDOWN_MINUTES. Throws NotFoundError for an unknown contact,
 * InvalidInputError for an owner-wide id.
 */
export async function resendPrompt(
  deps: ActionDeps,
  input: { ownerId: string; contactId: string },
): Promise<{ status: 'sent'; prompt: PromptKind; messageId: string } | { status: 'too-soon'; retryAfter: string }> {
  if (input.contactId === OWNER_WIDE_CONTACT_ID) {
    throw new InvalidInputError('open the overview from any recent Not Today email');
  }
  const now = deps.clock.now();
  const view = await loadContactView(deps.repository, input.ownerId, input.contactId);
  const lastSent = view.plan.sentLog.at(-1);
  if (lastSent) {
    const retryAfter = new Date(new Date(lastSent.at).getTime() + RESEND_COOLDOWN_MINUTES * MILLISECONDS_PER_MINUTE);
    if (retryAfter.getTime() > now.getTime()) return { status: 'too-soon', retryAfter: retryAfter.toISOString() };
  }
  const prompt: PromptKind =
    view.plan.status === 'needs-review' || view.plan.status === 'ignored'
      ? 'needs-review'
      : (lastSent?.prompt ?? view.plan.nextPrompt ?? 'check-in');
  const links = buildActionLinks({
    signer: deps.signer,
    baseUrl: deps.owner.actionsBaseUrl,
    ownerId: input.ownerId,
    contactId: input.contactId,
    now,
    actions: PROMPT_LINK_ACTIONS[prompt],
  });
  const email = deps.renderer.renderPrompt({ prompt, contact: view.contact, plan: view.plan, links, owner: deps.owner, now });
  const { messageId } = await deps.mailer.sendToOwner(email);

  // Record it (for the cooldown); the schedule and counters stay as they are.
  let plan: Plan | null = view.plan;
  for (let attempt = 1; attempt <= MAX_PLAN_WRITE_ATTEMPTS && plan; attempt += 1) {
    try {
      await deps.repository.savePlan({
        ...plan,
        sentLog: appendSentLog(plan.sentLog, { at: now.toISOString(), prompt }),
        version: plan.version + 1,
      });
      break;
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt === MAX_PLAN_WRITE_ATTEMPTS) {
        deps.log.warn('fresh email sent but not recorded', { contactId: input.contactId });
        break;
      }
      plan = await deps.repository.getPlan(input.ownerId, input.contactId);
    }
  }
  deps.log.info('fresh email sent', { contactId: input.contactId, prompt });
  return { status: 'sent', prompt, messageId };
}

/** Delivers a plan's due prompt now; returns the plan as stored afterwards. */
async function deliverNow(deps: ActionDeps, plan: Plan): Promise<Plan> {
  const ref = deps.repository.dueRefOf(plan);
  if (!ref) return plan;
  const delivery = await deliverPrompt(deps, ref);
  if (delivery.status !== 'sent') return plan;
  return (await deps.repository.getPlan(plan.ownerId, plan.contactId)) ?? plan;
}

/** The form as submitted, with the current value for every field left out. */
function formValues(view: ContactView, form: Record<string, string>): Record<EditField, string> {
  const current: Record<EditField, string> = {
    company: view.contact.company ?? '',
    contactName: view.contact.contactName ?? '',
    contactEmail: view.contact.contactEmail ?? '',
    role: view.contact.role ?? '',
    notes: view.contact.notes,
    cadence: view.plan.cadence,
    status: view.plan.status,
    language: draftLanguageOf(view.contact),
  };
  const values = { ...current };
  for (const field of EDIT_FIELDS) {
    const value = form[field];
    if (typeof value === 'string') values[field] = value;
  }
  return values;
}

function contactChangesOf(contact: Contact, form: EditFormValues): { fields: EditField[]; patch: Partial<Contact> } {
  const fields: EditField[] = [];
  const patch: Partial<Contact> = {};
  const confidence = { ...contact.confidence };
  const nullable = (value: string | null): string | null => (value === '' ? null : value);

  if (nullable(form.company) !== contact.company) {
    fields.push('company');
    patch.company = nullable(form.company);
    confidence.company = 1;
  }
  if (nullable(form.contactName) !== contact.contactName) {
    fields.push('contactName');
    patch.contactName = nullable(form.contactName);
    confidence.contactName = 1;
  }
  if (nullable(form.contactEmail) !== contact.contactEmail) {
    fields.push('contactEmail');
    patch.contactEmail = nullable(form.contactEmail);
    // The owner gave an address to write to: it takes replies.
    patch.noReply = form.contactEmail === null ? contact.noReply : false;
    confidence.contactEmail = 1;
  }
  if (nullable(form.role) !== contact.role) {
    fields.push('role');
    patch.role = nullable(form.role);
    confidence.role = 1;
  }
  if (form.notes !== contact.notes) {
    fields.push('notes');
    patch.notes = form.notes;
  }
  if (form.language !== draftLanguageOf(contact)) {
    fields.push('language');
    patch.language = form.language;
  }
  if (fields.length > 0) patch.confidence = confidence;
  return { fields, patch };
}

/** The one-click action a status change on the form stands for. */
function statusAction(from: ContactStatus, to: ContactStatus): StateAction {
  if (to === 'stopped') return 'stop';
  if (to === 'ignored') return from === 'needs-review' || from === 'ignored' ? 'ignore' : 'stop';
  return from === 'needs-review' || from === 'ignored' ? 'track' : 'resume';
}

/** Saves the edited profile; on a lost race re-applies the same patch to the fresh profile. */
async function saveContactWithRetry(deps: ActionDeps, contact: Contact, patch: Partial<Contact>): Promise<Contact> {
  let next = contact;
  for (let attempt = 1; attempt <= MAX_PLAN_WRITE_ATTEMPTS; attempt += 1) {
    try {
      await deps.repository.saveContact(next);
      return next;
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt === MAX_PLAN_WRITE_ATTEMPTS) throw error;
      const fresh = await deps.repository.getContact(contact.ownerId, contact.contactId);
      if (!fresh) throw error;
      const entry = contact.history.at(-1);
      next = {
        ...fresh,
        ...patch,
        history: entry ? appendHistory(fresh, entry) : fresh.history,
        updatedAt: contact.updatedAt,
        version: fresh.version + 1,
      };
    }
  }
  throw new ConflictError('the contact kept changing; try again');
}
