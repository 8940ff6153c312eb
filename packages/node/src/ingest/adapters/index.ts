import type { FormatAdapter } from '../types';
import { bcfAdapter } from './bcf/adapter';
import { fhirBundleAdapter } from './fhir-bundle/index';
import { fhirNdjsonAdapter } from './fhir-ndjson/index';
import { omopCsvAdapter } from './omop-csv/adapter';
import { phenopacketAdapter } from './phenopacket/adapter';
import { vcfAdapter } from './vcf/adapter';

/**
 * The format adapters the node knows, in detection order: the first whose `detect(path, head)` accepts a
 * file reads it. Bundle before NDJSON (a minified Bundle is also one JSON object on one line).
 */
export const ADAPTERS: readonly FormatAdapter[] = [
  fhirBundleAdapter,
  fhirNdjsonAdapter,
  omopCsvAdapter,
  phenopacketAdapter,
  vcfAdapter,
  bcfAdapter,
];

/** The adapter that reads a file, judged from its name and decoded head; undefined if none does. */
export function detectAdapter(
  path: string,
  head: string,
  adapters: readonly FormatAdapter[] = ADAPTERS,
): FormatAdapter | undefined {
  return adapters.find((a) => a.detect(path, head));
}
