import type { Db } from '@openehds/db';
import { conflict, planRevocation } from '@openehds/core';
import { appendIn } from '../audit/service';
import type { Principal } from '../auth/roles';
import { hubKeyPair } from '../federation/hub-key';
import { recordPermitEnd } from './end-notice';
import { loadPermit, lockPermit, type PermitRecord } from './store';
import { toVersion } from './versions';

/**
 * Revokes the current version of a permit as an enforcement measure (Art. 63): status REVOKED, closed
 * now, the reason recorded in a signed notice (it is notified and published, Art. 57(1)(j)(iv)); the nodes learn it with
 * the next delivery and refuse every task under the permit from then on.
 */
export async function revokePermit(
  db: Db,
  p: Principal,
  id: string,
  reason: string,
  now = new Date(),
): Promise<PermitRecord> {
  const key = await hubKeyPair(db);
  await db.transaction(async (tx) => {
    const current = await lockPermit(tx, id);
    const ending = planRevocation(toVersion(current), reason, now);
    const done = await tx.query(
      `UPDATE permit SET status = 'REVOKED', active_until = $2, reason = $3, revision = revision + 1
       WHERE id = $1 AND active_until IS NULL RETURNING id`,
      [id, now.toISOString(), ending.reason],
    );
    if (!done.length) throw conflict(`permit ${id} changed meanwhile; reload it and try again`);
    const actor = `account:${p.username}`;
    await recordPermitEnd(
      tx,
      key,
      current,
      {
        event: 'revoke',
        actor,
        endedAt: now,
        reason: ending.reason ?? reason,
        deletionDueAt: ending.deletionDueAt,
      },
      now,
    );
    await appendIn(tx, {
      actor,
      action: 'permit.revoke',
      object: `permit:${id}`,
      outcome: 'success',
      details: { reason: ending.reason, deletionDueAt: ending.deletionDueAt.toISOString() },
    });
  });
  return loadPermit(db, id);
}
