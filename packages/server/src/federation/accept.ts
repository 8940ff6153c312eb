import type { Db } from '@openehds/db';
import { AppError, type AppErrorKind } from '@openehds/core';
import { recordAudit } from '../audit/service';
import {
  checkFreshness,
  parseEnvelope,
  verifyEnvelope,
  type Envelope,
  type MessageTarget,
  type RejectionReason,
} from '@openehds/core';
import { findNodeCached, touchNode, type FederatedNode } from './nodes';
import { takeNonce } from './nonces';

/**
 * The hub's gate for signed node messages. Checks run cheapest-and-least-revealing first: shape,
 * known node, signature under the registered key, replay window, approval, then the nonce (recorded
 * only for authentic, fresh messages from approved nodes, so nobody can burn another node's nonces).
 * Every refusal is answered with problem+json and written to the audit log with its reason.
 */

const KIND: Record<RejectionReason, AppErrorKind> = {
  unsigned: 'unauthenticated',
  malformed: 'invalid',
  'unknown-node': 'unauthenticated',
  'bad-signature': 'unauthenticated',
  stale: 'unauthenticated',
  replayed: 'conflict',
  'not-approved': 'forbidden',
  'wrong-type': 'invalid',
};

/** A refused node message: the AppError the caller throws, already audited. */
export async function rejectMessage(
  db: Db,
  target: MessageTarget,
  raw: unknown,
  reason: RejectionReason,
  message: string,
  issues: { path: string; message: string }[] = [],
): Promise<AppError> {
  const r = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const nodeId = typeof r.nodeId === 'string' && r.nodeId.length <= 64 ? r.nodeId : null;
  await recordAudit(db, {
    actor: nodeId ? `node:${nodeId}` : 'unknown',
    action: 'message.reject',
    object: nodeId ? `node:${nodeId}` : null,
    outcome: 'rejected',
    details: {
      reason,
      message,
      method: target.method,
      path: target.path,
      type: typeof r.type === 'string' ? r.type.slice(0, 100) : null,
      nonce: typeof r.nonce === 'string' ? r.nonce.slice(0, 128) : null,
      issuedAt: typeof r.issuedAt === 'string' ? r.issuedAt.slice(0, 40) : null,
    },
  });
  return new AppError(KIND[reason], `message refused (${reason}): ${message}`, [
    { path: 'reason', message: reason },
    ...issues,
  ]);
}

/** Options of {@link acceptNodeMessage}. */
export interface AcceptOptions {
  /** Message types this endpoint takes. */
  types: readonly string[];
  now?: Date;
}

/** How stale a node's last-seen time may get before an accepted message refreshes it. */
const TOUCH_EVERY_MS = 5_000;

/**
 * Verifies a signed message from an approved node for one endpoint; returns the node and the
 * envelope, or throws an audited AppError saying why the message was refused.
 */
export async function acceptNodeMessage(
  db: Db,
  target: MessageTarget,
  raw: unknown,
  options: AcceptOptions,
): Promise<{ node: FederatedNode; envelope: Envelope }> {
  const now = options.now ?? new Date();
  const shape = parseEnvelope(raw);
  if (!shape.ok) throw await rejectMessage(db, target, raw, shape.reason, shape.message, shape.issues);
  const envelope = shape.envelope;
  const node = await findNodeCached(db, envelope.nodeId);
  if (!node) {
    throw await rejectMessage(
      db,
      target,
      raw,
      'unknown-node',
      `no node ${envelope.nodeId} is registered at this hub; register first`,
    );
  }
  if (!verifyEnvelope(node.publicKey, target, envelope)) {
    throw await rejectMessage(
      db,
      target,
      raw,
      'bad-signature',
      `the signature does not verify under the key registered for node ${node.id} (fingerprint ${node.fingerprint}); the message was altered or signed with another key`,
    );
  }
  const fresh = checkFreshness(envelope.issuedAt, now);
  if (!fresh.ok) throw await rejectMessage(db, target, raw, 'stale', fresh.message);
  if (node.status !== 'APPROVED') {
    throw await rejectMessage(
      db,
      target,
      raw,
      'not-approved',
      `node ${node.id} (${node.name}) is ${node.status}; a hub admin must approve it before it can ${envelope.type}`,
    );
  }
  const nonce = await takeNonce(db, envelope, now);
  if (!nonce.ok) throw await rejectMessage(db, target, raw, nonce.reason, nonce.message);
  if (!options.types.includes(envelope.type)) {
    throw await rejectMessage(
      db,
      target,
      raw,
      'wrong-type',
      `${target.path} does not take ${envelope.type} messages; it takes ${options.types.join(', ') || 'no message types yet'}`,
    );
  }
  // Last seen to within a few seconds is enough to tell an offline node; not a write per message.
  if (!node.lastSeenAt || now.getTime() - Date.parse(node.lastSeenAt) > TOUCH_EVERY_MS)
    await touchNode(db, node.id);
  return { node, envelope };
}
