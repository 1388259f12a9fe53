/**
 * The zod rules of the owner's schedule settings, shared by the two places that read them:
 * the functions' environment (functions/runtime/config.ts) and the deployment settings
 * checked at synth time (infra/config/deploy-config.ts). One rule each, so what synth accepts
 * is exactly what the functions accept.
 */
import * as z from '../zod-mini.js';
import { parseCadenceSpec } from './plan-rules.js';

/** Names every platform's Intl accepts that Intl.supportedValuesOf may leave out. */
const UTC_ZONE_NAMES = ['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT'];
let supportedZones: ReadonlySet<string> | undefined;

/**
 * True when `zone` is a time zone name the platform knows (e.g. Europe/Berlin, UTC): one that
 * Intl.DateTimeFormat accepts. The platform's list of zone names answers the usual case in
 * about 1 ms; building a DateTimeFormat (the check for anything else: aliases, other spellings)
 * loads locale data, about 12 ms the first time, which a cold start that formats no date
 * (dispatch's empty sweep) then does not pay.
 */
export function isKnownTimeZone(zone: string): boolean {
  supportedZones ??= new Set([...Intl.supportedValuesOf('timeZone'), ...UTC_ZONE_NAMES]);
  if (supportedZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name (the schema is built on first use: importing a handler builds none). */
export const timeZoneSchema = z.onFirstUse(() =>
  z.string().check(z.refine(isKnownTimeZone, 'must be an IANA time zone such as Europe/Berlin')),
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
