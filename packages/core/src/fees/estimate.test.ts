import { describe, expect, it } from 'vitest';
import { DEFAULT_FEE_SCHEDULE, estimateFees } from './estimate';

describe('fee estimate (Art. 62)', () => {
  const base = {
    kind: 'application' as const,
    hdabName: 'Findata',
    organisationKind: 'biotech_company',
    datasets: 2,
    speMonths: 12,
    gpuHours: 100,
    cpuHours: 0,
    holderCosts: [{ holder: 'Helsinki Biobank', amount: 500, note: 'sample selection' }],
  };

  it('itemises assessment, preparation, SPE, compute and the holders’ costs, paid on to them', () => {
    const e = estimateFees(DEFAULT_FEE_SCHEDULE, base);
    expect(e.lines.map((l) => [l.phase, l.amount, l.payee])).toEqual([
      ['assessment', 800, 'Findata'],
      ['preparation', 2400, 'Findata'],
      ['spe', 3600, 'Findata'],
      ['compute', 250, 'Findata'],
      ['holder', 500, 'Helsinki Biobank'],
    ]);
    expect(e.total).toBe(7550);
    expect(e.reduction).toBeNull();
  });

  it('reduces the HDAB’s own fees for public bodies, never the holders’ costs', () => {
    const e = estimateFees(DEFAULT_FEE_SCHEDULE, { ...base, organisationKind: 'public_body' });
    expect(e.reduction).toEqual({ kind: 'public_body', fraction: 0.5, amount: 3525 });
    expect(e.total).toBe(7550 - 3525);
  });

  it('charges a request for assessment and preparation only', () => {
    const e = estimateFees(DEFAULT_FEE_SCHEDULE, { ...base, kind: 'request', holderCosts: [] });
    expect(e.lines.map((l) => l.phase)).toEqual(['assessment', 'preparation']);
    expect(e.total).toBe(400 + 2400);
  });
});
