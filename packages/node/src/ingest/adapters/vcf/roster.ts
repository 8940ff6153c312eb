import { readHead, readLineBatches } from '../../io/read-lines';
import { readBcfSamples } from '../bcf/adapter';

/**
 * The sample names of a VCF or BCF file, in their #CHROM column order (VCF 4.3 §1.5), read from its
 * header only; undefined when the file is neither. The ingest records them per file (`variant_sample`)
 * because genotype rows are kept for carriers only: without the roster, a person homozygous for the
 * reference everywhere would not be known as genotyped, and the allele number (AN) would miss them.
 */
export async function readSampleRoster(path: string): Promise<string[] | undefined> {
  const head = await readHead(path, 16);
  if (head.startsWith('BCF\u0002')) return readBcfSamples(path);
  if (!head.startsWith('##fileformat=VCF')) return undefined;
  for await (const { lines } of readLineBatches(path)) {
    for (const text of lines) {
      if (text.startsWith('##')) continue;
      // The first line that is not meta: the column line, or data without one (then no samples).
      return text.startsWith('#CHROM') ? text.split('\t').slice(9) : [];
    }
  }
  return [];
}
