/**
 * `not-today list [--json]`: every contact the running stack keeps, with its status and the
 * next prompt. `--json` prints one JSON array of objects with contactId, company, person,
 * contactEmail, role, status, nextPrompt, nextDueAt, lastAction, lastActionAt, createdAt.
 */
import { parseArgs } from 'node:util';
import type { ContactSummary } from '../stack/control-routes.js';
import { callStack, locateStack, runCommand } from '../stack/stack-client.js';

const COLUMN_WIDTHS = { company: 22, person: 20, role: 28, status: 12, next: 18 } as const;

const cell = (value: string | null, width: number): string => {
  const text = (value ?? '—').replace(/\s+/g, ' ');
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
};

/** A table for people: one line per contact, next due in UTC minutes. */
export function formatContactTable(contacts: ContactSummary[]): string {
  if (contacts.length === 0) return 'No contacts yet. Forward a rejection (or run: npx not-today demo).\n';
  const header = [
    cell('COMPANY', COLUMN_WIDTHS.company),
    cell('PERSON', COLUMN_WIDTHS.person),
    cell('ROLE', COLUMN_WIDTHS.role),
    cell('STATUS', COLUMN_WIDTHS.status),
    cell('NEXT', COLUMN_WIDTHS.next),
    'DUE (UTC)',
  ].join(' ');
  const rows = contacts.map((contact) =>
    [
      cell(contact.company, COLUMN_WIDTHS.company),
      cell(contact.person, COLUMN_WIDTHS.person),
      cell(contact.role, COLUMN_WIDTHS.role),
      cell(contact.status, COLUMN_WIDTHS.status),
      cell(contact.nextPrompt, COLUMN_WIDTHS.next),
      contact.nextDueAt ? contact.nextDueAt.slice(0, 16).replace('T', ' ') : '—',
    ].join(' '),
  );
  return `${[header, ...rows].join('\n')}\n`;
}

/** Soonest due first; contacts with nothing scheduled last. */
const dueOrder = (contact: ContactSummary): number =>
  contact.nextDueAt ? Date.parse(contact.nextDueAt) : Number.POSITIVE_INFINITY;

export async function run(argv: string[]): Promise<number> {
  return runCommand('list', async () => {
    const { values } = parseArgs({
      args: argv,
      options: {
        json: { type: 'boolean' },
        'actions-port': { type: 'string' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      process.stdout.write('usage: not-today list [--json] [--actions-port N] [--data-dir DIR]\n');
      return 0;
    }
    const location = locateStack({ actionsPort: values['actions-port'], dataDir: values['data-dir'] });
    const { contacts } = await callStack<{ contacts: ContactSummary[] }>(location, 'GET', 'contacts');
    const sorted = [...contacts].sort((a, b) => dueOrder(a) - dueOrder(b));
    process.stdout.write(values.json ? `${JSON.stringify(sorted, null, 2)}\n` : formatContactTable(sorted));
    return 0;
  });
}
