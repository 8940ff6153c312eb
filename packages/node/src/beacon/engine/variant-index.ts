import type { NodeStore } from '@openehds/analytics';
import { matchesVariant, type MatchableVariant, type VariantMatch } from './variant-match';

/**
 * An in-memory index of the node's variants for position queries (issue 5, Benchmarks: a single-position
 * allele query on 10M variants at p50 ≤ 1 ms in-process). Measured first on 10M variants in DuckDB
 * (2 cores, shared): a prepared point query took p50 2.3 ms without an index (rows loaded in position
 * order, so zone maps already prune) and 1.3 ms with an ART index on (chrom, start0) — before joining
 * any genotype. Neither meets 1 ms, so the index lives in typed arrays instead:
 * rows sorted by (chrom, start0), one contiguous slice per chromosome, binary search on start0.
 * About 30 bytes a variant plus its alleles (10M variants ≈ 350 MB).
 *
 * Each row also holds the variant's counted carriers and alternate allele count, computed when the
 * index is built with the persons opted out at that moment excluded (opted-out.ts) and unlinked samples
 * left out (they are nobody the node can check). A variant with no counted carrier is not indexed: for
 * the Beacon it is not in the dataset. So the index is a snapshot: `refreshBeaconIndex` must be called
 * after an ingest batch commits, after an opt-out sync, and after samples are linked to persons.
 */
export interface VariantIndex {
  /** Rows indexed. */
  readonly size: number;
  /** 2 × persons with any counted genotype (diploid; see README for X/Y/MT). */
  readonly alleleNumber: number;
  /** Rows of the variants matching a positional rule (`match.chrom` set), in position order. */
  lookup(match: VariantMatch): number[];
  variant(row: number): IndexedVariant;
}

/** One indexed variant with its counted carriers and alternate allele count. */
export interface IndexedVariant extends MatchableVariant {
  variantId: number;
  carriers: number;
  alleleCount: number;
}

const TYPES = ['SNP', 'MNP', 'INS', 'DEL', 'INDEL', 'SV'];

/**
 * SQL of each variant with its counted carriers (linked persons not in `excludedTable`) and their
 * alternate allele copies (the alleles `1` in the re-coded GT, e.g. 2 for `1/1`). Shared with the SQL
 * path so both count alike; `$1` is the assembly, `extraWhere` restricts variants further.
 */
export function countedVariantsSql(excludedTable: string, extraWhere = ''): string {
  return `WITH g AS (
      SELECT g.variant_id, g.person_id, max(length(g.gt) - length(replace(g.gt, '1', ''))) AS copies
      FROM genotype g
      WHERE g.person_id IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM ${excludedTable} x WHERE x.person_id = g.person_id)
      GROUP BY g.variant_id, g.person_id),
    c AS (SELECT variant_id, count(*) AS carriers, sum(copies) AS ac FROM g GROUP BY variant_id),
    v AS (SELECT variant_id, any_value(chrom) AS chrom, any_value(start0) AS start0, any_value(ref) AS ref,
            any_value(alt) AS alt, any_value(variant_type) AS variant_type, any_value(gene) AS gene
          FROM variant WHERE assembly = $1 ${extraWhere} GROUP BY variant_id)
    SELECT CAST(v.variant_id AS DOUBLE) AS variant_id, v.chrom, CAST(v.start0 AS DOUBLE) AS start0, v.ref, v.alt,
      v.variant_type, v.gene, CAST(c.carriers AS INTEGER) AS carriers, CAST(c.ac AS INTEGER) AS ac
    FROM v JOIN c ON c.variant_id = v.variant_id`;
}

/** Builds the index from the store; `excludedTable` names a temp table of excluded person ids. */
export async function buildVariantIndex(
  store: NodeStore,
  assembly: string,
  excludedTable: string,
): Promise<VariantIndex> {
  await store.run(`CREATE OR REPLACE TEMP TABLE beacon_index_rows AS ${countedVariantsSql(excludedTable)}`, [
    assembly,
  ]);
  const [stats] = await store.all<{ n: number; bases: number | null }>(
    'SELECT count(*) AS n, sum(length(ref) + length(alt)) AS bases FROM beacon_index_rows',
  );
  const n = Number(stats?.n ?? 0);
  const ids = new Float64Array(n);
  const starts = new Uint32Array(n);
  const alleleAt = new Uint32Array(n + 1);
  const refLen = new Uint32Array(n);
  const types = new Uint8Array(n);
  const genes = new Uint32Array(n);
  const carriers = new Uint32Array(n);
  const acs = new Uint32Array(n);
  const alleles = Buffer.alloc(Number(stats?.bases ?? 0));
  const geneNames: string[] = [''];
  const geneIndex = new Map<string, number>();
  const chroms = new Map<string, { from: number; to: number; maxSpan: number }>();

  const result = await store.connection.stream(
    `SELECT variant_id, chrom, start0, ref, alt, variant_type, gene, carriers, ac FROM beacon_index_rows
     ORDER BY chrom, start0, ref, alt`,
  );
  let row = 0;
  let offset = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const cols = chunk.getColumns();
    for (let i = 0; i < chunk.rowCount; i++, row++) {
      const chrom = cols[1]![i] as string;
      const ref = cols[3]![i] as string;
      const alt = cols[4]![i] as string;
      ids[row] = cols[0]![i] as number;
      starts[row] = cols[2]![i] as number;
      refLen[row] = ref.length;
      alleleAt[row] = offset;
      offset += alleles.write(ref + alt, offset, 'latin1');
      types[row] = TYPES.indexOf((cols[5]![i] as string | null) ?? '') + 1;
      const gene = cols[6]![i] as string | null;
      if (gene) {
        let g = geneIndex.get(gene);
        if (g === undefined) geneIndex.set(gene, (g = geneNames.push(gene) - 1));
        genes[row] = g;
      }
      carriers[row] = cols[7]![i] as number;
      acs[row] = cols[8]![i] as number;
      const slice = chroms.get(chrom);
      if (slice) {
        slice.to = row + 1;
        slice.maxSpan = Math.max(slice.maxSpan, ref.length);
      } else chroms.set(chrom, { from: row, to: row + 1, maxSpan: ref.length });
    }
  }
  alleleAt[row] = offset;
  const [persons] = await store.all<{ n: number }>(
    `SELECT count(DISTINCT g.person_id) AS n FROM genotype g WHERE g.person_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM ${excludedTable} x WHERE x.person_id = g.person_id)`,
  );
  await store.run('DROP TABLE IF EXISTS beacon_index_rows');

  const variant = (r: number): IndexedVariant => {
    const from = alleleAt[r]!;
    const cut = from + refLen[r]!;
    return {
      variantId: ids[r]!,
      chrom: chromOf(r),
      start0: starts[r]!,
      ref: alleles.toString('latin1', from, cut),
      alt: alleles.toString('latin1', cut, alleleAt[r + 1]!),
      variantType: TYPES[types[r]! - 1] ?? null,
      gene: genes[r] ? geneNames[genes[r]!]! : null,
      carriers: carriers[r]!,
      alleleCount: acs[r]!,
    };
  };
  const chromList = [...chroms.entries()];
  const chromOf = (r: number): string => chromList.find(([, s]) => r >= s.from && r < s.to)![0];

  /** First row in [from, to) whose start0 ≥ value. */
  const lowerBound = (from: number, to: number, value: number): number => {
    let lo = from;
    let hi = to;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid]! < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  return {
    size: n,
    alleleNumber: 2 * Number(persons?.n ?? 0),
    lookup(match) {
      const slice = match.chrom === undefined ? undefined : chroms.get(match.chrom);
      if (!slice) return [];
      // A variant reaching endMin starts at least maxSpan before it.
      const lowest = Math.max(match.startMin, match.endMin - slice.maxSpan);
      const first = lowerBound(slice.from, slice.to, Math.max(0, lowest));
      const stop = lowerBound(first, slice.to, Math.min(match.startMax, 2 ** 32 - 2) + 1);
      const out: number[] = [];
      for (let r = first; r < stop; r++) {
        // Cheap checks on the typed arrays before the alleles are decoded.
        const end0 = starts[r]! + refLen[r]!;
        if (end0 < match.endMin || end0 > match.endMax) continue;
        if (matchesVariant(match, variant(r))) out.push(r);
      }
      return out;
    },
    variant,
  };
}
