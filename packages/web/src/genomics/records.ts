/**
 * Beacon default-model records (genomicVariations, individuals) → table rows for a permit holder
 * (issue 5 §3: records only under an active permit naming the user). Read defensively: a record is
 * JSON from a node, and a missing part shows as a dash rather than breaking the page. Pure.
 */

/** A variant record as a row: 1-based position beside Beacon's 0-based half-open interval. */
export interface VariantRow {
  key: string;
  chrom: string;
  /** VCF-style 1-based position of the first reference base. */
  position: number | null;
  start0: number | null;
  end0: number | null;
  ref: string;
  alt: string;
  type: string;
  carriers: number;
  frequency: number | null;
}

/** An individual record as a row. */
export interface IndividualRow {
  id: string;
  sex: string;
  /** HPO features, excluded ones prefixed "not ". */
  phenotypes: string[];
  diseases: string[];
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The rows of genomicVariations records. */
export function variantRows(records: readonly Json[]): VariantRow[] {
  return records.map((r, i) => {
    const variation = obj(r.variation);
    const location = obj(variation.location);
    const interval = obj(location.interval);
    const start0 = num(obj(interval.start).value);
    const end0 = num(obj(interval.end).value);
    const sequenceId = str(location.sequence_id);
    const frequency = num(obj(arr(obj(arr(r.frequencyInPopulations)[0]).frequencies)[0]).alleleFrequency);
    return {
      key: str(r.variantInternalId) || `${sequenceId}-${start0}-${i}`,
      // `GRCh38:17` as the node writes it: the chromosome is after the assembly.
      chrom: sequenceId.includes(':') ? sequenceId.split(':').pop()! : sequenceId,
      position: start0 === null ? null : start0 + 1,
      start0,
      end0,
      ref: str(variation.referenceBases),
      alt: str(variation.alternateBases),
      type: str(variation.variantType),
      carriers: arr(r.caseLevelData).length,
      frequency,
    };
  });
}

/** The rows of individuals records. */
export function individualRows(records: readonly Json[]): IndividualRow[] {
  return records.map((r) => ({
    id: str(r.id),
    sex: str(obj(r.sex).label) || str(obj(r.sex).id),
    phenotypes: arr(r.phenotypicFeatures).map((f) => {
      const id = str(obj(obj(f).featureType).id);
      const label = str(obj(obj(f).featureType).label);
      const text = label ? `${id} ${label}` : id;
      return obj(f).excluded === true ? `not ${text}` : text;
    }),
    diseases: arr(r.diseases).map((d) => str(obj(obj(d).diseaseCode).id)),
  }));
}
