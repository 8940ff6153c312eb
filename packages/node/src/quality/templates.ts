import { EHDS_COLUMNS, OMOP_TABLES } from '@openehds/analytics';
import { invalid } from '@openehds/core';
import type { Bound, CheckDefinition, CheckParams } from './types';

/**
 * One SQL template per check kind, DQD-style: every check counts the rows it checked and the rows that
 * failed, and nothing else (Art. 78 label evidence is counts; rows never leave the node).
 *
 * Most kinds are a pair of predicates over one scan of their table (`ScanSpec`), so the planner can
 * evaluate every check of a table in a single pass; the kinds that need grouping are standalone queries.
 * Identifiers come from the catalogue and are checked against the schema; literals are escaped.
 */

/** A check evaluated as predicates over `FROM <base> t <joins>`. */
export interface ScanSpec {
  mode: 'scan';
  base: string;
  joins: Join[];
  /** Rows checked (the denominator); 'TRUE' for all rows. */
  checked: string;
  /** Rows failing, among those checked. */
  failed: string;
}

/** A check that needs its own query returning one row `(rows_checked, rows_failed)`. */
export interface QuerySpec {
  mode: 'query';
  sql: string;
}

/** A LEFT JOIN the scan needs, shared by every check of the scan that names the same alias. */
export interface Join {
  alias: string;
  sql: string;
}

/** Source-code column of each table, for checks scoped to codes of one coding system. */
const SOURCE_VALUE: Record<string, string> = {
  visit_occurrence: 'visit_source_value',
  condition_occurrence: 'condition_source_value',
  drug_exposure: 'drug_source_value',
  procedure_occurrence: 'procedure_source_value',
  measurement: 'measurement_source_value',
  observation: 'observation_source_value',
  death: 'cause_source_value',
};

// Kinds that check a table as a whole rather than one field.
const TABLE_LEVEL = new Set([
  'measurePersonCompleteness',
  'measureObservationPeriodOverlap',
  'isDuplicateRecord',
]);

const MALE = 8507;
const FEMALE = 8532;

// Earliest date the person can have been born on: what is known of the birth date, else 1 January.
// try() because month/day may be implausible (they are checked, and must not abort the whole scan).
const PERSON_JOIN: Join = {
  alias: 'p',
  sql: `LEFT JOIN (SELECT person_id, any_value(gender_concept_id) AS gender_concept_id,
      min(coalesce(CAST(birth_datetime AS DATE), try(make_date(year_of_birth::INT, month_of_birth::INT, day_of_birth::INT)),
        try(make_date(year_of_birth::INT, month_of_birth::INT, 1)), try(make_date(year_of_birth::INT, 1, 1)))) AS birth_date
    FROM person GROUP BY person_id) p ON p.person_id = t.person_id`,
};
const DEATH_JOIN: Join = {
  alias: 'd',
  sql: `LEFT JOIN (SELECT person_id, min(death_date) AS death_date FROM death GROUP BY person_id) d ON d.person_id = t.person_id`,
};

/** Quotes a string literal for SQL. */
export function lit(value: string | number): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw invalid(`not a finite number: ${value}`);
    return String(value);
  }
  return `'${value.replaceAll("'", "''")}'`;
}

/** Checks that `table.field` exists in the node's schema, so identifiers can be inlined safely. */
export function column(table: string, field: string): string {
  const cols = (OMOP_TABLES as Record<string, readonly (readonly [string, ...unknown[]])[]>)[table];
  if (!cols)
    throw invalid(
      `unknown table ${table} in a quality check; use one of ${Object.keys(OMOP_TABLES).join(', ')}`,
    );
  const known = cols.some(([n]) => n === field) || EHDS_COLUMNS.some(([n]) => n === field);
  if (!known) throw invalid(`unknown field ${table}.${field} in a quality check`);
  return field;
}

function table(name: string): string {
  if (!(name in OMOP_TABLES)) throw invalid(`unknown table ${name} in a quality check`);
  return name;
}

/** SQL literal for a bound, resolved against the run's date (`now` as YYYY-MM-DD, UTC). */
export function boundSql(bound: Bound, today: string): string {
  if (typeof bound === 'number') return lit(bound);
  if ('date' in bound) return `DATE ${lit(isoDate(bound.date))}`;
  if ('nowPlusDays' in bound) return `(DATE ${lit(today)} + INTERVAL ${Math.trunc(bound.nowPlusDays)} DAY)`;
  return lit(Number(today.slice(0, 4)) + Math.trunc(bound.nowYearPlus));
}

function isoDate(s: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) throw invalid(`not an ISO date: ${s}`);
  return s;
}

/** The row filter for checks scoped to some codes of one coding system (concept-level checks). */
function scope(tableName: string, p: CheckParams): string[] {
  const out: string[] = [];
  if (!p.vocabulary && !p.sourceValues && !p.sourceValuePrefixes) return out;
  const src = SOURCE_VALUE[tableName];
  if (!src) throw invalid(`table ${tableName} has no source value to scope a check on`);
  if (p.vocabulary) out.push(`t.ehds_vocabulary = ${lit(p.vocabulary)}`);
  if (p.sourceValues) out.push(`t.${src} IN (${p.sourceValues.map(lit).join(', ')})`);
  if (p.sourceValuePrefixes) {
    out.push(`(${p.sourceValuePrefixes.map((x) => `starts_with(t.${src}, ${lit(x)})`).join(' OR ')})`);
  }
  if (p.units)
    out.push(`(t.unit_source_value IS NULL OR t.unit_source_value IN (${p.units.map(lit).join(', ')}))`);
  return out;
}

function and(parts: string[]): string {
  return parts.length ? parts.map((x) => `(${x})`).join(' AND ') : 'TRUE';
}

function need<K extends keyof CheckParams>(def: CheckDefinition, key: K): NonNullable<CheckParams[K]> {
  const v = def.params[key];
  if (v === undefined || v === null) throw invalid(`check ${def.id} (${def.kind}) needs params.${key}`);
  return v as NonNullable<CheckParams[K]>;
}

/** Compiles one check definition to its SQL, for the run's date `today` (YYYY-MM-DD). */
export function compileCheck(def: CheckDefinition, today: string): ScanSpec | QuerySpec {
  const t = table(def.table);
  if (!def.field && !TABLE_LEVEL.has(def.kind)) throw invalid(`check ${def.id} (${def.kind}) needs a field`);
  const f = def.field ? `t.${column(t, def.field)}` : '';
  const where = scope(t, def.params);
  const scan = (checked: string[], failed: string, joins: Join[] = []): ScanSpec => ({
    mode: 'scan',
    base: t,
    joins,
    checked: and([...where, ...checked]),
    failed,
  });

  switch (def.kind) {
    case 'isRequired':
    case 'measureValueCompleteness': {
      const when = def.params.whenNotNull ? [`t.${column(t, def.params.whenNotNull)} IS NOT NULL`] : [];
      return scan(when, `${f} IS NULL`);
    }
    case 'isPrimaryKey':
      if (!def.field) throw invalid(`check ${def.id} (isPrimaryKey) needs a field`);
      return {
        mode: 'query',
        sql: `SELECT coalesce(sum(n), 0) AS rows_checked, coalesce(sum(n) FILTER (WHERE n > 1), 0) AS rows_failed
          FROM (SELECT count(*) AS n FROM ${t} GROUP BY ${column(t, def.field)})`,
      };
    case 'isForeignKey': {
      const fkTable = table(need(def, 'fkTable'));
      const fkField = column(fkTable, need(def, 'fkField'));
      const alias = `fk_${fkTable}_${fkField}`;
      const join = {
        alias,
        sql: `LEFT JOIN (SELECT DISTINCT ${fkField} AS k FROM ${fkTable}) ${alias} ON ${alias}.k = ${f}`,
      };
      return scan([], `${f} IS NOT NULL AND ${alias}.k IS NULL`, [join]);
    }
    case 'fkDomain':
    case 'allowedValues':
      return scan([`${f} IS NOT NULL`], `${f} NOT IN (${need(def, 'allowed').map(lit).join(', ')})`);
    case 'sourceValueFormat':
      return scan([`${f} IS NOT NULL`], `NOT regexp_full_match(${f}, ${lit(need(def, 'pattern'))})`);
    case 'codeSpecificity':
      return scan([`${f} IS NOT NULL`], `length(replace(${f}, '.', '')) < ${lit(need(def, 'minLength'))}`);
    case 'plausibleValueLow':
      return scan([`${f} IS NOT NULL`], `${f} < ${boundSql(need(def, 'value'), today)}`);
    case 'plausibleValueHigh':
      return scan([`${f} IS NOT NULL`], `${f} > ${boundSql(need(def, 'value'), today)}`);
    case 'plausibleTemporalAfter': {
      const after = `t.${column(t, need(def, 'afterField'))}`;
      return scan([`${f} IS NOT NULL`, `${after} IS NOT NULL`], `${f} < ${after}`);
    }
    case 'plausibleAfterBirth':
      return scan([`${f} IS NOT NULL`], `${f} < p.birth_date`, [PERSON_JOIN]);
    case 'plausibleBeforeDeath': {
      const grace = Math.trunc(def.params.graceDays ?? 0);
      return scan([`${f} IS NOT NULL`], `${f} > d.death_date + INTERVAL ${grace} DAY`, [DEATH_JOIN]);
    }
    case 'plausibleGender': {
      const expected = need(def, 'gender') === 'Male' ? MALE : FEMALE;
      // DQD counts records of persons whose gender is recorded and is not the plausible one.
      return scan([], `p.gender_concept_id IS NOT NULL AND p.gender_concept_id <> ${expected}`, [
        PERSON_JOIN,
      ]);
    }
    case 'measurePersonCompleteness': {
      const alias = `has_${t}`;
      return {
        mode: 'scan',
        base: 'person',
        joins: [
          {
            alias,
            sql: `LEFT JOIN (SELECT DISTINCT person_id AS k FROM ${t}) ${alias} ON ${alias}.k = t.person_id`,
          },
        ],
        checked: 'TRUE',
        failed: `${alias}.k IS NULL`,
      };
    }
    case 'measureObservationPeriodOverlap':
      return {
        mode: 'query',
        sql: `SELECT count(DISTINCT person_id) AS rows_checked,
            count(DISTINCT person_id) FILTER (WHERE observation_period_start_date <= prev_end + INTERVAL 1 DAY) AS rows_failed
          FROM (SELECT person_id, observation_period_start_date,
            max(observation_period_end_date) OVER (PARTITION BY person_id ORDER BY observation_period_start_date
              ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end FROM observation_period)`,
      };
    case 'isDuplicateRecord': {
      const fields = need(def, 'fields').map((x) => column(t, x));
      return {
        mode: 'query',
        sql: `SELECT coalesce(sum(n), 0) AS rows_checked, coalesce(sum(n - 1), 0) AS rows_failed
          FROM (SELECT count(*) AS n FROM ${t} GROUP BY ${fields.join(', ')})`,
      };
    }
  }
}
