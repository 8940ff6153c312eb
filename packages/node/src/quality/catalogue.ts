import { KINDS } from './kinds';
import type { CheckDefinition, CheckKind, CheckParams, Dimension } from './types';

/**
 * The check catalogue, as data. One row per check:
 * `[table, field, kind, thresholdPct, thresholdSource, params?, dimension?, idSuffix?]`.
 *
 * Thresholds marked DQD are DQD 5.4's (`OMOP_CDMv5.4_{Field,Table,Concept}_Level.csv`; a conformance test
 * compares them). Ours are set where DQD only characterises (threshold 100) a field that research use
 * expects to be filled, or where DQD's check needs the OHDSI vocabulary, which nodes do not ship: there
 * concept-level checks select rows by source code and coding system (`ehds_vocabulary`) instead of
 * concept id. Plausible measurement ranges are ours, chosen wide (physiological extremes) so that a
 * failure means an error of entry or of unit, not a sick patient.
 */
type Row = readonly [
  table: string,
  field: string | null,
  kind: CheckKind,
  thresholdPct: number,
  source: 'DQD' | 'ours',
  params?: CheckParams,
  dimension?: Dimension,
  idSuffix?: string,
];

const DQD = 'DQD' as const;
const OURS = 'ours' as const;
const FLOOR_1950 = { value: { date: '1950-01-01' } };
const TOMORROW = { value: { nowPlusDays: 1 } };
const GRACE = { graceDays: 60 };
const LOINC = (sourceValues: string[], units?: string[]): CheckParams => ({
  vocabulary: 'LOINC',
  sourceValues,
  ...(units ? { units } : {}),
});

/** The event date checks DQD runs on every start date: after 1950, not after tomorrow, during life. */
function eventDate(table: string, field: string): Row[] {
  return [
    [table, field, 'plausibleValueLow', 1, DQD, FLOOR_1950],
    [table, field, 'plausibleValueHigh', 1, DQD, TOMORROW],
    [table, field, 'plausibleAfterBirth', 1, DQD],
    [table, field, 'plausibleBeforeDeath', 1, DQD, GRACE],
  ];
}

/** A plausible range of a measurement, as two checks (DQD's concept-level threshold is 5 %). */
function range(suffix: string, params: CheckParams, low: number, high: number): Row[] {
  return [
    [
      'measurement',
      'value_as_number',
      'plausibleValueLow',
      5,
      OURS,
      { ...params, value: low },
      undefined,
      suffix,
    ],
    [
      'measurement',
      'value_as_number',
      'plausibleValueHigh',
      5,
      OURS,
      { ...params, value: high },
      undefined,
      suffix,
    ],
  ];
}

/** Provenance columns every row carries (schema.ts), so that a rejected or doubtful row can be traced. */
function provenance(table: string): Row[] {
  return [
    [table, 'ehds_batch', 'measureValueCompleteness', 0, OURS, {}, 'provenance'],
    [table, 'ehds_file', 'measureValueCompleteness', 0, OURS, {}, 'provenance'],
  ];
}

const CLINICAL = [
  'condition_occurrence',
  'drug_exposure',
  'procedure_occurrence',
  'measurement',
  'observation',
];

const ROWS: Row[] = [
  // person
  ['person', 'person_id', 'isPrimaryKey', 0, DQD],
  ['person', 'gender_concept_id', 'isRequired', 0, DQD],
  ['person', 'gender_concept_id', 'fkDomain', 0, DQD, { allowed: [8507, 8532, 8521, 8551, 8570] }],
  ['person', 'year_of_birth', 'isRequired', 0, DQD],
  ['person', 'year_of_birth', 'plausibleValueLow', 1, DQD, { value: 1850 }],
  ['person', 'year_of_birth', 'plausibleValueHigh', 1, DQD, { value: { nowYearPlus: 1 } }],
  ['person', 'month_of_birth', 'plausibleValueLow', 1, DQD, { value: 1 }],
  ['person', 'month_of_birth', 'plausibleValueHigh', 1, DQD, { value: 12 }],
  ['person', 'day_of_birth', 'plausibleValueLow', 1, DQD, { value: 1 }],
  ['person', 'day_of_birth', 'plausibleValueHigh', 1, DQD, { value: 31 }],
  ['person', 'birth_datetime', 'plausibleValueLow', 1, DQD, { value: { date: '1850-01-01' } }],
  ['person', 'birth_datetime', 'plausibleValueHigh', 1, DQD, TOMORROW],
  // A birth month lets ages be computed to the month: precision, not completeness (DQD: 100).
  ['person', 'month_of_birth', 'measureValueCompleteness', 20, OURS, {}, 'precision'],
  ...provenance('person'),

  // observation_period
  ['observation_period', 'observation_period_id', 'isPrimaryKey', 0, DQD],
  ['observation_period', 'person_id', 'isForeignKey', 0, DQD, { fkTable: 'person', fkField: 'person_id' }],
  ...eventDate('observation_period', 'observation_period_start_date'),
  [
    'observation_period',
    'observation_period_end_date',
    'plausibleTemporalAfter',
    1,
    DQD,
    { afterField: 'observation_period_start_date' },
  ],
  ['observation_period', 'observation_period_end_date', 'plausibleValueHigh', 1, DQD, TOMORROW],
  ['observation_period', null, 'measurePersonCompleteness', 0, DQD],
  ['observation_period', null, 'measureObservationPeriodOverlap', 0, DQD],
  ...provenance('observation_period'),

  // visit_occurrence
  ['visit_occurrence', 'visit_occurrence_id', 'isPrimaryKey', 0, DQD],
  ['visit_occurrence', 'person_id', 'isForeignKey', 0, DQD, { fkTable: 'person', fkField: 'person_id' }],
  ...eventDate('visit_occurrence', 'visit_start_date'),
  [
    'visit_occurrence',
    'visit_end_date',
    'plausibleTemporalAfter',
    1,
    DQD,
    { afterField: 'visit_start_date' },
  ],
  ['visit_occurrence', null, 'measurePersonCompleteness', 95, DQD],
  ...provenance('visit_occurrence'),

  // condition_occurrence
  ['condition_occurrence', 'condition_occurrence_id', 'isPrimaryKey', 0, DQD],
  ['condition_occurrence', 'person_id', 'isForeignKey', 0, DQD, { fkTable: 'person', fkField: 'person_id' }],
  [
    'condition_occurrence',
    'visit_occurrence_id',
    'isForeignKey',
    0,
    DQD,
    { fkTable: 'visit_occurrence', fkField: 'visit_occurrence_id' },
  ],
  ...eventDate('condition_occurrence', 'condition_start_date'),
  [
    'condition_occurrence',
    'condition_end_date',
    'plausibleTemporalAfter',
    1,
    DQD,
    { afterField: 'condition_start_date' },
  ],
  ['condition_occurrence', null, 'measurePersonCompleteness', 95, DQD],
  ['condition_occurrence', 'condition_source_value', 'measureValueCompleteness', 5, OURS],
  [
    'condition_occurrence',
    'ehds_vocabulary',
    'measureValueCompleteness',
    0,
    OURS,
    { whenNotNull: 'condition_source_value' },
  ],
  [
    'condition_occurrence',
    'ehds_vocabulary',
    'allowedValues',
    0,
    OURS,
    { allowed: ['SNOMED', 'ICD10', 'ICD10CM', 'ICD9CM', 'HPO', 'ORPHA'] },
  ],
  [
    'condition_occurrence',
    'condition_source_value',
    'sourceValueFormat',
    1,
    OURS,
    { vocabulary: 'ICD10', pattern: '^[A-Z][0-9]{2}(\\.?[0-9A-Z]{1,4})?$' },
    undefined,
    'ICD10',
  ],
  [
    'condition_occurrence',
    'condition_source_value',
    'sourceValueFormat',
    1,
    OURS,
    { vocabulary: 'SNOMED', pattern: '^[0-9]{6,18}$' },
    undefined,
    'SNOMED',
  ],
  [
    'condition_occurrence',
    'condition_source_value',
    'sourceValueFormat',
    1,
    OURS,
    { vocabulary: 'HPO', pattern: '^HP:[0-9]{7}$' },
    undefined,
    'HPO',
  ],
  [
    'condition_occurrence',
    'condition_source_value',
    'codeSpecificity',
    50,
    OURS,
    { vocabulary: 'ICD10', minLength: 4 },
  ],
  // Sex-specific conditions (DQD concept-level plausibleGender, threshold 5 %), selected by source code.
  [
    'condition_occurrence',
    'condition_source_value',
    'plausibleGender',
    5,
    DQD,
    { vocabulary: 'ICD10', sourceValuePrefixes: ['C61', 'N40', 'N41', 'N42'], gender: 'Male' },
    undefined,
    'prostate.ICD10',
  ],
  [
    'condition_occurrence',
    'condition_source_value',
    'plausibleGender',
    5,
    DQD,
    { vocabulary: 'SNOMED', sourceValues: ['399068003', '254900004', '266569009'], gender: 'Male' },
    undefined,
    'prostate.SNOMED',
  ],
  [
    'condition_occurrence',
    'condition_source_value',
    'plausibleGender',
    5,
    DQD,
    {
      vocabulary: 'ICD10',
      sourceValuePrefixes: ['C51', 'C52', 'C53', 'C54', 'C55', 'C56', 'N70', 'N71', 'N80', 'N81'],
      gender: 'Female',
    },
    undefined,
    'female-genital.ICD10',
  ],
  // Breast cancer in men exists (about 1 % of cases): 5 % tolerates it and still flags swapped sexes.
  [
    'condition_occurrence',
    'condition_source_value',
    'plausibleGender',
    5,
    DQD,
    { vocabulary: 'ICD10', sourceValuePrefixes: ['C50'], gender: 'Female' },
    undefined,
    'breast-cancer.ICD10',
  ],
  [
    'condition_occurrence',
    'condition_source_value',
    'plausibleGender',
    5,
    DQD,
    { vocabulary: 'ICD10', sourceValuePrefixes: ['O'], gender: 'Female' },
    undefined,
    'pregnancy.ICD10',
  ],
  [
    'condition_occurrence',
    null,
    'isDuplicateRecord',
    1,
    OURS,
    { fields: ['person_id', 'condition_source_value', 'ehds_vocabulary', 'condition_start_date'] },
  ],

  // drug_exposure
  ['drug_exposure', 'drug_exposure_id', 'isPrimaryKey', 0, DQD],
  ['drug_exposure', 'person_id', 'isForeignKey', 0, DQD, { fkTable: 'person', fkField: 'person_id' }],
  [
    'drug_exposure',
    'visit_occurrence_id',
    'isForeignKey',
    0,
    DQD,
    { fkTable: 'visit_occurrence', fkField: 'visit_occurrence_id' },
  ],
  ...eventDate('drug_exposure', 'drug_exposure_start_date'),
  [
    'drug_exposure',
    'drug_exposure_end_date',
    'plausibleTemporalAfter',
    1,
    DQD,
    { afterField: 'drug_exposure_start_date' },
  ],
  ['drug_exposure', 'days_supply', 'plausibleValueLow', 1, DQD, { value: 1 }],
  ['drug_exposure', 'days_supply', 'plausibleValueHigh', 1, DQD, { value: 365 }],
  ['drug_exposure', null, 'measurePersonCompleteness', 95, DQD],
  ['drug_exposure', 'drug_source_value', 'measureValueCompleteness', 5, OURS],
  // Immunizations land in drug_exposure with their CVX vaccine code (OMOP convention for vaccines).
  [
    'drug_exposure',
    'ehds_vocabulary',
    'allowedValues',
    0,
    OURS,
    { allowed: ['ATC', 'RxNorm', 'SNOMED', 'CVX'] },
  ],
  [
    'drug_exposure',
    'drug_source_value',
    'sourceValueFormat',
    1,
    OURS,
    { vocabulary: 'ATC', pattern: '^[A-Z]([0-9]{2}([A-Z]([A-Z]([0-9]{2})?)?)?)?$' },
    undefined,
    'ATC',
  ],
  [
    'drug_exposure',
    null,
    'isDuplicateRecord',
    1,
    OURS,
    { fields: ['person_id', 'drug_source_value', 'drug_exposure_start_date'] },
  ],

  // procedure_occurrence
  ['procedure_occurrence', 'procedure_occurrence_id', 'isPrimaryKey', 0, DQD],
  ['procedure_occurrence', 'person_id', 'isForeignKey', 0, DQD, { fkTable: 'person', fkField: 'person_id' }],
  ...eventDate('procedure_occurrence', 'procedure_date'),
  [
    'procedure_occurrence',
    'procedure_end_date',
    'plausibleTemporalAfter',
    1,
    DQD,
    { afterField: 'procedure_date' },
  ],
  ['procedure_occurrence', 'quantity', 'plausibleValueLow', 1, DQD, { value: 1 }],
  ['procedure_occurrence', null, 'measurePersonCompleteness', 95, DQD],
  ['procedure_occurrence', 'procedure_source_value', 'measureValueCompleteness', 5, OURS],

  // measurement
  ['measurement', 'measurement_id', 'isPrimaryKey', 0, DQD],
  ['measurement', 'person_id', 'isForeignKey', 0, DQD, { fkTable: 'person', fkField: 'person_id' }],
  [
    'measurement',
    'visit_occurrence_id',
    'isForeignKey',
    0,
    DQD,
    { fkTable: 'visit_occurrence', fkField: 'visit_occurrence_id' },
  ],
  ...eventDate('measurement', 'measurement_date'),
  ['measurement', null, 'measurePersonCompleteness', 95, DQD],
  ['measurement', 'measurement_source_value', 'measureValueCompleteness', 5, OURS],
  // Most results are numbers; a value-less measurement records only that a test was done.
  ['measurement', 'value_as_number', 'measureValueCompleteness', 20, OURS],
  // A number without its unit cannot be compared or converted.
  [
    'measurement',
    'unit_source_value',
    'measureValueCompleteness',
    5,
    OURS,
    { whenNotNull: 'value_as_number' },
  ],
  ['measurement', 'ehds_vocabulary', 'allowedValues', 0, OURS, { allowed: ['LOINC', 'SNOMED'] }],
  [
    'measurement',
    'measurement_source_value',
    'sourceValueFormat',
    1,
    OURS,
    { vocabulary: 'LOINC', pattern: '^[0-9]{1,7}-[0-9]$' },
    undefined,
    'LOINC',
  ],
  ...range('hba1c', LOINC(['4548-4', '17856-6'], ['%']), 3, 20),
  ...range('hba1c-ifcc', LOINC(['59261-8'], ['mmol/mol']), 9, 195),
  ...range(
    'egfr',
    LOINC(['33914-3', '48642-3', '48643-1', '50044-7', '62238-1', '69405-9', '98979-8']),
    1,
    200,
  ),
  ...range('bmi', LOINC(['39156-5'], ['kg/m2', 'kg/m²']), 10, 80),
  ...range('systolic-bp', LOINC(['8480-6'], ['mm[Hg]', 'mmHg']), 50, 300),
  ...range('diastolic-bp', LOINC(['8462-4'], ['mm[Hg]', 'mmHg']), 20, 200),
  ...range('heart-rate', LOINC(['8867-4'], ['/min', 'beats/min', '{beats}/min']), 20, 300),
  ...range('body-weight', LOINC(['29463-7', '3141-9'], ['kg']), 0.2, 500),
  ...range('body-height', LOINC(['8302-2', '8306-3'], ['cm']), 20, 260),
  [
    'measurement',
    null,
    'isDuplicateRecord',
    1,
    OURS,
    {
      fields: [
        'person_id',
        'measurement_source_value',
        'measurement_date',
        'measurement_datetime',
        'value_as_number',
      ],
    },
  ],

  // observation
  ['observation', 'observation_id', 'isPrimaryKey', 0, DQD],
  ['observation', 'person_id', 'isForeignKey', 0, DQD, { fkTable: 'person', fkField: 'person_id' }],
  ...eventDate('observation', 'observation_date'),
  ['observation', 'observation_source_value', 'measureValueCompleteness', 5, OURS],

  // death
  ['death', 'person_id', 'isForeignKey', 0, DQD, { fkTable: 'person', fkField: 'person_id' }],
  // DQD 5.4 has no primary key on death, but a person dies once.
  ['death', null, 'isDuplicateRecord', 0, OURS, { fields: ['person_id'] }],
  ['death', 'death_date', 'plausibleValueLow', 1, DQD, FLOOR_1950],
  ['death', 'death_date', 'plausibleValueHigh', 1, DQD, TOMORROW],
  ['death', 'death_date', 'plausibleAfterBirth', 1, DQD],
  ...provenance('death'),

  ...CLINICAL.flatMap(provenance),
];

function fill(template: string, def: { table: string; field: string | null; params: CheckParams }): string {
  return template.replace(/@(\w+)/g, (_, name: string) => {
    if (name === 'table') return def.table;
    if (name === 'field') return def.field ?? '';
    const v = (def.params as Record<string, unknown>)[name];
    if (v === undefined) return `@${name}`;
    if (Array.isArray(v)) return v.join(', ');
    if (typeof v === 'object' && v) return describeBound(v as Record<string, number | string>);
    return String(v);
  });
}

function describeBound(b: Record<string, number | string>): string {
  if ('date' in b) return String(b.date);
  if ('nowPlusDays' in b) return `today + ${b.nowPlusDays} day(s)`;
  if ('nowYearPlus' in b) return `this year + ${b.nowYearPlus}`;
  return JSON.stringify(b);
}

function toDefinition([
  table,
  field,
  kind,
  thresholdPct,
  source,
  params = {},
  dimension,
  idSuffix,
]: Row): CheckDefinition {
  const meta = KINDS[kind];
  const id = [table, field ?? 'table', kind, idSuffix].filter(Boolean).join('.');
  const scope = params.vocabulary
    ? ` [${params.vocabulary}${params.sourceValues ? ` ${params.sourceValues.join(', ')}` : ''}${params.sourceValuePrefixes ? ` ${params.sourceValuePrefixes.map((p) => `${p}*`).join(', ')}` : ''}]`
    : '';
  return {
    id,
    category: meta.category,
    subcategory: meta.subcategory,
    kind,
    table,
    field,
    params,
    thresholdPct,
    thresholdSource: source === 'DQD' ? 'DQD 5.4' : 'OpenEHDS',
    dimension: dimension ?? meta.dimension,
    description: fill(meta.description, { table, field, params }) + scope,
  };
}

/** The checks a node runs, in catalogue order. */
export const CHECKS: readonly CheckDefinition[] = ROWS.map(toDefinition);
