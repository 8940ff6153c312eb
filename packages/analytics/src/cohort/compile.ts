import {
  parseCohortDefinition,
  type CohortCriterion,
  type CohortDefinition,
  type CohortDefinitionInput,
  type CohortEventCriterion,
  type CohortGroup,
} from '@openehds/core';
import { codeMatchSql } from './code-match';
import { ABSENT_VALUES, EVENT_SOURCES } from './event-sources';
import { SqlParams } from './sql-params';
import { variantKey } from './variant-key';

/**
 * Cohort definition → one parameterised SQL query over the OMOP CDM 5.4 tables, returning each
 * qualifying `person_id` once (issue 4 §1: feasibility before a permit, Art. 69). Every value from the
 * definition is a `$n` parameter; the SQL text holds only our table/column names and fixed concept ids.
 *
 * Shape of the query (README.md in this folder has the semantics):
 *   WITH idx AS (first/last index event per person),
 *        c0 AS (persons with a matching event for criterion 0), c1 …
 *   SELECT p.person_id FROM person p [JOIN idx] LEFT JOIN c0 … WHERE <inclusion groups> AND NOT <exclusion groups>
 * Criterion sets are LEFT JOINed rather than `IN (subquery)` so PostgreSQL never falls back to a
 * per-row subplan when a set outgrows work_mem; both engines turn `cK IS NOT NULL` into an inner join.
 */

export type SqlDialect = 'duckdb' | 'postgres';

export interface CompiledCohort {
  /** The SQL text: `$1`-style placeholders only. */
  sql: string;
  /** The values of the placeholders, in order. */
  params: unknown[];
  dialect: SqlDialect;
}

/** OMOP standard gender concepts (Gender vocabulary). */
const MALE = 8507;
const FEMALE = 8532;

class CohortSqlBuilder {
  readonly params = new SqlParams();
  private readonly ctes: string[] = [];
  private readonly joins: string[] = [];

  constructor(
    private readonly def: CohortDefinition,
    readonly dialect: SqlDialect,
  ) {}

  build(): string {
    const d = this.def;
    const where: string[] = [];
    if (d.index) {
      const agg = d.index.occurrence === 'last' ? 'MAX' : 'MIN';
      const src = EVENT_SOURCES[d.index.event.type];
      this.ctes.push(
        `idx AS (SELECT t.person_id, ${agg}(t.${src.date}) AS index_date FROM ${src.table} t
    WHERE ${this.eventPredicates(d.index.event, false).join('\n      AND ')}
    GROUP BY t.person_id)`,
      );
      if (d.minPriorObservationDays !== undefined) {
        const n = this.params.add(d.minPriorObservationDays);
        where.push(`EXISTS (SELECT 1 FROM observation_period op WHERE op.person_id = p.person_id
      AND op.observation_period_start_date <= i.index_date - CAST(${n} AS INTEGER)
      AND i.index_date <= op.observation_period_end_date)`);
      }
    }
    for (const g of d.inclusion) where.push(this.group(g));
    for (const g of d.exclusion) where.push(`NOT ${this.group(g)}`);

    const withClause = this.ctes.length ? `WITH ${this.ctes.join(',\n')}\n` : '';
    const indexJoin = d.index ? '\n  JOIN idx i ON i.person_id = p.person_id' : '';
    const joins = this.joins.map((j) => `\n  ${j}`).join('');
    const whereClause = where.length ? `\nWHERE ${where.join('\n  AND ')}` : '';
    return `${withClause}SELECT p.person_id FROM person p${indexJoin}${joins}${whereClause}`;
  }

  private group(g: CohortGroup): string {
    const parts = g.criteria.map((c) => this.criterion(c));
    return `(${parts.join(g.match === 'all' ? ' AND ' : ' OR ')})`;
  }

  /** A boolean SQL expression over `p` (person) and `i` (index) that holds when the criterion does. */
  private criterion(c: CohortCriterion): string {
    switch (c.type) {
      case 'sex':
        return `(${c.values
          .map((v) =>
            v === 'male'
              ? `p.gender_concept_id = ${MALE}`
              : v === 'female'
                ? `p.gender_concept_id = ${FEMALE}`
                : `p.gender_concept_id NOT IN (${MALE}, ${FEMALE})`,
          )
          .join(' OR ')})`;
      case 'age': {
        const at = c.at === 'index' ? 'i.index_date' : `CAST(${this.params.add(c.at)} AS DATE)`;
        // Whole years: the year difference, less one before the birthday (unknown month/day: 1 January).
        const age = `(EXTRACT(YEAR FROM ${at}) - p.year_of_birth - CASE WHEN EXTRACT(MONTH FROM ${at}) * 100 + EXTRACT(DAY FROM ${at}) < COALESCE(p.month_of_birth, 1) * 100 + COALESCE(p.day_of_birth, 1) THEN 1 ELSE 0 END)`;
        const bounds: string[] = [];
        if (c.min !== undefined) bounds.push(`${age} >= CAST(${this.params.add(c.min)} AS INTEGER)`);
        if (c.max !== undefined) bounds.push(`${age} <= CAST(${this.params.add(c.max)} AS INTEGER)`);
        return `(${bounds.join(' AND ')})`;
      }
      case 'variant':
        return this.personSet(this.variantSet(c));
      default:
        return this.personSet(this.eventSet(c));
    }
  }

  /** Registers a CTE of distinct person ids, LEFT JOINs it, and returns its membership test. */
  private personSet(body: string): string {
    const name = `c${this.joins.length}`;
    this.ctes.push(`${name} AS (${body})`);
    this.joins.push(`LEFT JOIN ${name} ON ${name}.person_id = p.person_id`);
    return `${name}.person_id IS NOT NULL`;
  }

  private eventSet(c: CohortEventCriterion): string {
    const src = EVENT_SOURCES[c.type];
    const windowed = c.window !== undefined;
    return `SELECT DISTINCT t.person_id FROM ${src.table} t${windowed ? ' JOIN idx i ON i.person_id = t.person_id' : ''}
    WHERE ${this.eventPredicates(c, windowed).join('\n      AND ')}`;
  }

  /**
   * The row's own code is one of the criterion's, or one of its additional codings is (`<table>_coding`,
   * e.g. the ICD-10 coding of a Condition whose row keeps SNOMED CT). The codings are an uncorrelated
   * `IN` over row ids, evaluated once: DuckDB builds one hash table from the (few) matching codings and
   * drops it when the table is empty, and PostgreSQL hashes the subplan (while it fits in work_mem).
   * Feasibility benchmark example, DuckDB, 200k persons (README.md): +3-5% with no codings, +6% with one
   * non-matching coding per condition row, +65% when every condition row also matches through one.
   */
  private codeMatch(c: CohortEventCriterion): string {
    const src = EVENT_SOURCES[c.type];
    return `(${this.codePredicate(c, `t.${src.code}`, 't.ehds_vocabulary')}
      OR t.${src.id} IN (SELECT s.row_id FROM ${src.coding} s WHERE ${this.codePredicate(c, 's.code', 's.vocabulary')}))`;
  }

  /** The criterion's codes against one coding (a code column and its vocabulary column). */
  private codePredicate(c: CohortEventCriterion, codeColumn: string, vocabularyColumn: string): string {
    // HP:0000000 is unambiguous, so the vocabulary column is not consulted (OMOP CSV may lack it).
    if (c.type === 'phenotype') return `${codeColumn} IN (${this.params.list(c.terms)})`;
    return `(${codeMatchSql(c.codes, codeColumn, vocabularyColumn, this.params)})`;
  }

  /** Conditions on an event row `t` (and `i` when windowed). */
  private eventPredicates(c: CohortEventCriterion, windowed: boolean): string[] {
    const src = EVENT_SOURCES[c.type];
    const date = `t.${src.date}`;
    const preds: string[] = [this.codeMatch(c)];
    if (c.type === 'phenotype') {
      const absent = this.params.list(ABSENT_VALUES);
      preds.push(
        c.status === 'excluded'
          ? `t.value_as_string IN (${absent})`
          : `(t.value_as_string IS NULL OR t.value_as_string NOT IN (${absent}))`,
      );
    }
    if (c.type === 'measurement') {
      if (c.value?.min !== undefined) preds.push(`t.value_as_number >= ${this.params.add(c.value.min)}`);
      if (c.value?.max !== undefined) preds.push(`t.value_as_number <= ${this.params.add(c.value.max)}`);
      if (c.unit !== undefined) preds.push(`t.unit_source_value = ${this.params.add(c.unit)}`);
    }
    if (c.dateRange?.from) preds.push(`${date} >= CAST(${this.params.add(c.dateRange.from)} AS DATE)`);
    if (c.dateRange?.to) preds.push(`${date} <= CAST(${this.params.add(c.dateRange.to)} AS DATE)`);
    if (windowed && c.window) {
      const lo = this.params.add(c.window.startDays);
      const hi = this.params.add(c.window.endDays);
      preds.push(
        `${date} >= i.index_date + CAST(${lo} AS INTEGER) AND ${date} <= i.index_date + CAST(${hi} AS INTEGER)`,
      );
    }
    if (this.def.requireObservationPeriod) {
      preds.push(`EXISTS (SELECT 1 FROM observation_period op WHERE op.person_id = t.person_id
        AND ${date} >= op.observation_period_start_date AND ${date} <= op.observation_period_end_date)`);
    }
    return preds;
  }

  private variantSet(c: Extract<CohortCriterion, { type: 'variant' }>): string {
    const preds = ['g.person_id IS NOT NULL', `v.assembly = ${this.params.add(c.assembly)}`];
    if (c.chrom !== undefined) {
      const key = variantKey({ chrom: c.chrom, pos: c.pos, ref: c.ref, alt: c.alt });
      preds.push(`v.chrom = ${this.params.add(key.chrom)}`);
      if (key.start0 !== undefined) preds.push(`v.start0 = CAST(${this.params.add(key.start0)} AS BIGINT)`);
      if (key.ref !== undefined) preds.push(`v.ref = ${this.params.add(key.ref)}`);
      if (key.alt !== undefined) preds.push(`v.alt = ${this.params.add(key.alt)}`);
    }
    if (c.gene !== undefined) preds.push(`upper(v.gene) = ${this.params.add(c.gene.toUpperCase())}`);
    if (c.zygosity !== undefined) preds.push(`g.zygosity = ${this.params.add(c.zygosity)}`);
    return `SELECT DISTINCT g.person_id FROM genotype g JOIN variant v ON v.variant_id = g.variant_id
    WHERE ${preds.join(' AND ')}`;
  }
}

/**
 * The query returning the distinct `person_id`s of a cohort. The definition is validated first
 * (an `invalid` AppError lists every bad field). The SQL is the same portable subset on both dialects
 * today (`$n` placeholders, CAST, EXTRACT, date ± integer); `dialect` is recorded so a caller runs it
 * on the engine it was compiled for, and so an engine-specific form can be introduced safely.
 */
export function compileCohort(
  definition: CohortDefinitionInput | CohortDefinition,
  dialect: SqlDialect,
): CompiledCohort {
  const def = parseCohortDefinition(definition);
  const builder = new CohortSqlBuilder(def, dialect);
  const sql = builder.build();
  return { sql, params: builder.params.values, dialect };
}

/** The query returning one row `{ n }`: how many persons the cohort has (raw, before disclosure control). */
export function compileCohortCount(
  definition: CohortDefinitionInput | CohortDefinition,
  dialect: SqlDialect,
): CompiledCohort {
  const ids = compileCohort(definition, dialect);
  return { ...ids, sql: `SELECT count(*) AS n FROM (\n${ids.sql}\n) cohort` };
}
