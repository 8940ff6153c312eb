import { z } from 'zod';
import { EHDS_ROLES, normaliseCountry, RELATIONSHIP_KINDS, STAKEHOLDER_TYPES } from './vocab';

/**
 * The shapes the stakeholder registry accepts (issue 6 §1), checked at the edge by `validate()` and
 * reused by the CSV import, so a row and a form are refused for the same reasons, in the same words.
 */

const Country = z
  .string({ error: 'give a country code such as FI, DE or EU' })
  .trim()
  .min(1, 'give a country code such as FI, DE or EU')
  .transform((raw, ctx) => {
    const code = normaliseCountry(raw);
    if (code) return code;
    ctx.addIssue({
      code: 'custom',
      message: `"${raw}" is not a country code; use ISO 3166-1 alpha-2 such as FI, DE, IT, or EU / EEA`,
    });
    return z.NEVER;
  });

/** A 1–5 score on the interest/influence grid. */
const score = (what: string) =>
  z
    .number({ error: `${what} is a whole number from 1 (low) to 5 (high)` })
    .int(`${what} is a whole number from 1 (low) to 5 (high)`)
    .min(1, `${what} is a whole number from 1 (low) to 5 (high)`)
    .max(5, `${what} is a whole number from 1 (low) to 5 (high)`);

const Text = (max: number) => z.string().trim().max(max);
const OptionalText = (max: number) =>
  Text(max)
    .nullish()
    .transform((v) => (v ? v : null));

/** What an AI Factory offers (EuroHPC AI Factories): its GPUs, Slurm partitions and services. */
export const AiCapabilities = z.strictObject({
  gpus: z
    .array(
      z.strictObject({
        model: Text(100).min(1, 'name the GPU model'),
        count: z
          .number({ error: 'a whole number of GPUs' })
          .int('a whole number of GPUs')
          .min(1, 'at least one GPU')
          .max(10_000_000),
      }),
    )
    .max(20)
    .default([]),
  partitions: z.array(Text(100).min(1)).max(50).default([]),
  services: z.array(Text(200).min(1)).max(50).default([]),
});

/** AI Factory capabilities as stored. */
export type AiCapabilities = z.infer<typeof AiCapabilities>;

/** A stakeholder organisation, as created or replaced (PUT). */
export const OrganisationInput = z
  .strictObject({
    name: Text(200).min(1, "give the organisation's name"),
    type: z.enum(STAKEHOLDER_TYPES, {
      error: (iss) =>
        `${iss.input === undefined ? 'give a type' : `unknown type "${String(iss.input)}"`}; use one of ${STAKEHOLDER_TYPES.join(', ')}`,
    }),
    country: Country,
    ehdsRoles: z
      .array(
        z.enum(EHDS_ROLES, {
          error: (iss) => `unknown EHDS role "${String(iss.input)}"; use one of ${EHDS_ROLES.join(', ')}`,
        }),
      )
      .max(EHDS_ROLES.length)
      .default([])
      .refine((roles) => new Set(roles).size === roles.length, 'each EHDS role once'),
    aiCapabilities: AiCapabilities.nullish().transform((v) => v ?? null),
    interest: score('interest'),
    influence: score('influence'),
    website: z
      .url({ protocol: /^https?$/, error: 'a web address starting with https:// or http://' })
      .max(300)
      .nullish()
      .transform((v) => v ?? null),
    description: OptionalText(2000),
    organisationId: z
      .uuid()
      .nullish()
      .transform((v) => v ?? null),
  })
  .superRefine((org, ctx) => {
    if (org.aiCapabilities && org.type !== 'ai_factory')
      ctx.addIssue({
        code: 'custom',
        path: ['aiCapabilities'],
        message: 'only an AI Factory has compute capabilities; set the type to ai_factory or leave them out',
      });
  });

/** A checked organisation. */
export type OrganisationInput = z.infer<typeof OrganisationInput>;

/** A person in a stakeholder organisation (personal data: the email is optional). */
export const PersonInput = z.strictObject({
  orgId: z.uuid('choose the organisation'),
  name: Text(200).min(1, "give the person's name"),
  title: OptionalText(200),
  email: z
    .email('an email address such as name@example.eu')
    .max(254)
    .nullish()
    .or(z.literal('').transform(() => null))
    .transform((v) => v ?? null),
});

/** A checked person. */
export type PersonInput = z.infer<typeof PersonInput>;

/** A relationship from one organisation to another. */
export const RelationshipInput = z
  .strictObject({
    fromOrgId: z.uuid('choose the organisation it starts from'),
    toOrgId: z.uuid('choose the organisation it goes to'),
    kind: z.enum(RELATIONSHIP_KINDS, {
      error: () => `use one of ${RELATIONSHIP_KINDS.join(', ')}`,
    }),
    note: OptionalText(1000),
  })
  .refine((r) => r.fromOrgId !== r.toOrgId, {
    path: ['toOrgId'],
    message: 'an organisation has no relationship with itself; choose another',
  });

/** A checked relationship. */
export type RelationshipInput = z.infer<typeof RelationshipInput>;

/** The list filters: by type, by country and by text. */
export const OrgFilter = z.strictObject({
  type: z.enum(STAKEHOLDER_TYPES).optional(),
  country: z
    .string()
    .trim()
    .max(3)
    .transform((v) => v.toUpperCase())
    .optional(),
  q: z.string().trim().max(200).optional(),
});

/** Checked list filters. */
export type OrgFilter = z.infer<typeof OrgFilter>;
