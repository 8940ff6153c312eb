import type { NodeStore } from '@openehds/analytics';
import type { Audience } from '@openehds/core';
import { budgetDecision, type BudgetDecision, type BudgetRule } from './budget';

/**
 * The node's Beacon query log in its DuckDB store: one row per query request (caller, audience,
 * endpoint, the parsed query, the granularity returned, the outcome). It is both the budget's count —
 * so a restart does not refill anyone's budget — and the node's record of every Beacon query. The
 * node has no general audit log; this table is the Beacon's. Queries are not personal data, but the
 * caller key can be (an account, an IP address): rows older than the retention are deleted.
 */

const DDL = [
  `CREATE SEQUENCE IF NOT EXISTS beacon_query_seq`,
  `CREATE TABLE IF NOT EXISTS beacon_query_log (
    seq BIGINT PRIMARY KEY DEFAULT nextval('beacon_query_seq'), asked_at TIMESTAMP NOT NULL, caller VARCHAR NOT NULL,
    audience VARCHAR NOT NULL, method VARCHAR NOT NULL, path VARCHAR NOT NULL, entry_type VARCHAR,
    query VARCHAR, granularity VARCHAR, status INTEGER, outcome VARCHAR NOT NULL)`,
];

/** Outcomes that count against the budget: a query that ran, or is running. */
const COUNTED = `('pending', 'answered')`;

/** What one logged request was. */
export interface BeaconLogEntry {
  caller: string;
  audience: Audience;
  method: string;
  path: string;
  entryType?: string;
  query?: unknown;
  granularity?: string;
  status: number;
  outcome: 'answered' | 'invalid' | 'refused' | 'unauthenticated' | 'error';
}

/** The budget and log, over the node store. */
export class BeaconQueryLog {
  private ready: Promise<void> | null = null;

  constructor(
    private readonly store: NodeStore,
    /** How long rows are kept (default 90 days): the longest budget window, with room for review. */
    private readonly retentionDays = 90,
  ) {}

  private ensure(): Promise<void> {
    if (!this.ready) {
      this.ready = (async () => {
        for (const ddl of DDL) await this.store.run(ddl);
      })();
      this.ready.catch(() => (this.ready = null));
    }
    return this.ready;
  }

  /**
   * Counts one query against `caller`'s budget if it fits, in one statement (so two concurrent
   * requests cannot both take the last query). Returns the decision and, when allowed, the row to
   * complete with `finish`.
   */
  async reserve(
    entry: Omit<BeaconLogEntry, 'status' | 'outcome'>,
    rule: BudgetRule,
    now = new Date(),
  ): Promise<{ decision: BudgetDecision; seq: number | null }> {
    await this.ensure();
    const since = new Date(now.getTime() - rule.windowSeconds * 1000).toISOString();
    const rows = await this.store.all<{ seq: number }>(
      `INSERT INTO beacon_query_log (asked_at, caller, audience, method, path, entry_type, query, outcome)
       SELECT $1::TIMESTAMP, $2, $3, $4, $5, $6, $7, 'pending'
       WHERE (SELECT count(*) FROM beacon_query_log
              WHERE caller = $2 AND asked_at > $8::TIMESTAMP AND outcome IN ${COUNTED}) < $9
       RETURNING seq`,
      [
        now.toISOString(),
        entry.caller,
        entry.audience,
        entry.method,
        entry.path,
        entry.entryType ?? null,
        entry.query === undefined ? null : JSON.stringify(entry.query),
        since,
        rule.limit,
      ],
    );
    const [counted] = await this.store.all<{ used: number; oldest: string | null }>(
      `SELECT count(*)::INTEGER AS used, strftime(min(asked_at), '%Y-%m-%dT%H:%M:%S.%gZ') AS oldest FROM beacon_query_log
       WHERE caller = $1 AND asked_at > $2::TIMESTAMP AND outcome IN ${COUNTED}`,
      [entry.caller, since],
    );
    const used = counted?.used ?? 0;
    const oldest = counted?.oldest ? new Date(counted.oldest) : null;
    if (rows[0]) {
      // The row just added is counted in `used`: the decision is about the query before it.
      return { decision: budgetDecision(rule, used - 1, oldest, now), seq: rows[0].seq };
    }
    return { decision: budgetDecision(rule, used, oldest, now), seq: null };
  }

  /** Completes a reserved row with what happened. */
  async finish(
    seq: number,
    result: { status: number; outcome: BeaconLogEntry['outcome']; granularity?: string },
  ) {
    await this.ensure();
    await this.store.run(
      `UPDATE beacon_query_log SET status = $1, outcome = $2, granularity = $3 WHERE seq = $4`,
      [result.status, result.outcome, result.granularity ?? null, seq],
    );
  }

  /** Logs a request that was not counted (refused, invalid, unauthenticated). */
  async record(entry: BeaconLogEntry, now = new Date()): Promise<void> {
    await this.ensure();
    await this.store.run(
      `INSERT INTO beacon_query_log (asked_at, caller, audience, method, path, entry_type, query, granularity, status, outcome)
       VALUES ($1::TIMESTAMP, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        now.toISOString(),
        entry.caller,
        entry.audience,
        entry.method,
        entry.path,
        entry.entryType ?? null,
        entry.query === undefined ? null : JSON.stringify(entry.query),
        entry.granularity ?? null,
        entry.status,
        entry.outcome,
      ],
    );
  }

  /** Deletes rows past the retention period. */
  async prune(now = new Date()): Promise<void> {
    await this.ensure();
    const cutoff = new Date(now.getTime() - this.retentionDays * 86_400_000).toISOString();
    await this.store.run(`DELETE FROM beacon_query_log WHERE asked_at < $1::TIMESTAMP`, [cutoff]);
  }

  /** The log, newest first (for the holder's review and for tests). */
  async list(limit = 100): Promise<(BeaconLogEntry & { at: string })[]> {
    await this.ensure();
    const rows = await this.store.all<Record<string, unknown>>(
      `SELECT strftime(asked_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS at, caller, audience, method, path, entry_type, query, granularity, status, outcome
       FROM beacon_query_log ORDER BY seq DESC LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({
      at: String(r.at),
      caller: String(r.caller),
      audience: r.audience as Audience,
      method: String(r.method),
      path: String(r.path),
      ...(r.entry_type ? { entryType: String(r.entry_type) } : {}),
      ...(r.query ? { query: JSON.parse(String(r.query)) as unknown } : {}),
      ...(r.granularity ? { granularity: String(r.granularity) } : {}),
      status: Number(r.status),
      outcome: r.outcome as BeaconLogEntry['outcome'],
    }));
  }
}
