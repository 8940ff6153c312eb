import type { Db } from '@openehds/db';
import { signDocument } from '@openehds/core';
import type { HubConfig } from '../config';
import { hubKeyPair } from '../federation/hub-key';
import { grantTestPermit, type TestGrant } from '../permits/test-support';
import { loadPermit, type PermitRecord } from '../permits/store';
import { PERMIT_DOCUMENT_TYPE } from '../permits/succession';

/**
 * Tests only: a granted permit with the variables and period a workspace analysis needs (the
 * permits' own test grant lists none), signed again by the hub so nodes accept it.
 */
export async function grantWorkspacePermit(
  db: Db,
  config: HubConfig,
  g: TestGrant & { variables: string[]; period?: { from?: string; to?: string } },
): Promise<PermitRecord> {
  const granted = await grantTestPermit(db, config, g);
  const content = { ...granted.content, variables: g.variables, period: g.period ?? {} };
  const key = await hubKeyPair(db);
  const signed = signDocument(PERMIT_DOCUMENT_TYPE, content, key, new Date(granted.activeFrom));
  await db.query('UPDATE permit SET content = $2::jsonb, signed = $3::jsonb WHERE id = $1', [
    granted.id,
    JSON.stringify(content),
    JSON.stringify(signed),
  ]);
  return loadPermit(db, granted.id);
}
