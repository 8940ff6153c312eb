import { createHash, hash as oneShotHash } from 'node:crypto';
import { canonicalJson } from '@openehds/core';

/**
 * The audit log is a hash chain (after RFC 9162's idea of an append-only log): each event's hash
 * covers the previous event's hash and the event's own content, so changing, removing or reordering
 * any past event breaks the link to the event after it. Pure functions, unit-tested without a
 * database. The sequence number is not hashed: the order is the chain of hashes itself.
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

/** A stored audit event: its content, its place in the log and its link in the chain. */
export interface AuditEvent extends AuditContent {
  seq: number;
  prevHash: string;
  hash: string;
}

/** The hash of the chain before any event. */
export const GENESIS_HASH = '0'.repeat(64);

// `crypto.hash` (Node ≥ 20.12) hashes a small input in one call, about twice as fast as createHash.
const sha256hex: (data: string | Uint8Array) => string =
  typeof oneShotHash === 'function'
    ? (data) => oneShotHash('sha256', data, 'hex')
    : (data) => createHash('sha256').update(data).digest('hex');

/** The bytes an event's hash covers, as text: previous hash, a newline, the canonical content. */
export function hashedText(prevHash: string, contentJson: string): string {
  return `${prevHash}\n${contentJson}`;
}

/**
 * The content as the chain hashes it: exactly `canonicalJson(content)` (RFC 8785 key order), written
 * by hand for the six known members and a lean recursion for `details`, because the generic encoder
 * was most of the cost of an append (chain.test.ts checks the two agree on arbitrary JSON).
 */
export function contentJson(content: AuditContent): string {
  let out = `{"action":${JSON.stringify(content.action)},"actor":${JSON.stringify(content.actor)},"at":${JSON.stringify(content.at)}`;
  if (content.details !== undefined) out += `,"details":${canonical(content.details)}`;
  if (content.object !== undefined)
    out += `,"object":${content.object === null ? 'null' : JSON.stringify(content.object)}`;
  if (content.outcome !== undefined) out += `,"outcome":${JSON.stringify(content.outcome)}`;
  return `${out}}`;
}

/** canonicalJson of @openehds/core without its error paths' bookkeeping (same output, same refusals). */
function canonical(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
    case 'boolean':
    case 'object':
      break;
    default:
      return canonicalJson(value); // throws, with the path
  }
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : canonicalJson(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + canonical(value[i]);
    return `${out}]`;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return canonicalJson(value); // throws
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const k of keys) {
    const v = record[k];
    if (v === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(k)}:${canonical(v)}`;
    first = false;
  }
  return `${out}}`;
}

/** Hash of one event given the previous hash. */
export function eventHash(prevHash: string, content: AuditContent): string {
  return sha256hex(hashedText(prevHash, contentJson(content)));
}

/** SHA-256 (hex) of raw bytes: the verifier of an export file hashes the bytes as written. */
export function sha256Hex(data: string | Uint8Array): string {
  return sha256hex(data);
}

/** The content of a stored event, without its place in the chain. */
export function contentOf(e: AuditEvent): AuditContent {
  return {
    at: e.at,
    actor: e.actor,
    action: e.action,
    object: e.object,
    outcome: e.outcome,
    details: e.details,
  };
}
