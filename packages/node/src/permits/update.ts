import { z } from 'zod';
import type { NodeStore } from '@openehds/analytics';
import { verifyDocument, zodIssues, type JsonValue, type SignedDocument } from '@openehds/core';
import { storePermit } from './registry';

/** The task type the hub sends every permit change with (server permits/delivery.ts). */
export const PERMIT_UPDATE_TASK = 'permit.update';

/** The permit document type the hub signs (Art. 68(10) content). */
export const PERMIT_DOCUMENT_TYPE = 'openehds.permit/v1';

const Instant = z.iso.datetime({ offset: true });
const UpdateSchema = z.object({
  permit: z.object({
    permitId: z.string().min(1).max(100),
    rootPermitId: z.string().min(1).max(100),
    previousPermitId: z.string().min(1).max(100).nullable(),
    version: z.number().int().min(1),
    revision: z.number().int().min(1),
    status: z.enum(['GRANTED', 'AMENDED', 'RENEWED', 'REVOKED', 'EXPIRED']),
    validFrom: Instant,
    validUntil: Instant,
    activeFrom: Instant,
    activeUntil: Instant.nullable(),
    renewals: z.number().int().min(0),
  }),
  signed: z.object({ type: z.string(), document: z.unknown(), signature: z.unknown() }).passthrough(),
});

/** The part of the signed permit document the node relies on. */
const DocumentSchema = z.object({
  permitNumber: z.string(),
  validFrom: Instant,
  validUntil: Instant,
  datasets: z.array(z.object({ datasetId: z.string() }).passthrough()),
  persons: z.array(
    z.object({ name: z.string(), email: z.string(), role: z.string(), orcid: z.string().optional() }),
  ),
});

/** What the node answers the hub for a `permit.update`. */
export interface PermitUpdateResult {
  permitId: string;
  revision: number;
  /** False when the node already held a later revision (an older delivery arriving late). */
  stored: boolean;
}

const same = (a: string, b: string) => Date.parse(a) === Date.parse(b);

/**
 * Takes one permit change from the hub. The task itself is hub-signed and was checked by the runtime;
 * the permit document inside must also carry the hub's signature (the key pinned at registration), be
 * a permit, and agree with the state it comes with (id and access period), so a node never keeps a
 * permit the HDAB did not issue. Throws with the reason otherwise (the task fails at the hub).
 */
export async function applyPermitUpdate(
  store: NodeStore,
  payload: JsonValue,
  hubPublicKey: string | undefined,
  now = new Date(),
): Promise<PermitUpdateResult> {
  const parsed = UpdateSchema.safeParse(payload);
  if (!parsed.success)
    throw new Error(
      `malformed permit.update: ${zodIssues(parsed.error)
        .map((i) => `${i.path}: ${i.message}`)
        .join('; ')}`,
    );
  const { permit } = parsed.data;
  const signed = parsed.data.signed as unknown as SignedDocument;
  if (!hubPublicKey) throw new Error('this node has not pinned the hub key yet; it cannot verify permits');
  const check = verifyDocument(signed, hubPublicKey);
  if (!check.valid) throw new Error(`permit ${permit.permitId} refused: ${check.reason}`);
  if (signed.type !== PERMIT_DOCUMENT_TYPE)
    throw new Error(
      `permit ${permit.permitId} refused: the signed document is a ${signed.type}, not a permit`,
    );
  const doc = DocumentSchema.safeParse(signed.document);
  if (!doc.success)
    throw new Error(`permit ${permit.permitId} refused: the signed document lacks permit content`);
  const d = doc.data;
  if (
    d.permitNumber !== permit.permitId ||
    !same(d.validFrom, permit.validFrom) ||
    !same(d.validUntil, permit.validUntil)
  )
    throw new Error(
      `permit ${permit.permitId} refused: the signed document (${d.permitNumber}, ${d.validFrom} – ${d.validUntil}) does not match the update`,
    );
  const stored = await storePermit(store, {
    permitId: permit.permitId,
    rootId: permit.rootPermitId,
    previousId: permit.previousPermitId,
    version: permit.version,
    revision: permit.revision,
    status: permit.status,
    validFrom: new Date(permit.validFrom).toISOString(),
    validUntil: new Date(permit.validUntil).toISOString(),
    activeFrom: new Date(permit.activeFrom).toISOString(),
    activeUntil: permit.activeUntil ? new Date(permit.activeUntil).toISOString() : null,
    renewals: permit.renewals,
    datasets: d.datasets.map((x) => x.datasetId),
    persons: d.persons.map(({ name, email, role, orcid }) => ({
      name,
      email,
      role,
      ...(orcid ? { orcid } : {}),
    })),
    signed,
    receivedAt: now.toISOString(),
  });
  return { permitId: permit.permitId, revision: permit.revision, stored };
}
