import type { Db } from '@openehds/db';
import { dueExpiries, type PermitEnding } from '@openehds/core';
import { appendIn } from '../audit/service';
import { hubKeyPair } from '../federation/hub-key';
import { recordPermitEnd } from './end-notice';
import { toPermit } from './store';
import { toVersion } from './versions';

/**
 * Moves every current permit version whose access period is over to EXPIRED, closed at its end date
 * (Art. 68(12); the SPE data are then deleted within 6 months), with a signed notice of the end. Run by the scheduler; `now` is given
 * by tests. Each expiry commits on its own, with its history entry and audit event.
 */
export async function expirePermits(db: Db, now = new Date()): Promise<PermitEnding[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT * FROM permit WHERE status IN ('GRANTED', 'AMENDED', 'RENEWED') AND active_until IS NULL AND valid_until <= $1`,
    [now.toISOString()],
  );
  const done: PermitEnding[] = [];
  const key = rows.length ? await hubKeyPair(db) : null;
  for (const ending of dueExpiries(rows.map(toPermit).map(toVersion), now)) {
    const id = ending.permit.permitId;
    const applied = await db.transaction(async (tx) => {
      const [row] = await tx.query<{ status: string }>(
        `UPDATE permit SET status = 'EXPIRED', active_until = valid_until, revision = revision + 1
         WHERE id = $1 AND status IN ('GRANTED', 'AMENDED', 'RENEWED') AND active_until IS NULL AND valid_until <= $2
         RETURNING status`,
        [id, now.toISOString()],
      );
      // Another hub process expired it first, or it was revoked meanwhile.
      if (!row) return false;
      await recordPermitEnd(
        tx,
        key!,
        toPermit(rows.find((r) => r.id === id)!),
        {
          event: 'expire',
          actor: 'system',
          endedAt: ending.endedAt,
          reason: null,
          deletionDueAt: ending.deletionDueAt,
        },
        now,
      );
      await appendIn(tx, {
        actor: 'system',
        action: 'permit.expire',
        object: `permit:${id}`,
        outcome: 'success',
        details: {
          validUntil: ending.endedAt.toISOString(),
          deletionDueAt: ending.deletionDueAt.toISOString(),
        },
      });
      return true;
    });
    if (applied) done.push(ending);
  }
  return done;
}
