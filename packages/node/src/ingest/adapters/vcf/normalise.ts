/**
 * Allele normalisation and positions. Variants are stored in Beacon v2's 0-based convention
 * (`start0 = POS - 1`, as in the `variant` DDL) with VCF-style alleles: the shared suffix, then the
 * shared prefix, of REF and ALT is trimmed while both keep at least one base (the indel anchor base),
 * and the position moves right by the prefix trimmed. This is parsimony, not left-alignment: shifting
 * an indel through a repeat needs the reference genome, which a node does not ship.
 */

/** A biallelic variant at a 1-based VCF position. */
export interface Allele {
  pos: number;
  ref: string;
  alt: string;
}

/** Variant classes we assign (Beacon `variantType` vocabulary). */
export type VariantType = 'SNP' | 'MNP' | 'INS' | 'DEL' | 'INDEL' | 'SV';

/** Trims the shared suffix then prefix of REF/ALT, keeping one anchor base; moves POS accordingly. */
export function trimAlleles({ pos, ref, alt }: Allele): Allele {
  let r = ref.toUpperCase();
  let a = alt.toUpperCase();
  while (r.length > 1 && a.length > 1 && r[r.length - 1] === a[a.length - 1]) {
    r = r.slice(0, -1);
    a = a.slice(0, -1);
  }
  let p = pos;
  while (r.length > 1 && a.length > 1 && r[0] === a[0]) {
    r = r.slice(1);
    a = a.slice(1);
    p++;
  }
  return { pos: p, ref: r, alt: a };
}

/** The 0-based start of a 1-based VCF position (Beacon v2 / GA4GH VRS interbase convention). */
export function toStart0(pos: number): number {
  return pos - 1;
}

/** Classifies a trimmed allele pair. */
export function variantType(ref: string, alt: string): VariantType {
  if (alt.startsWith('<') || /[[\]]/.test(alt)) return 'SV';
  if (ref.length === alt.length) return ref.length === 1 ? 'SNP' : 'MNP';
  if (ref.length === 1 && alt.startsWith(ref)) return 'INS';
  if (alt.length === 1 && ref.startsWith(alt)) return 'DEL';
  return 'INDEL';
}

/**
 * Chromosome names without the UCSC `chr` prefix (`chr22` → `22`, `chrM` → `MT`), so GRCh and UCSC
 * spellings of one variant get one `variant_id`; a Beacon query must normalise its `referenceName` alike.
 */
export function normaliseChrom(chrom: string): string {
  const bare = chrom.replace(/^chr/i, '');
  return bare === 'M' ? 'MT' : bare;
}
