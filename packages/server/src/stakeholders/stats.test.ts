import { describe, expect, it } from 'vitest';
import { matchesFilter } from './filter';
import type { StakeholderOrg } from './model';
import { landscapeStats } from './stats';

const org = (id: string, over: Partial<StakeholderOrg>): StakeholderOrg => ({
  id,
  name: id,
  type: 'biotech',
  country: 'DE',
  ehdsRoles: [],
  aiCapabilities: null,
  interest: 3,
  influence: 3,
  website: null,
  description: null,
  organisationId: null,
  organisationName: null,
  peopleCount: 0,
  createdAt: '',
  updatedAt: '',
  ...over,
});

const orgs = [
  org('a', { ehdsRoles: ['data_user'], peopleCount: 2 }),
  org('b', { type: 'data_holder', country: 'FI', ehdsRoles: ['data_holder', 'trusted_data_holder'] }),
  org('c', { type: 'hdab', country: 'FI', ehdsRoles: ['hdab', 'national_contact_point'], peopleCount: 1 }),
  org('lumi', {
    type: 'ai_factory',
    country: 'FI',
    aiCapabilities: {
      gpus: [{ model: 'AMD MI250X', count: 100 }],
      partitions: ['standard-g', 'small-g'],
      services: ['Slurm', 'Jupyter'],
    },
  }),
  org('leo', {
    type: 'ai_factory',
    country: 'IT',
    aiCapabilities: {
      gpus: [
        { model: 'NVIDIA A100', count: 40 },
        { model: 'AMD MI250X', count: 10 },
      ],
      partitions: ['boost'],
      services: ['Slurm'],
    },
  }),
];
const rels = [
  { fromOrgId: 'b', toOrgId: 'a', kind: 'supplies_data' as const },
  { fromOrgId: 'c', toOrgId: 'b', kind: 'regulates' as const },
  { fromOrgId: 'lumi', toOrgId: 'a', kind: 'provides_compute' as const },
  { fromOrgId: 'gone', toOrgId: 'a', kind: 'funds' as const },
];

describe('landscapeStats', () => {
  it('counts by type, country, EHDS role and relationship kind, and totals AI Factory capacity', () => {
    const s = landscapeStats(orgs, rels);
    expect(s.organisations).toBe(5);
    expect(s.people).toBe(3);
    expect(s.byType.find((t) => t.key === 'ai_factory')!.count).toBe(2);
    expect(s.byType.find((t) => t.key === 'regulator')!.count).toBe(0);
    expect(s.byType).toHaveLength(9);
    expect(s.byCountry).toEqual([
      { key: 'FI', count: 3 },
      { key: 'DE', count: 1 },
      { key: 'IT', count: 1 },
    ]);
    expect(s.byEhdsRole.filter((r) => r.count > 0).map((r) => r.key)).toEqual([
      'data_holder',
      'data_user',
      'hdab',
      'trusted_data_holder',
      'national_contact_point',
    ]);
    // The edge from an organisation outside the set is not counted.
    expect(s.relationships).toBe(3);
    expect(s.relationshipsByKind.find((k) => k.key === 'funds')!.count).toBe(0);
    expect(s.aiFactories).toEqual({
      count: 2,
      gpuTotal: 150,
      gpusByModel: [
        { key: 'AMD MI250X', count: 110 },
        { key: 'NVIDIA A100', count: 40 },
      ],
      partitions: 3,
      services: ['Jupyter', 'Slurm'],
    });
  });

  it('counts only the edges of a filtered view', () => {
    const finnish = orgs.filter((o) => matchesFilter(o, { country: 'FI' }));
    expect(finnish.map((o) => o.id)).toEqual(['b', 'c', 'lumi']);
    expect(landscapeStats(finnish, rels).relationships).toBe(1);
  });
});

describe('matchesFilter', () => {
  it('filters by type, country and text in name or description, case-insensitively', () => {
    const o = org('Helix Bio', { description: 'Oncology AI' });
    expect(matchesFilter(o, {})).toBe(true);
    expect(matchesFilter(o, { type: 'biotech', country: 'DE', q: 'oncol' })).toBe(true);
    expect(matchesFilter(o, { q: 'HELIX' })).toBe(true);
    expect(matchesFilter(o, { type: 'hdab' })).toBe(false);
    expect(matchesFilter(o, { country: 'FI' })).toBe(false);
    expect(matchesFilter(o, { q: 'cardio' })).toBe(false);
  });
});
