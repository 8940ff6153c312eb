import { readFileSync } from 'node:fs';
import { AppError, invalid } from '@openehds/core';
import {
  ApiError,
  createWorkspaceClient,
  type Analysis,
  type AnalysisNodeSdc,
  type AnalysisRequestJson,
  type AnalysisVariableSpec,
} from '@openehds/client';
import { emit } from '../../ui/output';

/** Options every `ehds analyse …` command takes. */
export interface AnalyseCommonOptions {
  hub: string;
  token?: string;
  permit: string;
  variables: string;
  json?: boolean;
  fetch?: typeof globalThis.fetch;
}

/** Reads the variables file: a JSON object of name → derivation (see `AnalysisVariable` in core). */
export function readVariables(path: string): Record<string, AnalysisVariableSpec> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw invalid(
      `--variables ${path}: ${(err as Error).message}; give a JSON file like {"age": {"kind": "age"}}`,
    );
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw invalid(`--variables ${path} must hold a JSON object of variable name → derivation`);
  return parsed as Record<string, AnalysisVariableSpec>;
}

/** The hub's HTTP refusal as the CLI's error (400 → exit 2 with every issue listed). */
function fromApiError(err: ApiError): AppError {
  const kind =
    err.status === 400
      ? 'invalid'
      : err.status === 403
        ? 'forbidden'
        : err.status === 409
          ? 'conflict'
          : err.status === 404
            ? 'not-found'
            : 'unavailable';
  return new AppError(
    kind,
    err.message,
    err.issues.map((i) => ({ path: i.path, message: i.message })),
  );
}

const NAMES: Record<AnalysisRequestJson['kind'], string> = {
  glm: 'the GLM',
  describe: 'the description',
  table: 'the table',
  km: 'the Kaplan–Meier analysis',
};

/**
 * Runs one analysis under a permit through the hub (issue 4 §4) as a named person of the permit, and
 * prints its result (`render`) or, with --json, the whole analysis with every node's disclosure-control
 * records. A refusal or failure at the nodes exits non-zero with the nodes' reason (the analysis is
 * still printed with --json, so its records can be read).
 */
export async function runAnalysisCommand<R>(
  opts: AnalyseCommonOptions,
  request: (variables: Record<string, AnalysisVariableSpec>) => AnalysisRequestJson,
  render: (a: Analysis<R>) => string,
): Promise<number> {
  if (!opts.token)
    throw invalid('give an API token with --token or EHDS_TOKEN (create one on your account page)');
  const client = createWorkspaceClient({ baseUrl: opts.hub, token: opts.token, fetch: opts.fetch });
  let a: Analysis<R>;
  try {
    a = await client.analyse<R>(opts.permit, request(readVariables(opts.variables)));
  } catch (err) {
    if (err instanceof ApiError) throw fromApiError(err);
    throw err;
  }
  if (a.status !== 'DONE') {
    if (opts.json) emit(a, true, () => '');
    throw new AppError(
      a.status === 'REFUSED' ? 'forbidden' : 'unavailable',
      `${NAMES[a.kind]} was ${a.status.toLowerCase()}: ${a.error}`,
    );
  }
  emit(a, Boolean(opts.json), render);
  return 0;
}

/**
 * One line per node: what its disclosure control did (rules by outcome) and where it suppressed,
 * rounded or refused something (rule, record label and target), so a blank cell is never unexplained.
 */
export function sdcLines(sdc: AnalysisNodeSdc[]): string[] {
  return sdc.map((node) => {
    const counts = new Map<string, number>();
    const marked: string[] = [];
    for (const r of node.records)
      for (const rule of r.rules) {
        counts.set(rule.outcome, (counts.get(rule.outcome) ?? 0) + 1);
        if (rule.outcome === 'suppressed' || rule.outcome === 'refused')
          marked.push(`${rule.rule} ${r.label ? `${r.label} ` : ''}${rule.target}`);
      }
    const tally = [...counts].map(([k, n]) => `${k} ${n}`).join(', ');
    const released = node.records.filter((r) => r.outcome === 'released').length;
    return (
      `node ${node.nodeName}: ${node.status}, ${released}/${node.records.length} records released` +
      (tally ? ` (${tally})` : '') +
      (marked.length ? `; ${marked.join('; ')}` : '') +
      (node.message ? `; ${node.message}` : '')
    );
  });
}

/** Pads the columns of a table of strings: the first left-aligned, the others right-aligned. */
export function columns(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, j) => Math.max(...rows.map((r) => (r[j] ?? '').length)));
  return rows.map((r) =>
    r
      .map((c, j) => (j === 0 ? c.padEnd(widths[j]!) : c.padStart(widths[j]!)))
      .join('  ')
      .trimEnd(),
  );
}

/** A released count, or `x` where disclosure control suppressed it. */
export const cell = (v: number | null | undefined): string =>
  v === null || v === undefined ? 'x' : String(v);

/** The legend of `x`, printed under every table that has one. */
export const SUPPRESSED_LEGEND = 'x = suppressed by disclosure control at one node or more';
