import { createHash } from 'node:crypto';
import { canonicalJson } from '@openehds/core';

/** SHA-256 hex of a value's canonical JSON (RFC 8785 key order), so equal values hash equally anywhere. */
export function hashJson(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

/** SHA-256 hex of bytes. */
export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
