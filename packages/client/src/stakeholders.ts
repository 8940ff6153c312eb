/**
 * The stakeholder registry (issue 6 §1; hub `packages/server/src/stakeholders`): organisations of
 * the health-data and AI landscape, their people and relationships, landscape statistics and CSV
 * import/export. Any signed-in account reads; HDAB staff and administrators write. Shapes mirror the
 * hub's without importing them (DESIGN.md §2).
 */
import { createHttp, type HttpOptions } from './http';

/** Kinds of stakeholder organisation. */
export const STAKEHOLDER_TYPES = [
  'biotech',
  'data_holder',
  'healthcare_provider',
  'patient_organisation',
  'regulator',
  'hdab',
  'research',
  'ai_factory',
  'other',
] as const;
/** A kind of stakeholder organisation. */
export type StakeholderType = (typeof STAKEHOLDER_TYPES)[number];

/** Roles under the EHDS (Regulation (EU) 2025/327). */
export const EHDS_ROLES = [
  'data_holder',
  'data_user',
  'hdab',
  'health_data_intermediation_entity',
  'trusted_data_holder',
  'national_contact_point',
] as const;
/** A role under the EHDS. */
export type EhdsRole = (typeof EHDS_ROLES)[number];

/** Kinds of relationship, from one organisation to another. */
export const RELATIONSHIP_KINDS = [
  'funds',
  'supplies_data',
  'collaborates',
  'regulates',
  'member_of',
  'provides_compute',
] as const;
/** A kind of relationship. */
export type RelationshipKind = (typeof RELATIONSHIP_KINDS)[number];

/** What an AI Factory offers. */
export interface AiCapabilitiesJson {
  gpus: { model: string; count: number }[];
  partitions: string[];
  services: string[];
}

/** A stakeholder organisation. */
export interface StakeholderOrgJson {
  id: string;
  name: string;
  type: StakeholderType;
  country: string;
  ehdsRoles: EhdsRole[];
  aiCapabilities: AiCapabilitiesJson | null;
  interest: number;
  influence: number;
  website: string | null;
  description: string | null;
  organisationId: string | null;
  organisationName: string | null;
  peopleCount: number;
  createdAt: string;
  updatedAt: string;
}

/** A person; `email` is present only for HDAB staff and administrators. */
export interface StakeholderPersonJson {
  id: string;
  orgId: string;
  orgName: string;
  name: string;
  title: string | null;
  email?: string | null;
}

/** A relationship from one organisation to another. */
export interface StakeholderRelationshipJson {
  id: string;
  fromOrgId: string;
  fromOrgName: string;
  toOrgId: string;
  toOrgName: string;
  kind: RelationshipKind;
  note: string | null;
}

/** An organisation with its people and relationships. */
export interface StakeholderOrgDetailJson extends StakeholderOrgJson {
  people: StakeholderPersonJson[];
  relationships: StakeholderRelationshipJson[];
}

/** What a form sends for an organisation (create or replace). */
export interface StakeholderOrgInput {
  name: string;
  type: StakeholderType;
  country: string;
  ehdsRoles?: EhdsRole[];
  aiCapabilities?: AiCapabilitiesJson | null;
  interest: number;
  influence: number;
  website?: string | null;
  description?: string | null;
  organisationId?: string | null;
}

/** What a form sends for a person. */
export interface StakeholderPersonInput {
  orgId: string;
  name: string;
  title?: string | null;
  email?: string | null;
}

/** What a form sends for a relationship. */
export interface StakeholderRelationshipInput {
  fromOrgId: string;
  toOrgId: string;
  kind: RelationshipKind;
  note?: string | null;
}

/** The list filters. */
export interface StakeholderFilter {
  type?: StakeholderType | '';
  country?: string;
  q?: string;
}

/** A count under a key. */
export interface KeyCountJson {
  key: string;
  count: number;
}

/** Landscape statistics. */
export interface LandscapeStatsJson {
  organisations: number;
  people: number;
  byType: KeyCountJson[];
  byCountry: KeyCountJson[];
  byEhdsRole: KeyCountJson[];
  relationships: number;
  relationshipsByKind: KeyCountJson[];
  aiFactories: {
    count: number;
    gpuTotal: number;
    gpusByModel: KeyCountJson[];
    partitions: number;
    services: string[];
  };
}

/** What an import did (a non-atomic import; an atomic one with a bad row fails with a 400 listing them). */
export interface StakeholderImportReport {
  atomic: boolean;
  committed: boolean;
  imported: { line: number; id: string; name: string }[];
  rejected: { line: number; name: string | null; reasons: string[] }[];
}

/** The query string of the filters (empty values left out). */
export function stakeholderQuery(filter: StakeholderFilter = {}): string {
  const params = new URLSearchParams();
  for (const key of ['type', 'country', 'q'] as const) {
    const v = filter[key]?.trim();
    if (v) params.set(key, v);
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

const P = '/api/stakeholders';

/** The path of the organisations CSV export (for a download link). */
export const stakeholderOrgsCsvPath = (filter: StakeholderFilter = {}) =>
  `${P}/export/organisations.csv${stakeholderQuery(filter)}`;
/** The path of the people CSV export. */
export const stakeholderPeopleCsvPath = () => `${P}/export/people.csv`;

/** Stakeholder registry calls to the hub. */
export interface StakeholdersClient {
  organisations(filter?: StakeholderFilter, signal?: AbortSignal): Promise<StakeholderOrgJson[]>;
  organisation(id: string, signal?: AbortSignal): Promise<StakeholderOrgDetailJson>;
  createOrganisation(input: StakeholderOrgInput): Promise<StakeholderOrgJson>;
  updateOrganisation(id: string, input: StakeholderOrgInput): Promise<StakeholderOrgJson>;
  deleteOrganisation(id: string): Promise<void>;
  people(orgId?: string, signal?: AbortSignal): Promise<StakeholderPersonJson[]>;
  createPerson(input: StakeholderPersonInput): Promise<StakeholderPersonJson>;
  updatePerson(id: string, input: StakeholderPersonInput): Promise<StakeholderPersonJson>;
  deletePerson(id: string): Promise<void>;
  relationships(signal?: AbortSignal): Promise<StakeholderRelationshipJson[]>;
  createRelationship(input: StakeholderRelationshipInput): Promise<StakeholderRelationshipJson>;
  updateRelationship(id: string, input: StakeholderRelationshipInput): Promise<StakeholderRelationshipJson>;
  deleteRelationship(id: string): Promise<void>;
  stats(filter?: StakeholderFilter, signal?: AbortSignal): Promise<LandscapeStatsJson>;
  /** The organisations CSV (RFC 4180) as text. */
  exportOrganisationsCsv(filter?: StakeholderFilter): Promise<string>;
  /** Imports an organisations CSV; `atomic` imports nothing when any row is bad. */
  importOrganisations(csv: string, options?: { atomic?: boolean }): Promise<StakeholderImportReport>;
}

/** Creates the stakeholder registry client (same options as `createHubClient`). */
export function createStakeholdersClient(options: HttpOptions): StakeholdersClient {
  const send = createHttp(options);
  const opt = (signal?: AbortSignal) => (signal ? { signal } : {});
  return {
    organisations: async (filter, signal) =>
      (
        await send<{ organisations: StakeholderOrgJson[] }>({
          method: 'GET',
          path: `${P}/organisations${stakeholderQuery(filter)}`,
          ...opt(signal),
        })
      ).organisations,
    organisation: (id, signal) =>
      send({ method: 'GET', path: `${P}/organisations/${encodeURIComponent(id)}`, ...opt(signal) }),
    createOrganisation: (input) => send({ method: 'POST', path: `${P}/organisations`, json: input }),
    updateOrganisation: (id, input) =>
      send({ method: 'PUT', path: `${P}/organisations/${encodeURIComponent(id)}`, json: input }),
    deleteOrganisation: async (id) => {
      await send({ method: 'DELETE', path: `${P}/organisations/${encodeURIComponent(id)}` });
    },
    people: async (orgId, signal) =>
      (
        await send<{ people: StakeholderPersonJson[] }>({
          method: 'GET',
          path: `${P}/people${orgId ? `?orgId=${encodeURIComponent(orgId)}` : ''}`,
          ...opt(signal),
        })
      ).people,
    createPerson: (input) => send({ method: 'POST', path: `${P}/people`, json: input }),
    updatePerson: (id, input) =>
      send({ method: 'PUT', path: `${P}/people/${encodeURIComponent(id)}`, json: input }),
    deletePerson: async (id) => {
      await send({ method: 'DELETE', path: `${P}/people/${encodeURIComponent(id)}` });
    },
    relationships: async (signal) =>
      (
        await send<{ relationships: StakeholderRelationshipJson[] }>({
          method: 'GET',
          path: `${P}/relationships`,
          ...opt(signal),
        })
      ).relationships,
    createRelationship: (input) => send({ method: 'POST', path: `${P}/relationships`, json: input }),
    updateRelationship: (id, input) =>
      send({ method: 'PUT', path: `${P}/relationships/${encodeURIComponent(id)}`, json: input }),
    deleteRelationship: async (id) => {
      await send({ method: 'DELETE', path: `${P}/relationships/${encodeURIComponent(id)}` });
    },
    stats: (filter, signal) =>
      send({ method: 'GET', path: `${P}/stats${stakeholderQuery(filter)}`, ...opt(signal) }),
    exportOrganisationsCsv: (filter) =>
      send<string>({
        method: 'GET',
        path: stakeholderOrgsCsvPath(filter),
        accept: 'text/csv',
        responseType: 'text',
      }),
    importOrganisations: (csv, o = {}) =>
      send({
        method: 'POST',
        path: `${P}/import/organisations${o.atomic ? '?atomic=true' : ''}`,
        json: { csv },
      }),
  };
}
