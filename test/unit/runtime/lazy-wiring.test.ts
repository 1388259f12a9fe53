/**
 * Cold start loads only what the invocation needs: an empty dispatch sweep needs only
 * DynamoDB, so the delivery ports (templates, Handlebars, signing keys, the SES mailer) are
 * loaded when a sweep finds something due; the actions function loads its page renderer
 * (Handlebars) when it builds its wiring, and MailComposer only to send.
 * Checked on the use case (in memory), on the runtime wiring (no sockets: nothing is sent)
 * and on the bundles (esbuild with code splitting shows what is reachable only through a
 * dynamic import).
 */
import { build, type Metafile } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Contact, Plan } from '../../../functions/core/model.js';
import { createInitialPlan } from '../../../functions/core/plan/plan-rules.js';
import { TemplateError } from '../../../functions/core/rendering/template-files.js';
import { dispatchDue } from '../../../functions/core/use-cases/dispatch-due.js';
import type { DeliverDeps } from '../../../functions/core/use-cases/use-case-deps.js';
import { parseConfig } from '../../../functions/runtime/config.js';
import { buildDispatchHandlerDeps } from '../../../functions/runtime/dispatch-deps.js';
import { checkTemplateFiles, DEFAULT_TEMPLATES_DIR } from '../../../functions/runtime/load-templates.js';
import { createHarness, type Harness } from '../../support/engine-harness.js';
import { makeContact } from '../../support/sample-contacts.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The sweep's own ports plus a loader of the delivery ports that counts its calls. */
function lazyDeps(harness: Harness): { deps: Parameters<typeof dispatchDue>[0]; loads: () => number } {
  let loads = 0;
  const { repository, clock, log } = harness.deps;
  return {
    deps: {
      repository,
      clock,
      log,
      loadDeliverDeps: async (): Promise<DeliverDeps> => {
        loads += 1;
        return harness.deps;
      },
    },
    loads: () => loads,
  };
}

function seedDue(harness: Harness, contactId: string, dueAt: string): void {
  const contact: Contact = makeContact({ contactId });
  const plan: Plan = {
    ...createInitialPlan({ ownerId: 'owner', contactId, firstPrompt: 'thank-you', now: new Date('2026-01-01T10:00:00.000Z') }),
    nextPrompt: 'check-in',
    nextDueAt: dueAt,
    sentLog: [{ at: '2026-01-01T10:00:00.000Z', prompt: 'thank-you' }],
  };
  harness.repository.seed(contact, plan);
}

describe('dispatchDue with lazily loaded delivery ports', () => {
  it('an empty sweep never loads them; a sweep with prompts due loads them once and sends', async () => {
    // Prepare
    const harness = createHarness();
    seedDue(harness, 'c1', '2026-03-10T08:00:00.000Z');
    seedDue(harness, 'c2', '2026-03-10T08:00:00.000Z');
    const lazy = lazyDeps(harness);

    // Act
    const empty = await dispatchDue(lazy.deps);
    const loadsAfterEmpty = lazy.loads();
    harness.clock.set('2026-03-10T09:00:00.000Z');
    const due = await dispatchDue(lazy.deps);

    // Assess
    expect(empty).toEqual({ due: 0, claimed: 0, sent: 0, skipped: 0, failed: 0 });
    expect(loadsAfterEmpty).toBe(0);
    expect(due.sent).toBe(2);
    expect(lazy.loads()).toBe(1);
    expect(harness.mailer.sent).toHaveLength(2);
  });
});

describe('buildDispatchHandlerDeps', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const env = {
    TABLE_NAME: 't',
    RAW_MAIL_BUCKET: 'b',
    OWNER_ADDRESSES: 'sam.lee@mailbox.example',
    FROM_ADDRESS: 'not-today@mail.sam-lee.example',
    INBOUND_ADDRESS: 'not-today@in.sam-lee.example',
    ACTIONS_BASE_URL: 'https://actions.example',
    SIGNING_KEYS: '{"k1":"0123456789abcdef0123456789abcdef"}',
  };

  it('still fails at start when a template file is missing, though it loads no template', async () => {
    // Prepare: an empty templates directory
    const dir = mkdtempSync(join(tmpdir(), 'not-today-no-templates-'));
    dirs.push(dir);
    const config = parseConfig({ ...env, TEMPLATES_DIR: dir });

    // Act
    const start = buildDispatchHandlerDeps(config);

    // Assess
    await expect(start).rejects.toThrow(TemplateError);
    await expect(start).rejects.toThrow(/thank-you\.subject\.hbs/);
  });

  it("checkTemplateFiles accepts the repository's templates/ and names a missing directory", () => {
    // Prepare
    const missingDir = join(tmpdir(), 'not-today-templates-that-do-not-exist');

    // Act
    const checkRepo = () => checkTemplateFiles(DEFAULT_TEMPLATES_DIR);
    const checkMissing = () => checkTemplateFiles(missingDir);

    // Assess
    expect(checkRepo).not.toThrow();
    expect(checkMissing).toThrow(/templates directory not found/);
  });
});

/** The inputs of the entry chunk and every chunk it imports statically (what a cold start evaluates). */
async function eagerAndLazyInputsOf(handlerName: string): Promise<{ eager: string[]; all: string[] }> {
  const result = await build({
    absWorkingDir: REPO_ROOT,
    entryPoints: [`functions/handlers/${handlerName}.ts`],
    bundle: true,
    splitting: true,
    outdir: 'lazy-check-out',
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
  });
  const outputs: Metafile['outputs'] = result.metafile.outputs;
  const entry = Object.keys(outputs).find((path) => outputs[path]!.entryPoint);
  const eagerChunks = new Set<string>();
  const visit = (path: string): void => {
    if (eagerChunks.has(path) || !outputs[path]) return;
    eagerChunks.add(path);
    for (const imported of outputs[path]!.imports) if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(entry!);
  const inputsOf = (paths: string[]) =>
    paths.flatMap((path) => Object.entries(outputs[path]!.inputs).filter(([, input]) => input.bytesInOutput > 0).map(([input]) => input));
  return { eager: inputsOf([...eagerChunks]), all: inputsOf(Object.keys(outputs)) };
}

const includes = (inputs: string[], fragment: string): boolean => inputs.some((path) => path.includes(fragment));

describe('what a cold start evaluates', () => {
  it('dispatch: DynamoDB up front; Handlebars, the templates code and MailComposer only through a dynamic import', async () => {
    // Act
    const { eager, all } = await eagerAndLazyInputsOf('dispatch');

    // Assess
    expect(includes(eager, 'node_modules/@aws-sdk/client-dynamodb/')).toBe(true);
    for (const lazy of ['node_modules/handlebars/', 'node_modules/nodemailer/', 'functions/core/rendering/template-set.ts']) {
      expect({ lazy, eager: includes(eager, lazy) }).toEqual({ lazy, eager: false });
      expect({ lazy, bundled: includes(all, lazy) }).toEqual({ lazy, bundled: true });
    }
  });

  it('actions: the page renderer (Handlebars) when the wiring is built, MailComposer only to send', async () => {
    // Act
    const { eager, all } = await eagerAndLazyInputsOf('actions');

    // Assess
    for (const lazy of ['node_modules/handlebars/', 'node_modules/nodemailer/', 'functions/core/pages/page-renderer.ts']) {
      expect({ lazy, eager: includes(eager, lazy) }).toEqual({ lazy, eager: false });
      expect({ lazy, bundled: includes(all, lazy) }).toEqual({ lazy, bundled: true });
    }
  });
});
