/**
 * The allele number (AN) of a variant over the persons an answer may count, as `bcftools +fill-tags
 * -t AN` counts it over those persons' samples: the called alleles at the site. Genotype rows exist
 * for carriers only, so AN comes from each file's sample roster (`variant_sample`) and the variant row's
 * `an_exceptions` (analytics ddl.ts): every roster sample of a counted person adds 2, and each listed
 * sample `index:called` of a counted person adds `called − 2` instead (`./.` −2, `0/.` and a haploid
 * call −1). Ploidy is the file's: X, Y and MT calls count as written (a haploid male X call is 1 allele,
 * a diploid-coded one 2), as bcftools does; nothing is inferred from the chromosome. Pure.
 */

/** A file's roster: the person of each sample column (null = not a person the node knows). */
export type Roster = readonly (number | null)[];

/** One stored row of a variant: the file it came from (`ehds_batch` + `ehds_file`) and its exceptions. */
export interface VariantSource {
  file: string;
  anExceptions: string | null;
}

/** The key of a roster: an ingest run and a file path. */
export function rosterKey(batch: string, file: string): string {
  return `${batch}\n${file}`;
}

/**
 * AN over the persons `counts` accepts, summed over the files holding the variant (a person sequenced in
 * two files holding the site counts in both, as `bcftools merge` would give two samples). Undefined
 * when a file has no roster (rows ingested before rosters were recorded): AN is then not known. Counted
 * roster sizes are memoised per file, so a query over many variants pays for each roster once.
 */
export function alleleNumberOver(
  rosters: ReadonlyMap<string, Roster>,
  counts: (personId: number) => boolean,
): (sources: Iterable<VariantSource>) => number | undefined {
  const base = new Map<string, number>();
  return (sources) => {
    let an = 0;
    for (const { file, anExceptions } of sources) {
      const roster = rosters.get(file);
      if (!roster) return undefined;
      let n = base.get(file);
      if (n === undefined) {
        n = 0;
        for (const p of roster) if (typeof p === 'number' && counts(p)) n++;
        base.set(file, n);
      }
      an += 2 * n;
      if (anExceptions) {
        for (const e of anExceptions.split(',')) {
          const colon = e.indexOf(':');
          const p = roster[Number(e.slice(0, colon))];
          if (typeof p === 'number' && counts(p)) an += Number(e.slice(colon + 1)) - 2;
        }
      }
    }
    return an;
  };
}
