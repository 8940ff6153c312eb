import { codeMatchSql, EVENT_SOURCES, SqlParams, type Cell, type NodeStore } from '@openehds/analytics';
import { AppError, forbidden, type AnalysisVariable, type CodeSet } from '@openehds/core';
import { findExtract, extractPseudonyms, type ExtractRecipe } from '../extract/store';
import { permitPseudonym } from '../extract/prepare';
import { uncoveredVariables } from './coverage';

/**
 * The ANALYSIS FRAME of a permit at this node (issue 4 §3–4): one row per person of the permit's
 * extract — the persons of the permitted datasets, minus those opted out (the extract already did
 * that, Art. 71(3)) — keyed by the permit's pseudonym, never by the node's person id, with each
 * requested variable derived from the OMOP rows of the permitted datasets only, within the permit's
 * period (Art. 68(10)(a)). The person ids stay inside the node: the disclosure-control engine needs
 * them to compare cohorts (differencing guard), nothing else does.
 */
export interface AnalysisFrame {
  permitId: string;
  /** Row i's pseudonym under this permit. */
  pseudonyms: string[];
  /** Row i's person id at this node; never leaves it. */
  personIds: number[];
  /** One column per variable; a survival variable `s` gives `s.time` (days) and `s.status` (1 = event). */
  columns: Record<string, Cell[]>;
  recipe: ExtractRecipe;
}

/** The column names of a survival variable in the frame. */
export const survivalColumns = (name: string) => ({ time: `${name}.time`, status: `${name}.status` });

const DAY = 86_400_000;
const dayOf = (iso: string) => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY);

/** Builds the frame; refuses (forbidden) when the node has no live extract or the permit lacks a variable. */
export async function buildAnalysisFrame(
  store: NodeStore,
  permitId: string,
  variables: Record<string, AnalysisVariable>,
): Promise<AnalysisFrame> {
  const recipe = await findExtract(store, permitId);
  if (!recipe)
    throw forbidden(
      `this node has not prepared an extract for permit ${permitId} yet (it waits for the opt-out registry or the permit); try again later`,
    );
  if (recipe.deletedAt)
    throw forbidden(
      `the extract of permit ${permitId} was deleted on ${recipe.deletedAt} (${recipe.deletionReason})`,
    );
  const uncovered = uncoveredVariables(variables, recipe.variables);
  if (uncovered.length)
    throw new AppError(
      'forbidden',
      `permit ${permitId} does not cover ${uncovered.length === 1 ? 'a variable' : `${uncovered.length} variables`} of this request (Art. 68(10)(a)): ${uncovered.map((u) => `${u.path.slice(10)}: ${u.message}`).join('; ')}. New variables need a new application`,
      uncovered,
    );
  const [secretRow] = await store.all<{ secret: string }>(
    'SELECT secret FROM permit_extract_secret WHERE root_id = $1',
    [recipe.rootId],
  );
  if (!secretRow)
    throw forbidden(`the pseudonym key of permit ${permitId} is gone: its extract is no longer usable`);

  // The persons of the permitted datasets, kept when their pseudonym is in the extract.
  const inExtract = new Set(await extractPseudonyms(store, permitId));
  const scope = new SqlParams();
  const datasets = scope.list(recipe.datasets);
  const personsSql = `SELECT DISTINCT p.person_id FROM person p JOIN ingest_batch b ON b.batch_id = p.ehds_batch WHERE b.dataset_id IN (${datasets})`;
  const all = recipe.datasets.length
    ? await store.all<{ person_id: number }>(`${personsSql} ORDER BY 1`, scope.values)
    : [];
  const personIds: number[] = [];
  const pseudonyms: string[] = [];
  for (const { person_id } of all) {
    const pseudonym = permitPseudonym(secretRow.secret, Number(person_id));
    if (!inExtract.has(pseudonym)) continue;
    personIds.push(Number(person_id));
    pseudonyms.push(pseudonym);
  }
  const row = new Map(personIds.map((id, i) => [id, i]));
  const columns: Record<string, Cell[]> = {};
  const ctx: DeriveContext = { store, recipe, row, n: personIds.length };
  for (const [name, v] of Object.entries(variables)) {
    if (v.kind === 'survival') {
      const { time, status } = await survival(ctx, v);
      const c = survivalColumns(name);
      columns[c.time] = time;
      columns[c.status] = status;
    } else columns[name] = await derive(ctx, v);
  }
  return { permitId, pseudonyms, personIds, columns, recipe };
}

interface DeriveContext {
  store: NodeStore;
  recipe: ExtractRecipe;
  row: Map<number, number>;
  n: number;
}

/** `AND <date> BETWEEN …` for the permit's period, and the batches of the permitted datasets. */
function scopeSql(ctx: DeriveContext, params: SqlParams, alias: string, dateColumn: string | null): string {
  const parts = [
    `${alias}.ehds_batch IN (SELECT batch_id FROM ingest_batch WHERE dataset_id IN (${params.list(ctx.recipe.datasets)}))`,
  ];
  const { from, to } = ctx.recipe.period;
  if (dateColumn && from)
    parts.push(`${alias}.${dateColumn} >= CAST(${params.add(from.slice(0, 10))} AS DATE)`);
  if (dateColumn && to) parts.push(`${alias}.${dateColumn} <= CAST(${params.add(to.slice(0, 10))} AS DATE)`);
  return parts.join(' AND ');
}

function fill(ctx: DeriveContext, value: Cell): Cell[] {
  return new Array<Cell>(ctx.n).fill(value);
}

async function derive(
  ctx: DeriveContext,
  v: Exclude<AnalysisVariable, { kind: 'survival' }>,
): Promise<Cell[]> {
  const { store, row } = ctx;
  if (v.kind === 'age' || v.kind === 'sex') {
    const out = fill(ctx, null);
    const params = new SqlParams();
    const rows = await store.all<{
      person_id: number;
      gender_concept_id: number | null;
      year_of_birth: number | null;
      month_of_birth: number | null;
      day_of_birth: number | null;
    }>(
      `SELECT person_id, gender_concept_id, year_of_birth, month_of_birth, day_of_birth FROM person t WHERE ${scopeSql(ctx, params, 't', null)}`,
      params.values,
    );
    const at = v.kind === 'age' ? (v.at ?? ctx.recipe.period.to ?? ctx.recipe.snapshotAt).slice(0, 10) : '';
    for (const r of rows) {
      const i = row.get(Number(r.person_id));
      if (i === undefined) continue;
      if (v.kind === 'sex') {
        const g = Number(r.gender_concept_id);
        out[i] = g === 8532 ? 'female' : g === 8507 ? 'male' : null;
      } else if (r.year_of_birth != null) {
        // Whole years; an unknown month/day counts as 1 January, as the cohort compiler does.
        const [y, m, d] = at.split('-').map(Number) as [number, number, number];
        const bm = Number(r.month_of_birth ?? 1) || 1;
        const bd = Number(r.day_of_birth ?? 1) || 1;
        out[i] = y - Number(r.year_of_birth) - (m < bm || (m === bm && d < bd) ? 1 : 0);
      }
    }
    return out;
  }
  const source = EVENT_SOURCES[v.kind];
  const params = new SqlParams();
  const where = `${scopeSql(ctx, params, 't', source.date)} AND ${codeMatchSql(v.codes, `t.${source.code}`, 't.ehds_vocabulary', params)}`;
  if (v.kind === 'measurement') {
    const pick =
      v.pick === 'mean'
        ? 'avg(t.value_as_number)'
        : v.pick === 'first'
          ? 'arg_min(t.value_as_number, t.measurement_date)'
          : 'arg_max(t.value_as_number, t.measurement_date)';
    const rows = await store.all<{ person_id: number; v: number }>(
      `SELECT t.person_id, ${pick} AS v FROM measurement t WHERE ${where} AND t.value_as_number IS NOT NULL GROUP BY t.person_id`,
      params.values,
    );
    const out = fill(ctx, null);
    for (const r of rows) {
      const i = row.get(Number(r.person_id));
      if (i !== undefined) out[i] = Number(r.v);
    }
    return out;
  }
  const rows = await store.all<{ person_id: number }>(
    `SELECT DISTINCT t.person_id FROM ${source.table} t WHERE ${where}`,
    params.values,
  );
  const out = fill(ctx, 0);
  for (const r of rows) {
    const i = row.get(Number(r.person_id));
    if (i !== undefined) out[i] = 1;
  }
  return out;
}

/** First date per person of an event (coded, or death), within the permit's scope, as day numbers. */
async function eventDays(
  ctx: DeriveContext,
  e: { domain: 'condition' | 'drug' | 'procedure' | 'measurement' | 'death'; codes?: CodeSet },
): Promise<Map<number, number[]>> {
  const params = new SqlParams();
  const sql =
    e.domain === 'death'
      ? `SELECT t.person_id, CAST(t.death_date AS VARCHAR) AS d FROM death t WHERE ${scopeSql(ctx, params, 't', 'death_date')}`
      : (() => {
          const s = EVENT_SOURCES[e.domain];
          return `SELECT t.person_id, CAST(t.${s.date} AS VARCHAR) AS d FROM ${s.table} t WHERE ${scopeSql(ctx, params, 't', s.date)} AND ${codeMatchSql(e.codes!, `t.${s.code}`, 't.ehds_vocabulary', params)}`;
        })();
  const out = new Map<number, number[]>();
  for (const r of await ctx.store.all<{ person_id: number; d: string | null }>(
    `${sql} ORDER BY 1, 2`,
    params.values,
  )) {
    if (!r.d) continue;
    const id = Number(r.person_id);
    const list = out.get(id) ?? [];
    list.push(dayOf(r.d));
    out.set(id, list);
  }
  return out;
}

/**
 * Time to event: from the start (the first start event, or the first observation period's start,
 * not before the permit's period) to the first event on or after it (status 1), else to the end of
 * follow-up (last observation period end, not after the permit's period; status 0). Persons without
 * an observation period, or whose start lies after their follow-up, are missing.
 */
async function survival(
  ctx: DeriveContext,
  v: Extract<AnalysisVariable, { kind: 'survival' }>,
): Promise<{ time: Cell[]; status: Cell[] }> {
  const params = new SqlParams();
  const periods = await ctx.store.all<{ person_id: number; s: string; e: string }>(
    `SELECT t.person_id, CAST(min(t.observation_period_start_date) AS VARCHAR) AS s,
       CAST(max(t.observation_period_end_date) AS VARCHAR) AS e
     FROM observation_period t WHERE ${scopeSql(ctx, params, 't', null)} GROUP BY t.person_id`,
    params.values,
  );
  const { from, to } = ctx.recipe.period;
  const lo = from ? dayOf(from) : -Infinity;
  const hi = to ? dayOf(to) : Infinity;
  const events = await eventDays(ctx, v.event);
  const starts = v.start ? await eventDays(ctx, v.start) : null;
  const time = fill(ctx, null);
  const status = fill(ctx, null);
  for (const p of periods) {
    const i = ctx.row.get(Number(p.person_id));
    if (i === undefined) continue;
    const id = Number(p.person_id);
    const end = Math.min(dayOf(p.e), hi);
    let start: number;
    if (starts) {
      const first = starts.get(id)?.[0];
      if (first === undefined) continue;
      start = first;
    } else start = Math.max(dayOf(p.s), lo);
    if (start > end) continue;
    const event = events.get(id)?.find((d) => d >= start && d <= end);
    time[i] = (event ?? end) - start;
    status[i] = event === undefined ? 0 : 1;
  }
  return { time, status };
}
