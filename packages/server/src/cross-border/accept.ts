import type { Db } from '@openehds/db';
import {
  AppError,
  checkFreshness,
  keyFingerprint,
  zodIssues,
  type AppErrorKind,
  type Issue,
} from '@openehds/core';
import { recordAudit } from '../audit/service';
import type { HubConfig } from '../config';
import { BODY_SCHEMAS } from './bodies';
import { HubMessageSchema, verifyHubMessage, type HubMessage } from './message';
import { findPeer, type StoredPeer } from './peers';

/**
 * The gate for messages from peer hubs. Checks run cheapest-and-least-revealing first: shape, known
 * sender, signature under the configured peer key, replay window (±5 min), recipient, body. Every
 * refusal is problem+json and an audit event `cross-border.reject` with its reason. A message that
 * passes is de-duplicated by its id afterwards (incoming.ts), so a retry or a replay inside the
 * window is answered 200 and changes nothing; outside the window the time check refuses it.
 */

export const HUB_REJECTION_REASONS = [
  'unsigned',
  'malformed',
  'unknown-sender',
  'bad-signature',
  'stale',
  'wrong-recipient',
] as const;
export type HubRejectionReason = (typeof HUB_REJECTION_REASONS)[number];

const KIND: Record<HubRejectionReason, AppErrorKind> = {
  unsigned: 'unauthenticated',
  malformed: 'invalid',
  'unknown-sender': 'unauthenticated',
  'bad-signature': 'unauthenticated',
  stale: 'unauthenticated',
  'wrong-recipient': 'invalid',
};

const short = (v: unknown, n: number) => (typeof v === 'string' ? v.slice(0, n) : null);

/** A refused hub message: the AppError to throw, already audited. */
export async function rejectHubMessage(
  db: Db,
  raw: unknown,
  reason: HubRejectionReason | 'refused',
  message: string,
  issues: Issue[] = [],
  kind?: AppErrorKind,
): Promise<AppError> {
  const r = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const sender = short(r.sender, 2);
  await recordAudit(db, {
    actor: sender && /^[A-Z]{2}$/.test(sender) ? `hub:${sender}` : 'unknown',
    action: 'cross-border.reject',
    object: typeof r.messageId === 'string' ? `message:${r.messageId.slice(0, 64)}` : null,
    outcome: 'rejected',
    details: {
      reason,
      message,
      type: short(r.type, 100),
      issuedAt: short(r.issuedAt, 40),
    },
  });
  return new AppError(
    kind ?? KIND[reason as HubRejectionReason] ?? 'invalid',
    `message refused (${reason}): ${message}`,
    [{ path: 'reason', message: reason }, ...issues],
  );
}

/** Verifies a message from a configured peer; returns the peer, the message and its parsed body. */
export async function acceptHubMessage(
  db: Db,
  config: HubConfig,
  raw: unknown,
  now = new Date(),
): Promise<{ peer: StoredPeer; message: HubMessage; body: unknown }> {
  const record =
    raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
  if (!record || typeof record.signature !== 'string' || record.signature === '') {
    throw await rejectHubMessage(db, raw, 'unsigned', 'a hub message must be a signed envelope', [
      { path: 'signature', message: 'required' },
    ]);
  }
  const shape = HubMessageSchema.safeParse(record);
  if (!shape.success) {
    throw await rejectHubMessage(
      db,
      raw,
      'malformed',
      'the hub message envelope is malformed',
      zodIssues(shape.error).map((i) => ({ path: i.path ?? '', message: i.message })),
    );
  }
  const message = shape.data as HubMessage;
  const peer = await findPeer(db, message.sender);
  if (!peer) {
    throw await rejectHubMessage(
      db,
      raw,
      'unknown-sender',
      `${message.sender} is not a peer of this hub; an admin adds it with its hub key (PUT /api/cross-border/peers)`,
    );
  }
  if (!verifyHubMessage(peer.publicKey, message)) {
    throw await rejectHubMessage(
      db,
      raw,
      'bad-signature',
      `the signature does not verify under the key configured for ${peer.country} (fingerprint ${keyFingerprint(peer.publicKey)}); the message was altered or signed with another key`,
    );
  }
  const fresh = checkFreshness(message.issuedAt, now);
  if (!fresh.ok) throw await rejectHubMessage(db, raw, 'stale', fresh.message);
  if (message.recipient !== config.hdab.country) {
    throw await rejectHubMessage(
      db,
      raw,
      'wrong-recipient',
      `the message is addressed to ${message.recipient}; this hub is ${config.hdab.country}`,
    );
  }
  const body = BODY_SCHEMAS[message.type].safeParse(message.body);
  if (!body.success) {
    throw await rejectHubMessage(
      db,
      raw,
      'malformed',
      `the body of the ${message.type} message is invalid`,
      zodIssues(body.error).map((i) => ({ path: `body.${i.path ?? ''}`, message: i.message })),
    );
  }
  return { peer, message, body: body.data };
}
