/**
 * Part 4: end to end on the local stack, from the SMTP forward accepted (the SMTP receiver
 * answered 250 after storing the raw mail) to the owner's email stored in the SES emulator,
 * with 1, 10 and 50 forwards in flight (closed loop: each of N senders sends its next forward
 * as soon as the previous one's owner email arrived).
 *
 * How arrival is seen: the SES emulator runs in this process, so a 2 ms timer reads its
 * in-memory store (only the emails added since the last look) instead of polling /store over
 * HTTP. Each forward's original comes from a different address (a +tag in the sender's
 * address, e.g. dana.whitfield+e2e17@...), and the owner email names that address, so each
 * arrival is matched to its forward. Only originals whose understood contact address carries
 * the tag are used (checked before timing).
 */
import { getStoreReadonly } from 'aws-ses-v2-local/dist/store.js';
import { createTransport } from 'nodemailer';
import { performance } from 'node:perf_hooks';
import { understandEmail } from '../../functions/core/understanding/understand-email.js';
import type { LocalStack } from '../../local/stack/start-local-stack.js';
import { buildForward, DEFAULT_OWNER, FORWARD_STYLES, type OriginalSpec } from '../../test/support/build-forward.js';
import { loadFixtureOriginals } from '../understanding/generate-forwards.js';
import { median, percentile } from '../support/stats.js';
import { formatMs, row, type ResultRow } from '../support/table.js';

/** Target (issue 6): p99 under 1 s at 10 in flight. */
export const E2E_P99_TARGET_MS = 1_000;
export const E2E_TARGET_IN_FLIGHT = 10;
const ARRIVAL_POLL_MS = 2;
const ARRIVAL_TIMEOUT_MS = 30_000;
const WARM_UP_FORWARDS = 3;
const TOKEN = /\+e2e(\d+)@/;
const MILLISECONDS_PER_MINUTE = 60_000;

export interface EndToEndLevel {
  inFlight: number;
  forwards: number;
}

interface Prepared {
  raw: Buffer;
}

/** Inserts the +e2e<n> tag in an address's local part. */
export function tagAddress(address: string, index: number): string {
  const at = address.lastIndexOf('@');
  return `${address.slice(0, at)}+e2e${index}${address.slice(at)}`;
}

/** Builds `count` forwards, numbered from `first`, each from a tagged address. */
async function prepareForwards(originals: OriginalSpec[], first: number, count: number): Promise<Prepared[]> {
  const prepared: Prepared[] = [];
  for (let index = first; index < first + count; index += 1) {
    const base = originals[index % originals.length]!;
    const style = FORWARD_STYLES[index % FORWARD_STYLES.length]!;
    const spec: OriginalSpec = {
      ...base,
      fromEmail: tagAddress(base.fromEmail, index),
      messageId: `<e2e-${index}-${Date.now()}@bench.not-today.invalid>`,
      date: new Date(Date.UTC(2026, 1, 1) + index * MILLISECONDS_PER_MINUTE),
    };
    prepared.push({ raw: await buildForward(style, spec, DEFAULT_OWNER) });
  }
  return prepared;
}

/** Fixture originals whose understood contact address is the (tagged) sender, so arrivals can be matched. */
async function usableOriginals(): Promise<OriginalSpec[]> {
  const usable: OriginalSpec[] = [];
  for (const { original } of await loadFixtureOriginals()) {
    const tagged = tagAddress(original.fromEmail, 0);
    const raw = await buildForward('gmail', { ...original, fromEmail: tagged }, DEFAULT_OWNER);
    const understood = await understandEmail(raw, { ownerAddresses: [DEFAULT_OWNER.email] });
    if (understood.status === 'understood' && understood.contact.email === tagged.toLowerCase()) usable.push(original);
  }
  if (usable.length === 0) throw new Error('no fixture original can be matched end to end');
  return usable;
}

/** Watches the SES emulator's store and resolves the waiter of each tagged forward. */
class ArrivalWatcher {
  private seen = getStoreReadonly().emails.length;
  private readonly waiters = new Map<number, (at: number) => void>();
  private readonly early = new Map<number, number>();
  private readonly timer: NodeJS.Timeout;
  unmatched = 0;

  constructor() {
    this.timer = setInterval(() => this.look(), ARRIVAL_POLL_MS);
  }

  private look(): void {
    const emails = getStoreReadonly().emails;
    if (emails.length === this.seen) return;
    const at = performance.now();
    for (const email of emails.slice(this.seen)) {
      const match = TOKEN.exec(`${email.body.text ?? ''}${email.body.html ?? ''}`);
      if (!match) {
        this.unmatched += 1;
        continue;
      }
      const index = Number(match[1]);
      const waiter = this.waiters.get(index);
      if (waiter) {
        this.waiters.delete(index);
        waiter(at);
      } else this.early.set(index, at);
    }
    this.seen = emails.length;
  }

  waitFor(index: number): Promise<number | null> {
    const early = this.early.get(index);
    if (early !== undefined) return Promise.resolve(early);
    return new Promise((resolve) => {
      const timeout = setTimeout(() => {
        this.waiters.delete(index);
        resolve(null);
      }, ARRIVAL_TIMEOUT_MS);
      this.waiters.set(index, (at) => {
        clearTimeout(timeout);
        resolve(at);
      });
    });
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

async function runLevel(stack: LocalStack, watcher: ArrivalWatcher, forwards: Prepared[], first: number, inFlight: number) {
  const latencies: number[] = [];
  const fromSend: number[] = [];
  let timeouts = 0;
  let next = 0;
  const start = performance.now();
  const sender = async (): Promise<void> => {
    const transport = createTransport({ host: '127.0.0.1', port: stack.ports.smtp, secure: false, ignoreTLS: true });
    try {
      while (next < forwards.length) {
        const position = next;
        next += 1;
        const sendStart = performance.now();
        await transport.sendMail({ envelope: { from: DEFAULT_OWNER.email, to: [stack.inboundAddress] }, raw: forwards[position]!.raw });
        const accepted = performance.now();
        const arrived = await watcher.waitFor(first + position);
        if (arrived === null) timeouts += 1;
        else {
          latencies.push(arrived - accepted);
          fromSend.push(arrived - sendStart);
        }
      }
    } finally {
      transport.close();
    }
  };
  await Promise.all(Array.from({ length: inFlight }, sender));
  return { latencies, fromSend, timeouts, ms: performance.now() - start };
}

export async function runEndToEnd(stack: LocalStack, levels: readonly EndToEndLevel[]): Promise<{ rows: ResultRow[]; notes: string[] }> {
  const section = '4 end to end';
  const originals = await usableOriginals();
  const watcher = new ArrivalWatcher();
  const rows: ResultRow[] = [];
  let first = 0;
  try {
    const warmUp = await prepareForwards(originals, first, WARM_UP_FORWARDS);
    await runLevel(stack, watcher, warmUp, first, 1);
    first += WARM_UP_FORWARDS;
    for (const level of levels) {
      const forwards = await prepareForwards(originals, first, level.forwards);
      const result = await runLevel(stack, watcher, forwards, first, level.inFlight);
      first += level.forwards;
      await stack.idle();
      const ok = result.latencies.length;
      const p50 = ok ? median(result.latencies) : Number.NaN;
      const p99 = ok ? percentile(result.latencies, 99) : Number.NaN;
      const isTarget = level.inFlight === E2E_TARGET_IN_FLIGHT;
      rows.push(row(section, `${level.inFlight} in flight: p50 / p99 accepted -> owner email stored`, `${formatMs(p50)} / ${formatMs(p99)}`,
        `${ok} of ${level.forwards} arrived (${result.timeouts} timed out); ${((ok * 1000) / result.ms).toFixed(1)} forwards/s; from SMTP connect: p50 ${ok ? formatMs(median(result.fromSend)) : 'n/a'}`,
        isTarget ? { text: `p99 < ${formatMs(E2E_P99_TARGET_MS)}, none lost`, pass: p99 < E2E_P99_TARGET_MS && result.timeouts === 0 } : undefined));
    }
  } finally {
    watcher.stop();
  }
  const notes = [
    `End to end: ${originals.length} fixture originals, forwarded in the ${FORWARD_STYLES.length} styles in turn, each from its own +tagged sender; ${WARM_UP_FORWARDS} warm-up forwards first (the in-process handler's first invocation builds its wiring). Arrival seen by a ${ARRIVAL_POLL_MS} ms look at the SES emulator's in-memory store; ${watcher.unmatched} stored emails could not be matched.`,
    'Everything (SMTP receiver, s3rver, dynalite, SES emulator, the inbound handler) runs in one Node process, so at most one core works on the forwards; on AWS each forward gets its own Lambda instance.',
  ];
  return { rows, notes };
}
