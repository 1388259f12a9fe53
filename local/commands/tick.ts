/**
 * `not-today tick [--advance 3mo | --set ISO]`: moves the running stack's clock (units min,
 * h, d, w, mo, y; combinable: 1y2mo) and runs the dispatcher now, as the EventBridge rule
 * would; prints the new time and every email that was sent.
 */
import { parseArgs } from 'node:util';
import type { TickReport } from '../stack/control-routes.js';
import { parseDuration } from '../stack/durations.js';
import { UsageError } from '../stack/local-stack-errors.js';
import { callStack, locateStack, runCommand, type StackStatus } from '../stack/stack-client.js';

export async function run(argv: string[]): Promise<number> {
  return runCommand('tick', async () => {
    const { values } = parseArgs({
      args: argv,
      options: {
        advance: { type: 'string' },
        set: { type: 'string' },
        'actions-port': { type: 'string' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      process.stdout.write('usage: not-today tick [--advance 3mo | --set 2027-03-01T09:00:00Z]\n\nunits: min, h, d, w, mo, y (e.g. 36h, 2w, 1y2mo)\n');
      return 0;
    }
    if (values.advance && values.set) throw new UsageError('use --advance or --set, not both');
    if (values.advance) parseDuration(values.advance); // a clear error before calling the stack
    const query = new URLSearchParams();
    if (values.advance) query.set('advance', values.advance);
    if (values.set) query.set('set', values.set);
    const location = locateStack({ actionsPort: values['actions-port'], dataDir: values['data-dir'] });
    const report = await callStack<TickReport>(location, 'POST', `tick${query.size > 0 ? `?${query}` : ''}`);
    const days = (report.clockOffsetMs / (24 * 60 * 60 * 1000)).toFixed(1);
    process.stdout.write(`Local time is now ${report.now} (${days} days ahead of the real clock).\n`);
    const sweep = report.result as { due?: number; claimed?: number; failed?: number } | null;
    if (sweep && typeof sweep.due === 'number') {
      process.stdout.write(`Dispatcher: ${sweep.due} due, ${sweep.claimed ?? 0} claimed, ${sweep.failed ?? 0} failed.\n`);
    }
    if (report.sent.length === 0) {
      process.stdout.write('The dispatcher ran: nothing was due.\n');
    } else {
      process.stdout.write(`The dispatcher sent ${report.sent.length} email(s) to the owner:\n`);
      for (const email of report.sent) process.stdout.write(`  ${email.subject}\n`);
      const status = await callStack<StackStatus>(location, 'GET', 'status');
      process.stdout.write(`Read them at ${status.urls.mailViewer}\n`);
    }
    return 0;
  });
}
