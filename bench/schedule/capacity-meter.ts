/**
 * Counts DynamoDB calls and the capacity they consume, by adding one middleware to the SDK
 * client the repository is given (adapter code unchanged): it sets ReturnConsumedCapacity
 * TOTAL on every command and adds up the ConsumedCapacity each response reports.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { performance } from 'node:perf_hooks';

interface CapacityReport {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

/** Commands that only read (their units are read units); everything else writes. */
const READ_COMMANDS = new Set(['GetItemCommand', 'QueryCommand', 'ScanCommand', 'BatchGetItemCommand', 'GetCommand', 'BatchGetCommand']);

export interface CapacitySnapshot {
  calls: Record<string, number>;
  readUnits: number;
  writeUnits: number;
  /** Wall time spent waiting for DynamoDB (round trips included). */
  milliseconds: number;
}

export class CapacityMeter {
  private calls: Record<string, number> = {};
  private readUnits = 0;
  private writeUnits = 0;
  private milliseconds = 0;

  /** Installs the middleware on `client` (once per client). */
  attachTo(client: DynamoDBClient): void {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as Record<string, unknown>;
        input.ReturnConsumedCapacity = 'TOTAL';
        const start = performance.now();
        const result = await next(args);
        this.milliseconds += performance.now() - start;
        const name = context.commandName ?? 'unknown';
        const output = result.output as { ConsumedCapacity?: CapacityReport | CapacityReport[] };
        this.record(name, output.ConsumedCapacity);
        return result;
      },
      { step: 'initialize', name: 'benchConsumedCapacityMeter', override: true },
    );
  }

  /** Adds one response's report (exported for tests through the class). */
  record(commandName: string, consumed: CapacityReport | CapacityReport[] | undefined): void {
    this.calls[commandName] = (this.calls[commandName] ?? 0) + 1;
    const reports = consumed === undefined ? [] : Array.isArray(consumed) ? consumed : [consumed];
    const units = reports.reduce((total, report) => total + (report.CapacityUnits ?? 0), 0);
    if (READ_COMMANDS.has(commandName)) this.readUnits += units;
    else this.writeUnits += units;
  }

  snapshot(): CapacitySnapshot {
    return { calls: { ...this.calls }, readUnits: this.readUnits, writeUnits: this.writeUnits, milliseconds: this.milliseconds };
  }

  reset(): void {
    this.calls = {};
    this.readUnits = 0;
    this.writeUnits = 0;
    this.milliseconds = 0;
  }
}

/** The number of calls of commands whose name contains `fragment` ("Query", "Update"...). */
export function callsOf(snapshot: CapacitySnapshot, fragment: string): number {
  return Object.entries(snapshot.calls)
    .filter(([name]) => name.includes(fragment))
    .reduce((total, [, count]) => total + count, 0);
}
