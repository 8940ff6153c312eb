import type { StakeholderOrg, StakeholderRelationship } from './model';
import { EHDS_ROLES, RELATIONSHIP_KINDS, STAKEHOLDER_TYPES } from './vocab';

/** A count under a key (a type, a country, a role, a kind, a GPU model). */
export interface KeyCount {
  key: string;
  count: number;
}

/** The landscape at a glance (issue 6 §1 "landscape statistics"). */
export interface LandscapeStats {
  organisations: number;
  people: number;
  byType: KeyCount[];
  byCountry: KeyCount[];
  byEhdsRole: KeyCount[];
  relationships: number;
  relationshipsByKind: KeyCount[];
  aiFactories: {
    count: number;
    gpuTotal: number;
    gpusByModel: KeyCount[];
    partitions: number;
    services: string[];
  };
}

/** Counts in a fixed order of keys (every key shown, zeros included, so charts compare). */
function fixed(keys: readonly string[], values: Iterable<string>): KeyCount[] {
  const counts = new Map(keys.map((k) => [k, 0]));
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count }));
}

/** Counts, most first, then by key (open-ended keys: countries, GPU models). */
function ranked(counts: Map<string, number>): KeyCount[] {
  return [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/**
 * Statistics of a set of organisations and the relationships among them. A relationship counts only
 * when both its ends are in the set, so a filtered view counts the edges it shows. Pure.
 */
export function landscapeStats(
  orgs: readonly StakeholderOrg[],
  relationships: readonly Pick<StakeholderRelationship, 'fromOrgId' | 'toOrgId' | 'kind'>[],
): LandscapeStats {
  const ids = new Set(orgs.map((o) => o.id));
  const rels = relationships.filter((r) => ids.has(r.fromOrgId) && ids.has(r.toOrgId));
  const countries = new Map<string, number>();
  for (const o of orgs) countries.set(o.country, (countries.get(o.country) ?? 0) + 1);
  const factories = orgs.filter((o) => o.type === 'ai_factory');
  const gpus = new Map<string, number>();
  const services = new Set<string>();
  let partitions = 0;
  for (const f of factories) {
    for (const g of f.aiCapabilities?.gpus ?? []) gpus.set(g.model, (gpus.get(g.model) ?? 0) + g.count);
    for (const s of f.aiCapabilities?.services ?? []) services.add(s);
    partitions += f.aiCapabilities?.partitions.length ?? 0;
  }
  return {
    organisations: orgs.length,
    people: orgs.reduce((n, o) => n + o.peopleCount, 0),
    byType: fixed(
      STAKEHOLDER_TYPES,
      orgs.map((o) => o.type),
    ),
    byCountry: ranked(countries),
    byEhdsRole: fixed(
      EHDS_ROLES,
      orgs.flatMap((o) => o.ehdsRoles),
    ),
    relationships: rels.length,
    relationshipsByKind: fixed(
      RELATIONSHIP_KINDS,
      rels.map((r) => r.kind),
    ),
    aiFactories: {
      count: factories.length,
      gpuTotal: [...gpus.values()].reduce((a, b) => a + b, 0),
      gpusByModel: ranked(gpus),
      partitions,
      services: [...services].sort((a, b) => a.localeCompare(b)),
    },
  };
}
