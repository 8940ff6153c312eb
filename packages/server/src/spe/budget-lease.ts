import type { Db } from '@openehds/db';
import { conflict } from '@openehds/core';

/**
 * Holds a permit chain's privacy budget for one analysis while `fn` runs (migration 0019 says why):
 * a second analysis that spends budget meanwhile is refused with a clear conflict instead of both
 * spending the same remainder. The lease lapses after `ttlMs` in case this process dies holding it.
 */
export async function withBudgetLease<T>(
  db: Db,
  rootId: string,
  analysisId: string,
  ttlMs: number,
  fn: () => Promise<T>,
): Promise<T> {
  const until = new Date(Date.now() + ttlMs).toISOString();
  const [taken] = await db.query<{ analysis_id: string }>(
    `INSERT INTO spe_budget_lease (permit_root_id, analysis_id, until) VALUES ($1, $2, $3)
     ON CONFLICT (permit_root_id) DO UPDATE SET analysis_id = EXCLUDED.analysis_id, until = EXCLUDED.until
       WHERE spe_budget_lease.until < now()
     RETURNING analysis_id`,
    [rootId, analysisId, until],
  );
  if (!taken) {
    throw conflict(
      'another analysis under this permit is spending its differential-privacy budget; run this one when it has finished, so both are charged against what is really left',
    );
  }
  try {
    return await fn();
  } finally {
    await db.query('DELETE FROM spe_budget_lease WHERE permit_root_id = $1 AND analysis_id = $2', [
      rootId,
      analysisId,
    ]);
  }
}
