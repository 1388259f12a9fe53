/**
 * The deployment's settings, read once at synth time and validated with zod. A bad value
 * fails `cdk synth` with a message that names the setting (e.g. `notToday.sendHour`), so a
 * mistake is found before anything reaches AWS.
 *
 * Source: the cdk.json context key `notToday` (an object), or a JSON file whose path is
 * given by the context key `notTodayConfigFile` (`-c notTodayConfigFile=./my-config.json`);
 * the file wins when both are present.
 *
 * Classic zod here (synth time, never bundled into a function); the schedule rules it shares
 * with the functions are zod/mini schemas (functions/core/zod-mini.ts), which classic schemas
 * accept as parts (same core), wrapped with the functional forms (`z._default(...)`).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../../functions/core/errors.js';
import { SIGNING_KEY_ID_PATTERN } from '../../functions/core/links/link-signer.js';
import { DEFAULT_MAX_MESSAGE_BYTES } from '../../functions/core/mail-limits.js';
import { cadenceSpecSchema, timeZoneSchema } from '../../functions/core/plan/settings-schema.js';

/** Context key holding the settings object. */
export const CONFIG_CONTEXT_KEY = 'notToday';
/** Context key holding the path of a JSON settings file. */
export const CONFIG_FILE_CONTEXT_KEY = 'notTodayConfigFile';

const HOURS_PER_DAY = 24;
const DEFAULT_SEND_HOUR = 9;
const DEFAULT_RAW_MAIL_RETENTION_DAYS = 365;
const MAX_RAW_MAIL_RETENTION_DAYS = 3650;
const DEFAULT_DISPATCH_RATE_MINUTES = 15;
const MAX_DISPATCH_RATE_MINUTES = 60;
const MEBIBYTE = 1024 * 1024;
/** SES accepts inbound messages up to 40 MB; a bigger limit could never be reached. */
export const SES_MAX_INBOUND_BYTES = 40 * MEBIBYTE;
const MAX_OWNER_NAME_LENGTH = 100;

/** A DNS host name such as mail.example.com (at least two labels, no trailing dot). */
const DOMAIN_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const email = z.email().transform((value) => value.toLowerCase());

/** The settings and their rules. */
export const deployConfigSchema = z
  .object({
    /** Partition of this owner's data (one deployment serves one owner). */
    ownerId: z.string().regex(/^[a-z0-9-]{1,40}$/, 'lowercase letters, digits and dashes').default('owner'),
    /** The owner's name, used to sign drafts; empty leaves a placeholder. */
    ownerName: z.string().max(MAX_OWNER_NAME_LENGTH).default(''),
    /** The owner's own addresses: only mail from these is accepted; prompts go to the first. */
    ownerAddresses: z.array(email).min(1, 'must list at least one address'),
    /** The address the owner forwards rejections to; its domain's MX must point at SES. */
    inboundAddress: email,
    /** The domain SES receives mail for; must be the domain of inboundAddress. */
    inboundDomain: z.string().toLowerCase().regex(DOMAIN_NAME, 'must be a domain name such as mail.example.com'),
    /** The address Not Today sends from; its domain becomes the SES sending identity (DKIM). */
    fromAddress: email,
    /** IANA time zone prompts are scheduled in. */
    timeZone: z._default(timeZoneSchema(), 'UTC'),
    /** Local hour (0-23) at which prompts arrive. */
    sendHour: z.number().int().min(0).max(HOURS_PER_DAY - 1).default(DEFAULT_SEND_HOUR),
    /** Follow-up cadence; leave it out for the defaults of DESIGN.md. */
    cadence: cadenceSpecSchema(),
    /** Days raw inbound mail is kept in S3 before it expires. */
    rawMailRetentionDays: z.number().int().min(1).max(MAX_RAW_MAIL_RETENTION_DAYS).default(DEFAULT_RAW_MAIL_RETENTION_DAYS),
    /** Minutes between dispatch sweeps. */
    dispatchRateMinutes: z.number().int().min(1).max(MAX_DISPATCH_RATE_MINUTES).default(DEFAULT_DISPATCH_RATE_MINUTES),
    /** Largest inbound message accepted, in bytes. */
    maxMailBytes: z.number().int().positive().max(SES_MAX_INBOUND_BYTES).default(DEFAULT_MAX_MESSAGE_BYTES),
    /** Where alarms are emailed; defaults to the first owner address. */
    alarmEmail: email.optional(),
    /**
     * Make this stack's receipt rule set the active one (an account has one active set per
     * region; activating ours deactivates any other). False leaves it to a manual command.
     */
    activateReceiptRuleSet: z.boolean().default(true),
    /** Create SES email identities for the owner addresses, so SES sends them a verification mail (needed in the SES sandbox). */
    verifyOwnerAddresses: z.boolean().default(true),
    /**
     * Key id in the signing-key parameter that signs new links. Rotate by adding a new id to the
     * parameter's JSON, then deploying with it here; links signed with older ids keep verifying.
     */
    signingKeyId: z.string().regex(SIGNING_KEY_ID_PATTERN, 'letters, digits, dash and underscore').default('k1'),
    /** Powertools log level of the functions. */
    logLevel: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']).default('INFO'),
  })
  .strict()
  .superRefine((config, context) => {
    const inboundDomain = config.inboundAddress.split('@')[1];
    if (inboundDomain !== config.inboundDomain) {
      context.addIssue({
        code: 'custom',
        path: ['inboundDomain'],
        message: `must be the domain of inboundAddress (${inboundDomain ?? '?'})`,
      });
    }
    if (config.ownerAddresses.includes(config.inboundAddress)) {
      context.addIssue({
        code: 'custom',
        path: ['inboundAddress'],
        message: 'must not be one of the ownerAddresses (the owner forwards mail to it)',
      });
    }
  });

export type DeployConfig = z.infer<typeof deployConfigSchema>;

/** The domain part of an address. */
export function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return address.slice(at + 1);
}

/** Validates raw settings; throws ConfigError naming every bad setting as `notToday.<name>`. */
export function parseDeployConfig(raw: unknown): DeployConfig {
  const result = deployConfigSchema.safeParse(raw);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${[CONFIG_CONTEXT_KEY, ...issue.path].join('.')}: ${issue.message}`),
    );
  }
  return result.data;
}

/** Something that can read CDK context (an App or any construct's node). */
export interface ContextReader {
  tryGetContext(key: string): unknown;
}

/**
 * Reads the settings from the context (file path first, then the inline object) and
 * validates them. `baseDir` resolves a relative file path (the directory cdk runs in).
 */
export function loadDeployConfig(context: ContextReader, baseDir: string = process.cwd()): DeployConfig {
  const file = context.tryGetContext(CONFIG_FILE_CONTEXT_KEY);
  if (file !== undefined) {
    if (typeof file !== 'string' || file === '') {
      throw new ConfigError([`${CONFIG_FILE_CONTEXT_KEY}: must be the path of a JSON file`]);
    }
    let text: string;
    try {
      text = readFileSync(resolve(baseDir, file), 'utf8');
    } catch (error) {
      throw new ConfigError([`${CONFIG_FILE_CONTEXT_KEY}: cannot read ${file} (${(error as Error).message})`]);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new ConfigError([`${CONFIG_FILE_CONTEXT_KEY}: ${file} is not valid JSON (${(error as Error).message})`]);
    }
    return parseDeployConfig(parsed);
  }
  const inline = context.tryGetContext(CONFIG_CONTEXT_KEY);
  if (inline === undefined) {
    throw new ConfigError([
      `${CONFIG_CONTEXT_KEY}: missing; set it in cdk.json "context" or pass -c ${CONFIG_FILE_CONTEXT_KEY}=<file.json>`,
    ]);
  }
  return parseDeployConfig(inline);
}
