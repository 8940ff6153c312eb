import type { Audience } from '@openehds/core';

/**
 * The Beacon query log's table in the node's DuckDB store and the statements on it: what a row holds
 * and how a batch of rows, or of late outcomes, is written in one statement. The batching, the budget
 * and the crash window are the log's (budget-store.ts).
 */

export const QUERY_LOG_DDL = [
  `CREATE SEQUENCE IF NOT EXISTS beacon_query_seq`,
  `CREATE TABLE IF NOT EXISTS beacon_query_log (
    seq BIGINT PRIMARY KEY DEFAULT nextval('beacon_query_seq'), asked_at TIMESTAMP NOT NULL, caller VARCHAR NOT NULL,
    audience VARCHAR NOT NULL, method VARCHAR NOT NULL, path VARCHAR NOT NULL, entry_type VARCHAR,
    query VARCHAR, granularity VARCHAR, status INTEGER, outcome VARCHAR NOT NULL)`,
];

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

/** One row, in memory until it is written. */
export interface LogRow {
  at: Date;
  caller: string;
  audience: Audience;
  method: string;
  path: string;
  entryType: string | null;
  query: string | null;
  granularity: string | null;
  status: number | null;
  outcome: BeaconLogEntry['outcome'] | 'pending';
  /** The table's `seq`, known before writing only for rows written while their query still runs. */
  seq: number | null;
  state: 'queued' | 'writing' | 'written';
}

/** Callers and times (ms) of the queries since $1 that count against the budget: ran, or running. */
export const COUNTED_SINCE = `SELECT caller, epoch_ms(asked_at) AS t FROM beacon_query_log
  WHERE asked_at > $1::TIMESTAMP AND outcome IN ('pending', 'answered') ORDER BY asked_at`;

/** Deletes the rows asked before $1 (the retention). */
export const PRUNE_BEFORE = `DELETE FROM beacon_query_log WHERE asked_at < $1::TIMESTAMP`;

/** $1 numbers of the sequence, for rows that must know their `seq` before they are written. */
export const NEXT_SEQS = `SELECT nextval('beacon_query_seq') AS s FROM range($1::BIGINT)`;

/** The newest $1 rows, for `listedEntry`. */
export const LIST_NEWEST = `SELECT strftime(asked_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS at, caller, audience, method, path,
    entry_type, query, granularity, status, outcome
  FROM beacon_query_log ORDER BY seq DESC LIMIT $1`;

/** A row of LIST_NEWEST as the log lists it. */
export function listedEntry(r: Record<string, unknown>): BeaconLogEntry & { at: string } {
  return {
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
  };
}

/** The JSON shapes (DuckDB `from_json`) of a batch of rows, and of a batch of late outcomes. */
const ROW_JSON = JSON.stringify([
  {
    seq: 'BIGINT',
    asked_at: 'VARCHAR',
    caller: 'VARCHAR',
    audience: 'VARCHAR',
    method: 'VARCHAR',
    path: 'VARCHAR',
    entry_type: 'VARCHAR',
    query: 'VARCHAR',
    granularity: 'VARCHAR',
    status: 'INTEGER',
    outcome: 'VARCHAR',
  },
]);
const OUTCOME_JSON = JSON.stringify([
  { seq: 'BIGINT', status: 'INTEGER', outcome: 'VARCHAR', granularity: 'VARCHAR' },
]);

/**
 * One INSERT for a whole batch, its rows passed as one JSON parameter ($1, `rowsJson`): binding eleven
 * parameters a row cost ~0.2 ms a row on the event loop, and the appender casts on it synchronously;
 * this runs in DuckDB's threads. A row without `seq` takes the next number.
 */
export const INSERT_ROWS = `INSERT INTO beacon_query_log
    (seq, asked_at, caller, audience, method, path, entry_type, query, granularity, status, outcome)
  SELECT coalesce(r.seq, nextval('beacon_query_seq')), r.asked_at::TIMESTAMP, r.caller, r.audience, r.method,
    r.path, r.entry_type, r.query, r.granularity, r.status, r.outcome
  FROM (SELECT unnest(from_json($1::VARCHAR, '${ROW_JSON}')) AS r)`;

/** The parameter of INSERT_ROWS. */
export function rowsJson(batch: readonly LogRow[]): string {
  return JSON.stringify(
    batch.map((r) => ({
      seq: r.seq,
      asked_at: r.at.toISOString(),
      caller: r.caller,
      audience: r.audience,
      method: r.method,
      path: r.path,
      entry_type: r.entryType,
      query: r.query,
      granularity: r.granularity,
      status: r.status,
      outcome: r.outcome,
    })),
  );
}

/** The outcomes of rows written while their query ran, in one UPDATE ($1, `outcomesJson`). */
export const UPDATE_OUTCOMES = `UPDATE beacon_query_log SET status = v.status, outcome = v.outcome, granularity = v.granularity
  FROM (SELECT r.seq, r.status, r.outcome, r.granularity
        FROM (SELECT unnest(from_json($1::VARCHAR, '${OUTCOME_JSON}')) AS r)) AS v
  WHERE beacon_query_log.seq = v.seq`;

/** The parameter of UPDATE_OUTCOMES. */
export function outcomesJson(rows: readonly LogRow[]): string {
  return JSON.stringify(
    rows.map((r) => ({ seq: r.seq, status: r.status, outcome: r.outcome, granularity: r.granularity })),
  );
}
