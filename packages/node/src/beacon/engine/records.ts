/**
 * Node rows → Beacon v2 default-model records (`beacon-v2-default-model` 2.1.1: genomicVariations,
 * individuals, biosamples). Pure. Every person id here is already the permit's pseudonym (record level
 * is only ever under a permit, granularity.ts); no node id, sample name or source value of a person
 * reaches a record except as a code the Beacon model asks for.
 */

/** A carrier of a variant, as a record shows it. */
export interface CarrierRecord {
  individualId: string;
  biosampleId: string;
  zygosity: string | null;
}

/** A variant with its carriers and the allele counts of the caller's scope. */
export interface VariantRecordInput {
  variantId: number;
  assembly: string;
  chrom: string;
  start0: number;
  ref: string;
  alt: string;
  variantType: string | null;
  datasetId: string;
  carriers: CarrierRecord[];
  alleleCount: number;
  /** Undefined when not known (a file without roster): the record then has no frequency. */
  alleleNumber: number | undefined;
}

/** GENO terms of the zygosities ingest records. */
const ZYGOSITY: Record<string, { id: string; label: string }> = {
  heterozygous: { id: 'GENO:GENO_0000458', label: 'simple heterozygous' },
  homozygous: { id: 'GENO:GENO_0000136', label: 'homozygous' },
  hemizygous: { id: 'GENO:GENO_0000134', label: 'hemizygous' },
};

/** The genomicVariations record: VRS 1.3 SequenceLocation with Beacon's 0-based interbase interval. */
export function variantRecord(v: VariantRecordInput): Record<string, unknown> {
  const end0 = v.start0 + v.ref.length;
  return {
    variantInternalId: String(v.variantId),
    variation: {
      location: {
        type: 'SequenceLocation',
        // No RefSeq accession table is shipped; the assembly-qualified chromosome is a CURIE.
        sequence_id: `${v.assembly}:${v.chrom}`,
        interval: {
          type: 'SequenceInterval',
          start: { type: 'Number', value: v.start0 },
          end: { type: 'Number', value: end0 },
        },
      },
      referenceBases: v.ref,
      alternateBases: v.alt,
      ...(v.variantType ? { variantType: v.variantType } : {}),
    },
    identifiers: {
      // VCF-style (1-based) key, as `bcftools` and most tools print it.
      variantAlternativeIds: [{ id: `${v.assembly}:${v.chrom}:${v.start0 + 1}:${v.ref}:${v.alt}` }],
    },
    ...(v.alleleNumber === undefined
      ? {}
      : {
          frequencyInPopulations: [
            {
              source: 'OpenEHDS node',
              sourceReference: v.datasetId,
              frequencies: [
                {
                  population: v.datasetId,
                  alleleFrequency: v.alleleNumber > 0 ? v.alleleCount / v.alleleNumber : 0,
                },
              ],
            },
          ],
        }),
    caseLevelData: v.carriers.map((c) => ({
      individualId: c.individualId,
      biosampleId: c.biosampleId,
      ...(c.zygosity && ZYGOSITY[c.zygosity] ? { zygosity: ZYGOSITY[c.zygosity] } : {}),
    })),
  };
}

/** A person as the individual record shows them. */
export interface IndividualRecordInput {
  id: string;
  genderConceptId: number;
  /** Conditions: source code and its vocabulary (`E11.9`, `ICD10`). */
  conditions: { code: string; vocabulary: string | null }[];
  /** HPO features; `excluded` as phenopackets record it. */
  features: { term: string; excluded: boolean }[];
}

const SEX: Record<number, { id: string; label: string }> = {
  8532: { id: 'NCIT:C16576', label: 'female' },
  8507: { id: 'NCIT:C20197', label: 'male' },
};
const UNKNOWN = { id: 'NCIT:C17998', label: 'unknown' };

/** A source code as a CURIE: kept when it already is one, else prefixed with its vocabulary. */
export function codeCurie(code: string, vocabulary: string | null): string {
  if (/^[A-Za-z][A-Za-z0-9]*:/.test(code)) return code;
  return vocabulary ? `${vocabulary}:${code}` : code;
}

/** The individuals record. */
export function individualRecord(p: IndividualRecordInput): Record<string, unknown> {
  const diseases = [...new Set(p.conditions.map((c) => codeCurie(c.code, c.vocabulary)))].sort();
  const features = new Map<string, boolean>();
  for (const f of p.features) features.set(f.term, (features.get(f.term) ?? true) && f.excluded);
  return {
    id: p.id,
    sex: SEX[p.genderConceptId] ?? UNKNOWN,
    ...(diseases.length ? { diseases: diseases.map((id) => ({ diseaseCode: { id } })) } : {}),
    ...(features.size
      ? {
          phenotypicFeatures: [...features.entries()]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([id, excluded]) => ({ featureType: { id }, ...(excluded ? { excluded: true } : {}) })),
        }
      : {}),
  };
}

/**
 * The biosamples record of a sequenced sample. The node knows a sample only as a VCF column, not its
 * tissue or status, so both required terms say "unknown" (NCIT:C17998) rather than guess.
 */
export function biosampleRecord(b: { id: string; individualId: string }): Record<string, unknown> {
  return {
    id: b.id,
    individualId: b.individualId,
    biosampleStatus: UNKNOWN,
    sampleOriginType: UNKNOWN,
  };
}

/** The record id of a person's k-th sample (1-based, samples ordered by name): no sample name leaks. */
export function biosampleId(individualId: string, k: number): string {
  return `${individualId}-S${k}`;
}
