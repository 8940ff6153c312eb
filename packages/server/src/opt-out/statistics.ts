import type { Queryable } from '@openehds/db';

/** Counts of the opt-out registry for HDAB staff: never a pseudonym, never an identity. */
export interface OptOutStatistics {
  /** Persons opted out now. */
  currentOptedOut: number;
  /** Registry version (number of changes so far). */
  registryVersion: number;
  /** Per calendar month (UTC), oldest first. */
  months: { month: string; optOuts: number; reversals: number }[];
}

/**
 * The registry in numbers (Art. 59(1)(e) reports data-subject requests; Art. 58 information to the
 * public): how many are opted out now, and opt-outs and reversals per month.
 */
export async function optOutStatistics(db: Queryable): Promise<OptOutStatistics> {
  const [current] = await db.query<{ n: string }>(
    'SELECT count(*) AS n FROM opt_out_period WHERE reversed_at IS NULL',
  );
  const [version] = await db.query<{ v: string | null }>('SELECT max(seq) AS v FROM opt_out_event');
  const rows = await db.query<{ month: string; action: string; n: string }>(
    `SELECT to_char(date_trunc('month', at AT TIME ZONE 'UTC'), 'YYYY-MM') AS month, action, count(*) AS n
     FROM opt_out_event GROUP BY 1, 2 ORDER BY 1`,
  );
  const months = new Map<string, { month: string; optOuts: number; reversals: number }>();
  for (const r of rows) {
    const m = months.get(r.month) ?? { month: r.month, optOuts: 0, reversals: 0 };
    if (r.action === 'opt-out') m.optOuts = Number(r.n);
    else m.reversals = Number(r.n);
    months.set(r.month, m);
  }
  return {
    currentOptedOut: Number(current?.n ?? 0),
    registryVersion: Number(version?.v ?? 0),
    months: [...months.values()],
  };
}
