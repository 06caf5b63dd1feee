import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The repository root: its schemas/ and workflows/ are the default template. */
export const REPO_ROOT = join(here, '../../..');
export const FIXTURES = join(here, '../fixtures');
