import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Where tests find the conformance artefacts: `EHDS_CONFORMANCE_DIR`, else `../shared/conformance`
 * beside the repository root (the nearest folder upward whose package.json declares workspaces).
 */
export function conformanceDir(from: string): string {
  if (process.env.EHDS_CONFORMANCE_DIR) return process.env.EHDS_CONFORMANCE_DIR;
  for (let d = from; d !== dirname(d); d = dirname(d)) {
    const pkg = join(d, 'package.json');
    if (existsSync(pkg) && 'workspaces' in JSON.parse(readFileSync(pkg, 'utf8')))
      return resolve(d, '../shared/conformance');
  }
  throw new Error(`no workspace root above ${from}`);
}
