import { existsSync } from 'node:fs';
import path from 'node:path';

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
export function conformanceDir(): string {
  return (
    process.env.EHDS_CONFORMANCE_DIR ??
    path.resolve(findRepoRoot(import.meta.dirname), '../shared/conformance')
  );
}
