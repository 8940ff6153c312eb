import type { MappedRow } from '../../types';
import { canonicalAssembly } from '../vcf/header';
import { variantId } from '../vcf/map-record';
import { normaliseChrom, toStart0, trimAlleles, variantType } from '../vcf/normalise';
import type { Zygosity } from '../vcf/genotype';
import type { OntologyClass, Phenopacket } from './model';
import type { PacketContext } from './map-clinical';

/**
 * Genomic interpretations whose variation descriptor carries a VCF record (chrom, pos, ref, alt) →
 * a `variant` row, normalised exactly as the VCF adapter does so both formats give one `variant_id`;
 * and a `genotype` row for the subject when the allelic state (zygosity) is given.
 */

/** GENO allelic states (Phenopackets v2 `VariationDescriptor.allelic_state`). */
const ZYGOSITY: Record<string, Zygosity> = {
  'GENO:0000135': 'heterozygous',
  'GENO:0000136': 'homozygous',
  'GENO:0000134': 'hemizygous',
};
const GT: Record<Zygosity, string> = { heterozygous: '0/1', homozygous: '1/1', hemizygous: '1' };

function zygosityOf(state: OntologyClass | undefined): Zygosity | undefined {
  if (!state) return undefined;
  return (
    ZYGOSITY[state.id] ??
    (Object.values(ZYGOSITY).find((z) => state.label?.toLowerCase() === z) as Zygosity | undefined)
  );
}

/** Variant and genotype rows of a phenopacket's interpretations. */
export function mapVariants(p: Phenopacket, ctx: PacketContext): MappedRow[] {
  const rows: MappedRow[] = [];
  (p.interpretations ?? []).forEach((it, i) => {
    it.diagnosis?.genomicInterpretations?.forEach((gi, j) => {
      const vi = gi.variantInterpretation;
      const vd = vi?.variationDescriptor;
      const vcf = vd?.vcfRecord;
      if (!vcf?.chrom || vcf.pos === undefined || !vcf.ref || !vcf.alt) return;
      const path = `interpretations[${i}].diagnosis.genomicInterpretations[${j}].variantInterpretation.variationDescriptor.vcfRecord`;
      const pos = Number(vcf.pos);
      if (!/^[ACGTN]+$/i.test(vcf.ref) || !/^[ACGTN]+$/i.test(vcf.alt) || pos < 1) {
        ctx.issues.push(`${path}: ref/alt must be DNA sequences and pos a 1-based position`);
        return;
      }
      const assembly =
        (vcf.genomeAssembly && (canonicalAssembly(vcf.genomeAssembly) ?? vcf.genomeAssembly)) || 'GRCh38';
      const chrom = normaliseChrom(vcf.chrom);
      const a = trimAlleles({ pos, ref: vcf.ref, alt: vcf.alt });
      const start0 = toStart0(a.pos);
      const variant_id = variantId(assembly, chrom, start0, a.ref, a.alt);
      const info = {
        source: 'phenopacket',
        interpretationStatus: gi.interpretationStatus ?? null,
        acmgPathogenicityClassification: vi?.acmgPathogenicityClassification ?? null,
        expressions: vd?.expressions ?? [],
      };
      rows.push({
        table: 'variant',
        row: {
          variant_id,
          assembly,
          chrom,
          start0,
          ref: a.ref,
          alt: a.alt,
          variant_type: variantType(a.ref, a.alt),
          gene: vd?.geneContext?.symbol ?? null,
          info: JSON.stringify(info),
        },
      });
      const zygosity = zygosityOf(vd?.allelicState);
      if (zygosity)
        rows.push({
          table: 'genotype',
          row: { variant_id, gt: GT[zygosity], zygosity },
          personRef: ctx.personRef,
        });
    });
  });
  return rows;
}
