/**
 * Small fakes of the remaining ports: a mailer that records (and can fail), sequential ids,
 * and a log that keeps its entries so tests can check what was (and was not) logged.
 */
import type { IdGenerator, Log, OwnerEmail, OwnerMailer } from '../../functions/core/ports.js';

export class RecordingMailer implements OwnerMailer {
  readonly sent: OwnerEmail[] = [];
  private readonly failures: unknown[] = [];

  /** Makes the next `times` sends throw `error`. */
  failNext(error: unknown, times = 1): void {
    for (let index = 0; index < times; index += 1) this.failures.push(error);
  }

  async sendToOwner(email: OwnerEmail): Promise<{ messageId: string }> {
    if (this.failures.length > 0) throw this.failures.shift();
    this.sent.push(email);
    return { messageId: `message-${this.sent.length}` };
  }
}

export class SequentialIds implements IdGenerator {
  private next = 1;
  constructor(private readonly prefix = 'id') {}
  newId(): string {
    const id = `${this.prefix}-${this.next}`;
    this.next += 1;
    return id;
  }
}

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  extra: Record<string, unknown> | undefined;
}

export class RecordingLog implements Log {
  readonly entries: LogEntry[] = [];
  debug(message: string, extra?: Record<string, unknown>): void {
    this.entries.push({ level: 'debug', message, extra });
  }
  info(message: string, extra?: Record<string, unknown>): void {
    this.entries.push({ level: 'info', message, extra });
  }
  warn(message: string, extra?: Record<string, unknown>): void {
    this.entries.push({ level: 'warn', message, extra });
  }
  error(message: string, extra?: Record<string, unknown>): void {
    this.entries.push({ level: 'error', message, extra });
  }
  /** Everything logged, as one string (to search for leaks). */
  dump(): string {
    return this.entries.map((entry) => `${entry.level} ${entry.message} ${JSON.stringify(entry.extra ?? {})}`).join('\n');
  }
}
