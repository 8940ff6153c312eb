import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { notFound } from '@openehds/core';

/**
 * Expands the paths given on the command line into files: folders are walked recursively in name
 * order (so runs are reproducible); hidden entries (`.git`, `.DS_Store`) and index files such as
 * `.tbi` are skipped. A path that does not exist is an error naming it.
 */
export async function expandPaths(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    let s;
    try {
      s = await stat(p);
    } catch {
      throw notFound('input path', p);
    }
    if (s.isDirectory()) await walk(p, out);
    else out.push(p);
  }
  return out;
}

const IGNORED = /(^\.|\.(tbi|csi|md5|sha256|txt|md)$)/i;

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (IGNORED.test(e.name)) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) await walk(full, out);
    else if (e.isFile()) out.push(full);
  }
}
