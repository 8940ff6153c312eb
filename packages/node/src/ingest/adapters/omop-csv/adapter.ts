import { readLines } from '../../io/read-lines';
import type { FormatAdapter, MapContext, MapResult, SourceRecord } from '../../types';
import { createCsvAssembler } from './csv';
import { mapOmopRow, type OmopCsvRow } from './map-row';
import { checkHeader, headerLooksLike, normaliseHeader, omopTableOfFile } from './omop-table';

/**
 * OMOP CDM 5.4 CSV adapter: one file per table (`person.csv`, `condition_occurrence.csv.gz`, ...),
 * header row first. Files of one folder must be ingested in `OMOP_TABLE_NAMES` order so persons exist
 * before the events that refer to them.
 */

/** The first line of a text, for header detection. */
function firstLine(head: string): string {
  const nl = head.indexOf('\n');
  return (nl === -1 ? head : head.slice(0, nl)).replace(/\r$/, '');
}

/** Streams the rows of one OMOP CSV file; a bad header yields one error for the whole file. */
async function* readOmopCsv(path: string): AsyncIterable<SourceRecord> {
  const table = omopTableOfFile(path);
  if (!table) {
    yield {
      file: path,
      line: 1,
      recordType: 'omop-csv',
      parseError: `${path} is not named <omop_table>.csv`,
    };
    return;
  }
  const csv = createCsvAssembler();
  let header: string[] | undefined;
  for await (const { line, text } of readLines(path)) {
    const rec = csv.push(line, text);
    if (!rec) continue;
    if (!rec.ok) {
      if (!header) {
        yield {
          file: path,
          line: rec.line,
          recordType: table,
          parseError: `header: ${rec.error}`,
          raw: rec.raw,
        };
        return;
      }
      yield { file: path, line: rec.line, recordType: table, parseError: rec.error, raw: rec.raw };
      continue;
    }
    if (!header) {
      header = normaliseHeader(rec.fields);
      const problem = checkHeader(table, header);
      if (problem) {
        // One clear error for the file rather than the same complaint on every row.
        yield { file: path, line: rec.line, recordType: table, parseError: problem, raw: rec.raw };
        return;
      }
      continue;
    }
    if (rec.fields.length !== header.length) {
      yield {
        file: path,
        line: rec.line,
        recordType: table,
        parseError: `row has ${rec.fields.length} field(s), the header has ${header.length}`,
        raw: rec.raw,
      };
      continue;
    }
    const cells: Record<string, string> = {};
    header.forEach((h, i) => (cells[h] = rec.fields[i]!));
    const value: OmopCsvRow = { table, cells };
    yield { file: path, line: rec.line, recordType: table, value, raw: rec.raw };
  }
  const last = csv.end();
  if (last && !last.ok)
    yield { file: path, line: last.line, recordType: table, parseError: last.error, raw: last.raw };
}

/** The OMOP CDM 5.4 CSV format adapter. */
export const omopCsvAdapter: FormatAdapter = {
  format: 'omop-csv',
  detect(path: string, head: string): boolean {
    const table = omopTableOfFile(path);
    if (!table) return false;
    return headerLooksLike(
      table,
      normaliseHeader(
        firstLine(head)
          .split(',')
          .map((c) => c.replace(/^"|"$/g, '')),
      ),
    );
  },
  read: readOmopCsv,
  map(record: SourceRecord, ctx: MapContext): MapResult {
    if (record.parseError || record.value === undefined) {
      return { ok: false, reason: record.parseError ?? 'no value' };
    }
    return mapOmopRow(record.value as OmopCsvRow, ctx);
  },
};
