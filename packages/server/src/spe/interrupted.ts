import type { Db } from '@openehds/db';
import { appendBatch } from '../audit/service';

/** The longest an analysis may run: a GLM takes at most ~25 rounds, each node answer within a minute. */
export const ANALYSIS_MAX_RUN_MS = 30 * 60_000;

/**
 * A federated analysis runs inside the request that asked for it; a hub that stops meanwhile leaves
 * it RUNNING with nobody to finish it. No analysis runs longer than `maxRunMs` (also its privacy-budget
 * lease, service.ts), so one still RUNNING after that was lost: it is marked FAILED, saying so, and
 * audited, so the workspace (Art. 73) does not show it as running forever and the user can run it again.
 * Returns the ids failed.
 */
export async function failInterruptedAnalyses(
  db: Db,
  now: Date,
  maxRunMs = ANALYSIS_MAX_RUN_MS,
): Promise<string[]> {
  const before = new Date(now.getTime() - maxRunMs).toISOString();
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ id: string; permit_id: string; kind: string }>(
      `UPDATE spe_analysis SET status = 'FAILED', finished_at = $2,
         error = 'interrupted: the hub stopped (or lost the analysis) while it ran; no result was kept — run it again'
       WHERE status = 'RUNNING' AND created_at < $1 RETURNING id, permit_id, kind`,
      [before, now.toISOString()],
    );
    await appendBatch(
      tx,
      rows.map((r) => ({
        actor: 'system',
        action: 'spe.analysis',
        object: `permit:${r.permit_id}`,
        outcome: 'failure' as const,
        details: { analysis: r.id, kind: r.kind, status: 'FAILED', error: 'interrupted' },
      })),
    );
    return rows.map((r) => r.id);
  });
}
