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
 * Each row also holds the variant's counted carriers, alternate allele count (AC) and allele number
 * (AN, allele-number.ts: from the files' sample rosters, so persons homozygous for the reference count),
 * computed when the index is built with the persons opted out at that moment excluded (opted-out.ts)
 * and unlinked samples left out (they are nobody the node can check): each file's counted roster is
 * counted once per build, and a lookup reads AN from a typed array. A variant with no counted carrier
 * is not indexed: for the Beacon it is not in the dataset. So the index is a snapshot:
 * `refreshBeaconIndex` must be called after an ingest batch commits, after an opt-out sync, and after
 * samples are linked to persons; it is then rebuilt in the background while queries read the store
 * (refresh.ts). About 34 bytes a variant with AN (twice that while a rebuild overlaps the old one).
 */
export interface VariantIndex {
  /** Rows indexed. */
  readonly size: number;
  /** Rows of the variants matching a positional rule (`match.chrom` set), in position order. */
  lookup(match: VariantMatch): number[];
  variant(row: number): IndexedVariant;
}

/** One indexed variant with its counted carriers and alternate allele count. */
export interface IndexedVariant extends MatchableVariant {
  variantId: number;
  carriers: number;
  alleleCount: number;
  /** Called alleles of counted persons at the site; undefined when a file of it has no roster. */
  alleleNumber: number | undefined;
}

const TYPES = ['SNP', 'MNP', 'INS', 'DEL', 'INDEL', 'SV'];

/** A stored `variant_type` as the index keeps it (a type it does not know is none). */
export function indexedType(type: string | null): string | null {
  return type !== null && TYPES.includes(type) ? type : null;
}

/**
 * SQL of each variant with its counted carriers (linked persons not in `excludedTable`), their
 * alternate allele copies (the alleles `1` in the re-coded GT, e.g. 2 for `1/1`) and the allele number
 * over the counted persons (allele-number.ts, the same rule in SQL; -1 when a file of the variant has no
 * roster). `$1` is the assembly, `extraWhere` restricts variant rows further; the genotypes read are
 * then only theirs (a semi-join, so DuckDB prunes the genotype scan: a position-restricted query takes
 * ~10 ms on 2M variants where the unrestricted aggregation takes seconds — the fresh path, state.ts).
 */
export function countedVariantsSql(excludedTable: string, extraWhere = ''): string {
  const counted = (col: string) =>
    `${col} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${excludedTable} x WHERE x.person_id = ${col})`;
  const onlyMatched = extraWhere ? 'g.variant_id IN (SELECT variant_id FROM vr) AND ' : '';
  return `WITH vr AS (SELECT * FROM variant WHERE assembly = $1 ${extraWhere}),
    g AS (
      SELECT g.variant_id, g.person_id, max(length(g.gt) - length(replace(g.gt, '1', ''))) AS copies
      FROM genotype g
      WHERE ${onlyMatched}${counted('g.person_id')}
      GROUP BY g.variant_id, g.person_id),
    c AS (SELECT variant_id, count(*) AS carriers, sum(copies) AS ac FROM g GROUP BY variant_id),
    f AS (SELECT ehds_batch, ehds_file, count(*) FILTER (WHERE ${counted('s.person_id')}) AS n
          FROM variant_sample s GROUP BY ehds_batch, ehds_file),
    e AS (SELECT u.variant_id, sum(CAST(split_part(u.e, ':', 2) AS INTEGER) - 2) AS d
          FROM (SELECT variant_id, ehds_batch, ehds_file, unnest(string_split(an_exceptions, ',')) AS e
                FROM vr WHERE an_exceptions IS NOT NULL) u
          JOIN variant_sample s ON s.ehds_batch = u.ehds_batch AND s.ehds_file = u.ehds_file
            AND s.idx = CAST(split_part(u.e, ':', 1) AS INTEGER)
          WHERE ${counted('s.person_id')}
          GROUP BY u.variant_id),
    v AS (SELECT vr.variant_id, any_value(vr.chrom) AS chrom, any_value(vr.start0) AS start0,
            any_value(vr.ref) AS ref, any_value(vr.alt) AS alt, any_value(vr.variant_type) AS variant_type,
            any_value(vr.gene) AS gene, sum(2 * f.n) AS an_base, bool_or(f.n IS NULL) AS no_roster
          FROM vr LEFT JOIN f ON f.ehds_batch = vr.ehds_batch AND f.ehds_file = vr.ehds_file
          GROUP BY vr.variant_id)
    SELECT CAST(v.variant_id AS DOUBLE) AS variant_id, v.chrom, CAST(v.start0 AS DOUBLE) AS start0, v.ref, v.alt,
      v.variant_type, v.gene, CAST(c.carriers AS INTEGER) AS carriers, CAST(c.ac AS INTEGER) AS ac,
      CAST(CASE WHEN v.no_roster THEN -1 ELSE v.an_base + coalesce(e.d, 0) END AS INTEGER) AS an
    FROM v JOIN c ON c.variant_id = v.variant_id LEFT JOIN e ON e.variant_id = v.variant_id`;
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
  const ans = new Int32Array(n);
  const alleles = Buffer.alloc(Number(stats?.bases ?? 0));
  const geneNames: string[] = [''];
  const geneIndex = new Map<string, number>();
  const chroms = new Map<string, { from: number; to: number; maxSpan: number }>();

  const result = await store.connection.stream(
    `SELECT variant_id, chrom, start0, ref, alt, variant_type, gene, carriers, ac, an FROM beacon_index_rows
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
      ans[row] = cols[9]![i] as number;
      const slice = chroms.get(chrom);
      if (slice) {
        slice.to = row + 1;
        slice.maxSpan = Math.max(slice.maxSpan, ref.length);
      } else chroms.set(chrom, { from: row, to: row + 1, maxSpan: ref.length });
    }
  }
  alleleAt[row] = offset;
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
      alleleNumber: ans[r]! < 0 ? undefined : ans[r]!,
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
