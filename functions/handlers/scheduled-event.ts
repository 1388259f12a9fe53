/**
 * The EventBridge scheduled event that starts a dispatch sweep. Only its id (for the logs) is
 * used: the sweep's "now" comes from the runtime's clock, so the local stack can move time.
 */
import { z } from 'zod';

export const scheduledEventSchema = z.object({
  id: z.string().min(1),
  'detail-type': z.literal('Scheduled Event'),
  source: z.string().min(1),
  time: z.iso.datetime({ offset: true }),
  resources: z.array(z.string()).optional(),
});

export type ScheduledEventInput = z.infer<typeof scheduledEventSchema>;
