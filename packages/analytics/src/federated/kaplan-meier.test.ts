import { describe, expect, it } from 'vitest';
import { federatedKaplanMeier, kaplanMeier, localRiskTable } from './kaplan-meier';
import { syntheticCohort } from './synthetic';
import { poolColumns } from './test-support';

describe('federated Kaplan–Meier', () => {
  it('matches the textbook product-limit estimate on a small example', () => {
    // times 1,2,2+,3,4,4,5+ (+ = censored): at risk 7,6,4,3,1; S multiplies by 6/7, 5/6, 3/4, 1/3.
    const data = { t: [1, 2, 2, 3, 4, 4, 5], e: [1, 1, 0, 1, 1, 1, 0] };
    const [table] = localRiskTable(data, { time: 't', status: 'e' });
    const curve = kaplanMeier(table!);
    expect(curve.points.map((p) => p.nRisk)).toEqual([7, 6, 4, 3, 1]);
    const expected = [6 / 7, 5 / 6, 3 / 4, 1 / 3, 1].map((_, i, f) =>
      f.slice(0, i + 1).reduce((a, b) => a * b, 1),
    );
    curve.points.forEach((p, i) => expect(p.survival).toBeCloseTo(expected[i]!, 14));
    // Greenwood at t = 2: S²·(1/(7·6) + 1/(6·5))
    const s2 = (6 / 7) * (5 / 6);
    expect(curve.points[1]!.stdErr).toBeCloseTo(s2 * Math.sqrt(1 / 42 + 1 / 30), 14);
    // Once S reaches 0 (last at risk has the event) there is no log-scale interval: null, not NaN.
    const [ends] = localRiskTable({ t: [1, 2], e: [1, 1] }, { time: 't', status: 'e' });
    const last = kaplanMeier(ends!).points[1]!;
    expect([last.survival, last.lower, last.upper, last.stdErr]).toEqual([0, null, null, null]);
    expect(curve.events).toBe(5);
  });

  it('three nodes give exactly the curve of the pooled rows, per group', () => {
    const nodes = [syntheticCohort(500, 41, 0), syntheticCohort(120, 42, 1), syntheticCohort(900, 43, -1)];
    const cols = { time: 'time', status: 'status', group: 'sex' };
    const fed = federatedKaplanMeier(nodes.map((d) => localRiskTable(d, cols)));
    const pooled = federatedKaplanMeier([localRiskTable(poolColumns(nodes), cols)]);
    expect(fed.map((c) => c.group)).toEqual(['female', 'male']);
    expect(fed).toEqual(pooled);
    expect(fed[0]!.n + fed[1]!.n).toBe(1520);
    expect(fed[0]!.points.at(-1)!.survival).toBeLessThan(1);
  });

  it('refuses a status that is not an event indicator', () => {
    expect(() => localRiskTable({ t: [1, 2], e: [1, 2] }, { time: 't', status: 'e' })).toThrow(/status 'e'/);
  });
});
