import { z } from 'zod';
import type { Db } from '@openehds/db';
import { zodIssues } from '@openehds/core';
import { rejectMessage } from './accept';
import { takeNonce } from './nonces';
import {
  checkFreshness,
  FEDERATION_PATHS,
  isPublicKey,
  parseEnvelope,
  verifyEnvelope,
  type MessageTarget,
} from '@openehds/core';
import { hubKeyPair } from './hub-key';
import { findNode, insertNode, type FederatedNode } from './nodes';

const TARGET: MessageTarget = { method: 'POST', path: FEDERATION_PATHS.register };

const RegisterBody = z.object({
  name: z.string().trim().min(1).max(200),
  country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as FI'),
  organisation: z.string().trim().min(1).max(200),
  publicKey: z.string().refine(isPublicKey, 'an Ed25519 public key: 43 base64url characters'),
});

/** What a node learns from registering (or re-registering) itself. */
export interface RegistrationAnswer {
  nodeId: string;
  status: FederatedNode['status'];
  fingerprint: string;
  decisionReason: string | null;
  hubPublicKey: string;
}

/**
 * `node.register`: a node introduces its own key (generated on first start) and proves it holds the
 * private half by signing the request with it. A node already known re-registers to learn its status
 * (while it waits for approval); that must be signed with the key registered first, so nobody can
 * take over a node id with a new key. Registration itself needs no approval.
 */
export async function registerNode(db: Db, raw: unknown, now = new Date()): Promise<RegistrationAnswer> {
  const shape = parseEnvelope(raw);
  if (!shape.ok) throw await rejectMessage(db, TARGET, raw, shape.reason, shape.message, shape.issues);
  const envelope = shape.envelope;
  if (envelope.type !== 'node.register') {
    throw await rejectMessage(
      db,
      TARGET,
      raw,
      'wrong-type',
      `${TARGET.path} takes node.register messages, not ${envelope.type}`,
    );
  }
  const parsed = RegisterBody.safeParse(envelope.body);
  if (!parsed.success) {
    const issues = zodIssues(parsed.error).map((i) => ({ path: `body.${i.path ?? ''}`, message: i.message }));
    throw await rejectMessage(db, TARGET, raw, 'malformed', 'the registration body is invalid', issues);
  }
  const body = parsed.data;
  const existing = await findNode(db, envelope.nodeId);
  // Proof of possession: a new node's message must verify under the key it introduces; a known
  // node's under the key it registered with.
  const key = existing?.publicKey ?? body.publicKey;
  if (existing && existing.publicKey !== body.publicKey) {
    throw await rejectMessage(
      db,
      TARGET,
      raw,
      'bad-signature',
      `node ${existing.id} is registered with another key (fingerprint ${existing.fingerprint}); a new key needs a new node id`,
    );
  }
  if (!verifyEnvelope(key, TARGET, envelope)) {
    throw await rejectMessage(
      db,
      TARGET,
      raw,
      'bad-signature',
      'the registration is not signed by the private key of the public key it presents',
    );
  }
  const fresh = checkFreshness(envelope.issuedAt, now);
  if (!fresh.ok) throw await rejectMessage(db, TARGET, raw, 'stale', fresh.message);
  const nonce = await takeNonce(db, envelope, now);
  if (!nonce.ok) throw await rejectMessage(db, TARGET, raw, nonce.reason, nonce.message);
  const node = existing ?? (await insertNode(db, { id: envelope.nodeId, ...body }));
  const hub = await hubKeyPair(db);
  return {
    nodeId: node.id,
    status: node.status,
    fingerprint: node.fingerprint,
    decisionReason: node.decisionReason,
    hubPublicKey: hub.publicKey,
  };
}
