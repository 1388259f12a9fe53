/**
 * The local stack's controllable clock: the system time plus an offset the owner moves with
 * `not-today tick --advance 3mo`. The offset is kept in the data folder (clock.json) so a
 * restarted stack keeps living "in the future" with its data; `--memory` keeps it in memory.
 * Only the local stack and the tests use it: production runs on the system clock.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { DurationLikeObject } from 'luxon';
import type { Clock } from '../../functions/core/ports.js';
import { addDuration } from './durations.js';

export const CLOCK_FILE_NAME = 'clock.json';

export class LocalClock implements Clock {
  private offsetMs: number;

  /** `stateFile` null keeps the offset in memory only. */
  constructor(private readonly stateFile: string | null) {
    this.offsetMs = stateFile ? readOffset(stateFile) : 0;
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** How far the clock runs ahead of the system clock, in milliseconds. */
  get offsetMilliseconds(): number {
    return this.offsetMs;
  }

  /** Moves the clock forward (calendar arithmetic for months and years); returns the new now. */
  advance(duration: DurationLikeObject): Date {
    const current = this.now();
    return this.setTo(addDuration(current, duration));
  }

  /** Sets the clock to an instant (future or past); returns it. */
  setTo(instant: Date): Date {
    this.offsetMs = instant.getTime() - Date.now();
    this.persist();
    return this.now();
  }

  private persist(): void {
    if (!this.stateFile) return;
    writeFileSync(this.stateFile, `${JSON.stringify({ offsetMs: this.offsetMs })}\n`);
  }
}

function readOffset(file: string): number {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { offsetMs?: unknown };
    return typeof parsed.offsetMs === 'number' && Number.isFinite(parsed.offsetMs) ? parsed.offsetMs : 0;
  } catch {
    return 0;
  }
}
