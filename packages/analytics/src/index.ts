export { EHDS_COLUMNS, OMOP_TABLE_NAMES, OMOP_TABLES, duckType } from './omop/schema';
export type { OmopColumn, OmopTable, OmopType } from './omop/schema';
export { bookkeepingDdl, omopDdl } from './omop/ddl';
export { stableId } from './ids/stable-id';
export { openNodeStore } from './store/node-store';
export type { NodeStore } from './store/node-store';
