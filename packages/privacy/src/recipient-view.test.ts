import { describe, expect, it } from 'vitest';
import { SdcRecord } from '@openehds/core';
import { recipientView } from './recipient-view';
import { releaseTable } from './tables';
import { rejectClientRandomness } from './client-input';
import { publicContext } from './testing';

describe('recipientView', () => {
  it('does not tell the data user which cells are small and which are complements', () => {
    const out = releaseTable(
      {
        rows: ['a', 'b'],
        columns: ['x', 'y', 'z'],
        cells: [
          [{ count: 120 }, { count: 4 }, { count: 60 }],
          [{ count: 88 }, { count: 61 }, { count: 37 }],
        ],
      },
      publicContext('registered'),
    );
    expect(out.record.rules.some((r) => r.rule === 'secondary' && r.outcome === 'suppressed')).toBe(true);
    const view = recipientView(out.record);
    expect(SdcRecord.parse(view)).toEqual(view);
    const hiding = view.rules.filter((r) =>
      ['threshold', 'zeros', 'secondary', 'dominance-nk', 'p-ratio'].includes(r.rule),
    );
    expect(hiding.filter((r) => r.target !== '$')).toEqual([]);
    const suppressed = view.rules.filter((r) => r.rule === 'suppression').map((r) => r.target);
    const nulls = out.cells.flatMap((row, i) => row.flatMap((v, j) => (v === null ? [`r${i}:c${j}`] : [])));
    for (const t of nulls) expect(suppressed).toContain(t);
    expect(view.outputHash).toBe(out.record.outputHash);
  });
});

describe('rejectClientRandomness', () => {
  it('refuses a request that supplies a seed or noise anywhere, naming the field', () => {
    expect(() => rejectClientRandomness({ cohort: { id: 'c1' }, options: { seed: 42 } })).toThrow(
      /randomness/,
    );
    try {
      rejectClientRandomness({ stats: [{ noiseVector: [0, 0] }] });
    } catch (e) {
      expect((e as { issues: { path: string }[] }).issues[0]!.path).toBe('stats[0].noiseVector');
    }
    expect(() => rejectClientRandomness({ cohort: { id: 'c1' }, formula: 'y ~ x' })).not.toThrow();
  });
});
