/**
 * zod schemas for dataset and catalogue descriptions: what the node derives plus what the holder
 * completes, checked before anything is turned into RDF. Access-level rules mirror the HealthData@EU
 * shapes (EHDS.md §13) so a holder sees every missing field at once, by path, not one SHACL result.
 */
import { invalid, type Issue } from '@openehds/core';
import { z } from 'zod';
import { dataUseSchema } from './data-use';
import { quantumStars } from './quality';
import type { CatalogueDescription, DatasetDescription } from './types';
import {
  ACCESS_RIGHTS,
  EHDS_ELI,
  HEALTH_CATEGORIES,
  LANGUAGE_NAL,
  QUANTUM_WEIGHTS,
  type HealthCategoryCode,
} from './vocab';

const text = z.string().trim().min(1);
const langKey = z.string().regex(/^[a-z]{2}$/, 'use an ISO 639-1 language code such as "en" or "fi"');
const langString = z
  .object({ en: text })
  .catchall(text)
  .superRefine((value, ctx) => {
    for (const key of Object.keys(value)) {
      if (!langKey.safeParse(key).success)
        ctx.addIssue({ code: 'custom', path: [key], message: `"${key}" is not an ISO 639-1 language code` });
    }
  });
const keywords = z.record(langKey, z.array(text).min(1));
const iri = z.url();
const code = z
  .string()
  .regex(/^[A-Za-z0-9_.-]+$/, 'use the code from the controlled vocabulary, e.g. "HEAL"');
const date = z.iso.date();
const count = z.number().int().nonnegative();
const healthCategory = z.enum(
  Object.keys(HEALTH_CATEGORIES) as [HealthCategoryCode, ...HealthCategoryCode[]],
);
const percent = z.number().min(0).max(100);

const agent = z.object({
  iri: iri.optional(),
  name: langString,
  type: code,
  note: langString.optional(),
  contactPoint: z
    .object({ email: z.email().optional(), page: iri.optional(), telephone: text.optional() })
    .refine(
      (c) => c.email !== undefined || c.page !== undefined,
      'give an email or a contact page (R8 :ContactPoint_Shape)',
    ),
});

const distribution = z.object({
  id: code,
  title: langString,
  description: langString.optional(),
  accessUrl: iri,
  downloadUrl: iri.optional(),
  format: code.optional(),
  mediaType: z
    .string()
    .regex(/^[a-z0-9.+-]+\/[A-Za-z0-9.+-]+$/, 'use an IANA media type such as "text/csv"')
    .optional(),
  licence: code.optional(),
  rights: langString.optional(),
  availability: code.optional(),
  status: code.optional(),
  byteSize: count.optional(),
});

const period = z.object({ start: date, end: date.optional() }).refine((p) => !p.end || p.end >= p.start, {
  message: 'end must not be before start',
  path: ['end'],
});

const variables = z.object({
  title: langString,
  tables: z
    .array(
      z.object({
        title: langString,
        url: iri.optional(),
        keywords: keywords.optional(),
        columns: z
          .array(
            z.object({
              name: text,
              title: langString,
              description: langString,
              datatype: text,
              propertyUrl: iri.optional(),
            }),
          )
          .min(1),
      }),
    )
    .min(1),
});

const derived = z.object({
  numberOfRecords: count,
  numberOfUniqueIndividuals: count,
  minTypicalAge: count.optional(),
  maxTypicalAge: count.optional(),
  temporalCoverage: period.optional(),
  codingSystems: z.array(code),
  codeValues: z.array(text).optional(),
  populationCoverage: langString.optional(),
});

const qualityLabel = z
  .object({
    score: percent,
    stars: z.number().int().min(0).max(5),
    scheme: text,
    schemeVersion: text,
    certificateUrl: iri,
    issued: date,
    issuer: iri.optional(),
    dimensions: z
      .partialRecord(z.enum(Object.keys(QUANTUM_WEIGHTS) as [keyof typeof QUANTUM_WEIGHTS]), percent)
      .optional(),
  })
  .refine((l) => l.stars === quantumStars(l.score), {
    message: 'stars must match the score (cut-offs 25/45/60/80/90 %)',
    path: ['stars'],
  });

/** Schema of a {@link DatasetDescription}, including the per-access-level mandatory properties. */
export const datasetDescriptionSchema = z
  .object({
    iri,
    identifier: text,
    title: langString,
    description: langString,
    accessRights: z.enum(ACCESS_RIGHTS),
    applicableLegislation: z.array(iri).min(1),
    healthCategories: z.array(healthCategory).min(1),
    healthThemes: z.array(code).optional(),
    themes: z.array(code).min(1),
    keywords: keywords.optional(),
    type: code.optional(),
    provenance: langString.optional(),
    publisher: agent,
    custodian: agent.optional(),
    hdab: agent,
    hdabCoordinator: agent.optional(),
    contactPoint: z
      .object({ name: langString.optional(), email: z.email().optional(), url: iri.optional() })
      .refine((c) => c.email !== undefined || c.url !== undefined, 'give an email or a URL (R8 :Kind_Shape)')
      .optional(),
    distributions: z.array(distribution).min(1),
    samples: z.array(distribution).optional(),
    analytics: z.array(distribution).optional(),
    landingPage: iri.optional(),
    documentation: z.array(iri).optional(),
    conformsTo: z.array(code).optional(),
    languages: z.array(z.enum(Object.keys(LANGUAGE_NAL) as [string, ...string[]])).optional(),
    spatial: z.array(z.string().regex(/^[A-Z]{3}$/, 'use an EU country code such as "FIN"')).optional(),
    accrualPeriodicity: code.optional(),
    issued: date.optional(),
    modified: date.optional(),
    version: text.optional(),
    purposes: z.array(langString).optional(),
    legalBases: z.array(z.object({ description: langString, source: iri.optional() })).optional(),
    personalData: z
      .array(z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, 'use a DPV personal-data name such as "Age"'))
      .optional(),
    retentionPeriod: period.optional(),
    hasStructuredData: z.boolean(),
    variables: variables.optional(),
    dataUse: dataUseSchema.optional(),
    derived,
    qualityLabel: qualityLabel.optional(),
  })
  // `when: () => true`: run the cross-field and access-level rules even if fields failed, so the
  // holder sees every problem at once. The value may be partial here, hence the defensive reads.
  .superRefine((d, ctx) => levelRules(d as Partial<DatasetDescription>, ctx), { when: () => true });

function levelRules(d: Partial<DatasetDescription>, ctx: z.RefinementCtx): void {
  const need = (ok: boolean, path: string, message: string) => {
    if (!ok) ctx.addIssue({ code: 'custom', path: [path], message });
  };
  const legislation = Array.isArray(d.applicableLegislation) ? d.applicableLegislation : [];
  need(
    legislation.includes(EHDS_ELI),
    'applicableLegislation',
    `must include the EHDS Regulation ${EHDS_ELI}`,
  );
  need(
    Array.isArray(d.themes) && d.themes.includes('HEAL'),
    'themes',
    'must include the EU data theme "HEAL"',
  );
  need(
    d.hasStructuredData !== true || d.variables !== undefined,
    'variables',
    'structured data need a data dictionary (healthdcatap:hasVariables, R8)',
  );
  if (d.accessRights === 'NON_PUBLIC') {
    const why = 'is mandatory for NON_PUBLIC datasets (HealthDCAT-AP R8)';
    need(d.contactPoint !== undefined, 'contactPoint', `contactPoint ${why}`);
    need(
      Object.values(d.keywords ?? {}).some((k) => Array.isArray(k) && k.length > 0),
      'keywords',
      `keywords ${why}`,
    );
    need(d.type !== undefined, 'type', `type ${why}`);
    need(d.provenance !== undefined, 'provenance', `provenance ${why}`);
  }
  const min = d.derived?.minTypicalAge;
  const max = d.derived?.maxTypicalAge;
  if (typeof min === 'number' && typeof max === 'number' && min > max) {
    ctx.addIssue({
      code: 'custom',
      path: ['derived', 'maxTypicalAge'],
      message: 'maxTypicalAge must not be below minTypicalAge',
    });
  }
  const all = [d.distributions, d.samples, d.analytics].flatMap((list) => (Array.isArray(list) ? list : []));
  const ids = all.map((x) => x?.id);
  need(
    new Set(ids).size === ids.length,
    'distributions',
    'distribution ids must be unique within the dataset',
  );
}

/** Schema of a {@link CatalogueDescription}. */
export const catalogueDescriptionSchema = z.object({
  iri,
  title: langString,
  description: langString,
  publisher: agent,
  homepage: iri.optional(),
  languages: z.array(z.enum(Object.keys(LANGUAGE_NAL) as [string, ...string[]])).optional(),
  spatial: z.array(z.string().regex(/^[A-Z]{3}$/)).optional(),
  modified: date.optional(),
  datasets: z.array(datasetDescriptionSchema),
});

/** Validates a dataset description; throws `invalid` listing every field at fault. */
export function parseDatasetDescription(input: unknown): DatasetDescription {
  const result = datasetDescriptionSchema.safeParse(input);
  if (!result.success) throw describe('dataset description', result.error);
  return result.data as DatasetDescription;
}

/** Validates a catalogue description; throws `invalid` listing every field at fault. */
export function parseCatalogueDescription(input: unknown): CatalogueDescription {
  const result = catalogueDescriptionSchema.safeParse(input);
  if (!result.success) throw describe('catalogue description', result.error);
  return result.data as CatalogueDescription;
}

function describe(what: string, error: z.ZodError) {
  const issues: Issue[] = error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
  return invalid(`${what} has ${issues.length} problem(s); fix each listed field and submit again`, issues);
}

/** `a.b[2].c` from a zod path. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}
