import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { generate, type SynthFormat } from '@openehds/synth';
import type { NodeConfig } from './config';

/**
 * A demo node's first start: generate its synthetic population in the formats a holder of its kind
 * would have — a biobank FHIR records plus genotypes (VCF) and rare-disease phenopackets, a cancer
 * registry OMOP CSV, a hospital FHIR Bulk Data — all for the same persons (same seed), so ingest
 * unifies them. Returns the folders to ingest.
 */
export async function seedPopulation(
  config: NodeConfig,
  onProgress?: (format: SynthFormat, done: number, total: number) => void,
): Promise<string[]> {
  const seed = config.seed;
  if (!seed) return [];
  const formats: SynthFormat[] =
    seed.profile === 'biobank'
      ? ['fhir-ndjson', 'vcf', 'phenopackets']
      : seed.profile === 'cancer-registry'
        ? ['omop-csv']
        : ['fhir-ndjson'];
  const dirs: string[] = [];
  for (const format of formats) {
    const out = join(config.dataDir, 'seed', format);
    if (!existsSync(out)) {
      await generate({
        patients: seed.patients,
        seed: seed.seed,
        out,
        format,
        country: config.country,
        profile: seed.profile,
        gzip: format !== 'phenopackets',
        onProgress: (done, total) => onProgress?.(format, done, total),
      });
    }
    dirs.push(out);
  }
  return dirs;
}
