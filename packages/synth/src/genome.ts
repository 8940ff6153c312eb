/**
 * The genomic panel: real GRCh38 positions of BRCA1/BRCA2 founder pathogenic variants, CFTR
 * F508del and common SNPs, with European allele frequencies (gnomAD non-Finnish European and
 * Finnish where they differ markedly). Genotypes follow Hardy-Weinberg, except where a person's
 * carrier status or disease fixes them, so BRCA carriers are enriched among breast cancer cases
 * and cystic fibrosis cases carry F508del.
 */
import type { Rng } from './random';

/** One VCF record of the panel. */
export interface PanelVariant {
  chrom: string;
  pos: number;
  id: string;
  ref: string;
  alt: string;
  gene: string;
  /** Alternate allele frequency by country, with a default. */
  af: Readonly<Record<string, number>> & { default: number };
  /** Set for variants whose genotype is fixed by carrier status, not drawn. */
  role?: 'brca1_185delAG' | 'brca1_5382insC' | 'brca2_6174delT' | 'cftr_f508del' | 'tcf7l2';
}

/** GRCh38 contig lengths for the VCF header. */
export const CONTIG_LENGTHS: Readonly<Record<string, number>> = {
  chr1: 248956422,
  chr2: 242193529,
  chr6: 170805979,
  chr7: 159345973,
  chr10: 133797422,
  chr13: 114364328,
  chr15: 101991189,
  chr17: 83257441,
  chr19: 58617616,
};

/** The panel, sorted by chromosome and position as VCF requires. */
export const PANEL: readonly PanelVariant[] = [
  {
    chrom: 'chr1',
    pos: 11796321,
    id: 'rs1801133',
    ref: 'G',
    alt: 'A',
    gene: 'MTHFR',
    af: { default: 0.34, FI: 0.25, ES: 0.38 },
  },
  {
    chrom: 'chr1',
    pos: 169549811,
    id: 'rs6025',
    ref: 'C',
    alt: 'T',
    gene: 'F5',
    af: { default: 0.02, FI: 0.02, ES: 0.015 },
  },
  {
    chrom: 'chr2',
    pos: 135851076,
    id: 'rs4988235',
    ref: 'G',
    alt: 'A',
    gene: 'LCT',
    af: { default: 0.55, FI: 0.58, ES: 0.38, IT: 0.3 },
  },
  {
    chrom: 'chr6',
    pos: 26092913,
    id: 'rs1800562',
    ref: 'G',
    alt: 'A',
    gene: 'HFE',
    af: { default: 0.05, FI: 0.04, ES: 0.03, IT: 0.02 },
  },
  {
    chrom: 'chr7',
    pos: 117559590,
    id: 'rs113993960',
    ref: 'ATCT',
    alt: 'A',
    gene: 'CFTR',
    af: { default: 0.012, FI: 0.002 },
    role: 'cftr_f508del',
  },
  {
    chrom: 'chr10',
    pos: 112998590,
    id: 'rs7903146',
    ref: 'C',
    alt: 'T',
    gene: 'TCF7L2',
    af: { default: 0.3, FI: 0.2 },
    role: 'tcf7l2',
  },
  {
    chrom: 'chr13',
    pos: 32340300,
    id: 'rs80359550',
    ref: 'GT',
    alt: 'G',
    gene: 'BRCA2',
    af: { default: 0 },
    role: 'brca2_6174delT',
  },
  {
    chrom: 'chr15',
    pos: 28120472,
    id: 'rs12913832',
    ref: 'A',
    alt: 'G',
    gene: 'HERC2',
    af: { default: 0.7, FI: 0.85, ES: 0.35, IT: 0.4 },
  },
  {
    chrom: 'chr17',
    pos: 43057062,
    id: 'rs80357906',
    ref: 'T',
    alt: 'TG',
    gene: 'BRCA1',
    af: { default: 0 },
    role: 'brca1_5382insC',
  },
  {
    chrom: 'chr17',
    pos: 43124027,
    id: 'rs80357914',
    ref: 'ACT',
    alt: 'A',
    gene: 'BRCA1',
    af: { default: 0 },
    role: 'brca1_185delAG',
  },
  {
    chrom: 'chr19',
    pos: 44908684,
    id: 'rs429358',
    ref: 'T',
    alt: 'C',
    gene: 'APOE',
    af: { default: 0.14, FI: 0.2 },
  },
  {
    chrom: 'chr19',
    pos: 44908822,
    id: 'rs7412',
    ref: 'C',
    alt: 'T',
    gene: 'APOE',
    af: { default: 0.08, FI: 0.05 },
  },
];

/** Germline carrier status that drives disease risk and fixes panel genotypes. */
export interface Germline {
  brca1?: '185delAG' | '5382insC';
  brca2: boolean;
  /** Count of TCF7L2 rs7903146 T alleles (type 2 diabetes risk allele). */
  tcf7l2: number;
  /** Count of CFTR F508del alleles in a person without cystic fibrosis (0 or 1). */
  f508del: number;
}

/** Draws BRCA1/BRCA2 carrier status (≈1 in 400 and 1 in 330) and risk alleles. */
export function drawGermline(rng: Rng, country: string): Germline {
  const u = rng.next();
  const brca1 = u < 0.0015 ? '185delAG' : u < 0.0025 ? '5382insC' : undefined;
  const brca2 = rng.chance(0.003);
  const tcf = PANEL[5] as PanelVariant;
  const cftr = PANEL[4] as PanelVariant;
  const tcf7l2 = alleles(rng, afOf(tcf, country));
  const f508del = Math.min(1, alleles(rng, afOf(cftr, country)));
  return { ...(brca1 ? { brca1 } : {}), brca2, tcf7l2, f508del };
}

/** Alternate allele frequency of a panel variant in a country. */
export function afOf(v: PanelVariant, country: string): number {
  return v.af[country] ?? v.af.default;
}

/** Genotypes (alternate allele counts) over the whole panel for a sequenced person. */
export function drawGenotypes(rng: Rng, country: string, g: Germline, cysticFibrosis: boolean): Uint8Array {
  const out = new Uint8Array(PANEL.length);
  PANEL.forEach((v, i) => {
    switch (v.role) {
      case 'brca1_185delAG':
        out[i] = g.brca1 === '185delAG' ? 1 : 0;
        break;
      case 'brca1_5382insC':
        out[i] = g.brca1 === '5382insC' ? 1 : 0;
        break;
      case 'brca2_6174delT':
        out[i] = g.brca2 ? 1 : 0;
        break;
      case 'cftr_f508del':
        // F508del is ~70 % of CF alleles in Europe: about half of patients are homozygous.
        out[i] = cysticFibrosis ? (rng.chance(0.5) ? 2 : 1) : g.f508del;
        break;
      case 'tcf7l2':
        out[i] = g.tcf7l2;
        break;
      default:
        out[i] = alleles(rng, afOf(v, country));
    }
  });
  return out;
}

function alleles(rng: Rng, af: number): number {
  return (rng.next() < af ? 1 : 0) + (rng.next() < af ? 1 : 0);
}
