import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Finds the repository root by walking up from `start` to the folder whose package.json declares
 * npm workspaces (the monorepo root), so the default conformance dir does not depend on the cwd.
 */
function findRepoRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'packages'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return start;
    dir = parent;
  }
}

/** The shared conformance bundle: `EHDS_CONFORMANCE_DIR`, else `<repo root>/../shared/conformance`. */
export function defaultConformanceDir(): string {
  return (
    process.env.EHDS_CONFORMANCE_DIR ??
    path.resolve(findRepoRoot(import.meta.dirname), '../shared/conformance')
  );
}
