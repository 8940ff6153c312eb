import type { NodeStore } from '@openehds/analytics';
import { eventsUnionSql, RECORD_TABLES } from './events';
import { publish, publishGroup, type PublishedCount } from './suppress';

/**
 * Statistics derived from the data for the dataset's HealthDCAT-AP description (`numberOfRecords`,
 * `numberOfUniqueIndividuals`, `minTypicalAge`, `maxTypicalAge`, `dct:temporal`, `hasCodingSystem`,
 * `healthCategory`) and for the dataset page. Only aggregates leave this function, and counts below the
 * small-cell threshold are suppressed (null, `suppressed: true`) so small cells never leave the node.
 */

const HEALTH_CATEGORY_BASE = 'https://hdeu-dcat.data.health.europa.eu/resource/authority/healthcategories/';
const CLINICAL_TABLES = [
  'visit_occurrence',
  'condition_occurrence',
  'drug_exposure',
  'procedure_occurrence',
  'measurement',
  'observation',
];

/** Options of `deriveStatistics`. */
export interface StatisticsOptions {
  /** Smallest count that may be published (default 10). */
  smallCellThreshold?: number;
  /** Today, for ages and for leaving out future-dated events (default: now). */
  now?: Date;
  /** How many conditions to list (default 20). */
  topConditions?: number;
}

/** The derived statistics. */
export interface DatasetStatistics {
  smallCellThreshold: number;
  numberOfRecords: { total: PublishedCount; byTable: Record<string, PublishedCount> };
  numberOfUniqueIndividuals: PublishedCount;
  /** 5th and 95th percentiles of age at the last observation; null when the population is a small cell. */
  typicalAge: { min: number | null; max: number | null; suppressed: boolean };
  temporalCoverage: { start: string | null; end: string | null };
  codingSystems: string[];
  /** Art. 51(1) categories guessed from which tables hold data: EHRS (a), HGPD (f). */
  healthCategories: { code: string; uri: string }[];
  /** Persons by 5-year band of age at last observation × sex. */
  agePyramid: ({ band: string; sex: 'male' | 'female' | 'other' } & PublishedCount)[];
  /** Records of dated events per calendar year. */
  recordsPerYear: ({ year: number } & PublishedCount)[];
  /** Most frequent conditions by source code and coding system, by number of persons. */
  topConditions: {
    code: string;
    vocabulary: string | null;
    persons: PublishedCount;
    records: PublishedCount;
  }[];
}

/** 5-year age band label ('0-4' … '95+'). */
export function ageBand5(age: number): string {
  if (age >= 95) return '95+';
  const lo = Math.max(0, Math.floor(age / 5) * 5);
  return `${lo}-${lo + 4}`;
}

function iso(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  return v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);
}

/** Derives the dataset statistics from the node store. */
export async function deriveStatistics(
  store: NodeStore,
  options: StatisticsOptions = {},
): Promise<DatasetStatistics> {
  const threshold = options.smallCellThreshold ?? 10;
  const today = (options.now ?? new Date()).toISOString().slice(0, 10);
  const events = eventsUnionSql(today);

  const [counts] = await store.all<Record<string, number>>(
    `SELECT ${[...RECORD_TABLES, 'variant'].map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(', ')},
            (SELECT count(DISTINCT person_id) FROM person) AS individuals`,
  );
  const c = counts ?? {};
  const byTableCounts = RECORD_TABLES.map((t) => Number(c[t] ?? 0));
  const published = publishGroup(byTableCounts, threshold);
  const byTable = Object.fromEntries(RECORD_TABLES.map((t, i) => [t, published[i]!]));
  const total = byTableCounts.reduce((s, n) => s + n, 0);
  const individuals = Number(c.individuals ?? 0);

  // Age at last observation: the latest event or observation period end, per person.
  const lastSql = `SELECT person_id, max(d) AS last FROM (${events}
      UNION ALL SELECT person_id, observation_period_end_date FROM observation_period
        WHERE observation_period_end_date <= DATE '${today}') GROUP BY person_id`;
  const agesSql = `SELECT p.person_id, any_value(p.gender_concept_id) AS g,
      year(coalesce(max(l.last), DATE '${today}')) - min(p.year_of_birth) AS age
    FROM person p LEFT JOIN (${lastSql}) l ON l.person_id = p.person_id GROUP BY p.person_id`;
  const [age] = await store.all<{ p5: number | null; p95: number | null; n: number }>(
    `SELECT quantile_disc(age, 0.05) AS p5, quantile_disc(age, 0.95) AS p95, count(*) AS n FROM (${agesSql}) WHERE age >= 0`,
  );
  const ageHidden = !age || age.n < threshold;

  const [span] = await store.all<{ start: unknown; end: unknown }>(
    `SELECT min(d) AS start, max(d) AS "end" FROM (${events})`,
  );
  const vocab = await store.all<{ v: string }>(
    CLINICAL_TABLES.concat('death')
      .map((t) => `SELECT DISTINCT ehds_vocabulary AS v FROM ${t} WHERE ehds_vocabulary IS NOT NULL`)
      .join(' UNION ') + ' ORDER BY v',
  );

  const categories: DatasetStatistics['healthCategories'] = [];
  if (CLINICAL_TABLES.some((t) => Number(c[t] ?? 0) > 0))
    categories.push({ code: 'EHRS', uri: `${HEALTH_CATEGORY_BASE}EHRS` });
  if (Number(c.variant ?? 0) > 0) categories.push({ code: 'HGPD', uri: `${HEALTH_CATEGORY_BASE}HGPD` });

  const pyramidRows = await store.all<{ age: number; g: number; n: number }>(
    `SELECT age, g, count(*) AS n FROM (${agesSql}) WHERE age >= 0 GROUP BY age, g`,
  );
  const cells = new Map<string, { band: string; sex: 'male' | 'female' | 'other'; n: number }>();
  for (const r of pyramidRows) {
    const sex = r.g === 8507 ? 'male' : r.g === 8532 ? 'female' : 'other';
    const band = ageBand5(r.age);
    const key = `${band}|${sex}`;
    const cell = cells.get(key) ?? { band, sex, n: 0 };
    cell.n += r.n;
    cells.set(key, cell);
  }
  const sortedCells = [...cells.values()].sort(
    (a, b) => parseInt(a.band) - parseInt(b.band) || a.sex.localeCompare(b.sex),
  );
  const pyramidCounts = publishGroup(
    sortedCells.map((x) => x.n),
    threshold,
  );
  const agePyramid = sortedCells.map((x, i) => ({ band: x.band, sex: x.sex, ...pyramidCounts[i]! }));

  const yearRows = await store.all<{ y: number; n: number }>(
    `SELECT year(d) AS y, count(*) AS n FROM (${events}) GROUP BY 1 ORDER BY 1`,
  );
  const yearCounts = publishGroup(
    yearRows.map((r) => r.n),
    threshold,
  );
  const recordsPerYear = yearRows.map((r, i) => ({ year: r.y, ...yearCounts[i]! }));

  const conditionRows = await store.all<{
    code: string;
    vocabulary: string | null;
    persons: number;
    records: number;
  }>(
    `SELECT condition_source_value AS code, ehds_vocabulary AS vocabulary, count(DISTINCT person_id) AS persons, count(*) AS records
       FROM condition_occurrence WHERE condition_source_value IS NOT NULL
       GROUP BY 1, 2 ORDER BY persons DESC, records DESC, code LIMIT ${Math.max(1, Math.trunc(options.topConditions ?? 20))}`,
  );
  // A condition seen in few persons is a small cell whatever its number of records.
  const topConditions = conditionRows.map((r) => {
    const persons = publish(r.persons, threshold);
    return {
      code: r.code,
      vocabulary: r.vocabulary,
      persons,
      records: persons.suppressed ? { value: null, suppressed: true } : publish(r.records, threshold),
    };
  });

  return {
    smallCellThreshold: threshold,
    numberOfRecords: { total: publish(total, threshold), byTable },
    numberOfUniqueIndividuals: publish(individuals, threshold),
    typicalAge: {
      min: ageHidden ? null : (age?.p5 ?? null),
      max: ageHidden ? null : (age?.p95 ?? null),
      suppressed: ageHidden,
    },
    temporalCoverage: { start: iso(span?.start), end: iso(span?.end) },
    codingSystems: vocab.map((v) => v.v),
    healthCategories: categories,
    agePyramid,
    recordsPerYear,
    topConditions,
  };
}
