/**
 * Runs every benchmark (DESIGN.md §6), one process each so they do not share a heap or a DuckDB,
 * and prints their JSON lines. Each benchmark runs our code and its anchor side by side and reports
 * the ratio; goals are ratios because these machines are shared and noisy.
 *
 *   npm run bench [-- --scale k]
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const BENCHES = [
  'synth.ts',
  'quality.ts',
  'ingest.ts',
  'audit.ts',
  'feasibility.ts',
  'glm.ts',
  'beacon.ts',
  'vcf-ingest.ts',
];
const passThrough = process.argv.slice(2);
let failed = 0;
for (const bench of BENCHES) {
  process.stderr.write(`bench ${bench} …\n`);
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, bench), ...passThrough],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  if (run.status !== 0) {
    failed += 1;
    process.stderr.write(`bench ${bench} failed with exit code ${run.status}\n`);
  }
}
process.exitCode = failed ? 1 : 0;
