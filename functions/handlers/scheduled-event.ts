/**
 * The EventBridge scheduled event that starts a dispatch sweep. Only its id (for the logs) is
 * used: the sweep's "now" comes from the runtime's clock, so the local stack can move time.
 */
import * as z from '../core/zod-mini.js';

/** The event's schema, built on first use (z.onFirstUse). */
export const scheduledEventSchema = z.onFirstUse(() =>
  z.object({
    id: z.string().check(z.minLength(1)),
    'detail-type': z.literal('Scheduled Event'),
    source: z.string().check(z.minLength(1)),
    time: z.iso.datetime({ offset: true }),
    resources: z.optional(z.array(z.string())),
  }),
);

export type ScheduledEventInput = z.infer<ReturnType<typeof scheduledEventSchema>>;
