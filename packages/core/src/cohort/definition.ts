import { z } from 'zod';

/**
 * A cohort definition for a feasibility count (EHDS Regulation 2025/327 Art. 69: a health data request
 * answers with anonymised statistics; issue 4 §1): who is in the cohort, written once as JSON, compiled
 * to SQL at every node (`@openehds/analytics` `compileCohort`). Pure shape and cross-field rules; no I/O.
 *
 * Meaning, in short (the compiler's README has the details):
 * - a person is in the cohort when they have the index event (if one is given), satisfy every inclusion
 *   group and no exclusion group; a group is satisfied when ALL or ANY of its criteria hold;
 * - an event criterion holds when the person has at least one matching event: within its `window`
 *   (days relative to the index date, both ends inclusive) and `dateRange`, and — when
 *   `requireObservationPeriod` — dated inside one of the person's observation periods;
 * - codes are matched on the source code the node keeps (`*_source_value`) in the named vocabulary,
 *   since nodes ship no OHDSI vocabulary; `descendants` is a code-prefix match, which is exact for
 *   vocabularies whose hierarchy is their code prefix (ICD-10 and its modifications, ATC).
 */

/** Coding systems a criterion can name, as the node store's `ehds_vocabulary` spells them. */
export const COHORT_VOCABULARIES = [
  'ICD10',
  'ICD10CM',
  'ICD10PCS',
  'SNOMED',
  'LOINC',
  'ATC',
  'RxNorm',
  'CPT4',
  'CVX',
  'HPO',
  'OMIM',
  'ORPHA',
  'MONDO',
] as const;
export type CohortVocabulary = (typeof COHORT_VOCABULARIES)[number];

/** Vocabularies whose hierarchy is the code prefix, so `descendants` can be answered without a vocabulary. */
export const PREFIX_HIERARCHY_VOCABULARIES: readonly CohortVocabulary[] = [
  'ICD10',
  'ICD10CM',
  'ICD10PCS',
  'ATC',
];

/** Limits that keep a compiled query bounded (a definition arrives from the open internet). */
export const COHORT_LIMITS = {
  groups: 20,
  criteriaPerGroup: 50,
  codesPerCriterion: 500,
  days: 36_500,
} as const;

const code = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9.:-]{0,49}$/,
    'a code: letters, digits, ".", ":" or "-", at most 50 characters',
  );
const isoDate = z.iso.date();
const days = z.int().min(-COHORT_LIMITS.days).max(COHORT_LIMITS.days);

/** Codes of one vocabulary; `descendants` matches every code that starts with one of them. */
export const CodeSet = z
  .strictObject({
    vocabulary: z.enum(COHORT_VOCABULARIES),
    codes: z.array(code).min(1).max(COHORT_LIMITS.codesPerCriterion),
    descendants: z.boolean().default(false),
  })
  .superRefine((c, ctx) => {
    if (c.descendants && !PREFIX_HIERARCHY_VOCABULARIES.includes(c.vocabulary)) {
      ctx.addIssue({
        code: 'custom',
        path: ['descendants'],
        message: `descendant matching needs a code hierarchy; nodes ship none for ${c.vocabulary}, only for ${PREFIX_HIERARCHY_VOCABULARIES.join(', ')} (by code prefix): list the codes instead`,
      });
    }
  });
export type CodeSet = z.infer<typeof CodeSet>;

/** Days relative to the index date, both ends inclusive: `{ startDays: -365, endDays: 0 }` = the year before. */
export const CohortWindow = z
  .strictObject({ startDays: days, endDays: days })
  .refine((w) => w.startDays <= w.endDays, { path: ['endDays'], message: 'endDays must be ≥ startDays' });
export type CohortWindow = z.infer<typeof CohortWindow>;

/** Calendar dates, both ends inclusive. */
export const CohortDateRange = z
  .strictObject({ from: isoDate.optional(), to: isoDate.optional() })
  .refine((r) => r.from !== undefined || r.to !== undefined, { message: 'give from, to or both' })
  .refine((r) => !r.from || !r.to || r.from <= r.to, { path: ['to'], message: 'to must not be before from' });
export type CohortDateRange = z.infer<typeof CohortDateRange>;

const timing = { window: CohortWindow.optional(), dateRange: CohortDateRange.optional() };

export const ConditionCriterion = z.strictObject({ type: z.literal('condition'), codes: CodeSet, ...timing });
export const DrugCriterion = z.strictObject({ type: z.literal('drug'), codes: CodeSet, ...timing });
export const ProcedureCriterion = z.strictObject({ type: z.literal('procedure'), codes: CodeSet, ...timing });

/** A measurement with a code and optionally its value in a range (inclusive) and a unit (UCUM, exact). */
export const MeasurementCriterion = z.strictObject({
  type: z.literal('measurement'),
  codes: CodeSet,
  value: z
    .strictObject({ min: z.number().optional(), max: z.number().optional() })
    .refine((v) => v.min !== undefined || v.max !== undefined, { message: 'give min, max or both' })
    .refine((v) => v.min === undefined || v.max === undefined || v.min <= v.max, {
      path: ['max'],
      message: 'max must be ≥ min',
    })
    .optional(),
  unit: z.string().trim().min(1).max(50).optional(),
  ...timing,
});

/**
 * HPO phenotypic features: `present` (observed) or `excluded` (looked for and recorded as absent, as a
 * phenopacket's `excluded: true`). A person with no record of a feature is neither.
 */
export const PhenotypeCriterion = z.strictObject({
  type: z.literal('phenotype'),
  terms: z
    .array(z.string().regex(/^HP:\d{7}$/, 'an HPO term looks like HP:0001250'))
    .min(1)
    .max(COHORT_LIMITS.codesPerCriterion),
  status: z.enum(['present', 'excluded']).default('present'),
  ...timing,
});

/** Age in whole years, both ends inclusive, at the index date or at a calendar date. */
export const AgeCriterion = z
  .strictObject({
    type: z.literal('age'),
    min: z.int().min(0).max(150).optional(),
    max: z.int().min(0).max(150).optional(),
    at: z.union([z.literal('index'), isoDate]).default('index'),
  })
  .refine((a) => a.min !== undefined || a.max !== undefined, { message: 'give min, max or both' })
  .refine((a) => a.min === undefined || a.max === undefined || a.min <= a.max, {
    path: ['max'],
    message: 'max must be ≥ min',
  });

/** Administrative sex as recorded (OMOP gender concepts 8507 male, 8532 female; anything else is unknown). */
export const SexCriterion = z.strictObject({
  type: z.literal('sex'),
  values: z.array(z.enum(['male', 'female', 'unknown'])).min(1),
});

/**
 * A carrier of a variant: by position (VCF-style 1-based `pos`, with optional `ref`/`alt`) or by gene
 * symbol, in one assembly; optionally with a zygosity. Persons only count through linked genotypes.
 */
export const VariantCriterion = z
  .strictObject({
    type: z.literal('variant'),
    assembly: z.enum(['GRCh38', 'GRCh37']).default('GRCh38'),
    gene: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'a gene symbol, e.g. BRCA2')
      .optional(),
    chrom: z
      .string()
      .regex(/^(chr)?([1-9]|1\d|2[0-2]|X|Y|M|MT)$/, 'a chromosome: 1–22, X, Y or MT (chr prefix allowed)')
      .optional(),
    pos: z.int().min(1).optional(),
    ref: z
      .string()
      .regex(/^[ACGTNacgtn]{1,1000}$/, 'ref: DNA bases')
      .optional(),
    alt: z
      .string()
      .regex(/^[ACGTNacgtn]{1,1000}$/, 'alt: DNA bases')
      .optional(),
    zygosity: z.enum(['heterozygous', 'homozygous', 'hemizygous']).optional(),
  })
  .superRefine((v, ctx) => {
    const positional =
      v.chrom !== undefined || v.pos !== undefined || v.ref !== undefined || v.alt !== undefined;
    if (!v.gene && !positional) {
      ctx.addIssue({ code: 'custom', path: ['gene'], message: 'give a gene, or chrom and pos' });
    }
    if (positional && v.chrom === undefined) {
      ctx.addIssue({ code: 'custom', path: ['chrom'], message: 'a position needs its chromosome' });
    }
    if (positional && v.pos === undefined) {
      ctx.addIssue({ code: 'custom', path: ['pos'], message: 'chrom, ref and alt need pos' });
    }
  });

/** One criterion. Event criteria (condition, measurement, drug, procedure, phenotype) may be timed. */
export const CohortCriterion = z.discriminatedUnion('type', [
  ConditionCriterion,
  MeasurementCriterion,
  DrugCriterion,
  ProcedureCriterion,
  PhenotypeCriterion,
  AgeCriterion,
  SexCriterion,
  VariantCriterion,
]);
export type CohortCriterion = z.infer<typeof CohortCriterion>;

/** The criteria that are dated events, so can be an index event or have a window. */
export const CohortEventCriterion = z.discriminatedUnion('type', [
  ConditionCriterion,
  MeasurementCriterion,
  DrugCriterion,
  ProcedureCriterion,
  PhenotypeCriterion,
]);
export type CohortEventCriterion = z.infer<typeof CohortEventCriterion>;
export type CohortEventType = CohortEventCriterion['type'];

/** Criteria combined: ALL must hold, or ANY one. */
export const CohortGroup = z.strictObject({
  name: z.string().trim().max(200).optional(),
  match: z.enum(['all', 'any']).default('all'),
  criteria: z.array(CohortCriterion).min(1).max(COHORT_LIMITS.criteriaPerGroup),
});
export type CohortGroup = z.infer<typeof CohortGroup>;

/** The index event: the person's first (or last) matching event dates the cohort entry. */
export const CohortIndexEvent = z.strictObject({
  event: CohortEventCriterion,
  occurrence: z.enum(['first', 'last']).default('first'),
});
export type CohortIndexEvent = z.infer<typeof CohortIndexEvent>;

export const CohortDefinition = z
  .strictObject({
    version: z.literal(1).default(1),
    name: z.string().trim().max(300).optional(),
    index: CohortIndexEvent.optional(),
    inclusion: z.array(CohortGroup).max(COHORT_LIMITS.groups).default([]),
    exclusion: z.array(CohortGroup).max(COHORT_LIMITS.groups).default([]),
    /** Events (the index event too) count only when dated inside one of the person's observation periods. */
    requireObservationPeriod: z.boolean().default(false),
    /** Days the person was observed before the index date, within the period holding the index date. */
    minPriorObservationDays: z.int().min(0).max(COHORT_LIMITS.days).optional(),
  })
  .superRefine((d, ctx) => {
    const needIndex = (path: (string | number)[], what: string) => {
      if (!d.index) ctx.addIssue({ code: 'custom', path, message: `${what} needs an index event (index)` });
    };
    if (d.index?.event.window) {
      ctx.addIssue({
        code: 'custom',
        path: ['index', 'event', 'window'],
        message: 'the index event cannot have a window relative to itself (use dateRange)',
      });
    }
    if (d.minPriorObservationDays !== undefined) needIndex(['minPriorObservationDays'], 'prior observation');
    for (const side of ['inclusion', 'exclusion'] as const) {
      d[side].forEach((g, gi) =>
        g.criteria.forEach((c, ci) => {
          const at = [side, gi, 'criteria', ci];
          if ('window' in c && c.window) needIndex([...at, 'window'], 'a window');
          if (c.type === 'age' && c.at === 'index') needIndex([...at, 'at'], 'age at index');
        }),
      );
    }
  });
/** A valid definition, defaults filled in. */
export type CohortDefinition = z.infer<typeof CohortDefinition>;
/** What a client may send (defaults optional). */
export type CohortDefinitionInput = z.input<typeof CohortDefinition>;
