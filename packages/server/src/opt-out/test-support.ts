import type { Db } from '@openehds/db';
import { signDocument } from '@openehds/core';
import { citizenPseudonym, pseudonymKey } from '../auth/pseudonym';
import { createAccount, startSession } from '../auth/service';
import type { HubConfig } from '../config';
import { hubKeyPair } from '../federation/hub-key';
import { loadPermit, type PermitContent, type PermitRecord } from '../permits/store';
import { PERMIT_DOCUMENT_TYPE } from '../permits/succession';

/**
 * Tests only: a citizen account as a national eID sign-in creates it (the keyed pseudonym of the
 * national identifier, nothing else), with a session. The OIDC flow itself is tested in auth/oidc.
 */
export async function createTestCitizen(
  db: Db,
  config: HubConfig,
  input: { username: string; nationalId: string },
): Promise<{ accountId: string; token: string; pseudonym: string }> {
  const pseudonym = citizenPseudonym(await pseudonymKey(db, config.citizenPseudonymKey), input.nationalId);
  const accountId = await createAccount(db, {
    username: input.username,
    displayName: input.username,
    role: 'citizen',
    organisationId: null,
    citizenPseudonym: pseudonym,
  });
  const { token } = await startSession(db, accountId, 'direct');
  return { accountId, token, pseudonym };
}

/**
 * Tests only: marks a granted permit version as granting the opt-out exception (Art. 71(4), recorded
 * under Art. 68(10)(c)) and signs its document again, as the decision would have.
 */
export async function grantOptOutException(
  db: Db,
  permitId: string,
  justification: string,
): Promise<PermitRecord> {
  const permit = await loadPermit(db, permitId);
  const content: PermitContent = { ...permit.content, optOutException: { granted: true, justification } };
  const signed = signDocument(
    PERMIT_DOCUMENT_TYPE,
    content,
    await hubKeyPair(db),
    new Date(permit.activeFrom),
  );
  await db.query('UPDATE permit SET content = $2::jsonb, signed = $3::jsonb WHERE id = $1', [
    permitId,
    JSON.stringify(content),
    JSON.stringify(signed),
  ]);
  return loadPermit(db, permitId);
}
