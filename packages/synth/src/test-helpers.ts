/** Helpers shared by this package's tests (not exported from the package). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The repository root: the nearest ancestor whose package.json declares workspaces. */
export function repoRoot(from: string = import.meta.dirname): string {
  let dir = from;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && 'workspaces' in (JSON.parse(readFileSync(pkg, 'utf8')) as object)) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`no workspace root above ${from}`);
    dir = up;
  }
}

/**
 * The conformance bundle directory, or undefined with a printed reason when it is missing
 * outside CI; in CI (CI=true) a missing bundle fails the test (DESIGN.md §5).
 */
export function conformanceDir(): string | undefined {
  const dir = process.env.EHDS_CONFORMANCE_DIR ?? resolve(repoRoot(), '../shared/conformance');
  if (existsSync(dir)) return dir;
  if (process.env.CI === 'true')
    throw new Error(`conformance bundle missing at ${dir} (set EHDS_CONFORMANCE_DIR)`);
  console.warn(`skipping conformance checks: ${dir} not found (set EHDS_CONFORMANCE_DIR)`);
  return undefined;
}

/** Parses RFC 4180 CSV text into rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (ch !== '\r') field += ch;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
