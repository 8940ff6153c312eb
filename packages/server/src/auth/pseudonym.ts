import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '@openehds/db';

/**
 * Keyed pseudonyms of citizens' national identifiers. A plain hash of an identifier with so few
 * possible values could be reversed by trying them all; an HMAC with a secret key cannot, without the
 * key (GDPR Art. 4(5) pseudonymisation; EHDS.md §12: the opt-out registry must recognise the person
 * again without holding the identifier).
 */
export function citizenPseudonym(key: string, nationalId: string): string {
  const normalised = nationalId.trim().toUpperCase();
  return createHmac('sha256', key).update(`national-id\n${normalised}`).digest('base64url');
}

const KEY_ID = 'citizen-pseudonym-key';

/**
 * The pseudonym key: from configuration when set (production: keep it outside the database), otherwise
 * generated once and kept in the store so a demo's pseudonyms stay stable across restarts.
 */
export async function pseudonymKey(db: Db, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  const [found] = await db.query<{ value: string }>('SELECT value FROM hub_secret WHERE id = $1', [KEY_ID]);
  if (found) return found.value;
  await db.query('INSERT INTO hub_secret (id, value) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [
    KEY_ID,
    randomBytes(32).toString('base64url'),
  ]);
  const [row] = await db.query<{ value: string }>('SELECT value FROM hub_secret WHERE id = $1', [KEY_ID]);
  return row!.value;
}
