import { basename } from 'node:path';
import { OMOP_TABLES, type OmopColumn, type OmopTable } from '@openehds/analytics';

/**
 * Which OMOP CDM 5.4 table a CSV file holds, judged from its name (`<table>.csv`, `.csv.gz`), and
 * whether its header row is a valid column list for that table. Pure.
 */

/** Extension columns a source file may carry besides the CDM ones (our own exports round-trip). */
const EXTRA_COLUMNS = ['ehds_vocabulary'] as const;

/** The OMOP table a file name denotes, case-insensitively, or undefined. */
export function omopTableOfFile(path: string): OmopTable | undefined {
  const m = /^([a-z_]+)\.csv(\.gz)?$/i.exec(basename(path));
  const name = m?.[1]?.toLowerCase();
  return name && Object.hasOwn(OMOP_TABLES, name) ? (name as OmopTable) : undefined;
}

/** The CDM columns of a table. */
export function omopColumns(table: OmopTable): readonly OmopColumn[] {
  return OMOP_TABLES[table] as readonly OmopColumn[];
}

/** Header cells as column names: trimmed, lower-cased, a UTF-8 byte-order mark dropped. */
export function normaliseHeader(fields: string[]): string[] {
  return fields.map((f, i) => (i === 0 ? f.replace(/^\uFEFF/, '') : f).trim().toLowerCase());
}

/** True if a header plausibly belongs to the table: it names `person_id` and mostly CDM columns. */
export function headerLooksLike(table: OmopTable, header: string[]): boolean {
  const known = new Set(omopColumns(table).map((c) => c[0]));
  const hits = header.filter((h) => known.has(h)).length;
  return header.includes('person_id') && hits * 2 >= header.length;
}

/**
 * Checks a header against the table: every column known, none twice, every required column present.
 * Returns one message listing all problems (a header error makes every row of the file unusable), or
 * undefined when the header is valid.
 */
export function checkHeader(table: OmopTable, header: string[]): string | undefined {
  const cols = omopColumns(table);
  const allowed = new Set<string>([...cols.map((c) => c[0]), ...EXTRA_COLUMNS]);
  const problems: string[] = [];
  const unknown = header.filter((h) => !allowed.has(h));
  if (unknown.length) {
    problems.push(
      `unknown column(s) ${unknown.map((u) => `'${u}'`).join(', ')}; OMOP CDM 5.4 ${table} has: ${cols.map((c) => c[0]).join(', ')}`,
    );
  }
  const dupes = header.filter((h, i) => header.indexOf(h) !== i);
  if (dupes.length) problems.push(`column(s) given twice: ${[...new Set(dupes)].join(', ')}`);
  const missing = cols.filter((c) => c[2] && !header.includes(c[0])).map((c) => c[0]);
  if (missing.length) problems.push(`required column(s) missing: ${missing.join(', ')}`);
  return problems.length ? `${table}.csv header: ${problems.join('; ')}` : undefined;
}
