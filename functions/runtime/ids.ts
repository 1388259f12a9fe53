/**
 * New unique ids for the runtime (claim ids, request ids): random UUIDs from node:crypto.
 */
import { randomUUID } from 'node:crypto';
import type { IdGenerator } from '../core/ports.js';

/** Random v4 UUIDs. */
export const randomIds: IdGenerator = { newId: () => randomUUID() };
