import type { SdcPolicy } from '@openehds/core';
import { AppError } from '@openehds/core';
import { checkModel, releaseTable, SdcRefusal, type ModelSummary } from '@openehds/privacy';

/**
 * The automatic check of one output file by the disclosure-control engine (issue 4 §5; EHDS.md
 * §11: ACRO's chain, one engine for every output). The outcome tells the checkers what the machine
 * found: `pass` (every rule held), `fail` (a rule did not; the record says which cells), or `review`
 * (a file the engine cannot read, such as an image or free text: a person must judge it, and an
 * approval needs a written justification, SATRE 3.3.07).
 *
 * What the engine reads, as outputs are written in the SPE:
 * - a CSV table (`text/csv`): the columns named `n`, `count`, `freq`, `frequency` or ending in
 *   `_n` / `_count` hold counts of people; each count cell is checked (zeros, threshold) as a table;
 * - a model summary (`application/json` with `observations` and `parameters`, as `ehds` model
 *   outputs are written): residual degrees of freedom, parameters per observation, level and class
 *   counts.
 */
export interface AutoCheck {
  kind: 'table' | 'model' | 'other';
  outcome: 'pass' | 'fail' | 'review';
  /** One line for people. */
  summary: string;
  /** The engine's machine-readable disclosure-control record, when it ran. */
  record: unknown;
}

const COUNT_COLUMN = /^(n|count|freq|frequency|.+_n|.+_count)$/i;

/** Checks one output file by its type, under the HDAB's policy for the holders of the permit. */
export function checkOutputFile(
  file: { name: string; mediaType: string; content: Buffer },
  policy: SdcPolicy,
  permitId: string,
): AutoCheck {
  const ctx = { policy, audience: 'permit_holder' as const, permitId };
  const type = file.mediaType.split(';')[0]!.trim().toLowerCase();
  if (type === 'text/csv' || file.name.toLowerCase().endsWith('.csv')) return checkCsv(file.content, ctx);
  if (type === 'application/json' || file.name.toLowerCase().endsWith('.json')) {
    const summary = modelSummaryOf(file.content);
    if (summary) {
      try {
        const { record } = checkModel(summary, ctx);
        return { kind: 'model', outcome: 'pass', summary: 'the model passes every rule', record };
      } catch (err) {
        return refusal(err, 'model');
      }
    }
  }
  return {
    kind: 'other',
    outcome: 'review',
    summary: `the engine does not read ${type} files of this shape; a checker must judge it`,
    record: null,
  };
}

function checkCsv(content: Buffer, ctx: Parameters<typeof releaseTable>[1]): AutoCheck {
  const lines = content
    .toString('utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const header = splitCsvLine(lines[0] ?? '');
  const countColumns = header.map((h, i) => (COUNT_COLUMN.test(h.trim()) ? i : -1)).filter((i) => i >= 0);
  if (!countColumns.length)
    return {
      kind: 'table',
      outcome: 'review',
      summary: 'no column named n or count: the engine cannot tell counts from other numbers',
      record: null,
    };
  const body = lines.slice(1).map(splitCsvLine);
  const bad = body.findIndex((cells) => countColumns.some((c) => !/^\d+$/.test((cells[c] ?? '').trim())));
  if (bad >= 0)
    return {
      kind: 'table',
      outcome: 'fail',
      summary: `line ${bad + 2}: a count column holds something other than a whole number`,
      record: null,
    };
  const counts = body.map((cells) => countColumns.map((c) => Number(cells[c])));
  const released = releaseTable(
    {
      rows: body.map((cells, i) => cells[0]?.trim() || `row ${i + 1}`),
      columns: countColumns.map((c) => header[c]!.trim()),
      cells: counts.map((row) => row.map((count) => ({ count }))),
      margins: false,
    },
    ctx,
  );
  const out = released.cells.flat();
  const raw = counts.flat();
  const suppressed = out.filter((v) => v === null).length;
  const changed = out.filter((v, i) => v !== null && v !== raw[i]).length;
  const { threshold } = ctx.policy;
  const summary = suppressed
    ? `${suppressed} count cell${suppressed === 1 ? '' : 's'} would be suppressed: below the threshold of ${threshold}, zero, or hiding one that is`
    : changed
      ? `${changed} count${changed === 1 ? '' : 's'} not rounded to ${ctx.policy.audiences.permit_holder.roundTo}`
      : 'every count cell passes';
  return {
    kind: 'table',
    outcome: suppressed || changed ? 'fail' : 'pass',
    summary,
    record: released.record,
  };
}

/** One CSV line's fields (RFC 4180 quotes). */
function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function modelSummaryOf(content: Buffer): ModelSummary | null {
  try {
    const v = JSON.parse(content.toString('utf8')) as Partial<ModelSummary>;
    return Number.isInteger(v.observations) && Number.isInteger(v.parameters) ? (v as ModelSummary) : null;
  } catch {
    return null;
  }
}

function refusal(err: unknown, kind: AutoCheck['kind']): AutoCheck {
  if (err instanceof SdcRefusal) return { kind, outcome: 'fail', summary: err.message, record: err.record };
  if (err instanceof AppError) return { kind, outcome: 'fail', summary: err.message, record: null };
  throw err;
}
