/**
 * The secret calendar feed (GET /calendar/<token>.ics): every upcoming prompt of the owner
 * as an event, with the drafted message in its description, so a calendar app that
 * subscribed once shows each check-in on its day, words ready.
 *
 * The URL is the secret: a signed token with action 'calendar' for the whole owner ('*'),
 * long-lived because calendar apps poll the same URL for years; rotating the signing keys
 * revokes it. Reads only.
 */
import { InvalidTokenError } from '../errors.js';
import { buildActionUrl, OWNER_WIDE_CONTACT_ID } from '../links/link-signer.js';
import type { ContactView } from '../model.js';
import type { DraftComposer } from '../rendering/compose-drafts.js';
import { listContactViews } from '../use-cases/contact-views.js';
import { readLink } from '../use-cases/perform-action.js';
import type { ActionDeps } from '../use-cases/use-case-deps.js';
import { buildCheckInFeed, type DraftForFeed } from './check-in-feed.js';

/** What the feed needs: the use cases' ports and the draft composer. */
export interface CalendarFeedDeps extends ActionDeps {
  drafts: DraftComposer;
}

function draftFor(deps: CalendarFeedDeps, view: ContactView): DraftForFeed | null {
  const prompt = view.plan.nextPrompt;
  if (!prompt || prompt === 'needs-review') return null;
  const [draft] = deps.drafts.composeDrafts({ prompt, contact: view.contact, plan: view.plan, owner: deps.owner, now: deps.clock.now() });
  if (!draft) return null;
  const recipient = draft.to ? `To: ${draft.to}\n` : '';
  return { text: `${recipient}Subject: ${draft.subject}\n\n${draft.body}` };
}

/**
 * The iCalendar text of the owner's feed. Throws InvalidTokenError for a token that is not
 * an authentic, unexpired calendar token of this owner (an action link is not a feed key).
 */
export async function readCalendarFeed(deps: CalendarFeedDeps, input: { token: string }): Promise<string> {
  const claims = readLink(deps, input.token);
  if (claims.action !== 'calendar' || claims.contactId !== OWNER_WIDE_CONTACT_ID) {
    throw new InvalidTokenError('this link is not a calendar feed', 'malformed');
  }
  const views = await listContactViews(deps, claims.ownerId);
  const now = deps.clock.now();
  return buildCheckInFeed({
    views,
    now,
    draftFor: (view) => draftFor(deps, view),
    linkFor: (view) =>
      buildActionUrl({
        signer: deps.signer,
        baseUrl: deps.owner.actionsBaseUrl,
        ownerId: claims.ownerId,
        contactId: view.contact.contactId,
        now,
        action: 'edit',
      }),
  });
}
