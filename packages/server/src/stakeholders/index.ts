export { stakeholderRoutes } from './routes';
export { seedStakeholdersDemo } from './seed';
export { parseCsv, toCsv, csvCell, readCell } from './csv';
export type { CsvRow } from './csv';
export { landscapeStats } from './stats';
export type { LandscapeStats, KeyCount } from './stats';
export { STAKEHOLDER_TYPES, EHDS_ROLES, RELATIONSHIP_KINDS } from './vocab';
export type { StakeholderType, EhdsRole, RelationshipKind } from './vocab';
export type {
  StakeholderOrg,
  StakeholderOrgDetail,
  StakeholderPerson,
  StakeholderRelationship,
} from './model';
export type { ImportReport } from './service';
