import { describe, expect, it } from 'vitest';
import { formatEuro, parseAmount } from './money';

describe('formatEuro', () => {
  it('shows euro with two decimals and thousands separators', () => {
    expect(formatEuro(1250.5)).toBe('€1,250.50');
    expect(formatEuro(0)).toBe('€0.00');
  });
});

describe('parseAmount', () => {
  it('reads amounts with a dot or a decimal comma', () => {
    expect(parseAmount(' 450 ')).toBe(450);
    expect(parseAmount('450,5')).toBe(450.5);
    expect(parseAmount('0')).toBe(0);
  });
  it('refuses negatives, text, empty input and fractions of a cent', () => {
    expect(parseAmount('-1')).toBeNull();
    expect(parseAmount('abc')).toBeNull();
    expect(parseAmount('')).toBeNull();
    expect(parseAmount('1.005')).toBeNull();
    expect(parseAmount('1e3')).toBeNull();
  });
});
