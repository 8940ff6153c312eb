import { createHash } from 'node:crypto';

/**
 * How a citizen appears in the audit log: a short hash of their keyed pseudonym, never the national
 * identifier, never the pseudonym itself (the audit log is kept for years and copied elsewhere,
 * EHDS.md §10; the short hash still lets the DPA follow one person's changes, Art. 65).
 */
export function citizenActor(pseudonym: string): string {
  return `citizen:${createHash('sha256').update(pseudonym).digest('hex').slice(0, 16)}`;
}
