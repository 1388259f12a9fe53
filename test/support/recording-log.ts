/**
 * A Log port that records every line, for tests that check what a handler or use case logged.
 */
import type { Log } from '../../functions/core/ports.js';

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  extra: Record<string, unknown> | undefined;
}

export interface RecordingLog extends Log {
  lines: LogLine[];
  /** Every line at this level. */
  at(level: LogLine['level']): LogLine[];
}

export function createRecordingLog(): RecordingLog {
  const lines: LogLine[] = [];
  const record = (level: LogLine['level']) => (message: string, extra?: Record<string, unknown>) => {
    lines.push({ level, message, extra });
  };
  return {
    lines,
    at: (level) => lines.filter((line) => line.level === level),
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
  };
}
