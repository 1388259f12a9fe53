/**
 * The shape of the action links' signing keys: one JSON object, key id -> secret (at least
 * 32 characters), e.g. {"k1":"..."}. Locally it comes from env SIGNING_KEYS, on AWS from an
 * SSM SecureString parameter of the same shape. No SDK here, so config can check it cheaply.
 */
import * as z from '../core/zod-mini.js';
import { ConfigError } from '../core/errors.js';
import { MIN_SIGNING_KEY_LENGTH, SIGNING_KEY_ID_PATTERN } from '../core/links/link-signer.js';

/** Key id -> secret. */
export type SigningKeys = Readonly<Record<string, string>>;

/** The keys' schema, built on first use (z.onFirstUse). */
const signingKeysSchema = z.onFirstUse(() =>
  z
    .record(
      z.string().check(z.regex(SIGNING_KEY_ID_PATTERN)),
      z.string().check(z.minLength(MIN_SIGNING_KEY_LENGTH, `must be at least ${MIN_SIGNING_KEY_LENGTH} characters`)),
    )
    .check(z.refine((keys) => Object.keys(keys).length > 0, 'must hold at least one key')),
);

/**
 * Reads the signing-key JSON: the one parser of it (config checks SIGNING_KEYS with it at cold
 * start; the SSM reader checks the parameter with it). Throws ConfigError naming
 * `source` (and the key id, never the secret) when it is not an object of well-named,
 * long-enough secrets.
 */
export function parseSigningKeys(json: string, source: string): SigningKeys {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new ConfigError([`${source}: is not valid JSON (expected {"<key id>": "<secret>"})`]);
  }
  const result = signingKeysSchema().safeParse(value);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${[source, ...issue.path.map(String)].join('.')}: ${issue.message}`),
    );
  }
  return result.data;
}
