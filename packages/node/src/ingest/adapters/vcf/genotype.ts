/**
 * GT (VCF 4.3 §1.6.2) re-coded for one ALT allele of a split multi-allelic record. As `bcftools norm
 * -m-` does, the allele kept becomes `1` and every other ALT becomes `0`; phasing separators are kept.
 */

/** Zygosity of a sample for one ALT allele (GENO terms: heterozygous, homozygous, hemizygous). */
export type Zygosity = 'heterozygous' | 'homozygous' | 'hemizygous';

/** A parsed GT: allele indices (null = missing) and the separators between them. */
export interface ParsedGt {
  alleles: (number | null)[];
  separators: string[];
}

/** Parses a GT string (`0/1`, `1|0`, `./.`, `1`, `0/2`); undefined if malformed. */
export function parseGt(gt: string): ParsedGt | undefined {
  const alleles: (number | null)[] = [];
  const separators: string[] = [];
  let start = 0;
  for (let i = 0; i <= gt.length; i++) {
    const c = gt[i];
    if (i === gt.length || c === '/' || c === '|') {
      const token = gt.slice(start, i);
      if (token === '.') alleles.push(null);
      else if (/^\d+$/.test(token)) alleles.push(Number(token));
      else return undefined;
      if (i < gt.length) separators.push(c!);
      start = i + 1;
    }
  }
  return { alleles, separators };
}

/** The highest allele index a GT mentions (for range checks against the ALT count). */
export function maxAllele(gt: ParsedGt): number {
  return gt.alleles.reduce<number>((m, a) => (a !== null && a > m ? a : m), 0);
}

/**
 * Re-codes a GT for ALT number `altNumber` (1-based, as in GT). Undefined when the sample does not
 * carry that allele, so reference-only and missing calls produce no genotype row.
 */
export function genotypeForAllele(
  gt: ParsedGt,
  altNumber: number,
): { gt: string; zygosity: Zygosity | null } | undefined {
  let copies = 0;
  let missing = 0;
  const recoded = gt.alleles.map((a) => {
    if (a === null) {
      missing++;
      return '.';
    }
    if (a === altNumber) {
      copies++;
      return '1';
    }
    return '0';
  });
  if (copies === 0) return undefined;
  let text = recoded[0]!;
  for (let i = 1; i < recoded.length; i++) text += gt.separators[i - 1]! + recoded[i]!;
  const ploidy = gt.alleles.length;
  let zygosity: Zygosity | null;
  if (ploidy === 1) zygosity = 'hemizygous';
  else if (copies === ploidy) zygosity = 'homozygous';
  else zygosity = missing === 0 ? 'heterozygous' : null; // `1/.`: the other allele is unknown
  return { gt: text, zygosity };
}
