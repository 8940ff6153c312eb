import { describe, expect, it } from 'vitest';
import { clampStars, qualityText, starGlyphs } from './quality-text';

describe('quality label text', () => {
  it('says the stars and score in words', () => {
    expect(qualityText({ stars: 4 })).toBe('Quality label: 4 of 5 stars');
    expect(qualityText({ stars: 3, score: 71.6 })).toBe('Quality label: 3 of 5 stars, score 72 of 100');
    expect(qualityText(null)).toBe('No quality label');
  });
  it('clamps stars to the 0–5 scale', () => {
    expect(clampStars(7)).toBe(5);
    expect(clampStars(-1)).toBe(0);
    expect(clampStars(Number.NaN)).toBe(0);
    expect(starGlyphs(2)).toBe('★★☆☆☆');
  });
});
