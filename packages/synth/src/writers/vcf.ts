/**
 * VCF 4.2 writer for the genomic sub-cohort: one multi-sample file on GRCh38, samples named by
 * the person identifier. A VCF row spans all samples, so genotypes (one byte per variant per
 * sequenced person) are kept until the end; for a million-person biobank that is ~7 MB.
 */
import { join } from 'node:path';
import { CONTIG_LENGTHS, PANEL } from '../genome';
import type { SynthPatient } from '../patient';
import { openSink } from './sink';
import type { FormatWriter } from './types';

const GT = ['0/0', '0/1', '1/1'] as const;

/** Writes `cohort.vcf` in `dir`; `fileDate` is YYYYMMDD (fixed, so output is reproducible). */
export function vcfWriter(dir: string, gzip: boolean, fileDate: string): FormatWriter {
  const samples: string[] = [];
  const genotypes: Uint8Array[] = [];
  return {
    write(p: SynthPatient) {
      if (!p.genotypes) return;
      samples.push(p.identifier);
      genotypes.push(p.genotypes);
    },
    async finish() {
      const sink = openSink(join(dir, 'cohort.vcf'), gzip);
      const header = [
        '##fileformat=VCFv4.2',
        `##fileDate=${fileDate}`,
        '##source=OpenEHDS-synth',
        '##reference=GRCh38',
        ...Object.entries(CONTIG_LENGTHS).map(
          ([id, length]) => `##contig=<ID=${id},length=${length},assembly=GRCh38>`,
        ),
        '##INFO=<ID=AC,Number=A,Type=Integer,Description="Allele count in genotypes">',
        '##INFO=<ID=AN,Number=1,Type=Integer,Description="Total number of alleles in called genotypes">',
        '##INFO=<ID=AF,Number=A,Type=Float,Description="Allele frequency">',
        '##INFO=<ID=GENE,Number=1,Type=String,Description="HGNC gene symbol">',
        '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
        ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', ...samples].join('\t'),
      ];
      await sink.write(`${header.join('\n')}\n`);
      for (let v = 0; v < PANEL.length; v++) {
        const variant = PANEL[v] as (typeof PANEL)[number];
        let ac = 0;
        const gts: string[] = new Array(samples.length);
        for (let s = 0; s < samples.length; s++) {
          const g = (genotypes[s] as Uint8Array)[v] as 0 | 1 | 2;
          ac += g;
          gts[s] = GT[g];
        }
        const an = samples.length * 2;
        const af = an ? Number((ac / an).toPrecision(4)) : 0;
        const fixed = [
          variant.chrom,
          variant.pos,
          variant.id,
          variant.ref,
          variant.alt,
          '.',
          'PASS',
          `AC=${ac};AN=${an};AF=${af};GENE=${variant.gene}`,
          'GT',
        ];
        const pending = sink.write(`${[...fixed, ...gts].join('\t')}\n`);
        if (pending) await pending;
      }
      await sink.close();
      return [sink.path];
    },
  };
}
