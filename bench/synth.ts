/**
 * Synthetic population throughput: streams N patients (20,000 × --scale) to FHIR NDJSON in a
 * temporary directory and prints one JSON line. Goal: ≥ 50,000 patients per minute; rss_mb shows
 * that memory stays flat while streaming.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate, type SynthFormat } from '@openehds/synth';

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const scale = Number(arg('scale') ?? 1);
const patients = Math.max(1, Math.round(20_000 * scale));
const format = (arg('format') ?? 'fhir-ndjson') as SynthFormat;

const dir = await mkdtemp(join(tmpdir(), 'ehds-bench-synth-'));
try {
  const t0 = performance.now();
  await generate({ patients, seed: 42, out: dir, format, country: 'DE', profile: 'general' });
  const ours = (performance.now() - t0) / 1000;
  console.log(
    JSON.stringify({
      bench: 'synth',
      format,
      patients,
      ours_s: Number(ours.toFixed(3)),
      patients_per_min: Math.round((patients / ours) * 60),
      rss_mb: Math.round(process.memoryUsage().rss / 1048576),
    }),
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
