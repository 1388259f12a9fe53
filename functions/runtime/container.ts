/**
 * The wiring shared by every handler: from the validated config to the ports the use cases
 * take (repository, mailer, renderer, signer, clock, ids, log, owner settings). Each handler
 * has its own small module on top (inbound-deps.ts, dispatch-deps.ts; actions uses
 * `loadDeliverDeps`), so a handler's bundle holds only what it uses: nothing here imports the
 * email-understanding code (mailparser), and S3 is only reached from inbound-deps.ts.
 *
 * Everything is built once per cold start (`memoizeAsync`) and reused by warm invocations. A
 * build that fails (a throttled read of the signing-key parameter) is not remembered, so the next
 * invocation tries again.
 *
 * Cold start: the prompt renderer (Handlebars) is loaded with a dynamic import when the
 * delivery ports are built, which dispatch does only when a sweep finds something due; its
 * templates are compiled each on first use. The import's module graph is kept to the
 * rendering code (no config, SDK or zod), because esbuild, bundling into one file, turns
 * every module under a dynamic import into a lazily initialised one, which costs size and time.
 */
import { DynamoContactRepository } from '../adapters/dynamo-contact-repository.js';
import { SesOwnerMailer } from '../adapters/ses-owner-mailer.js';
import { parseSigningKeys, type SigningKeys } from '../adapters/signing-keys.js';
import { SsmSigningKeys } from '../adapters/ssm-signing-keys.js';
import { ConfigError } from '../core/errors.js';
import { createLinkSigner } from '../core/links/link-signer.js';
import { parseCadenceSpec } from '../core/plan/plan-rules.js';
import type { Clock, ContactRepository, LinkSigner, OwnerSettings } from '../core/ports.js';
import type { NotTodayRenderer } from '../core/rendering/create-prompt-renderer.js';
import type { DeliverDeps } from '../core/use-cases/use-case-deps.js';
import { buildDynamoClient, buildSesClient, buildSsmClient } from './clients.js';
import { runtimeClock } from './clock.js';
import { loadConfig, type Config } from './config.js';
import { randomIds } from './ids.js';
import { loadPrecompiledTemplates, loadTemplates } from './load-templates.js';
import { createLog } from './logger.js';

/** The display name of every email Not Today sends. */
export const FROM_DISPLAY_NAME = 'Not Today';

/**
 * Wraps an async builder so it runs once; concurrent callers share the same promise. A
 * rejected build is forgotten, so the next call builds again.
 */
export function memoizeAsync<T>(build: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= build().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

/**
 * The owner and their preferences, from config (the cadence was validated with it).
 * `fallbackActionsBaseUrl` is only for the actions function, which learns its own URL from
 * the requests it serves; every other function must have ACTIONS_BASE_URL configured.
 */
export function ownerSettingsOf(config: Config, fallbackActionsBaseUrl?: string): OwnerSettings {
  const actionsBaseUrl = config.ACTIONS_BASE_URL ?? fallbackActionsBaseUrl;
  if (!actionsBaseUrl) {
    throw new ConfigError(['ACTIONS_BASE_URL: must be set (the base URL of the actions function)']);
  }
  return {
    ownerId: config.OWNER_ID,
    addresses: config.OWNER_ADDRESSES,
    name: config.OWNER_NAME,
    timeZone: config.TIME_ZONE,
    sendHour: config.SEND_HOUR,
    inboundAddress: config.INBOUND_ADDRESS,
    actionsBaseUrl: actionsBaseUrl.replace(/\/+$/, ''),
    cadence: parseCadenceSpec(config.CADENCE),
  };
}

/** The table, through the one DynamoDB client of this cold start. */
export function buildRepository(config: Config): DynamoContactRepository {
  return new DynamoContactRepository({ client: buildDynamoClient(config), tableName: config.TABLE_NAME });
}

/** The mailer that writes to the owner's primary address, and only to it. */
export function buildOwnerMailer(config: Config, clock: Clock = runtimeClock): SesOwnerMailer {
  const [ownerAddress] = config.OWNER_ADDRESSES;
  // OWNER_ADDRESSES is validated to hold at least one address.
  return new SesOwnerMailer({
    client: buildSesClient(config),
    fromAddress: config.FROM_ADDRESS,
    fromName: FROM_DISPLAY_NAME,
    ownerAddress: ownerAddress!,
    clock,
  });
}

/**
 * The signing keys: SIGNING_KEYS when set (local), else the SSM SecureString parameter (AWS),
 * which the first cold start of a new deployment creates with a fresh key.
 */
export async function loadSigningKeys(config: Config): Promise<SigningKeys> {
  if (config.SIGNING_KEYS) return parseSigningKeys(config.SIGNING_KEYS, 'SIGNING_KEYS');
  // parseConfig guarantees one of the two is set.
  const source = new SsmSigningKeys({
    client: buildSsmClient(config),
    parameterName: config.SIGNING_KEY_PARAMETER_NAME!,
    signingKeyId: config.SIGNING_KEY_ID,
  });
  return source.loadKeys();
}

/** The link signer: the current key signs, every key verifies (rotation). */
export async function buildLinkSigner(config: Config): Promise<LinkSigner> {
  const keys = await loadSigningKeys(config);
  return createLinkSigner({ keys: { ...keys }, currentKeyId: config.SIGNING_KEY_ID });
}

/**
 * The prompt renderer, from the template files (TEMPLATES_DIR, else the repo's templates/):
 * every file read and checked now. A deployed bundle carries them compiled at build too, so its
 * cold start runs no Handlebars compiler; without that file (a checkout) each is compiled on its
 * first use (a cold start compiles only what it renders). Handlebars is loaded here, not when
 * the handler is imported.
 */
export async function buildPromptRenderer(config: Config): Promise<NotTodayRenderer> {
  const [{ createPromptRenderer }, precompiled] = await Promise.all([
    import('../core/rendering/create-prompt-renderer.js'),
    loadPrecompiledTemplates(config.TEMPLATES_DIR),
  ]);
  return createPromptRenderer(loadTemplates(config.TEMPLATES_DIR), { compile: 'lazy', ...(precompiled ? { precompiled } : {}) });
}

/** Everything delivering a prompt needs (dispatch, ingest's first prompt, the actions pages). */
export interface RuntimeDeliverDeps extends DeliverDeps {
  renderer: NotTodayRenderer;
  config: Config;
}

/**
 * Builds the delivery ports for one configuration. `fallbackActionsBaseUrl`: see ownerSettingsOf.
 * `repository`: the table the caller already built (dispatch builds it before anything is due).
 */
export async function buildDeliverDeps(
  config: Config = loadConfig(),
  fallbackActionsBaseUrl?: string,
  repository?: ContactRepository,
): Promise<RuntimeDeliverDeps> {
  const owner = ownerSettingsOf(config, fallbackActionsBaseUrl);
  const clock = runtimeClock;
  // The template files are read while the signing keys are fetched (an SSM round trip on AWS).
  const [renderer, signer] = await Promise.all([buildPromptRenderer(config), buildLinkSigner(config)]);
  return {
    config,
    repository: repository ?? buildRepository(config),
    mailer: buildOwnerMailer(config, clock),
    renderer,
    signer,
    clock,
    ids: randomIds,
    log: createLog(),
    owner,
  };
}

/** The process's delivery ports, built on first use (once per cold start). */
export const loadDeliverDeps: () => Promise<RuntimeDeliverDeps> = memoizeAsync(() => buildDeliverDeps());
