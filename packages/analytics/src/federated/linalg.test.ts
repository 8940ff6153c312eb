import { describe, expect, it } from 'vitest';
import { cholesky, choleskyInverse, choleskySolve } from './linalg';

describe('Cholesky helpers', () => {
  const a = Float64Array.from([4, 2, 0.6, 2, 5, 1.2, 0.6, 1.2, 3]);

  it('solves A·x = b and inverts A', () => {
    const f = cholesky(a, 3);
    if (!f.ok) throw new Error('expected SPD');
    const x = choleskySolve(f, [1, 2, 3]);
    for (let i = 0; i < 3; i++) {
      const ax = a[i * 3]! * x[0]! + a[i * 3 + 1]! * x[1]! + a[i * 3 + 2]! * x[2]!;
      expect(ax).toBeCloseTo([1, 2, 3][i]!, 12);
    }
    const inv = choleskyInverse(f);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += a[i * 3 + k]! * inv[k * 3 + j]!;
        expect(s).toBeCloseTo(i === j ? 1 : 0, 12);
      }
  });

  it('reports every aliased column and what it depends on', () => {
    // Columns: 1, x, 2x+1 (aliased), z, x+z (aliased): XᵀX of five rows.
    const rows = [0, 1, 2, 3, 4].map((i) => {
      const x = i * 1.5;
      const z = (i * 7) % 3;
      return [1, x, 2 * x + 1, z, x + z];
    });
    const p = 5;
    const xtx = new Float64Array(p * p);
    for (const r of rows)
      for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) xtx[i * p + j]! += r[i]! * r[j]!;
    const f = cholesky(xtx, p);
    expect(f.ok).toBe(false);
    if (f.ok) return;
    expect(f.aliased).toEqual([
      { column: 2, dependsOn: [0, 1] },
      { column: 4, dependsOn: [1, 3] },
    ]);
  });
});
