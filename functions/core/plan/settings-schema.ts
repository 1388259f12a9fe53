/**
 * The zod rules of the owner's schedule settings, shared by the two places that read them:
 * the functions' environment (functions/runtime/config.ts) and the deployment settings
 * checked at synth time (infra/config/deploy-config.ts). One rule each, so what synth accepts
 * is exactly what the functions accept.
 */
import { isValidTimeZone } from '../time/zoned-time.js';
import * as z from '../zod-mini.js';
import { parseCadenceSpec } from './plan-rules.js';

/** An IANA time zone name (the schema is built on first use: importing a handler builds none). */
export const timeZoneSchema = z.onFirstUse(() =>
  z.string().check(z.refine(isValidTimeZone, 'must be an IANA time zone such as Europe/Berlin')),
);

/**
 * An optional cadence spec ("feedback=14d;checkins=1mo,3mo,6mo,12mo;then=6mo;quietAfter=2"),
 * checked by the core's own parser; the issue carries the parser's message naming the bad part.
 * Built on first use, like {@link timeZoneSchema}.
 */
export const cadenceSpecSchema = z.onFirstUse(() =>
  z.optional(z.string()).check(
    z.superRefine((spec, context) => {
      try {
        parseCadenceSpec(spec);
      } catch (error) {
        context.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
      }
    }),
  ),
);
