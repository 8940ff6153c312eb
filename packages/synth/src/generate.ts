/**
 * Streams N synthetic patients into one output format. Patients are built one at a time from
 * (seed, country, index) and written before the next is built, so memory does not grow with N
 * (except the VCF's one byte per variant per sequenced person).
 */
import { mkdir } from 'node:fs/promises';
import { invalid, type Issue } from '@openehds/core';
import { PROFILES, type SynthProfile } from './conditions';
import { SUPPORTED_COUNTRIES, isSupportedCountry } from './demography';
import { createPatient, type PopulationContext } from './patient';
import { dayOf } from './time';
import { fhirBundleWriter, fhirNdjsonWriter } from './writers/fhir';
import { omopCsvWriter } from './writers/omop-csv';
import { phenopacketWriter } from './writers/phenopackets';
import type { FormatWriter } from './writers/types';
import { vcfWriter } from './writers/vcf';

/** Output formats. */
export type SynthFormat = 'fhir-ndjson' | 'fhir-bundles' | 'omop-csv' | 'phenopackets' | 'vcf';

/** The formats `generate` accepts. */
export const FORMATS: readonly SynthFormat[] = [
  'fhir-ndjson',
  'fhir-bundles',
  'omop-csv',
  'phenopackets',
  'vcf',
];

/** Options of one generator run. */
export interface SynthOptions {
  patients: number;
  seed: number;
  /** Output directory (created if missing). */
  out: string;
  format: SynthFormat;
  /** ISO 3166-1 alpha-2 code; default FI. */
  country?: string;
  /** Case mix; default general. */
  profile?: SynthProfile;
  /** Gzip every output file (`.gz` appended). */
  gzip?: boolean;
  /** Last day of observation, YYYY-MM-DD; default 2025-12-31 (fixed so output is reproducible). */
  endDate?: string;
  /** Years of observation before endDate; default 10. */
  years?: number;
  /** Called every few hundred patients and at the end. */
  onProgress?: (done: number, total: number) => void;
}

/** What a run produced. */
export interface SynthResult {
  patients: number;
  files: string[];
}

/** Checks options and fills defaults; throws an AppError listing every problem. */
export function resolveOptions(o: SynthOptions): Required<Omit<SynthOptions, 'onProgress'>> {
  const issues: Issue[] = [];
  const country = (o.country ?? 'FI').toUpperCase();
  const profile = o.profile ?? 'general';
  const endDate = o.endDate ?? '2025-12-31';
  const years = o.years ?? 10;
  if (!Number.isSafeInteger(o.patients) || o.patients < 1)
    issues.push({ path: 'patients', message: 'must be a positive integer' });
  if (!Number.isSafeInteger(o.seed) || o.seed < 0)
    issues.push({ path: 'seed', message: 'must be a non-negative integer' });
  if (!o.out) issues.push({ path: 'out', message: 'an output directory is required' });
  if (!FORMATS.includes(o.format))
    issues.push({ path: 'format', message: `must be one of ${FORMATS.join(', ')}` });
  if (!isSupportedCountry(country))
    issues.push({ path: 'country', message: `must be one of ${SUPPORTED_COUNTRIES.join(', ')}` });
  if (!PROFILES.includes(profile))
    issues.push({ path: 'profile', message: `must be one of ${PROFILES.join(', ')}` });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(endDate) || Number.isNaN(Date.parse(endDate)))
    issues.push({ path: 'endDate', message: 'must be a date YYYY-MM-DD' });
  if (!(years > 0 && years <= 100)) issues.push({ path: 'years', message: 'must be between 0 and 100' });
  if (issues.length)
    throw invalid(
      `synthetic population options are invalid: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
      issues,
    );
  return {
    patients: o.patients,
    seed: o.seed,
    out: o.out,
    format: o.format,
    country,
    profile,
    gzip: o.gzip ?? false,
    endDate,
    years,
  };
}

/** Generates `patients` synthetic persons into `out` in the chosen format. */
export async function generate(options: SynthOptions): Promise<SynthResult> {
  const o = resolveOptions(options);
  await mkdir(o.out, { recursive: true });
  const ctx: PopulationContext = {
    seed: o.seed,
    country: o.country,
    profile: o.profile,
    endDay: dayOf(o.endDate),
    years: o.years,
  };
  const writer = openWriter(o.format, o.out, o.gzip, o.endDate);
  const step = Math.max(1, Math.min(1000, Math.floor(o.patients / 100)));
  for (let i = 1; i <= o.patients; i++) {
    const pending = writer.write(createPatient(ctx, i));
    if (pending) await pending;
    if (options.onProgress && (i % step === 0 || i === o.patients)) options.onProgress(i, o.patients);
  }
  const files = await writer.finish();
  return { patients: o.patients, files };
}

function openWriter(format: SynthFormat, dir: string, gzip: boolean, endDate: string): FormatWriter {
  switch (format) {
    case 'fhir-ndjson':
      return fhirNdjsonWriter(dir, gzip);
    case 'fhir-bundles':
      return fhirBundleWriter(dir, gzip);
    case 'omop-csv':
      return omopCsvWriter(dir, gzip);
    case 'phenopackets':
      return phenopacketWriter(dir, gzip, `${endDate}T00:00:00Z`);
    case 'vcf':
      return vcfWriter(dir, gzip, endDate.replace(/-/g, ''));
  }
}
