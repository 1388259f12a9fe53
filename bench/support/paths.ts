/** Paths the benchmark uses: the repository root and its scratch folder bench/.work (gitignored). */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const WORK_DIR = join(REPO_ROOT, 'bench', '.work');
