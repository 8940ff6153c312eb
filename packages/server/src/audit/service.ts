import type { Queryable } from '@openehds/db';
import type { AuditCheckpoint } from './checkpoint';
import { snapshotBounds } from './export';
import { readEvents } from './store';
import { buildReport } from './report';
import { ChainVerifier, type VerifyReport } from './verify';

// The audit service as other features use it: append (within their transactions), list, verify.
export { appendBatch, appendIn, recordAudit, recordAuditBatch } from './append';
export type { AuditInput } from './append';
export { listAudit } from './store';
export type { AuditEvent } from './chain';

/** A verification of the store, saying which key the checkpoints were checked against. */
export interface StoreVerifyReport extends VerifyReport {
  keySource: 'pinned' | 'store' | 'none';
}

/**
 * Re-computes the whole chain from the store and checks it against the signed checkpoints (and any
 * `anchors`, checkpoints kept elsewhere). The key defaults to the one in the store; pin it when the
 * store itself is in doubt (whoever can rewrite the log can replace that row too).
 */
export async function verifyAudit(
  db: Queryable,
  options: { publicKey?: string; anchors?: readonly AuditCheckpoint[] } = {},
): Promise<StoreVerifyReport> {
  const snap = await snapshotBounds(db);
  const publicKey = options.publicKey ?? snap.publicKey;
  const chain = new ChainVerifier();
  for await (const page of readEvents(db, { upTo: snap.lastSeq })) for (const e of page) chain.push(e);
  const checkpoints = [...snap.checkpoints, ...(options.anchors ?? [])];
  return {
    ...buildReport(chain, chain.findings(), checkpoints, publicKey),
    keySource: options.publicKey ? 'pinned' : snap.publicKey ? 'store' : 'none',
  };
}
