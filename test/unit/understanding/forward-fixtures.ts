/** Shared setup of the understanding tests: the owner of the client fixtures and how to read one. */
import { readFile } from 'node:fs/promises';
import { DEFAULT_OWNER } from '../../support/build-forward.js';

/** The owner who forwarded every fixture in test/fixtures/eml/forwards/. */
export const FIXTURE_OWNER = DEFAULT_OWNER.email;

/** The directory of the client forward fixtures. */
export const FORWARD_FIXTURES = new URL('../../fixtures/eml/forwards/', import.meta.url);

/** Reads one forward fixture's raw bytes by file name. */
export function readForwardFixture(name: string): Promise<Buffer> {
  return readFile(new URL(name, FORWARD_FIXTURES));
}
