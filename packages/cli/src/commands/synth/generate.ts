import { invalid } from '@openehds/core';
import { generate, type SynthFormat, type SynthProfile, type SynthResult } from '@openehds/synth';
import { emit } from '../../ui/output';
import { progressBar } from '../../ui/progress';

/** Options of `ehds synth` as commander hands them over (strings unless parsed). */
export interface SynthCliOptions {
  patients: string | number;
  seed: string | number;
  out: string;
  format: string;
  country?: string;
  profile?: string;
  gzip?: boolean;
  endDate?: string;
  years?: string | number;
  json?: boolean;
}

/**
 * `ehds synth --patients N --seed S --out DIR --format F [--country FI] [--profile P] [--gzip]`:
 * writes a deterministic synthetic population, drawing a progress bar on stderr.
 */
export async function synthCommand(opts: SynthCliOptions): Promise<SynthResult> {
  const patients = Number(opts.patients);
  const seed = Number(opts.seed);
  if (!opts.out) throw invalid('give --out DIR, the folder to write the synthetic population to');
  const bar = progressBar('synth', 'patients');
  const result = await generate({
    patients,
    seed,
    out: opts.out,
    format: opts.format as SynthFormat,
    ...(opts.country ? { country: opts.country } : {}),
    ...(opts.profile ? { profile: opts.profile as SynthProfile } : {}),
    ...(opts.gzip ? { gzip: true } : {}),
    ...(opts.endDate ? { endDate: opts.endDate } : {}),
    ...(opts.years !== undefined ? { years: Number(opts.years) } : {}),
    onProgress: (done, total) => bar.update(done, total),
  });
  bar.finish();
  emit(
    result,
    Boolean(opts.json),
    (r: SynthResult) =>
      `${r.patients} patients written as ${opts.format} to ${opts.out} (${r.files.length} files)`,
  );
  return result;
}
