/**
 * A small hand-built OMOP dataset for the cohort compiler's tests: for each criterion type and each
 * window edge, one person who just qualifies and one who just fails (comments give the edge). Person ids
 * are grouped by section (1xx conditions, 2xx measurements, …). Loaded the same way into DuckDB and
 * PostgreSQL (parameterised INSERTs), so the parity test compares like with like.
 */

type Row = Record<string, unknown>;
export type Fixture = Record<string, Row[]>;

const MALE = 8507;
const FEMALE = 8532;

export function buildCohortFixture(): Fixture {
  const t: Fixture = {
    person: [],
    observation_period: [],
    condition_occurrence: [],
    measurement: [],
    drug_exposure: [],
    procedure_occurrence: [],
    observation: [],
    variant: [],
    genotype: [],
    condition_occurrence_coding: [],
    drug_exposure_coding: [],
    observation_coding: [],
  };
  let rowId = 1;
  const noPeriod = new Set<number>();
  const periods = new Map<number, [string, string]>();

  const person = (id: number, born = '1970-05-20', gender = MALE, partial = false) => {
    const [y, m, d] = born.split('-').map(Number);
    t.person!.push({
      person_id: id,
      gender_concept_id: gender,
      year_of_birth: y,
      month_of_birth: partial ? null : m,
      day_of_birth: partial ? null : d,
      race_concept_id: 0,
      ethnicity_concept_id: 0,
    });
  };
  const condition = (pid: number, code: string, vocabulary: string, date: string) =>
    t.condition_occurrence!.push({
      condition_occurrence_id: rowId++,
      person_id: pid,
      condition_concept_id: 0,
      condition_start_date: date,
      condition_type_concept_id: 32817,
      condition_source_value: code,
      ehds_vocabulary: vocabulary,
    });
  const measurement = (pid: number, code: string, value: number, unit: string, date: string) =>
    t.measurement!.push({
      measurement_id: rowId++,
      person_id: pid,
      measurement_concept_id: 0,
      measurement_date: date,
      measurement_type_concept_id: 32817,
      value_as_number: value,
      unit_source_value: unit,
      measurement_source_value: code,
      ehds_vocabulary: 'LOINC',
    });
  const drug = (pid: number, code: string, date: string) =>
    t.drug_exposure!.push({
      drug_exposure_id: rowId++,
      person_id: pid,
      drug_concept_id: 0,
      drug_exposure_start_date: date,
      drug_exposure_end_date: date,
      drug_type_concept_id: 32817,
      drug_source_value: code,
      ehds_vocabulary: 'ATC',
    });
  const procedure = (pid: number, code: string, date: string) =>
    t.procedure_occurrence!.push({
      procedure_occurrence_id: rowId++,
      person_id: pid,
      procedure_concept_id: 0,
      procedure_date: date,
      procedure_type_concept_id: 32817,
      procedure_source_value: code,
      ehds_vocabulary: 'SNOMED',
    });
  const feature = (pid: number, term: string, value: string | null, date = '2019-03-01') =>
    t.observation!.push({
      observation_id: rowId++,
      person_id: pid,
      observation_concept_id: 0,
      observation_date: date,
      observation_type_concept_id: 32879,
      value_as_string: value,
      observation_source_value: term,
      ehds_vocabulary: 'HPO',
    });
  /** A record's additional coding (FHIR: a second coding of the same concept) on its row `row`. */
  const coding = (table: string, row: Row, vocabulary: string, code: string) =>
    t[`${table}_coding`]!.push({
      row_id: row[`${table}_id`],
      person_id: row.person_id,
      vocabulary,
      code,
    });
  const last = (table: string) => t[table]!.at(-1)!;
  const variant = (
    id: number,
    assembly: string,
    chrom: string,
    start0: number,
    ref: string,
    alt: string,
    gene: string,
  ) => t.variant!.push({ variant_id: id, assembly, chrom, start0, ref, alt, gene });
  const genotype = (variantId: number, pid: number | null, zygosity: string, sample = `s${pid}`) =>
    t.genotype!.push({
      variant_id: variantId,
      person_id: pid,
      sample,
      gt: zygosity === 'homozygous' ? '1/1' : '0/1',
      zygosity,
    });

  // 1xx conditions (J45 asthma, so the E11 index section below does not interfere).
  person(101); // J45.9 ICD10: descendant of J45                        → in
  condition(101, 'J45.9', 'ICD10', '2018-03-01');
  person(102); // J44.9: a sibling category                              → out
  condition(102, 'J44.9', 'ICD10', '2018-03-01');
  person(103, '1970-05-20', FEMALE); // CURIE from a phenopacket, ICD-10-CM → in
  condition(103, 'ICD10CM:J45.50', 'ICD10CM', '2018-03-01');
  person(104); // J459 without its dot                                   → in
  condition(104, 'J459', 'ICD10', '2018-03-02');
  person(105); // right code, wrong vocabulary                           → out
  condition(105, 'J45.9', 'SNOMED', '2018-03-01');
  person(106); // J4: an ancestor, not a descendant                      → out
  condition(106, 'J4', 'ICD10', '2018-03-01');
  person(107); // SNOMED exact 195967001                                 → in
  condition(107, '195967001', 'SNOMED', '2018-03-01');
  person(108); // SNOMED 1959670011: longer code, exact match only        → out
  condition(108, '1959670011', 'SNOMED', '2018-03-01');

  // 2xx measurements: HbA1c (LOINC 4548-4) ≥ 6.5 %, ≤ 8 %.
  person(201); // 6.5 % (lower edge)                                     → in
  measurement(201, '4548-4', 6.5, '%', '2019-01-01');
  person(202); // 6.49 %                                                 → out
  measurement(202, '4548-4', 6.49, '%', '2019-01-01');
  person(203); // 7.0 in mmol/mol: wrong unit                             → out
  measurement(203, '4548-4', 7.0, 'mmol/mol', '2019-01-01');
  person(204); // 9 % of another code                                    → out
  measurement(204, '4549-2', 9.0, '%', '2019-01-01');
  person(205); // 8.0 % (upper edge)                                     → in
  measurement(205, '4548-4', 8.0, '%', '2019-01-01');
  person(206); // 8.01 %                                                 → out
  measurement(206, '4548-4', 8.01, '%', '2019-01-01');

  // 3xx drugs: ATC A10BA (biguanides) by prefix.
  person(301); // A10BA02 metformin                                      → in
  drug(301, 'A10BA02', '2019-01-01');
  person(302); // A10BB01 glibenclamide                                  → out
  drug(302, 'A10BB01', '2019-01-01');
  person(303); // CURIE ATC:A10BA02                                      → in
  drug(303, 'ATC:A10BA02', '2019-01-01');

  // 4xx procedures: SNOMED 265764009 (renal dialysis), exact.
  person(401); //                                                        → in
  procedure(401, '265764009', '2019-01-01');
  person(402); // a prefix of it                                         → out
  procedure(402, '26576400', '2019-01-01');

  // 5xx age 18–80 on 2024-06-15.
  person(501, '2006-06-15'); // 18th birthday that day                     → in
  person(502, '2006-06-16'); // 17                                         → out
  person(503, '1943-06-16'); // 80, 81 the next day                        → in
  person(504, '1943-06-15'); // 81 that day                                → out
  person(505, '2006-12-31', MALE, true); // year only: taken as 1 January → 18 → in

  // 6xx sex.
  person(601, '1980-01-01', FEMALE);
  person(602, '1980-01-01', 0); // unknown

  // 7xx variants (GRCh38 unless stated).
  variant(1, 'GRCh38', '13', 32340300, 'A', 'G', 'BRCA2');
  variant(2, 'GRCh38', '13', 32340300, 'A', 'T', 'BRCA2');
  variant(3, 'GRCh37', '13', 32340300, 'A', 'G', 'BRCA2');
  variant(4, 'GRCh38', '13', 99, 'CA', 'C', 'BRCA2'); // stored trimmed: queried as pos 100 CAT>CT
  person(701); // chr13:32340301 A>G heterozygous                         → in (position, gene)
  genotype(1, 701, 'heterozygous');
  person(702); // same position, other ALT                              → out (position), in (gene)
  genotype(2, 702, 'heterozygous');
  person(703); // same alleles on GRCh37                                → out
  genotype(3, 703, 'heterozygous');
  person(704); // homozygous                                            → in, out for zygosity het
  genotype(1, 704, 'homozygous');
  person(705); // the trimmed deletion                                  → in (pos 100 CAT>CT)
  genotype(4, 705, 'heterozygous');
  genotype(1, null, 'heterozygous', 'unlinked-sample'); // not a person: never counted

  // 8xx HPO HP:0001250 (seizure).
  person(801); // observed                                               → present
  feature(801, 'HP:0001250', null);
  person(802); // phenopacket excluded: true                             → excluded
  feature(802, 'HP:0001250', 'excluded');
  person(803); // FHIR valueBoolean false                                → excluded
  feature(803, 'HP:0001250', 'false');
  person(804); // another term                                           → neither
  feature(804, 'HP:0001251', null);

  // 9xx index = first E11 diagnosis on 2020-01-01 (and a later one on 2021-01-01).
  for (const pid of [901, 902, 903, 904, 905, 906, 907]) {
    person(pid);
    condition(pid, 'E11.9', 'ICD10', '2020-01-01');
    condition(pid, 'E11.65', 'ICD10', '2021-01-01');
  }
  measurement(901, '4548-4', 7, '%', '2019-01-01'); // day −365                → in [−365, 0]
  measurement(902, '4548-4', 7, '%', '2018-12-31'); // day −366                → out
  measurement(903, '4548-4', 7, '%', '2020-01-01'); // day 0                   → in
  measurement(904, '4548-4', 7, '%', '2020-01-02'); // day +1                  → out
  measurement(905, '4548-4', 7, '%', '2020-12-31'); // +365 of first; −1 of last
  drug(906, 'A10AB01', '2020-01-31'); // insulin on day +30                     → excluded by [0, 30]
  drug(907, 'A10AB01', '2020-02-01'); // day +31                                → kept

  // 10xx observation periods (condition I21, only here).
  person(1001); // I21 on the first day of the period                    → in
  condition(1001, 'I21.0', 'ICD10', '2015-06-01');
  periods.set(1001, ['2015-06-01', '2016-01-01']);
  person(1002); // I21 the day before the period                          → out
  condition(1002, 'I21.0', 'ICD10', '2015-05-31');
  periods.set(1002, ['2015-06-01', '2016-01-01']);
  person(1003); // no period at all                                       → out
  condition(1003, 'I21.0', 'ICD10', '2015-06-01');
  noPeriod.add(1003);

  // 11xx prior observation ≥ 180 days before the index (first E11 on 2020-01-01).
  person(1101); // period from 2019-07-05: 180 days                        → in
  condition(1101, 'E11.9', 'ICD10', '2020-01-01');
  periods.set(1101, ['2019-07-05', '2022-01-01']);
  person(1102); // period from 2019-07-06: 179 days                        → out
  condition(1102, 'E11.9', 'ICD10', '2020-01-01');
  periods.set(1102, ['2019-07-06', '2022-01-01']);

  // 12xx age at index (E11 on 2020-01-01).
  person(1201, '2002-01-01'); // 18 at index                              → in for ≥ 18
  condition(1201, 'E11.9', 'ICD10', '2020-01-01');
  person(1202, '2002-01-02'); // 17 at index                              → out
  condition(1202, 'E11.9', 'ICD10', '2020-01-01');

  // 13xx additional codings: the row keeps SNOMED CT (or ATC), the other coding is in `<table>_coding`.
  const hypertension = (pid: number, date: string, extraVocabulary: string, extraCode: string) => {
    person(pid);
    condition(pid, '38341003', 'SNOMED', date);
    coding('condition_occurrence', last('condition_occurrence'), extraVocabulary, extraCode);
  };
  hypertension(1301, '2018-05-01', 'ICD10', 'I10'); // ICD-10 I10 as second coding     → in (I10)
  hypertension(1302, '2018-05-01', 'ICD10', 'I11.9'); // a sibling category            → out
  hypertension(1303, '2018-05-01', 'SNOMED', 'I10'); // right code, wrong vocabulary   → out
  hypertension(1304, '2018-04-30', 'ICD10', 'I10'); // I10, a day before a date range  → out for the range
  person(1305); // I10 coded on a drug record, not a condition                          → out
  drug(1305, 'C09AA05', '2018-05-01');
  coding('drug_exposure', last('drug_exposure'), 'ICD10', 'I10');
  person(1306); // ATC row with RxNorm 29046 (lisinopril) as second coding              → in (RxNorm)
  drug(1306, 'C09AA03', '2018-05-01');
  coding('drug_exposure', last('drug_exposure'), 'RxNorm', '29046');
  person(1307); // RxNorm 290461: a longer code, exact match only                         → out
  drug(1307, 'C09AA03', '2018-05-01');
  coding('drug_exposure', last('drug_exposure'), 'RxNorm', '290461');
  person(1308); // SNOMED observation with HPO HP:0004322 as second coding             → present
  feature(1308, '248328003', null);
  last('observation').ehds_vocabulary = 'SNOMED';
  coding('observation', last('observation'), 'HPO', 'HP:0004322');
  person(1309); // the same, recorded absent (FHIR valueBoolean false)                 → excluded
  feature(1309, '248328003', 'false');
  last('observation').ehds_vocabulary = 'SNOMED';
  coding('observation', last('observation'), 'HPO', 'HP:0004322');
  // Index through a second coding: I10 first on 2018-01-01 (ICD-10 second coding), then 2019-01-01
  // (ICD-10 in the row); atorvastatin on 2018-01-01 is on the index day only if the first one counts.
  hypertension(1310, '2018-01-01', 'ICD10', 'I10'); //                                  → in
  condition(1310, 'I10', 'ICD10', '2019-01-01');
  drug(1310, 'C10AA05', '2018-01-01');
  hypertension(1311, '2018-01-01', 'SNOMED', '59621000'); // no ICD-10: index 2019-01-01 → out
  condition(1311, 'I10', 'ICD10', '2019-01-01');
  drug(1311, 'C10AA05', '2018-01-01');

  for (const p of t.person!) {
    const id = p.person_id as number;
    if (noPeriod.has(id)) continue;
    const [start, end] = periods.get(id) ?? ['2000-01-01', '2030-12-31'];
    t.observation_period!.push({
      observation_period_id: id,
      person_id: id,
      observation_period_start_date: start,
      observation_period_end_date: end,
      period_type_concept_id: 32817,
    });
  }
  return t;
}

/** Inserts the fixture with one parameterised INSERT per row (dates as ISO strings, cast by the engine). */
export async function loadCohortFixture(
  fixture: Fixture,
  run: (sql: string, params: unknown[]) => Promise<unknown>,
  dateCast: (placeholder: string, column: string) => string = (p) => p,
): Promise<void> {
  for (const [table, rows] of Object.entries(fixture)) {
    for (const row of rows) {
      const cols = Object.keys(row);
      const values = cols.map((c, i) => dateCast(`$${i + 1}`, c));
      await run(
        `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${values.join(', ')})`,
        Object.values(row),
      );
    }
  }
}
