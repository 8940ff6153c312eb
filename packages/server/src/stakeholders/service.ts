import type { Db } from '@openehds/db';
import { invalid } from '@openehds/core';
import { toCsv } from './csv';
import { matchesFilter } from './filter';
import { planOrgImport, type RejectedRow } from './import-plan';
import type { StakeholderOrg, StakeholderOrgDetail } from './model';
import { getOrg, insertOrg, listOrgs, orgNames } from './org-store';
import { ORG_CSV_COLUMNS, orgCsvRow, PERSON_CSV_COLUMNS, personCsvRow } from './org-csv';
import { listPeople } from './people-store';
import { listRelationships } from './relationship-store';
import type { OrgFilter } from './schemas';
import { landscapeStats, type LandscapeStats } from './stats';
import { personFor } from './visibility';

/** The stakeholder registry's reads, exports and the CSV import (issue 6 §1). */

/** Organisations passing the filters, by name. */
export async function findOrgs(db: Db, filter: OrgFilter): Promise<StakeholderOrg[]> {
  return (await listOrgs(db)).filter((o) => matchesFilter(o, filter));
}

/** One organisation with its people (emails only when `showEmail`) and its relationships. */
export async function orgDetail(db: Db, id: string, showEmail: boolean): Promise<StakeholderOrgDetail> {
  const org = await getOrg(db, id);
  const [people, relationships] = [await listPeople(db, id), await listRelationships(db, id)];
  return { ...org, people: people.map((p) => personFor(p, showEmail)), relationships };
}

/** Landscape statistics of the organisations passing the filters. */
export async function stakeholderStats(db: Db, filter: OrgFilter): Promise<LandscapeStats> {
  return landscapeStats(await findOrgs(db, filter), await listRelationships(db));
}

/** The organisations passing the filters as CSV (RFC 4180), ready to import elsewhere. */
export async function exportOrgsCsv(db: Db, filter: OrgFilter): Promise<string> {
  return toCsv(ORG_CSV_COLUMNS, (await findOrgs(db, filter)).map(orgCsvRow));
}

/** The people as CSV; the email column only for those who may read emails. */
export async function exportPeopleCsv(db: Db, showEmail: boolean): Promise<string> {
  const columns = showEmail ? PERSON_CSV_COLUMNS : PERSON_CSV_COLUMNS.filter((c) => c !== 'email');
  return toCsv(
    columns,
    (await listPeople(db)).map((p) => personCsvRow(p, showEmail)),
  );
}

/** What an import did: each imported row and each refused row, with its line. */
export interface ImportReport {
  atomic: boolean;
  /** False when an atomic import was refused because a row was bad. */
  committed: boolean;
  imported: { line: number; id: string; name: string }[];
  rejected: RejectedRow[];
}

/**
 * Imports an organisations CSV: every bad row reported with its line and reasons, the good rows
 * imported; with `atomic`, nothing is imported when any row is bad and the answer is a 400 problem
 * listing every bad row (issue 6 "Bad input"). Names are checked against the registry inside the
 * transaction that inserts, so two imports at once cannot both add a name.
 */
export async function importOrgsCsv(db: Db, text: string, atomic: boolean): Promise<ImportReport> {
  return db.transaction(async (tx) => {
    const plan = planOrgImport(text, await orgNames(tx));
    if (atomic && plan.bad.length) {
      const issues = plan.bad.flatMap((b) =>
        b.reasons.map((message) => ({ path: `line ${b.line}`, line: b.line, message })),
      );
      throw invalid(
        `${plan.bad.length} of ${plan.bad.length + plan.good.length} rows are bad, so nothing was imported; fix them and import again`,
        issues,
      );
    }
    const imported: ImportReport['imported'] = [];
    for (const row of plan.good)
      imported.push({ line: row.line, id: await insertOrg(tx, row.input), name: row.input.name });
    return { atomic, committed: true, imported, rejected: plan.bad };
  });
}
