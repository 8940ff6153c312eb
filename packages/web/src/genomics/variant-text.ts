/**
 * How a read variant box is echoed under it: the 1-based input and the 0-based Beacon coordinates it
 * becomes, so the conversion is visible, not guessed (issue 5 §1: positions in Beacon's convention).
 * Pure.
 */
import { fmt, formatNumber } from '../i18n/format';
import { genomicsText as t } from './strings';
import type { VariantInput } from './variant-input';

/** One line describing what will be sent. */
export function variantText(input: VariantInput): string {
  switch (input.kind) {
    case 'allele':
      return fmt(t.variant.allele, {
        chrom: input.referenceName,
        pos: formatNumber(input.position),
        ref: input.referenceBases,
        alt: input.alternateBases,
        start0: String(input.start0),
      });
    case 'range':
      return fmt(t.variant.range, {
        chrom: input.referenceName,
        from: formatNumber(input.from),
        to: formatNumber(input.to),
        start0: String(input.start0),
        end0: String(input.end0),
      });
    case 'gene':
      return fmt(t.variant.gene, { gene: input.geneId });
  }
}
