/**
 * Time for the runtime. Production runs on the system clock. The local stack (and only local
 * code: local/ and tests) may install a controllable clock in-process with `installClock`, so
 * `not-today tick --advance 3mo` moves time for handlers running in the same process. There is
 * deliberately no environment variable for this: a deployed function cannot be time-shifted.
 */
import type { Clock } from '../core/ports.js';

/** The real time. */
export const systemClock: Clock = { now: () => new Date() };

let installedClock: Clock = systemClock;

/**
 * The clock handed to use cases and adapters. It asks the installed clock at every call, so
 * dependencies built before `installClock` still follow it.
 */
export const runtimeClock: Clock = { now: () => installedClock.now() };

/** Replaces the process's clock. Local stack and tests only; never called by handlers. */
export function installClock(clock: Clock): void {
  installedClock = clock;
}

/** Goes back to the system clock (tests tidy up with it). */
export function restoreSystemClock(): void {
  installedClock = systemClock;
}

/** A clock that stands still until told to move: for tests and demos. */
export class ControllableClock implements Clock {
  private current: number;

  constructor(start: Date = new Date()) {
    this.current = start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  /** Moves the clock forward (or back, with a negative value) by `milliseconds`. */
  advanceBy(milliseconds: number): Date {
    this.current += milliseconds;
    return this.now();
  }

  /** Sets the clock to `instant`. */
  setTo(instant: Date): Date {
    this.current = instant.getTime();
    return this.now();
  }
}
