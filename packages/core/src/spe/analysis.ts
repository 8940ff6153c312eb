import { z } from 'zod';
import { CodeSet } from '../cohort/definition';

/**
 * Analyses a data user runs in a permit's secure processing environment (issue 4 §4; Art. 73(1)):
 * descriptive statistics, contingency tables, federated GLMs and Kaplan–Meier curves. A request names
 * its person-level VARIABLES explicitly — how each is derived from the node's OMOP tables — so every
 * node computes the same column from its own rows, and the node can check each variable's kind
 * against the variables the permit grants (Art. 68(10)(a), data minimisation Art. 66(1)).
 * Pure shapes and cross-field rules; no I/O.
 */

/** Limits that keep a request bounded (it arrives from the open internet). */
export const ANALYSIS_LIMITS = { variables: 30, formulaLength: 500 } as const;

/** A variable name usable in a formula: a letter, then letters, digits or `_`. */
export const AnalysisVariableName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, 'a name: a letter, then letters, digits or "_", at most 40');

const isoDate = z.iso.date();

/** Where an event of a survival variable is found: a coded event of one domain, or death. */
export const SurvivalEvent = z
  .strictObject({
    domain: z.enum(['condition', 'drug', 'procedure', 'measurement', 'death']),
    codes: CodeSet.optional(),
  })
  .refine((e) => e.domain === 'death' || e.codes !== undefined, {
    path: ['codes'],
    message: 'give the codes of the event (only death needs none)',
  });
export type SurvivalEvent = z.infer<typeof SurvivalEvent>;

/**
 * How one person-level variable is derived (one value per person of the permit's extract):
 * - `age`: whole years at `at` (default: the end of the permit's period, else the extract's snapshot);
 * - `sex`: 'female' | 'male' (OMOP 8532/8507), missing otherwise;
 * - `condition` / `drug` / `procedure`: 1 when the person has a matching event in the permit's period, else 0;
 * - `measurement`: the first, last or mean `value_as_number` of matching measurements (missing if none);
 * - `survival`: days from `start` (default: the start of the person's first observation period) to the
 *   first `event` after it (status 1), or to the end of follow-up (status 0): the last observation
 *   period end, capped at the permit's period end.
 */
export const AnalysisVariable = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('age'), at: isoDate.optional() }),
  z.strictObject({ kind: z.literal('sex') }),
  z.strictObject({ kind: z.literal('condition'), codes: CodeSet }),
  z.strictObject({ kind: z.literal('drug'), codes: CodeSet }),
  z.strictObject({ kind: z.literal('procedure'), codes: CodeSet }),
  z.strictObject({
    kind: z.literal('measurement'),
    codes: CodeSet,
    pick: z.enum(['last', 'mean', 'first']).default('last'),
  }),
  z.strictObject({ kind: z.literal('survival'), event: SurvivalEvent, start: SurvivalEvent.optional() }),
]);
export type AnalysisVariable = z.infer<typeof AnalysisVariable>;
export type AnalysisVariableKind = AnalysisVariable['kind'];

/** The named variables of a request. */
export const AnalysisVariables = z
  .record(AnalysisVariableName, AnalysisVariable)
  .refine((v) => Object.keys(v).length >= 1, { message: 'name at least one variable' })
  .refine((v) => Object.keys(v).length <= ANALYSIS_LIMITS.variables, {
    message: `at most ${ANALYSIS_LIMITS.variables} variables`,
  });
export type AnalysisVariables = z.infer<typeof AnalysisVariables>;

export const GLM_FAMILIES = ['gaussian', 'binomial', 'poisson'] as const;

/** A federated GLM (R's `glm(formula, family)`) over the nodes holding the permit's datasets. */
export const GlmAnalysisRequest = z.strictObject({
  kind: z.literal('glm'),
  formula: z.string().trim().min(3).max(ANALYSIS_LIMITS.formulaLength),
  family: z.enum(GLM_FAMILIES),
  variables: AnalysisVariables,
  /** Numeric variables to treat as factors (e.g. a 0/1 condition as a level, not a slope). */
  categorical: z.array(AnalysisVariableName).max(ANALYSIS_LIMITS.variables).optional(),
});

/** Kaplan–Meier curves of a survival variable, optionally one per level of `group`. */
export const KmAnalysisRequest = z.strictObject({
  kind: z.literal('km'),
  survival: AnalysisVariableName,
  group: AnalysisVariableName.optional(),
  /** Times are coarsened to multiples of this many days before they leave a node (default 7: weeks). */
  intervalDays: z.int().min(1).max(365).default(7),
  variables: AnalysisVariables,
});

/** Count, mean and SD of every numeric variable (counts per level for sex), optionally per level of `by`. */
export const DescribeAnalysisRequest = z.strictObject({
  kind: z.literal('describe'),
  variables: AnalysisVariables,
  by: AnalysisVariableName.optional(),
});

/** A one- or two-way frequency table of categorical (or 0/1) variables. */
export const TableAnalysisRequest = z.strictObject({
  kind: z.literal('table'),
  rows: AnalysisVariableName,
  columns: AnalysisVariableName.optional(),
  variables: AnalysisVariables,
});

const kinds = (v: AnalysisVariables, name: string) => v[name]?.kind;

/** Any analysis request, with its cross-field rules (names refer to declared variables of a fitting kind). */
export const AnalysisRequest = z
  .discriminatedUnion('kind', [
    GlmAnalysisRequest,
    KmAnalysisRequest,
    DescribeAnalysisRequest,
    TableAnalysisRequest,
  ])
  .superRefine((r, ctx) => {
    const v = r.variables;
    const need = (
      name: string | undefined,
      path: string,
      ok: (k: AnalysisVariableKind) => boolean,
      what: string,
    ) => {
      if (name === undefined) return;
      const kind = kinds(v, name);
      if (!kind)
        ctx.addIssue({
          code: 'custom',
          path: [path],
          message: `'${name}' is not one of the variables declared`,
        });
      else if (!ok(kind))
        ctx.addIssue({ code: 'custom', path: [path], message: `'${name}' is a ${kind} variable; ${what}` });
    };
    const notSurvival = (k: AnalysisVariableKind) => k !== 'survival';
    const categorical = (k: AnalysisVariableKind) => ['sex', 'condition', 'drug', 'procedure'].includes(k);
    if (r.kind === 'km') {
      need(r.survival, 'survival', (k) => k === 'survival', 'a Kaplan–Meier curve needs a survival variable');
      need(r.group, 'group', categorical, 'group by sex or a 0/1 condition, drug or procedure');
    } else if (r.kind === 'describe') {
      need(r.by, 'by', categorical, 'describe by sex or a 0/1 condition, drug or procedure');
    } else if (r.kind === 'table') {
      need(
        r.rows,
        'rows',
        categorical,
        'tables count categorical variables (sex, 0/1 conditions, drugs, procedures)',
      );
      need(
        r.columns,
        'columns',
        categorical,
        'tables count categorical variables (sex, 0/1 conditions, drugs, procedures)',
      );
    } else {
      for (const c of r.categorical ?? [])
        need(c, 'categorical', notSurvival, 'a survival variable is not a factor');
    }
    if (r.kind !== 'km')
      for (const [name, def] of Object.entries(v))
        if (def.kind === 'survival')
          ctx.addIssue({
            code: 'custom',
            path: ['variables', name],
            message: `survival variable '${name}' is used by Kaplan–Meier curves only`,
          });
  });
export type AnalysisRequest = z.infer<typeof AnalysisRequest>;
export type AnalysisRequestInput = z.input<typeof AnalysisRequest>;
export type GlmAnalysisRequest = z.infer<typeof GlmAnalysisRequest>;
export type KmAnalysisRequest = z.infer<typeof KmAnalysisRequest>;
export type DescribeAnalysisRequest = z.infer<typeof DescribeAnalysisRequest>;
export type TableAnalysisRequest = z.infer<typeof TableAnalysisRequest>;
export type AnalysisKind = AnalysisRequest['kind'];

/** What an analysis ended as: released, refused by disclosure control (with its record), or failed. */
export const ANALYSIS_STATUSES = ['RUNNING', 'DONE', 'REFUSED', 'FAILED'] as const;
export type AnalysisStatus = (typeof ANALYSIS_STATUSES)[number];
