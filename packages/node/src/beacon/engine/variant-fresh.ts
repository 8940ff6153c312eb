import type { NodeStore } from '@openehds/analytics';
import { countedVariantsSql, indexedType, type IndexedVariant } from './variant-index';
import { matchesVariant, type VariantMatch } from './variant-match';

/**
 * The counted variants matching a positional rule (`match.chrom` set), read from the store at the moment
 * of the query: the answer while the in-memory index is being rebuilt (state.ts, Art. 71: an opted-out
 * person is not counted from the moment the node knows). The same SQL as the index build
 * (`countedVariantsSql`), restricted to the query's chromosome and start/end bounds, and the same
 * `matchesVariant` afterwards, so both paths give the same rows, carriers, AC and AN, in the index's
 * order. `excludedTable` is a temp table of `store`'s connection.
 */
export async function countedVariantsAt(
  store: NodeStore,
  assembly: string,
  excludedTable: string,
  match: VariantMatch,
): Promise<IndexedVariant[]> {
  if (match.chrom === undefined) return [];
  const where = `AND chrom = $2 AND start0 >= CAST($3 AS BIGINT) AND start0 <= CAST($4 AS BIGINT)
    AND start0 + length(ref) >= CAST($5 AS BIGINT) AND start0 + length(ref) <= CAST($6 AS BIGINT)`;
  const rows = await store.all<{
    variant_id: number;
    chrom: string;
    start0: number;
    ref: string;
    alt: string;
    variant_type: string | null;
    gene: string | null;
    carriers: number;
    ac: number;
    an: number;
  }>(countedVariantsSql(excludedTable, where), [
    assembly,
    match.chrom,
    match.startMin,
    match.startMax,
    match.endMin,
    match.endMax,
  ]);
  return rows
    .map((r): IndexedVariant => ({
      variantId: r.variant_id,
      chrom: r.chrom,
      start0: r.start0,
      ref: r.ref,
      alt: r.alt,
      variantType: indexedType(r.variant_type),
      gene: r.gene || null,
      carriers: r.carriers,
      alleleCount: r.ac,
      alleleNumber: r.an < 0 ? undefined : r.an,
    }))
    .filter((v) => matchesVariant(match, v))
    .sort((a, b) => a.start0 - b.start0 || cmp(a.ref, b.ref) || cmp(a.alt, b.alt));
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
