import { createHmac } from 'node:crypto';

/**
 * The hub's keyed pseudonym of a national identifier (server `auth/pseudonym.ts`, format
 * `national-id-v1`): HMAC-SHA256 over `national-id\n` + the identifier trimmed and upper-cased,
 * base64url. The node computes it with the key the hub sent (`opt-out.key`) to recognise its persons in
 * the opt-out registry without the hub ever learning who they are (Art. 71).
 */
export function nationalIdPseudonym(key: string, nationalId: string): string {
  const normalised = nationalId.trim().toUpperCase();
  return createHmac('sha256', key).update(`national-id\n${normalised}`).digest('base64url');
}
