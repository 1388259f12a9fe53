/**
 * Human durations for the local clock ("3mo", "2w", "1y2mo", "36h", "90min").
 * Months and years are calendar units (luxon), so "+1mo" from 31 January lands on 28/29
 * February, as the plan's own month arithmetic does.
 */
import { DateTime, type DurationLikeObject } from 'luxon';
import { UsageError } from './local-stack-errors.js';

const UNIT_TO_LUXON: Record<string, keyof DurationLikeObject> = {
  min: 'minutes',
  h: 'hours',
  d: 'days',
  w: 'weeks',
  mo: 'months',
  y: 'years',
};

const PART = /(\d+)(min|mo|h|d|w|y)/gy;

/** Parses "3mo", "1y2mo", "10d" into luxon duration parts. Throws UsageError when unreadable. */
export function parseDuration(text: string): DurationLikeObject {
  const trimmed = text.trim().toLowerCase();
  const parts: DurationLikeObject = {};
  PART.lastIndex = 0;
  let consumed = 0;
  for (let match = PART.exec(trimmed); match; match = PART.exec(trimmed)) {
    const [whole, amount, unit] = match;
    const key = UNIT_TO_LUXON[unit ?? ''];
    if (!key) break;
    parts[key] = (parts[key] ?? 0) + Number(amount);
    consumed += whole.length;
  }
  if (trimmed.length === 0 || consumed !== trimmed.length) {
    throw new UsageError(
      `cannot read the duration "${text}": use a number and a unit (min, h, d, w, mo, y), e.g. 3mo, 2w, 1y2mo`,
    );
  }
  return parts;
}

/** The instant `duration` after `from`, in UTC calendar arithmetic. */
export function addDuration(from: Date, duration: DurationLikeObject): Date {
  return DateTime.fromJSDate(from, { zone: 'utc' }).plus(duration).toJSDate();
}
