import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The repository root. The benchmark's children run bundled from a scratch folder with the root as their working
 * directory, so the root is found from there rather than from the module's own place.
 */
export const ROOT = process.cwd();
if (!existsSync(join(ROOT, 'package.json')) || !existsSync(join(ROOT, 'data'))) throw new Error(`run the benchmark from the repository root (not ${ROOT})`);
