/**
 * The follow-up cadence (defaults from DESIGN.md). Owned by the plan module; this file
 * holds the type so ports can name it. See parseCadenceSpec for the config syntax.
 */
export interface CadenceSettings {
  /** Days after the thank-you to prompt a feedback follow-up, when feedback was asked. */
  feedbackFollowUpDays: number;
  /** Months after the anchor for each check-in, in order: default [1, 3, 6, 12]. */
  checkInMonths: readonly number[];
  /** Months between check-ins after the list runs out: default 6. */
  thenEveryMonths: number;
  /** Unanswered check-ins in a row after which a contact goes quiet: default 2. */
  quietAfterUnanswered: number;
}

export const DEFAULT_CADENCE: CadenceSettings = {
  feedbackFollowUpDays: 14,
  checkInMonths: [1, 3, 6, 12],
  thenEveryMonths: 6,
  quietAfterUnanswered: 2,
};
