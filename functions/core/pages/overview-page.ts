/**
 * The overview page: every contact with company, person, role, status, last action and
 * next prompt, sorted by what is due next (nothing scheduled goes last), each with a signed
 * link to its fix-details page.
 */
import type { ContactView } from '../model.js';
import { describeWho, formatDay, labelAction, labelPrompt, labelStatus } from './page-formatting.js';
import type { PageTexts } from './page-texts.js';
import type { OverviewPageView, OverviewRowView } from './page-views.js';

/** Shown where a value is unknown or there is nothing to show. */
export const EMPTY_CELL = '—';

export interface OverviewInput {
  /** The pages' words (templates/pages/texts.hbs). */
  texts: PageTexts;
  views: readonly ContactView[];
  now: Date;
  timeZone: string;
  /** The relative path (under /a/) of a contact's signed fix-details page. */
  editPathFor: (view: ContactView) => string;
  /** The absolute secret address of the calendar feed, or null to hide it. */
  calendarUrl: string | null;
  inboundAddress: string;
}

function dueTime(view: ContactView): number {
  const due = view.plan.nextDueAt ? Date.parse(view.plan.nextDueAt) : Number.NaN;
  return Number.isNaN(due) ? Number.POSITIVE_INFINITY : due;
}

/** Due soonest first; then by company and person so the order is stable. */
export function sortByDueNext(views: readonly ContactView[]): ContactView[] {
  const label = (view: ContactView): string =>
    `${view.contact.company ?? ''}\u0000${view.contact.contactName ?? ''}\u0000${view.contact.contactId}`.toLowerCase();
  return [...views].sort((left, right) => {
    const byDue = dueTime(left) - dueTime(right);
    if (byDue !== 0 && !Number.isNaN(byDue)) return byDue;
    return label(left).localeCompare(label(right));
  });
}

function describeLastAction(view: ContactView, { texts, now, timeZone }: OverviewInput): string {
  const { plan } = view;
  if (plan.lastAction && plan.lastActionAt) {
    return texts.say('overview-last-action', {
      action: labelAction(texts, plan.lastAction),
      day: formatDay(plan.lastActionAt, now, timeZone),
    });
  }
  const lastSent = plan.sentLog.at(-1);
  if (lastSent) {
    return texts.say('overview-last-sent', { prompt: labelPrompt(texts, lastSent.prompt), day: formatDay(lastSent.at, now, timeZone) });
  }
  return EMPTY_CELL;
}

function describeNextPrompt(view: ContactView, { texts, now, timeZone }: OverviewInput): string {
  const { plan } = view;
  if (!plan.nextPrompt || !plan.nextDueAt) return plan.status === 'quiet' ? texts.say('overview-none-until-resume') : EMPTY_CELL;
  return texts.say('overview-next', { prompt: labelPrompt(texts, plan.nextPrompt), day: formatDay(plan.nextDueAt, now, timeZone) });
}

/** One row per contact, worded for the owner. */
export function buildOverviewRow(view: ContactView, input: OverviewInput): OverviewRowView {
  const who = describeWho(view.contact);
  return {
    company: who.company ?? who.person ?? input.texts.say('overview-unknown-company'),
    person: who.company ? who.person : null,
    role: who.role ?? EMPTY_CELL,
    statusKey: view.plan.status,
    statusLabel: labelStatus(input.texts, view.plan.status),
    lastAction: describeLastAction(view, input),
    nextPrompt: describeNextPrompt(view, input),
    editPath: input.editPathFor(view),
  };
}

/** The overview page's view model. */
export function buildOverviewPage(input: OverviewInput): OverviewPageView {
  const rows = sortByDueNext(input.views).map((view) => buildOverviewRow(view, input));
  const scheduled = input.views.filter((view) => view.plan.nextDueAt !== null).length;
  const summary =
    rows.length === 0
      ? input.texts.say('overview-empty')
      : input.texts.say('overview-summary', { count: rows.length, one: rows.length === 1, scheduled });
  return {
    page: 'overview',
    title: input.texts.say('overview-title'),
    wide: true,
    summary,
    rows,
    calendarUrl: input.calendarUrl,
    calendarSubscribeUrl: input.calendarUrl ? input.calendarUrl.replace(/^https?:\/\//, 'webcal://') : null,
    inboundAddress: input.inboundAddress,
  };
}
