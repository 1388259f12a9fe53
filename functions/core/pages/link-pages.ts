/**
 * The pages behind the signed links: what the actions function shows for GET/HEAD (open a
 * link: never changes anything) and what it does for POST (submit a link's form). Each
 * delegates the decision to one use case (previewAction, performAction, editContact,
 * listContactViews, resendPrompt) and turns its result into a page's view model.
 *
 * Links between pages are relative (`./<token>`): every page lives under /a/, so the
 * same HTML works behind a Lambda Function URL, a custom domain or the local server, and
 * `form-action 'self'` holds.
 */
import { ConflictError, InvalidInputError, InvalidTokenError, NotFoundError, TransientError } from '../errors.js';
import {
  buildActionUrl,
  buildCalendarUrl,
  ExpiredTokenError,
  OWNER_WIDE_CONTACT_ID,
  verifyIgnoringExpiry,
} from '../links/link-signer.js';
import type { ActionKind, ContactView, PromptKind } from '../model.js';
import { isStateAction } from '../plan/plan-actions.js';
import type { DraftComposer } from '../rendering/compose-drafts.js';
import { editContact, listContactViews, resendPrompt } from '../use-cases/edit-contact.js';
import { performAction, previewAction } from '../use-cases/perform-action.js';
import type { ActionDeps } from '../use-cases/use-case-deps.js';
import {
  buildExpiredPage,
  buildOutcomePage,
  buildPreviewPage,
  buildMessagePage,
  buildResentPage,
  type MessagePageName,
  type OnwardPaths,
} from './action-pages.js';
import { buildEditPage, prefillEditForm, type EditDraftPreview, type EditFormRaw } from './edit-form.js';
import { buildOverviewPage } from './overview-page.js';
import type { PageTexts } from './page-texts.js';
import type { PageView } from './page-views.js';

/**
 * What the pages need: the use cases' ports, the draft composer for the draft preview, and
 * the pages' words (templates/pages/texts.hbs).
 */
export interface PageDeps extends ActionDeps {
  drafts: DraftComposer;
  texts: PageTexts;
}

/** A page to send, with its HTTP status. */
export interface PageResponse {
  status: number;
  view: PageView;
}

const HTTP_OK = 200;
const HTTP_GONE = 410;
const HTTP_UNPROCESSABLE = 422;

/** The form value that asks for a fresh email (the expired page's button). */
export const RESEND_INTENT = 'resend';

/** The token of an absolute action URL made by the link signer (`.../a/<token>`). */
export function tokenOfActionUrl(url: string): string {
  const segments = new URL(url).pathname.split('/');
  return decodeURIComponent(segments[segments.length - 1] ?? '');
}

/** `./<token>` for an absolute action URL: pages link to each other relatively, under /a/. */
export function relativeActionPath(url: string): string {
  return `./${encodeURIComponent(tokenOfActionUrl(url))}`;
}

function signedPath(deps: PageDeps, action: ActionKind, contactId: string): string {
  return relativeActionPath(
    buildActionUrl({
      signer: deps.signer,
      baseUrl: deps.owner.actionsBaseUrl,
      ownerId: deps.owner.ownerId,
      contactId,
      now: deps.clock.now(),
      action,
    }),
  );
}

function onwardPaths(deps: PageDeps, contactId: string | null): OnwardPaths {
  return {
    editPath: contactId ? signedPath(deps, 'edit', contactId) : null,
    overviewPath: signedPath(deps, 'overview', OWNER_WIDE_CONTACT_ID),
  };
}

/** The prompt whose draft the fix-details page shows: the next one, else the last one sent. */
function previewPromptOf(view: ContactView): PromptKind | null {
  const prompt = view.plan.nextPrompt ?? view.plan.sentLog.at(-1)?.prompt ?? null;
  return prompt === 'needs-review' ? null : prompt;
}

/** The current draft for a contact, re-rendered with its details as they are now. */
export function draftPreviewOf(deps: PageDeps, view: ContactView): EditDraftPreview | null {
  const prompt = previewPromptOf(view);
  if (!prompt) return null;
  const [draft] = deps.drafts.composeDrafts({ prompt, contact: view.contact, plan: view.plan, owner: deps.owner, now: deps.clock.now() });
  if (!draft) return null;
  return { label: draft.label, subject: draft.subject || null, text: draft.body };
}

function editPage(
  deps: PageDeps,
  view: ContactView,
  token: string,
  state: { raw: EditFormRaw; errors: Partial<Record<keyof EditFormRaw, string>>; saved: boolean },
): PageView {
  return buildEditPage({
    texts: deps.texts,
    view,
    token,
    raw: state.raw,
    errors: state.errors,
    saved: state.saved,
    draft: draftPreviewOf(deps, view),
    overviewPath: onwardPaths(deps, null).overviewPath,
  });
}

async function overviewPage(deps: PageDeps): Promise<PageView> {
  const views = await listContactViews(deps, deps.owner.ownerId);
  return buildOverviewPage({
    texts: deps.texts,
    views,
    now: deps.clock.now(),
    timeZone: deps.owner.timeZone,
    editPathFor: (view) => signedPath(deps, 'edit', view.contact.contactId),
    calendarUrl: buildCalendarUrl({
      signer: deps.signer,
      baseUrl: deps.owner.actionsBaseUrl,
      ownerId: deps.owner.ownerId,
      now: deps.clock.now(),
    }),
    inboundAddress: deps.owner.inboundAddress,
  });
}

/**
 * GET / HEAD /a/<token>: the page a link opens. Reads only, whatever the token says.
 * Throws InvalidTokenError (tampered, unknown key, wrong owner, expired), NotFoundError.
 */
export async function openLink(deps: PageDeps, input: { token: string }): Promise<PageResponse> {
  const preview = await previewAction(deps, { token: input.token });
  const { action } = preview;
  if (action === 'overview' && preview.claims.contactId === OWNER_WIDE_CONTACT_ID) {
    return { status: HTTP_OK, view: await overviewPage(deps) };
  }
  const view = preview.view;
  if (!view) throw new InvalidInputError(`the "${action}" link does not open a page`);
  if (action === 'edit') {
    return { status: HTTP_OK, view: editPage(deps, view, input.token, { raw: prefillEditForm(view), errors: {}, saved: false }) };
  }
  if (action === 'resend') {
    return { status: HTTP_OK, view: buildExpiredPage(deps.texts, { view, token: input.token, expired: false }) };
  }
  if (isStateAction(action)) {
    return {
      status: HTTP_OK,
      view: buildPreviewPage(deps.texts, { ...preview, action, view }, input.token, onwardPaths(deps, view.contact.contactId)),
    };
  }
  throw new InvalidInputError(`the "${action}" link does not open a page`);
}

/**
 * POST /a/<token>: does what the page's form asks. Idempotent: a double submit gives the
 * same state and one history entry (the use cases see to it).
 */
export async function submitLink(
  deps: PageDeps,
  input: { token: string; form: Record<string, string>; requestId: string },
): Promise<PageResponse> {
  if (input.form.intent === RESEND_INTENT) return requestFreshEmail(deps, input.token);

  const claims = verifyIgnoringExpiry(deps.signer, input.token, deps.clock.now(), deps.owner.ownerId);
  if (claims.expired) throw new ExpiredTokenError(claims.claims);
  const { action } = claims.claims;

  if (action === 'edit') {
    const result = await editContact(deps, { token: input.token, form: input.form });
    if (!result.ok) {
      return {
        status: HTTP_UNPROCESSABLE,
        view: editPage(deps, result.view, input.token, { raw: result.values, errors: result.errors, saved: false }),
      };
    }
    return {
      status: HTTP_OK,
      view: editPage(deps, result.view, input.token, { raw: prefillEditForm(result.view), errors: {}, saved: true }),
    };
  }
  if (isStateAction(action)) {
    const outcome = await performAction(deps, { token: input.token, requestId: input.requestId });
    const undoToken = outcome.undo ? tokenOfActionUrl(outcome.undo.url) : null;
    const undo = undoToken ? { path: `./${encodeURIComponent(undoToken)}`, token: undoToken } : null;
    const view = buildOutcomePage(deps.texts, outcome, undo, onwardPaths(deps, outcome.view.contact.contactId));
    return { status: outcome.status === 'not-applicable' ? HTTP_UNPROCESSABLE : HTTP_OK, view };
  }
  throw new InvalidInputError(`the "${action}" link has nothing to submit`);
}

/**
 * "Send me a fresh email" from an expired (or resend) link: authentic and for this owner,
 * expired or not. Mail goes to the owner only, at most once per cooldown (resendPrompt).
 */
async function requestFreshEmail(deps: PageDeps, token: string): Promise<PageResponse> {
  const { claims } = verifyIgnoringExpiry(deps.signer, token, deps.clock.now(), deps.owner.ownerId);
  if (claims.contactId === OWNER_WIDE_CONTACT_ID) {
    throw new InvalidInputError('an owner-wide link has no email to send again');
  }
  const result = await resendPrompt(deps, { ownerId: claims.ownerId, contactId: claims.contactId });
  return { status: HTTP_OK, view: buildResentPage(deps.texts, result.status === 'sent') };
}

/** The page and status for an error from openLink / submitLink, and whether it is unexpected. */
export function pageForError(
  texts: PageTexts,
  error: unknown,
  token: string | null,
): PageResponse & { unexpected: boolean } {
  if (error instanceof ExpiredTokenError && token) {
    if (error.claims.contactId === OWNER_WIDE_CONTACT_ID) {
      return { ...buildMessagePage(texts, 'expiredOwnerWide'), unexpected: false };
    }
    return { status: HTTP_GONE, view: buildExpiredPage(texts, { view: null, token, expired: true }), unexpected: false };
  }
  const known = knownErrorPage(error);
  if (known) return { ...buildMessagePage(texts, known), unexpected: false };
  return { ...buildMessagePage(texts, 'failed'), unexpected: true };
}

/** True when an error is none the pages expect (a bug or an outage): logged as an error, answered 500. */
export function isUnexpectedError(error: unknown): boolean {
  return knownErrorPage(error) === null;
}

function knownErrorPage(error: unknown): MessagePageName | null {
  if (error instanceof InvalidTokenError) return 'forbidden';
  if (error instanceof NotFoundError) return 'contactGone';
  if (error instanceof InvalidInputError) return 'badRequest';
  if (error instanceof ConflictError || error instanceof TransientError) return 'busy';
  return null;
}
