/**
 * A clock for tests: fixed until moved. `advance` moves it by a duration, `set` jumps.
 */
import type { Clock } from '../../functions/core/ports.js';

const MS = { seconds: 1000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;

export class FakeClock implements Clock {
  private current: number;

  constructor(start: Date | string) {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  /** Jumps to an instant. */
  set(instant: Date | string): void {
    this.current = new Date(instant).getTime();
  }

  /** Moves forward by whole seconds, minutes, hours and days (UTC arithmetic). */
  advance(by: Partial<Record<keyof typeof MS, number>>): Date {
    for (const [unit, amount] of Object.entries(by) as [keyof typeof MS, number][]) {
      this.current += amount * MS[unit];
    }
    return this.now();
  }
}
