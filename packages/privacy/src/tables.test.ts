import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SdcRecord } from '@openehds/core';
import { releaseTable, type TableInput } from './tables';
import { secondarySuppress } from './secondary';
import { permitContext, policyWith, publicContext } from './testing';

/**
 * Independent check (not the engine's bridge algorithm): is the suppressed cell (ti, tj) of an
 * extended grid (totals in the last row and column) fixed by the published cells? Write each line as
 * an equation over the suppressed cells and test whether the unit vector of the cell lies in the row
 * space of the system: rank([A; e]) == rank(A).
 */
function derivable(hidden: boolean[][], ti: number, tj: number): boolean {
  const R = hidden.length;
  const C = hidden[0]!.length;
  const vars: [number, number][] = [];
  hidden.forEach((row, i) => row.forEach((h, j) => h && vars.push([i, j])));
  const index = new Map(vars.map(([i, j], v) => [`${i},${j}`, v]));
  const eqs: number[][] = [];
  const line = (cells: [number, number][], total: [number, number]) => {
    const eq = new Array<number>(vars.length).fill(0);
    for (const [i, j] of cells) if (hidden[i]![j]) eq[index.get(`${i},${j}`)!] = 1;
    if (hidden[total[0]]![total[1]]) eq[index.get(`${total[0]},${total[1]}`)!] = -1;
    eqs.push(eq);
  };
  if (C > 1)
    for (let i = 0; i < R; i++)
      line(
        Array.from({ length: C - 1 }, (_, j) => [i, j]),
        [i, C - 1],
      );
  if (R > 1)
    for (let j = 0; j < C; j++)
      line(
        Array.from({ length: R - 1 }, (_, i) => [i, j]),
        [R - 1, j],
      );
  const unit = new Array<number>(vars.length).fill(0);
  unit[index.get(`${ti},${tj}`)!] = 1;
  return rank([...eqs, unit]) === rank(eqs);
}

function rank(m: number[][]): number {
  const a = m.map((r) => [...r]);
  let rk = 0;
  const cols = a[0]?.length ?? 0;
  for (let c = 0; c < cols && rk < a.length; c++) {
    let p = rk;
    for (let r = rk + 1; r < a.length; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r;
    if (Math.abs(a[p]![c]!) < 1e-9) continue;
    [a[rk], a[p]] = [a[p]!, a[rk]!];
    for (let r = 0; r < a.length; r++) {
      if (r === rk) continue;
      const f = a[r]![c]! / a[rk]![c]!;
      for (let k = c; k < cols; k++) a[r]![k]! -= f * a[rk]![k]!;
    }
    rk++;
  }
  return rk;
}

/** Extended grid with totals (2-way: last row and column; 1-way: the one total). */
function extend(counts: number[][]): number[][] {
  const r = counts.length;
  const c = counts[0]!.length;
  const rows = counts.map((row) => (c > 1 ? [...row, row.reduce((s, v) => s + v, 0)] : [...row]));
  if (r > 1) rows.push(rows[0]!.map((_, j) => rows.reduce((s, row) => s + row[j]!, 0)));
  return rows;
}

const countTable = (counts: number[][]): TableInput => ({
  rows: counts.map((_, i) => `row${i}`),
  columns: counts[0]!.map((_, j) => `col${j}`),
  cells: counts.map((row) => row.map((count) => ({ count }))),
});

describe('releaseTable: primary suppression', () => {
  it('suppresses small cells and zeros and releases the rest rounded', () => {
    const out = releaseTable(
      countTable([
        [120, 43, 5],
        [88, 61, 37],
        [0, 52, 71],
      ]),
      publicContext('registered'),
    );
    expect(out.cells[0]![2]).toBeNull();
    expect(out.cells[2]![0]).toBeNull();
    expect(out.cells[1]![1]).toBe(60);
    expect(out.grandTotal).toBe(475); // 477 rounded to 5
    expect(SdcRecord.parse(out.record).outcome).toBe('released');
  });

  it('applies (n,k) dominance and the p-ratio to magnitude cells', () => {
    const many = (n: number, v: number) => Array.from({ length: n }, () => v);
    const table: TableInput = {
      rows: ['A', 'B', 'C'],
      columns: ['cost'],
      statistic: 'sum',
      cells: [
        { count: 12, values: [50_000, ...many(11, 100)] }, // top 2 ≈ 98 %: (2, 0.9) fails
        { count: 12, values: [1000, 900, ...many(10, 9)] }, // rest 90 < 10 % of 1000: p-ratio fails
        { count: 12, values: many(12, 500) },
      ].map((c) => [c]),
    };
    const out = releaseTable(table, permitContext().ctx);
    expect(out.cells.map((r) => r[0])).toEqual([null, null, 6000]);
    const rules = out.record.rules
      .filter((r) => r.outcome === 'suppressed')
      .map((r) => `${r.rule}@${r.target}`);
    expect(rules).toContain('dominance-nk@r0:c0');
    // With (2, 0.9) in force a p-ratio failure at p = 10 % is always an (n,k) failure too, so the
    // p-ratio shows on its own only when the (n,k) rules are off.
    const pOnly = releaseTable(table, permitContext(policyWith({ dominance: { nk: [] } })).ctx);
    const pRules = pOnly.record.rules
      .filter((r) => r.outcome === 'suppressed')
      .map((r) => `${r.rule}@${r.target}`);
    expect(pRules).toContain('p-ratio@r1:c0');
    expect(pOnly.cells.map((r) => r[0])).toEqual([null, null, 6000]);
  });

  it('releases means for a mean table and refuses a magnitude table without the values', () => {
    const out = releaseTable(
      {
        rows: ['x'],
        columns: ['a', 'b'],
        statistic: 'mean',
        cells: [
          [
            { count: 10, values: Array.from({ length: 10 }, (_, i) => i * 10 + 10) },
            { count: 20, values: Array.from({ length: 20 }, (_, i) => 100 + (i % 5)) },
          ],
        ],
      },
      publicContext('registered', policyWith({ dominance: { nk: [], pRatio: 0 } })),
    );
    expect(out.cells[0]![0]).toBe(55);
    expect(() =>
      releaseTable(
        { rows: ['x'], columns: ['a'], statistic: 'sum', cells: [[{ count: 3 }]] },
        publicContext('registered'),
      ),
    ).toThrow(/one value per person/);
  });
});

describe('releaseTable: secondary suppression', () => {
  it('protects a lone small cell: nothing suppressed can be rebuilt from the totals', () => {
    const counts = [
      [120, 43, 5, 60],
      [88, 61, 37, 44],
      [91, 52, 71, 30],
    ];
    const out = releaseTable(
      countTable(counts),
      publicContext('registered', policyWith({ audiences: { registered: { roundTo: 1 } } })),
    );
    expect(out.cells[0]![2]).toBeNull();
    // Without secondary suppression: 5 = row total − the other cells of the row.
    expect(out.rowTotals![0]! - 120 - 43 - 60).toBe(5);
    const hidden = extendedHidden(out);
    for (let i = 0; i < hidden.length; i++)
      for (let j = 0; j < hidden[0]!.length; j++)
        if (hidden[i]![j]) expect(derivable(hidden, i, j)).toBe(false);
    expect(out.record.rules.some((r) => r.rule === 'secondary' && r.outcome === 'suppressed')).toBe(true);
  });

  it('breaks a bridge that the lone-cell rule alone leaves (two 2×2 blocks joined by one cell)', () => {
    // Two suppressed cycles in rows 0–1 / cols 0–1 and rows 2–3 / cols 2–3 joined by cell (1, 2).
    const hidden = Array.from({ length: 5 }, () => new Array<boolean>(5).fill(false));
    for (const [i, j] of [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
      [2, 2],
      [2, 3],
      [3, 2],
      [3, 3],
      [1, 2],
    ] as const)
      hidden[i]![j] = true;
    expect(derivable(hidden, 1, 2)).toBe(true);
    const values = extend([
      [3, 4, 50, 60],
      [2, 5, 4, 70],
      [80, 90, 3, 2],
      [40, 30, 6, 1],
    ]);
    secondarySuppress(values, hidden);
    for (let i = 0; i < 5; i++)
      for (let j = 0; j < 5; j++) if (hidden[i]![j]) expect(derivable(hidden, i, j)).toBe(false);
  });

  it('protects a 1-way frequency table with its grand total', () => {
    const out = releaseTable(countTable([[40], [3], [55], [71]]), publicContext('registered'));
    // 3 is small; 40, the smallest other cell, hides it from the grand total.
    expect(out.cells.map((r) => r[0])).toEqual([null, null, 55, 70]);
    expect(out.grandTotal).toBe(170);
  });

  it('hides a line whose suppressed cells are all zero behind a positive cell', () => {
    const out = releaseTable(
      countTable([
        [0, 40, 50],
        [30, 20, 60],
        [0, 25, 35],
      ]),
      publicContext('registered'),
    );
    // Column 0 hides two zeros; without more the column total 30 would reveal 0 + 0.
    const col0 = out.cells.map((r) => r[0]);
    expect(col0.filter((v) => v === null).length).toBeGreaterThanOrEqual(3);
  });

  it('property: no lone suppressed cell in any line and no suppressed cell derivable from margins', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((r) =>
          fc.integer({ min: 1, max: 5 }).chain((c) =>
            fc.array(
              fc.array(fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 10, max: 200 })), {
                minLength: c,
                maxLength: c,
              }),
              {
                minLength: r,
                maxLength: r,
              },
            ),
          ),
        ),
        (counts) => {
          const out = releaseTable(countTable(counts), publicContext('registered'));
          const hidden = extendedHidden(out);
          const R = hidden.length;
          const C = hidden[0]!.length;
          const lines: boolean[][] = [];
          if (C > 1) for (let i = 0; i < R; i++) lines.push(hidden[i]!);
          if (R > 1) for (let j = 0; j < C; j++) lines.push(hidden.map((row) => row[j]!));
          for (const l of lines) expect(l.filter(Boolean).length).not.toBe(1);
          for (let i = 0; i < R; i++)
            for (let j = 0; j < C; j++) if (hidden[i]![j]) expect(derivable(hidden, i, j)).toBe(false);
          // Primary rule holds for every released cell: never 1..9.
          for (const row of out.cells) for (const v of row) expect(v === null || v >= 10).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('can be switched off by policy, and then a lone cell is derivable (why it is on by default)', () => {
    const out = releaseTable(
      countTable([
        [120, 5],
        [88, 61],
      ]),
      publicContext(
        'registered',
        policyWith({ secondary: { enabled: false }, audiences: { registered: { roundTo: 1 } } }),
      ),
    );
    expect(out.rowTotals![0]! - out.cells[0]![0]!).toBe(5);
  });
});

/** Suppression pattern of the released extended grid, recovered from the record's targets. */
function extendedHidden(out: ReturnType<typeof releaseTable>): boolean[][] {
  const r = out.rows.length;
  const c = out.columns.length;
  const R = r + (r > 1 ? 1 : 0);
  const C = c + (c > 1 ? 1 : 0);
  const hidden = Array.from({ length: R }, () => new Array<boolean>(C).fill(false));
  for (const rule of out.record.rules) {
    if (rule.outcome !== 'suppressed') continue;
    const [a, b] = rule.target.split(':');
    const i = a === 'total' ? R - 1 : Number(a!.slice(1));
    const j = b === 'total' ? C - 1 : Number(b!.slice(1));
    hidden[i]![j] = true;
  }
  // Cross-check against the released values.
  out.cells.forEach((row, i) => row.forEach((v, j) => expect(v === null).toBe(hidden[i]![j])));
  return hidden;
}
