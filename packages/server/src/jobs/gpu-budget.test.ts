import { describe, expect, it } from 'vitest';
import { decideGpuHours, reservedGpuHours, usedGpuHours } from './gpu-budget';

describe('GPU hours against the permit', () => {
  it('reserves GPUs × time limit and settles to GPUs × elapsed, never above the reservation', () => {
    expect(reservedGpuHours(2, 5400)).toBe(3);
    expect(reservedGpuHours(0, 5400)).toBe(0);
    expect(usedGpuHours(2, '2030-01-01T00:00:00Z', '2030-01-01T00:30:00Z', 3)).toBe(1);
    expect(usedGpuHours(2, '2030-01-01T00:00:00Z', '2030-01-01T09:00:00Z', 3)).toBe(3);
    expect(usedGpuHours(2, null, '2030-01-01T00:30:00Z', 3)).toBe(0);
  });

  it('refuses a job that would exceed what is left, and says how to fix it', () => {
    const ok = decideGpuHours({ permitId: 'P', grantedHours: 4, spentHours: 1, gpus: 2, timeSeconds: 5400 });
    expect(ok).toEqual({ allowed: true, reserve: 3, remaining: 0 });
    const no = decideGpuHours({
      permitId: 'P',
      grantedHours: 4,
      spentHours: 1.5,
      gpus: 2,
      timeSeconds: 5400,
    });
    expect(no).toMatchObject({ allowed: false, remaining: 2.5 });
    expect(no.allowed ? '' : no.reason).toMatch(/2\.5 GPU hours left of 4 granted.*amend the permit/);
    // A CPU job never touches the budget, even when none is granted.
    expect(
      decideGpuHours({ permitId: 'P', grantedHours: 0, spentHours: 0, gpus: 0, timeSeconds: 60 }),
    ).toEqual({
      allowed: true,
      reserve: 0,
      remaining: 0,
    });
  });
});
