import { describe, expect, it } from 'vitest';
import { genotypeForAllele, maxAllele, parseGt } from './genotype';

const call = (gt: string, alt: number) => genotypeForAllele(parseGt(gt)!, alt);

describe('genotypes per allele', () => {
  it('parses GT strings and rejects malformed ones', () => {
    expect(parseGt('0|1')).toEqual({ alleles: [0, 1], separators: ['|'] });
    expect(parseGt('./.')).toEqual({ alleles: [null, null], separators: ['/'] });
    expect(parseGt('1')).toEqual({ alleles: [1], separators: [] });
    expect(parseGt('0/x')).toBeUndefined();
    expect(parseGt('')).toBeUndefined();
    expect(maxAllele(parseGt('0/3')!)).toBe(3);
  });

  it('yields rows only for samples carrying the allele, with their zygosity', () => {
    expect(call('0/0', 1)).toBeUndefined();
    expect(call('./.', 1)).toBeUndefined();
    expect(call('0/1', 1)).toEqual({ gt: '0/1', zygosity: 'heterozygous' });
    expect(call('1|0', 1)).toEqual({ gt: '1|0', zygosity: 'heterozygous' });
    expect(call('1/1', 1)).toEqual({ gt: '1/1', zygosity: 'homozygous' });
    expect(call('1', 1)).toEqual({ gt: '1', zygosity: 'hemizygous' });
    expect(call('1/.', 1)).toEqual({ gt: '1/.', zygosity: null });
  });

  it('re-codes multi-allelic calls per allele, other ALTs becoming 0', () => {
    expect(call('1|2', 1)).toEqual({ gt: '1|0', zygosity: 'heterozygous' });
    expect(call('1|2', 2)).toEqual({ gt: '0|1', zygosity: 'heterozygous' });
    expect(call('2/2', 2)).toEqual({ gt: '1/1', zygosity: 'homozygous' });
    expect(call('2/2', 1)).toBeUndefined();
  });
});
