/**
 * Wires the actions handler to in-memory ports (H3's engine harness), the real draft
 * composer and the real page renderer from templates/, plus helpers to build payload-2.0
 * events. No sockets.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { buildActionLinks, buildCalendarUrl, createLinkSigner } from '../../../functions/core/links/link-signer.js';
import type { ActionKind, Contact, Plan } from '../../../functions/core/model.js';
import { createPageRenderer } from '../../../functions/core/pages/page-renderer.js';
import { createPromptRenderer } from '../../../functions/core/rendering/create-prompt-renderer.js';
import { handleActionsRequest } from '../../../functions/handlers/actions.js';
import { loadPageTemplates, type ActionsHandlerDeps } from '../../../functions/runtime/actions-deps.js';
import { loadTemplates } from '../../../functions/runtime/load-templates.js';
import { createHarness, TEST_SIGNING_KEYS, type Harness } from '../../support/engine-harness.js';
import { makeContact, makePlan } from '../../support/sample-contacts.js';

export const BASE_URL = 'http://127.0.0.1:3000';

export interface ActionsHarness extends Harness {
  handlerDeps: ActionsHandlerDeps;
  call(method: string, path: string, options?: { form?: Record<string, string>; headers?: Record<string, string> }): Promise<APIGatewayProxyStructuredResultV2>;
  linkFor(contactId: string, action: ActionKind): string;
  tokenFor(contactId: string, action: ActionKind): string;
  calendarPath(): string;
  seed(contact?: Partial<Contact>, plan?: Partial<Plan>): Promise<string>;
  snapshot(): Promise<string>;
}

let requestCounter = 0;

/** A payload-2.0 event as a Function URL delivers it. */
export function functionUrlEvent(method: string, path: string, options: { body?: string; headers?: Record<string, string> } = {}) {
  requestCounter += 1;
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { host: '127.0.0.1:3000', ...(options.headers ?? {}) },
    requestContext: {
      accountId: 'anonymous',
      apiId: 'local',
      domainName: '127.0.0.1',
      domainPrefix: '127',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
      requestId: `request-${requestCounter}`,
      routeKey: '$default',
      stage: '$default',
      time: '02/Mar/2026:10:00:00 +0000',
      timeEpoch: 0,
    },
    ...(options.body !== undefined ? { body: options.body } : {}),
    isBase64Encoded: false,
  };
}

export function createActionsHarness(): ActionsHarness {
  const harness = createHarness();
  const prompts = createPromptRenderer(loadTemplates());
  const renderer = createPageRenderer(loadPageTemplates());
  const handlerDeps: ActionsHandlerDeps = {
    pages: { ...harness.deps, drafts: prompts, texts: renderer.texts },
    renderer,
  };
  const signer = harness.deps.signer;
  const owner = harness.deps.owner;
  const linkFor = (contactId: string, action: ActionKind): string =>
    buildActionLinks({ signer, baseUrl: BASE_URL, ownerId: owner.ownerId, contactId, now: harness.clock.now(), actions: [action] })[action] as string;
  return {
    ...harness,
    handlerDeps,
    linkFor,
    tokenFor: (contactId, action) => new URL(linkFor(contactId, action)).pathname.split('/').at(-1) as string,
    calendarPath: () => new URL(buildCalendarUrl({ signer, baseUrl: BASE_URL, ownerId: owner.ownerId, now: harness.clock.now() })).pathname,
    async call(method, path, options = {}) {
      const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
      const headers = { ...(options.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), ...(options.headers ?? {}) };
      return handleActionsRequest(handlerDeps, functionUrlEvent(method, path, { ...(body !== undefined ? { body } : {}), headers }));
    },
    async seed(contact = {}, plan = {}) {
      const contactId = contact.contactId ?? 'c0ffee00janedoeacme0';
      await harness.repository.createContact(makeContact({ ownerId: owner.ownerId, createdAt: '2026-02-27T16:42:00.000Z', ...contact, contactId }));
      await harness.repository.createPlan(
        makePlan({ ownerId: owner.ownerId, status: 'active', nextPrompt: 'check-in', nextDueAt: '2026-04-02T07:00:00.000Z', sentLog: [{ at: '2026-03-02T08:00:00.000Z', prompt: 'thank-you' }], ...plan, contactId }),
      );
      return contactId;
    },
    async snapshot() {
      return JSON.stringify(await harness.repository.listContacts(owner.ownerId));
    },
  };
}

/** A signer with another key set: tokens from it are "unknown key" to the handler. */
export const foreignSigner = createLinkSigner({ keys: { k9: 'another-key-0123456789abcdefghijklmnopqr' }, currentKeyId: 'k9' });
export const rotatedSigner = createLinkSigner({ keys: TEST_SIGNING_KEYS, currentKeyId: 'k2' });
