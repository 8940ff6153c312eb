import { describe, expect, it } from 'vitest';
import { decideGpuBudget, gpuHoursUsed, MemoryGpuLedger, reserveGpuHours } from './gpu-hours';

describe('GPU hours', () => {
  it('counts GPUs × elapsed wall time', () => {
    expect(gpuHoursUsed(2, 1000, 1000 + 5400)).toBe(3);
    expect(gpuHoursUsed(0, 0, 3600)).toBe(0);
    expect(gpuHoursUsed(4, 100, 50)).toBe(0);
  });

  it('allows a job whose worst case fits what is left, and refuses one that does not', () => {
    const base = { permitId: 'P-1', grantedHours: 10, usedHours: 8 };
    expect(decideGpuBudget({ ...base, gpus: 2, timeSeconds: 3600 })).toEqual({
      allowed: true,
      reserve: 2,
      remaining: 0,
    });
    const refused = decideGpuBudget({ ...base, gpus: 2, timeSeconds: 3601 });
    expect(refused.allowed).toBe(false);
    expect(refused.reason).toContain('2 GPU hours left of 10');
    expect(decideGpuBudget({ ...base, usedHours: 12, gpus: 0, timeSeconds: 99999 }).allowed).toBe(true);
  });

  it('reserves at submission so two jobs cannot together overrun the grant, then settles to actual use', async () => {
    const ledger = new MemoryGpuLedger({ 'P-1': 1 });
    const job = (id: string) => ({ id, permitId: 'P-1', limits: { gpus: 1, timeSeconds: 1800 } });
    await reserveGpuHours(ledger, job('a'));
    await reserveGpuHours(ledger, job('b'));
    await expect(reserveGpuHours(ledger, job('c'))).rejects.toMatchObject({ kind: 'forbidden' });
    await ledger.settle('P-1', 'a', 0.1);
    expect(await ledger.usedHours('P-1')).toBeCloseTo(0.6, 9);
    await reserveGpuHours(ledger, { id: 'd', permitId: 'P-1', limits: { gpus: 1, timeSeconds: 1440 } });
    expect(await ledger.usedHours('P-1')).toBeCloseTo(1, 9);
  });
});
