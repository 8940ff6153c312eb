import { existsSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Job } from './types';

/**
 * Test helpers for the compute layer. Service-backed suites skip with a printed reason when a binary
 * is missing outside CI; in CI (`CI=true`) a missing binary is a failure (DESIGN.md §5).
 */
export function requireBinaries(suite: string, paths: string[]): boolean {
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length === 0) return true;
  const reason = `${suite}: missing ${missing.join(', ')}`;
  if (process.env.CI === 'true') throw new Error(`${reason} (CI=true: a skip is a failure)`);
  console.warn(`skipping ${reason}`);
  return false;
}

/** A temp folder with `in/` (the extract) and `out/` (the output) and a work root; remove() cleans. */
export function jobFolders(prefix = 'ehds-compute-') {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const inputDir = join(root, 'in');
  const outputDir = join(root, 'out');
  const workRoot = join(root, 'work');
  mkdirSync(inputDir);
  mkdirSync(outputDir);
  return {
    root,
    inputDir,
    outputDir,
    workRoot,
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

let counter = 0;

/** A job with sensible limits for tests. */
export function testJob(over: Partial<Job> & Pick<Job, 'inputDir' | 'outputDir' | 'script'>): Job {
  counter += 1;
  return {
    id: `job-${process.pid}-${counter}`,
    permitId: 'P-2027-0042-FI',
    language: 'python',
    args: [],
    limits: { cpus: 1, memoryMb: 512, timeSeconds: 60 },
    ...over,
  };
}
