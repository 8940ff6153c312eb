import type { NodeStore } from '@openehds/analytics';
import { rosterKey, type VariantSource } from './allele-number';
import { matchesVariant, type MatchableVariant, type VariantMatch } from './variant-match';

/** A stored variant with its linked carriers (every linked person; the caller applies its scope). */
export interface VariantWithCarriers extends MatchableVariant {
  variantId: number;
  carriers: Map<number, { copies: number; zygosity: string | null; sample: string | null }>;
  /** The files holding it, by roster key, with their `an_exceptions` (for AN: allele-number.ts). */
  sources: Map<string, VariantSource>;
}

/**
 * The variants matching a rule, with their linked carriers, read from the store (the path for gene
 * queries, filters and records; position-only counts use the in-memory index). SQL narrows by
 * chromosome, start/end bounds and gene with parameters only; `matchesVariant` then decides, so both
 * paths share one definition of a match. Unlinked samples (person_id NULL) are nobody and never count.
 */
export async function variantsWithCarriers(
  store: NodeStore,
  assembly: string,
  match: VariantMatch,
): Promise<VariantWithCarriers[]> {
  const params: unknown[] = [assembly];
  const where = ['v.assembly = $1', 'g.person_id IS NOT NULL'];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (match.chrom !== undefined) add((n) => `v.chrom = ${n}`, match.chrom);
  if (match.gene !== undefined) add((n) => `upper(v.gene) = ${n}`, match.gene);
  if (match.startMin > 0) add((n) => `v.start0 >= CAST(${n} AS BIGINT)`, match.startMin);
  if (match.startMax < Number.MAX_SAFE_INTEGER)
    add((n) => `v.start0 <= CAST(${n} AS BIGINT)`, match.startMax);
  if (match.endMin > 0) add((n) => `v.start0 + length(v.ref) >= CAST(${n} AS BIGINT)`, match.endMin);
  if (match.endMax < Number.MAX_SAFE_INTEGER)
    add((n) => `v.start0 + length(v.ref) <= CAST(${n} AS BIGINT)`, match.endMax);
  const rows = await store.all<{
    variant_id: number;
    chrom: string;
    start0: number;
    ref: string;
    alt: string;
    variant_type: string | null;
    gene: string | null;
    person_id: number;
    gt: string;
    zygosity: string | null;
    sample: string | null;
    ehds_batch: string | null;
    ehds_file: string | null;
    an_exceptions: string | null;
  }>(
    `SELECT DISTINCT CAST(v.variant_id AS DOUBLE) AS variant_id, v.chrom, CAST(v.start0 AS DOUBLE) AS start0, v.ref,
       v.alt, v.variant_type, v.gene, CAST(g.person_id AS DOUBLE) AS person_id, g.gt, g.zygosity, g.sample,
       v.ehds_batch, v.ehds_file, v.an_exceptions
     FROM variant v JOIN genotype g ON g.variant_id = v.variant_id
     WHERE ${where.join(' AND ')}
     ORDER BY v.chrom, start0, v.ref, v.alt`,
    params,
  );
  const out = new Map<number, VariantWithCarriers>();
  for (const r of rows) {
    let v = out.get(r.variant_id);
    if (!v) {
      const candidate = {
        variantId: r.variant_id,
        chrom: r.chrom,
        start0: r.start0,
        ref: r.ref,
        alt: r.alt,
        variantType: r.variant_type,
        gene: r.gene,
        carriers: new Map(),
        sources: new Map(),
      };
      if (!matchesVariant(match, candidate)) continue;
      out.set(r.variant_id, (v = candidate));
    }
    const file = rosterKey(r.ehds_batch ?? '', r.ehds_file ?? '');
    if (!v.sources.has(file)) v.sources.set(file, { file, anExceptions: r.an_exceptions });
    const copies = r.gt.split(/[/|]/).filter((a) => a === '1').length;
    const seen = v.carriers.get(r.person_id);
    // A person genotyped twice for one variant (two files) counts once, with their most copies.
    if (!seen || copies > seen.copies)
      v.carriers.set(r.person_id, { copies, zygosity: r.zygosity, sample: r.sample });
  }
  return [...out.values()];
}
