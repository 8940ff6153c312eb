import { z } from 'zod';
import { APPLICATION_KINDS, APPLICATION_STATUSES, ApplicationContent, OUTCOMES } from '@openehds/core';
import { ORGANISATION_KINDS } from '../organisations/kinds';
import type { HubMessageType } from './message';

/**
 * The bodies of the messages hubs exchange about one application. Every body names the application
 * by the origin hub's reference, the one the applicant knows; the receiving hub's own reference
 * comes back in its reports as `remoteReference`.
 */

const reference = z.string().min(1).max(100);

/** `application.forward`: the application as the applicant submitted it, with this peer's datasets. */
export const ForwardBody = z.object({
  originReference: reference,
  kind: z.enum(APPLICATION_KINDS),
  /** The content (Art. 67(2) / 69(2)), its `datasets` limited to those of the receiving country. */
  content: ApplicationContent,
  applicant: z.object({
    name: z.string().min(1).max(300),
    organisation: z
      .object({
        name: z.string().min(1).max(300),
        kind: z.enum(ORGANISATION_KINDS),
        country: z.string().regex(/^[A-Z]{2}$/),
      })
      .nullable(),
  }),
  submittedAt: z.iso.datetime({ offset: true }),
  /** Art. 68(6), as the origin HDAB fixed it from the standing it verified. */
  accelerated: z.boolean(),
});
export type ForwardBody = z.infer<typeof ForwardBody>;

/** `application.status`: the receiving hub's copy moved (DAAMS `changeStatus`). */
export const StatusBody = z.object({
  originReference: reference,
  remoteReference: reference,
  status: z.enum(APPLICATION_STATUSES),
  outcome: z.enum(OUTCOMES).nullable(),
  event: z.string().min(1).max(100),
  reason: z.string().max(5000).nullable(),
  /** The receiving hub's history sequence number: later reports have larger numbers. */
  seq: z.number().int().min(1),
});
export type StatusBody = z.infer<typeof StatusBody>;

/** `application.decision`: the receiving HDAB's decision, as the document it signed (Art. 68(5)). */
export const DecisionBody = z.object({
  originReference: reference,
  remoteReference: reference,
  outcome: z.enum(OUTCOMES),
  seq: z.number().int().min(1),
  signed: z.record(z.string(), z.json()),
});
export type DecisionBody = z.infer<typeof DecisionBody>;

/** `application.withdraw`: the applicant withdrew at the origin; the copies are withdrawn too. */
export const WithdrawBody = z.object({
  originReference: reference,
  reason: z.string().max(5000).nullable(),
});
export type WithdrawBody = z.infer<typeof WithdrawBody>;

/**
 * `application.information-request`, receiving hub → origin: the HDAB asks for additional
 * information on its copy (Art. 68(4)); the applicant answers at the origin, the HDAB they applied to.
 */
export const InformationRequestBody = z.object({
  originReference: reference,
  remoteReference: reference,
  /** The receiving hub's history sequence number of its request: the answer names it. */
  requestSeq: z.number().int().min(1),
  reason: z.string().min(1).max(5000),
  requestedAt: z.iso.datetime({ offset: true }),
});
export type InformationRequestBody = z.infer<typeof InformationRequestBody>;

/** `application.information-answer`, origin → receiving hub: the applicant's answer to one request. */
export const InformationAnswerBody = z.object({
  originReference: reference,
  remoteReference: reference,
  requestSeq: z.number().int().min(1),
  answer: z.string().min(1).max(20000),
  answeredAt: z.iso.datetime({ offset: true }),
});
export type InformationAnswerBody = z.infer<typeof InformationAnswerBody>;

/** The phases of a fee line (`@openehds/core` fees). */
const FEE_PHASES = ['assessment', 'preparation', 'spe', 'compute', 'holder'] as const;
const euros = z.number().min(0).max(1e10);

/** The itemised estimate of Art. 62, as `estimateFees` makes it. */
export const FeeEstimateSchema = z.object({
  lines: z
    .array(
      z.object({
        phase: z.enum(FEE_PHASES),
        description: z.string().max(2000),
        payee: z.string().max(300),
        amount: euros,
      }),
    )
    .max(200),
  reduction: z
    .object({ kind: z.string().max(100), fraction: z.number().min(0).max(1), amount: euros })
    .nullable(),
  total: euros,
  currency: z.literal('EUR'),
});

/**
 * `application.fee-estimate`, receiving hub → origin: the HDAB's estimate for its part (Art. 62), which
 * the applicant must accept (or withdraw, Art. 62(5)) before that HDAB can grant.
 */
export const FeeEstimateBody = z.object({
  originReference: reference,
  remoteReference: reference,
  /** The receiving hub's id of the estimate: the acceptance names it. */
  estimateId: z.uuid(),
  estimate: FeeEstimateSchema,
  sentAt: z.iso.datetime({ offset: true }),
});
export type FeeEstimateBody = z.infer<typeof FeeEstimateBody>;

/** `application.fee-accept`, origin → receiving hub: the applicant accepted this estimate, this total. */
export const FeeAcceptBody = z.object({
  originReference: reference,
  remoteReference: reference,
  estimateId: z.uuid(),
  /** The total the applicant saw; the receiving hub checks it is the one it sent. */
  total: euros,
  acceptedAt: z.iso.datetime({ offset: true }),
});
export type FeeAcceptBody = z.infer<typeof FeeAcceptBody>;

/** The body schema of each message type. */
export const BODY_SCHEMAS: Record<HubMessageType, z.ZodType> = {
  'application.forward': ForwardBody,
  'application.status': StatusBody,
  'application.decision': DecisionBody,
  'application.withdraw': WithdrawBody,
  'application.information-request': InformationRequestBody,
  'application.information-answer': InformationAnswerBody,
  'application.fee-estimate': FeeEstimateBody,
  'application.fee-accept': FeeAcceptBody,
};
