/**
 * Configuration, read from the environment once per cold start and validated with zod.
 * Every missing or bad value is reported at once, by name (ConfigError lists them all).
 * The same names are set by the CDK stack (infra/) and by the local stack (local/).
 */
import * as z from '../core/zod-mini.js';
import { ConfigError } from '../core/errors.js';
import { DEFAULT_MAX_MESSAGE_BYTES } from '../core/mail-limits.js';
import { cadenceSpecSchema, timeZoneSchema } from '../core/plan/settings-schema.js';
import { parseSigningKeys } from '../adapters/signing-keys.js';

/** The key id that signs new links unless SIGNING_KEY_ID says otherwise. */
const DEFAULT_SIGNING_KEY_ID = 'k1';

/** Environment variable names and their rules. */
function buildConfigSchema() {
  const csvOfEmails = z.pipe(
    z.pipe(
      z.string(),
      z.transform((value: string) => value.split(',').map((item) => item.trim().toLowerCase()).filter(Boolean)),
    ),
    z.array(z.email()).check(z.minLength(1, 'must list at least one address')),
  );

  return z.object({
    /** DynamoDB table name. */
    TABLE_NAME: z.string().check(z.minLength(1)),
    /** Bucket that keeps raw inbound mail. */
    RAW_MAIL_BUCKET: z.string().check(z.minLength(1)),
    /** Key prefix the SES receipt rule's S3 action writes under (objectKeyPrefix); key = prefix + messageId. */
    RAW_MAIL_PREFIX: z._default(z.string().check(z.maxLength(200)), 'inbound/'),
    /** Partition of this owner's data. One deployment serves one owner. */
    OWNER_ID: z._default(z.string().check(z.regex(/^[a-z0-9-]{1,40}$/, 'lowercase letters, digits and dashes')), 'owner'),
    /** The owner's own addresses: only mail from these is accepted; prompts go to the first. */
    OWNER_ADDRESSES: csvOfEmails,
    /** The address Not Today sends from (a verified SES identity). */
    FROM_ADDRESS: z.email(),
    /** The address the owner forwards rejections to (shown in emails). */
    INBOUND_ADDRESS: z.email(),
    /**
     * Base URL of the actions function (Function URL or the local HTTP server). Required by
     * inbound and dispatch. The actions function itself cannot be given its own Function URL
     * (CloudFormation would see a cycle), so it falls back to the host its requests arrive on.
     */
    ACTIONS_BASE_URL: z.optional(z.url()),
    /** The owner's name, used to sign drafts; empty leaves a "[Your name]" placeholder. */
    OWNER_NAME: z._default(z.string().check(z.maxLength(100)), ''),
    /** IANA time zone prompts are scheduled in. */
    TIME_ZONE: z._default(timeZoneSchema(), 'UTC'),
    /** Local hour (0-23) at which prompts arrive. */
    SEND_HOUR: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(23)), 9),
    /**
     * Signing keys for action links: either SIGNING_KEYS (JSON object key id -> base64 secret,
     * used locally and in tests) or SIGNING_KEY_PARAMETER_NAME (an SSM SecureString parameter of
     * the same JSON, deployed; the first cold start creates it with a fresh key).
     */
    SIGNING_KEYS: z.optional(z.string()),
    SIGNING_KEY_PARAMETER_NAME: z.optional(z.string()),
    /** Key id that signs new links; others only verify (rotation). */
    SIGNING_KEY_ID: z._default(z.string().check(z.minLength(1)), DEFAULT_SIGNING_KEY_ID),
    /**
     * Follow-up cadence, e.g. "feedback=14d;checkins=1mo,3mo,6mo,12mo;then=6mo;quietAfter=2".
     * Parsed by the core (parseCadenceSpec); unset means the defaults of DESIGN.md.
     */
    CADENCE: cadenceSpecSchema(),
    /** Folder of the Handlebars templates (CDK sets it to the bundled copy); unset: the repo's templates/. */
    TEMPLATES_DIR: z.optional(z.string()),
    /** Largest inbound message accepted, in bytes. */
    MAX_MAIL_BYTES: z._default(z.coerce.number().check(z.int(), z.positive()), DEFAULT_MAX_MESSAGE_BYTES),
    /** Endpoint overrides for the local stack; unset on AWS. */
    DYNAMODB_ENDPOINT: z.optional(z.url()),
    S3_ENDPOINT: z.optional(z.url()),
    SES_ENDPOINT: z.optional(z.url()),
    AWS_REGION: z._default(z.string().check(z.minLength(1)), 'us-east-1'),
  });
}

/** The schema, built on first use (z.onFirstUse): importing a handler builds no schema. */
const configSchema = z.onFirstUse(buildConfigSchema);

export type Config = z.infer<ReturnType<typeof buildConfigSchema>>;

/**
 * Validates an environment. Throws ConfigError naming every bad or missing variable.
 * Exported for tests; handlers call `loadConfig()`.
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema().safeParse(env);
  const problems = result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  problems.push(...signingKeyProblems(env));
  if (problems.length > 0 || !result.success) throw new ConfigError(problems);
  return result.data;
}

/** Cross-field checks of the signing keys (one source set; SIGNING_KEYS well formed and holding SIGNING_KEY_ID). */
function signingKeyProblems(env: Record<string, string | undefined>): string[] {
  if (!env.SIGNING_KEYS && !env.SIGNING_KEY_PARAMETER_NAME) {
    return ['SIGNING_KEYS or SIGNING_KEY_PARAMETER_NAME: one of them must be set'];
  }
  if (!env.SIGNING_KEYS) return [];
  try {
    const keys = parseSigningKeys(env.SIGNING_KEYS, 'SIGNING_KEYS');
    const keyId = env.SIGNING_KEY_ID || DEFAULT_SIGNING_KEY_ID;
    return Object.hasOwn(keys, keyId) ? [] : [`SIGNING_KEY_ID: "${keyId}" is not one of the keys in SIGNING_KEYS`];
  } catch (error) {
    return error instanceof ConfigError ? [...error.problems] : [`SIGNING_KEYS: ${String(error)}`];
  }
}

let cached: Config | undefined;

/** The process's configuration, validated on first use and kept for the cold start's lifetime. */
export function loadConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
