import type { BcfDictionaries } from './dictionary';
import { BcfFormatError, BT, formatFloat, TypedReader } from './typed';

/**
 * One BCF record (BCF 2.2, VCF 4.3 spec §6.3) decoded to the VCF data line `bcftools view` would print
 * for it, so that the VCF mapping (split, normalisation, genotypes, allele counts) is the one shared
 * code path for both formats. The shared part: CHROM, POS (0-based in BCF), rlen, QUAL, counts, ID,
 * alleles, FILTER, INFO; the individual part: per FORMAT field, one typed vector per sample.
 */

const FLOAT_MISSING = 0x7f800001;

/**
 * Decodes the record whose shared part is `buf[start, start + lShared)` and individual part follows it
 * (`lIndiv` bytes). Throws BcfFormatError naming the field at fault.
 */
export function decodeBcfRecord(
  buf: Buffer,
  start: number,
  lShared: number,
  lIndiv: number,
  dict: BcfDictionaries,
  nSamples: number,
): string {
  const r = new TypedReader(buf, start, start + lShared);
  const chromIdx = r.int32('CHROM');
  const chrom = dict.contigs[chromIdx];
  if (chrom === undefined)
    throw new BcfFormatError(`CHROM index ${chromIdx} is not in the header's contig dictionary`);
  const pos0 = r.int32('POS');
  if (pos0 < 0) throw new BcfFormatError(`POS ${pos0} is negative`);
  r.int32('rlen');
  const qualBits = r.float32Bits('QUAL');
  const qual = qualBits === FLOAT_MISSING ? '.' : formatFloat(buf.readFloatLE(r.pos - 4));
  const nAlleleInfo = r.uint32('n_allele_info');
  const nInfo = nAlleleInfo & 0xffff;
  const nAllele = nAlleleInfo >>> 16;
  const nFmtSample = r.uint32('n_fmt_sample');
  const nSample = nFmtSample & 0xffffff;
  const nFmt = nFmtSample >>> 24;
  if (nSample !== nSamples && !(nFmt === 0 && nSample === 0))
    throw new BcfFormatError(`record has ${nSample} sample(s), the header names ${nSamples}`);
  const id = r.typedString('ID') || '.';
  if (nAllele === 0) throw new BcfFormatError('record has no REF allele');
  const alleles: string[] = [];
  for (let i = 0; i < nAllele; i++) alleles.push(r.typedString(`allele ${i}`));
  const filters = r.typedInts('FILTER').map((k) => {
    const name = dict.strings[k];
    if (name === undefined) throw new BcfFormatError(`FILTER index ${k} is not in the header's dictionary`);
    return name;
  });
  let info = '';
  for (let i = 0; i < nInfo; i++) {
    const k = r.typedInt('INFO key');
    const key = dict.strings[k];
    if (key === undefined) throw new BcfFormatError(`INFO key index ${k} is not in the header's dictionary`);
    const { type, count } = r.descriptor(`INFO ${key}`);
    const value = r.valuesText(type, count, `INFO ${key}`);
    if (info) info += ';';
    info += value === undefined || dict.infoType.get(key) === 'Flag' ? key : `${key}=${value}`;
  }
  if (r.pos !== start + lShared)
    throw new BcfFormatError(`shared part has ${start + lShared - r.pos} byte(s) left over after INFO`);

  let line = `${chrom}\t${pos0 + 1}\t${id}\t${alleles[0]}\t${nAllele > 1 ? alleles.slice(1).join(',') : '.'}\t${qual}\t${filters.length ? filters.join(';') : '.'}\t${info || '.'}`;
  if (nSamples === 0) return line;

  // Individual part: a FORMAT key and one descriptor, then that many values for every sample in turn.
  const f = new TypedReader(buf, start + lShared, start + lShared + lIndiv);
  const keys: string[] = [];
  const cells: string[][] = [];
  for (let i = 0; i < nFmt; i++) {
    const k = f.typedInt('FORMAT key');
    const key = dict.strings[k];
    if (key === undefined)
      throw new BcfFormatError(`FORMAT key index ${k} is not in the header's dictionary`);
    const { type, count } = f.descriptor(`FORMAT ${key}`);
    const values = new Array<string>(nSample);
    if (key === 'GT') {
      if (type < BT.INT8 || type > BT.INT32)
        throw new BcfFormatError(`FORMAT GT has type ${type}, expected an integer type`);
      for (let s = 0; s < nSample; s++) values[s] = f.genotypeText(type, count, 'FORMAT GT');
    } else {
      for (let s = 0; s < nSample; s++) values[s] = f.valuesText(type, count, `FORMAT ${key}`) ?? '.';
    }
    keys.push(key);
    cells.push(values);
  }
  if (f.pos !== start + lShared + lIndiv)
    throw new BcfFormatError(`individual part has ${start + lShared + lIndiv - f.pos} byte(s) left over`);
  line += `\t${keys.length ? keys.join(':') : '.'}`;
  for (let s = 0; s < nSamples; s++) {
    let cell = '';
    for (let i = 0; i < cells.length; i++) cell += (i ? ':' : '') + cells[i]![s]!;
    line += `\t${cell || '.'}`;
  }
  return line;
}
