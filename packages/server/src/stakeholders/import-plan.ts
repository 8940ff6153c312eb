import { invalid } from '@openehds/core';
import { isRecord, parseCsv } from './csv';
import { ORG_CSV_COLUMNS, orgFromCsv, REQUIRED_ORG_COLUMNS } from './org-csv';
import type { OrganisationInput } from './schemas';

/**
 * Plans an organisations CSV import (issue 6 "Bad input"): every bad row with its line and the
 * reasons, and the good rows to import. The caller imports the good rows, or nothing when asked to be
 * atomic and a row is bad. A file that is not an organisations CSV at all (no header, a required
 * column missing, an unknown column) is refused whole, since no row of it can be read. Pure.
 */

/** A row to import, with the line it starts on. */
export interface PlannedRow {
  line: number;
  input: OrganisationInput;
}

/** A refused row: its line and every reason. */
export interface RejectedRow {
  line: number;
  name: string | null;
  reasons: string[];
}

/** The plan: rows to import, rows refused. */
export interface ImportPlan {
  good: PlannedRow[];
  bad: RejectedRow[];
}

/** Most rows one import may hold (a registry, not a bulk data load). */
export const MAX_IMPORT_ROWS = 5000;

/** Splits the file into good and bad rows; `existingNames` are lower-cased names already registered. */
export function planOrgImport(text: string, existingNames: ReadonlySet<string>): ImportPlan {
  const rows = parseCsv(text);
  const [head, ...body] = rows;
  if (!head || !isRecord(head))
    throw invalid('the file has no header row', [
      {
        path: 'csv',
        line: head?.line ?? 1,
        message: `start the file with the header: ${ORG_CSV_COLUMNS.join(',')}`,
      },
    ]);
  const columns = head.fields.map((f) => f.trim().toLowerCase());
  const headerIssues = [
    ...REQUIRED_ORG_COLUMNS.filter((c) => !columns.includes(c)).map((c) => `the column "${c}" is missing`),
    ...columns
      .filter((c) => !(ORG_CSV_COLUMNS as readonly string[]).includes(c))
      .map((c) => `unknown column "${c}"; the columns are ${ORG_CSV_COLUMNS.join(', ')}`),
    ...columns.filter((c, i) => columns.indexOf(c) !== i).map((c) => `the column "${c}" appears twice`),
  ];
  if (headerIssues.length)
    throw invalid(
      'the header row is not that of an organisations CSV',
      headerIssues.map((message) => ({ path: 'csv', line: head.line, message })),
    );
  if (body.length > MAX_IMPORT_ROWS)
    throw invalid(`the file has ${body.length} rows; import at most ${MAX_IMPORT_ROWS} at a time`, [
      { path: 'csv', message: 'split the file' },
    ]);

  const plan: ImportPlan = { good: [], bad: [] };
  // Names seen so far in this file (lower-cased) → the line they were on.
  const seen = new Map<string, number>();
  for (const row of body) {
    if (!isRecord(row)) {
      plan.bad.push({ line: row.line, name: null, reasons: [row.error] });
      continue;
    }
    if (row.fields.length !== columns.length) {
      plan.bad.push({
        line: row.line,
        name: null,
        reasons: [
          `the row has ${row.fields.length} fields but the header has ${columns.length}; quote any field holding a comma`,
        ],
      });
      continue;
    }
    const cells = Object.fromEntries(columns.map((c, i) => [c, row.fields[i]!]));
    const read = orgFromCsv(cells);
    const reasons = read.ok ? [] : [...read.reasons];
    const name = read.ok ? read.input.name : (cells.name ?? '').trim() || null;
    const key = name?.toLowerCase();
    if (key) {
      if (existingNames.has(key)) reasons.push(`name: duplicate name; "${name}" is already in the registry`);
      else if (seen.has(key))
        reasons.push(`name: duplicate name; "${name}" is also on line ${seen.get(key)} of this file`);
      else seen.set(key, row.line);
    }
    if (read.ok && reasons.length === 0) plan.good.push({ line: row.line, input: read.input });
    else plan.bad.push({ line: row.line, name, reasons });
  }
  return plan;
}
