/**
 * A variant as the node stores it (`variant` DDL): chromosome without `chr` (`chrM` → `MT`), Beacon's
 * 0-based start (`start0 = POS - 1`) and parsimonious alleles (shared suffix, then prefix, trimmed while
 * both keep one base). Mirrors the VCF adapter's `normalise.ts` in @openehds/node, which this package
 * cannot import (node depends on analytics); a test pins the two to the same examples. Pure.
 */
export interface VariantKey {
  chrom: string;
  start0?: number;
  ref?: string;
  alt?: string;
}

export function normaliseChrom(chrom: string): string {
  const bare = chrom.replace(/^chr/i, '').toUpperCase();
  return bare === 'M' ? 'MT' : bare;
}

/** The stored key of a queried variant; `pos` is the 1-based VCF position. */
export function variantKey(v: { chrom: string; pos?: number; ref?: string; alt?: string }): VariantKey {
  const chrom = normaliseChrom(v.chrom);
  if (v.pos === undefined) return { chrom };
  if (v.ref === undefined || v.alt === undefined) {
    return { chrom, start0: v.pos - 1, ref: v.ref?.toUpperCase(), alt: v.alt?.toUpperCase() };
  }
  let r = v.ref.toUpperCase();
  let a = v.alt.toUpperCase();
  while (r.length > 1 && a.length > 1 && r[r.length - 1] === a[a.length - 1]) {
    r = r.slice(0, -1);
    a = a.slice(0, -1);
  }
  let pos = v.pos;
  while (r.length > 1 && a.length > 1 && r[0] === a[0]) {
    r = r.slice(1);
    a = a.slice(1);
    pos++;
  }
  return { chrom, start0: pos - 1, ref: r, alt: a };
}
