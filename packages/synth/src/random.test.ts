import { describe, expect, it } from 'vitest';
import { createRng, hashSeed } from './random';

describe('seeded PRNG', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const sa = Array.from({ length: 20 }, () => a.next());
    const sb = Array.from({ length: 20 }, () => b.next());
    const sc = Array.from({ length: 20 }, () => c.next());
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
  });

  it('draws uniform, normal and Poisson values with the right moments', () => {
    const rng = createRng(hashSeed(7, 'moments'));
    const n = 50_000;
    let u = 0;
    let z = 0;
    let z2 = 0;
    let k = 0;
    for (let i = 0; i < n; i++) {
      const x = rng.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      u += x;
      const y = rng.normal(10, 2);
      z += y;
      z2 += y * y;
      k += rng.poisson(3);
    }
    expect(u / n).toBeCloseTo(0.5, 2);
    expect(z / n).toBeCloseTo(10, 1);
    expect(Math.sqrt(z2 / n - (z / n) ** 2)).toBeCloseTo(2, 1);
    expect(k / n).toBeCloseTo(3, 1);
  });

  it('makes RFC 4122 version-4 UUIDs', () => {
    const id = createRng(1).uuid();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('hashes seeds above 2^32 and strings into different streams', () => {
    expect(hashSeed(1)).not.toBe(hashSeed(1 + 2 ** 32));
    expect(hashSeed(1, 'FI')).not.toBe(hashSeed(1, 'ES'));
  });
});
