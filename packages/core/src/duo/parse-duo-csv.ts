/**
 * Reads the GA4GH Data Use Ontology as data: the `duo.csv` of EBISPOT/DUO (columns id, shorthand,
 * label, description; RFC 4180 quoting). The caller loads the file; this only parses and checks it.
 */
import { invalid, type Issue } from '../errors/app-error';
import type { DuoTerm } from './types';

const HEADER = ['id', 'shorthand', 'label', 'description'];
const DUO_ID = /^DUO:\d{7}$/;

/** RFC 4180 records with the line each starts on; quotes may hold commas, newlines and `""`. */
function records(text: string): { line: number; fields: string[] }[] | Issue {
  const out: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      out.push({ line: start, fields });
      fields = [];
      field = '';
      line++;
      start = line;
    } else field += c;
  }
  if (quoted) return { line: start, message: 'unterminated quoted field' };
  if (field !== '' || fields.length) {
    fields.push(field);
    out.push({ line: start, fields });
  }
  return out.filter((r) => !(r.fields.length === 1 && r.fields[0]!.trim() === ''));
}

/** Parses `duo.csv` into terms; throws `invalid` listing every bad line (header, id, columns, duplicates). */
export function parseDuoCsv(text: string): DuoTerm[] {
  const parsed = records(text.replace(/^\uFEFF/, ''));
  if (!Array.isArray(parsed)) throw invalid(`duo.csv: ${parsed.message}`, [{ ...parsed, file: 'duo.csv' }]);
  const [header, ...rows] = parsed;
  const got = header?.fields.map((h) => h.trim().toLowerCase()) ?? [];
  if (got.join(',') !== HEADER.join(','))
    throw invalid(`duo.csv: expected the header ${HEADER.join(',')}, got ${got.join(',') || 'nothing'}`, [
      { file: 'duo.csv', line: 1, message: `header must be ${HEADER.join(',')}` },
    ]);
  const issues: Issue[] = [];
  const seen = new Set<string>();
  const terms: DuoTerm[] = [];
  for (const { line, fields } of rows) {
    if (fields.length !== HEADER.length) {
      issues.push({
        file: 'duo.csv',
        line,
        message: `expected ${HEADER.length} columns, got ${fields.length}`,
      });
      continue;
    }
    const [id, shorthand, label, description] = fields.map((f) => f.trim()) as [
      string,
      string,
      string,
      string,
    ];
    if (!DUO_ID.test(id))
      issues.push({ file: 'duo.csv', line, message: `${JSON.stringify(id)} is not a DUO id` });
    else if (seen.has(id)) issues.push({ file: 'duo.csv', line, message: `duplicate id ${id}` });
    if (!label) issues.push({ file: 'duo.csv', line, message: `${id} has no label` });
    seen.add(id);
    terms.push({ id, shorthand: shorthand || null, label, description });
  }
  if (issues.length) throw invalid(`duo.csv has ${issues.length} bad line(s)`, issues);
  return terms;
}
