import { createHash } from 'node:crypto';
import { canonicalJson } from '@openehds/core';

/**
 * The audit log is a hash chain (after RFC 9162's idea of an append-only log): each event's hash
 * covers the previous event's hash and the event's own content, so changing, removing or reordering
 * any past event breaks every hash after it. Pure functions, unit-tested without a database.
 */

/** What is recorded for each access or change: who, what, on which object, with which outcome. */
export interface AuditContent {
  at: string; // ISO 8601 UTC
  actor: string; // `account:<username>`, `node:<id>`, `system`
  action: string; // `dataset.publish`, `node.approve`, `message.reject`
  object: string | null;
  outcome: 'success' | 'failure' | 'denied' | 'rejected';
  details: Record<string, unknown>;
}

/** The hash of the chain before any event. */
export const GENESIS_HASH = '0'.repeat(64);

/** Hash of one event given the previous hash. */
export function eventHash(prevHash: string, content: AuditContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(content)).digest('hex');
}

/** Checks a sequence of stored events; returns the first broken sequence number, or null if intact. */
export function verifyChain(
  events: (AuditContent & { seq: number; prevHash: string; hash: string })[],
  startHash = GENESIS_HASH,
): number | null {
  let prev = startHash;
  for (const e of events) {
    const { seq, prevHash, hash, ...content } = e;
    if (prevHash !== prev || eventHash(prev, content) !== hash) return seq;
    prev = hash;
  }
  return null;
}
