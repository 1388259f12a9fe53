/**
 * The ports each use case needs. The runtime builds them once per cold start (and the local
 * stack with its controllable clock); tests build them in memory.
 */
import type {
  Clock,
  ContactRepository,
  IdGenerator,
  LinkSigner,
  Log,
  OwnerMailer,
  OwnerSettings,
  PromptRenderer,
} from '../ports.js';

/** What delivering one prompt needs: storage, rendering, signing and the owner's mailbox. */
export interface DeliverDeps {
  repository: ContactRepository;
  mailer: OwnerMailer;
  renderer: PromptRenderer;
  signer: LinkSigner;
  clock: Clock;
  ids: IdGenerator;
  log: Log;
  owner: OwnerSettings;
}

/** What a sweep needs before anything is due: the table, the time and the log. */
export interface SweepDeps {
  repository: ContactRepository;
  clock: Clock;
  log: Log;
}

/**
 * What the scheduled dispatcher needs: the delivery ports, or the sweep's own ports plus a
 * loader of the delivery ports, called only when something is due. Most sweeps find nothing,
 * so a Lambda cold start then never loads rendering, mail or signing keys.
 */
export type DispatchDeps = DeliverDeps | (SweepDeps & { loadDeliverDeps(): Promise<DeliverDeps> });

/**
 * What the action pages need (perform, preview, edit, list, resend). The mailer and renderer
 * are there because "track anyway" and "send me a fresh email" deliver a prompt at once.
 */
export type ActionDeps = DeliverDeps;
