import { describe, expect, it } from 'vitest';
import { normaliseChrom, toStart0, trimAlleles, variantType } from './normalise';

describe('VCF positions and normalisation', () => {
  it('stores VCF POS 1-based as start0 = POS - 1 (Beacon v2 convention)', () => {
    expect(toStart0(1)).toBe(0);
    expect(toStart0(10516173)).toBe(10516172);
  });

  it('leaves SNVs and anchored indels alone', () => {
    expect(trimAlleles({ pos: 100, ref: 'A', alt: 'G' })).toEqual({ pos: 100, ref: 'A', alt: 'G' });
    expect(trimAlleles({ pos: 100, ref: 'GA', alt: 'G' })).toEqual({ pos: 100, ref: 'GA', alt: 'G' });
    expect(trimAlleles({ pos: 100, ref: 'G', alt: 'GATGAA' })).toEqual({ pos: 100, ref: 'G', alt: 'GATGAA' });
  });

  it('trims the shared suffix, then the shared prefix, moving the position right', () => {
    // From a split multi-allelic GAA -> GA,G: the first ALT is a one-base deletion.
    expect(trimAlleles({ pos: 100, ref: 'GAA', alt: 'GA' })).toEqual({ pos: 100, ref: 'GA', alt: 'G' });
    // An MNV padded on both sides: CATG -> CGCG keeps AT -> GC at POS + 1.
    expect(trimAlleles({ pos: 100, ref: 'CATG', alt: 'CGCG' })).toEqual({ pos: 101, ref: 'AT', alt: 'GC' });
    // A SNV written with context: TCA -> TGA is C -> G at POS + 1.
    expect(trimAlleles({ pos: 100, ref: 'tca', alt: 'tga' })).toEqual({ pos: 101, ref: 'C', alt: 'G' });
    // An insertion written with trailing context keeps one anchor base.
    expect(trimAlleles({ pos: 100, ref: 'AC', alt: 'ATTC' })).toEqual({ pos: 100, ref: 'A', alt: 'ATT' });
  });

  it('classifies variants', () => {
    expect(variantType('A', 'G')).toBe('SNP');
    expect(variantType('AT', 'GC')).toBe('MNP');
    expect(variantType('A', 'ATT')).toBe('INS');
    expect(variantType('GA', 'G')).toBe('DEL');
    expect(variantType('AT', 'GCC')).toBe('INDEL');
    expect(variantType('A', '<DEL>')).toBe('SV');
  });

  it('drops the UCSC chr prefix', () => {
    expect(normaliseChrom('chr22')).toBe('22');
    expect(normaliseChrom('22')).toBe('22');
    expect(normaliseChrom('chrM')).toBe('MT');
    expect(normaliseChrom('chrX')).toBe('X');
  });
});
