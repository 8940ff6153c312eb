/**
 * The dataset's GA4GH Data Use Ontology (DUO) conditions as data (EHDS.md §16): which DUO terms a
 * description may carry and which parameters each needs. DUO is for display and matching only (the
 * data permit rules, Art. 68); the terms, ids and labels come from `DUO_TERMS` of @openehds/core.
 */
import { resolveDuoCode, type KnownDuoTerm } from '@openehds/core';
import { z } from 'zod';
import type { DataUseCondition } from './types';

/** A parameter of a DUO condition. */
export type DataUseParameter = 'diseaseCodes' | 'countries' | 'until' | 'months';

/** The parameters each DUO term takes (by shorthand); every other term takes none. */
export const DUO_PARAMETERS: Readonly<Record<string, readonly DataUseParameter[]>> = {
  DS: ['diseaseCodes'],
  GS: ['countries'],
  TS: ['until', 'months'],
  MOR: ['until'],
};

/** What a term must be given, and how to say so when it is missing. */
const REQUIRED: Readonly<Record<string, { any: DataUseParameter[]; message: string }>> = {
  DS: {
    any: ['diseaseCodes'],
    message: 'DS (disease specific research) needs at least one disease code, e.g. ICD-10 "E11"',
  },
  GS: {
    any: ['countries'],
    message: 'GS (geographical restriction) needs at least one country code, e.g. "FI", or "EU"/"EEA"',
  },
  TS: {
    any: ['until', 'months'],
    message: 'TS (time limit on use) needs an end date ("until") or a number of months',
  },
  MOR: {
    any: ['until'],
    message: 'MOR (publication moratorium) needs the date before which results may not be published',
  },
};

const PERMISSIONS = 'NRES, GRU, HMB, DS or POA';

const condition = z.object({
  code: z.string().trim().min(1, 'give a DUO id (DUO:0000006), its OBO IRI or its shorthand (HMB)').max(200),
  diseaseCodes: z
    .array(
      z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9][A-Za-z0-9:._-]{0,49}$/, 'use a disease code such as "E11" or "MONDO:0005148"'),
    )
    .min(1, 'give at least one disease code, or remove the list')
    .max(50)
    .optional(),
  countries: z
    .array(
      z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^([A-Z]{2}|EEA)$/, 'use an ISO 3166-1 alpha-2 code such as "FI", or "EU"/"EEA"'),
    )
    .min(1, 'give at least one country, or remove the list')
    .max(40)
    .optional(),
  until: z.iso.date().optional(),
  months: z.number().int().min(1).max(1200).optional(),
});

/** The term a condition names, if it is a DUO permission or modifier (not an abstract class). */
export function dataUseTerm(code: string): KnownDuoTerm | undefined {
  const term = resolveDuoCode(code);
  return term && term.role !== 'class' ? term : undefined;
}

/**
 * Checks the list as a whole: known DUO terms only, each once; exactly one primary permission when any
 * condition is given (DUO: a permission says what use is allowed, modifiers add conditions); each
 * term's parameters present where it needs them and absent where it takes none.
 */
function checkConditions(list: z.infer<typeof condition>[], ctx: z.RefinementCtx): void {
  const seen = new Map<string, number>();
  const permissions: number[] = [];
  list.forEach((c, i) => {
    const issue = (path: PropertyKey[], message: string) =>
      ctx.addIssue({ code: 'custom', path: [i, ...path], message });
    const known = resolveDuoCode(c.code);
    if (!known) {
      issue(['code'], `"${c.code}" is not a GA4GH DUO term; use e.g. HMB, DS, NCU or an id like DUO:0000006`);
      return;
    }
    const name = known.shorthand ?? known.id;
    if (known.role === 'class') {
      issue(['code'], `${known.id} (${known.label}) is an abstract DUO class; choose an actual term`);
      return;
    }
    if (seen.has(known.id)) issue(['code'], `${name} is listed twice; list each DUO term once`);
    seen.set(known.id, i);
    if (known.role === 'permission') permissions.push(i);
    const takes = DUO_PARAMETERS[name] ?? [];
    for (const p of ['diseaseCodes', 'countries', 'until', 'months'] as const) {
      if (c[p] !== undefined && !takes.includes(p))
        issue([p], `${name} (${known.label}) takes no ${p}; remove it`);
    }
    const need = REQUIRED[name];
    if (need && !need.any.some((p) => c[p] !== undefined)) issue([need.any[0]!], need.message);
  });
  if (list.length > 0 && permissions.length === 0)
    ctx.addIssue({
      code: 'custom',
      path: [],
      message: `name one primary data use permission (${PERMISSIONS}) besides the modifiers`,
    });
  for (const i of permissions.slice(1))
    ctx.addIssue({
      code: 'custom',
      path: [i, 'code'],
      message: `only one primary data use permission (${PERMISSIONS}) may be given; keep the one that fits the consent or law`,
    });
}

/** The stored form: the DUO CURIE as code, and only the parameters given. */
function normalise(c: z.infer<typeof condition>): DataUseCondition {
  return {
    code: resolveDuoCode(c.code)?.id ?? c.code,
    ...(c.diseaseCodes ? { diseaseCodes: c.diseaseCodes } : {}),
    ...(c.countries ? { countries: c.countries } : {}),
    ...(c.until ? { until: c.until } : {}),
    ...(c.months !== undefined ? { months: c.months } : {}),
  };
}

/**
 * Schema of a dataset's DUO data-use conditions (validated, then stored with DUO CURIEs). An empty
 * list means none are stated; issues carry the index and field, e.g. `[2].diseaseCodes`.
 */
export const dataUseSchema = z
  .array(condition)
  .max(30)
  .superRefine(checkConditions)
  .transform((list) => list.map(normalise));
