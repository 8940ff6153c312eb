import type { NodeStore } from '@openehds/analytics';
import { AppError } from '@openehds/core';
import { DEFAULT_BEACON_BUDGETS, type BudgetDecision, type BudgetRule } from './budget';
import { BudgetWindows } from './budget-window';
import {
  COUNTED_SINCE,
  INSERT_ROWS,
  LIST_NEWEST,
  listedEntry,
  NEXT_SEQS,
  outcomesJson,
  PRUNE_BEFORE,
  QUERY_LOG_DDL,
  rowsJson,
  UPDATE_OUTCOMES,
  type BeaconLogEntry,
  type LogRow,
} from './query-log-table';

/**
 * The node's Beacon query log in its DuckDB store: one row per query request (caller, audience,
 * endpoint, the parsed query, the granularity returned, the outcome). It is both the budget's count —
 * so a restart does not refill anyone's budget — and the node's record of every Beacon query. The
 * node has no general audit log; this table is the Beacon's. Queries are not personal data, but the
 * caller key can be (an account, an IP address): rows older than the retention are deleted.
 *
 * Cost per request: none in the store. The budget is decided in memory (budget-window.ts), from counts
 * loaded from this table at start; rows are written in batches — one INSERT of many rows every
 * `flushEveryMs` (200 ms) or `flushAtRows` (500) rows, and on `close()`, which the Beacon's routes run
 * when the node's API closes (a graceful stop writes everything). Three statements per request on the
 * store's one connection cost 6–14 ms and held up the engine (bench/beacon.ts).
 *
 * Crash window, said plainly: rows not yet written when the process dies without closing (killed,
 * power lost) are lost — those of the last ~200 ms, plus any query still running then. Their queries
 * then neither appear in the log nor count against the budget after the restart: at most one flush
 * interval's worth of queries per caller, which the budget (60 an hour anonymously) tolerates. A row
 * that fails to be written is kept and tried again at the next flush, the failure is reported
 * (`onError`), and once more than `maxBacklog` rows wait the Beacon refuses queries (503) rather than
 * answer ones it cannot log.
 */

export interface BeaconQueryLogOptions {
  /** How long rows are kept (default 90 days): the longest budget window, with room for review. */
  retentionDays?: number;
  /** Longest budget window the counts must cover (default: the longest of the default budgets). */
  horizonSeconds?: number;
  flushEveryMs?: number;
  flushAtRows?: number;
  /** Unwritten rows beyond which queries are refused (the log must not silently fall behind). */
  maxBacklog?: number;
  /** Where a failed background flush is reported (default: the console). */
  onError?: (err: Error) => void;
}

const DEFAULT_HORIZON = Math.max(...Object.values(DEFAULT_BEACON_BUDGETS).map((r) => r.windowSeconds));

/** The budget and log, over the node store. */
export class BeaconQueryLog {
  private readonly retentionDays: number;
  private horizonSeconds: number;
  private readonly flushEveryMs: number;
  private readonly flushAtRows: number;
  private readonly maxBacklog: number;
  private onError: (err: Error) => void;

  private ready: Promise<void> | null = null;
  private windows: BudgetWindows | null = null;
  /** Rows to insert, oldest first. */
  private readonly queue: LogRow[] = [];
  /** Rows already written (or being written) whose query finished since: to update. */
  private readonly dirty = new Set<LogRow>();
  /** Reserved rows whose query has not finished, by the number `reserve` returned. */
  private readonly running = new Map<number, LogRow>();
  private nextTicket = 1;
  private timer: NodeJS.Timeout | null = null;
  /** A background flush is queued and has not started yet. */
  private flushQueued = false;
  /** Failed writes in a row (0 after a good one). */
  private failures = 0;
  private chain: Promise<void> = Promise.resolve();
  private closed = false;
  private latest = 0;
  private lastSweep = 0;
  /** Statements the log has sent to the store since it was made (for tests: batching). */
  statements = 0;

  constructor(
    private readonly store: NodeStore,
    options: BeaconQueryLogOptions = {},
  ) {
    this.retentionDays = options.retentionDays ?? 90;
    this.horizonSeconds = options.horizonSeconds ?? DEFAULT_HORIZON;
    this.flushEveryMs = options.flushEveryMs ?? 200;
    this.flushAtRows = options.flushAtRows ?? 500;
    this.maxBacklog = options.maxBacklog ?? 20_000;
    this.onError =
      options.onError ?? ((err) => console.error(`Beacon query log: could not write rows: ${err.message}`));
  }

  /**
   * Creates the table if needed, deletes rows past the retention, and loads the counts of the last
   * `horizonSeconds` into memory. Runs once; the Beacon's routes run it at registration, so a failure
   * stops the node's start instead of answering queries without a budget.
   */
  open(options: { horizonSeconds?: number; now?: Date; onError?: (err: Error) => void } = {}): Promise<void> {
    if (options.onError) this.onError = options.onError;
    if (options.horizonSeconds !== undefined && options.horizonSeconds > this.horizonSeconds) {
      if (this.ready) {
        throw new Error(
          `the Beacon query log was opened for windows up to ${this.horizonSeconds} s; a rule asks for ${options.horizonSeconds} s`,
        );
      }
      this.horizonSeconds = options.horizonSeconds;
    }
    if (!this.ready) {
      const now = options.now ?? new Date();
      this.ready = (async () => {
        for (const ddl of QUERY_LOG_DDL) await this.exec(ddl);
        await this.prune(now);
        const since = new Date(now.getTime() - this.horizonSeconds * 1000).toISOString();
        const rows = await this.select<{ caller: string; t: number }>(COUNTED_SINCE, [since]);
        const windows = new BudgetWindows(this.horizonSeconds);
        for (const r of rows) windows.add(r.caller, Number(r.t));
        this.windows = windows;
        this.latest = this.lastSweep = now.getTime();
      })();
      this.ready.catch(() => (this.ready = null));
    }
    return this.ready;
  }

  /**
   * Counts one query against `caller`'s budget if it fits: decided in memory in one synchronous step
   * (so two concurrent requests cannot both take the last query). Returns the decision and, when
   * allowed, the number to complete the row with in `finish`. The row is queued as `pending`.
   */
  async reserve(
    entry: Omit<BeaconLogEntry, 'status' | 'outcome'>,
    rule: BudgetRule,
    now = new Date(),
  ): Promise<{ decision: BudgetDecision; seq: number | null }> {
    if (!this.windows) await this.open();
    this.usable();
    const decision = this.windows!.take(entry.caller, rule, now.getTime());
    if (!decision.allowed) return { decision, seq: null };
    const row = this.row({ ...entry, status: null, outcome: 'pending' }, now);
    const ticket = this.nextTicket++;
    this.running.set(ticket, row);
    this.enqueue(row);
    return { decision, seq: ticket };
  }

  /**
   * Completes a reserved row with what happened. A query the engine refused or failed did not run,
   * so it is given back to the caller's budget (as the old count by outcome did).
   */
  async finish(
    seq: number,
    result: { status: number; outcome: BeaconLogEntry['outcome']; granularity?: string },
  ): Promise<void> {
    const row = this.running.get(seq);
    if (!row) throw new Error(`no running Beacon query ${seq} in the query log`);
    this.running.delete(seq);
    row.status = result.status;
    row.outcome = result.outcome;
    row.granularity = result.granularity ?? null;
    if (result.outcome !== 'answered') this.windows?.refund(row.caller, row.at.getTime());
    if (this.closed) {
      this.onError(
        new Error(`a query of ${row.caller} finished after the query log closed; its outcome is not written`),
      );
      return;
    }
    if (row.state !== 'queued') this.dirty.add(row);
    this.schedule();
  }

  /** Logs a request that was not counted (refused, invalid, unauthenticated). */
  async record(entry: BeaconLogEntry, now = new Date()): Promise<void> {
    if (!this.windows) await this.open();
    this.usable();
    this.enqueue(this.row(entry, now));
  }

  /**
   * Writes every row waiting now (and any updates of rows written while their query ran). Rejects if
   * the store refuses them; the rows are then kept for the next flush.
   */
  flush(): Promise<void> {
    const run = this.chain.then(() => this.write());
    this.chain = run.catch(() => undefined);
    return run;
  }

  /**
   * Writes everything and stops the timer: the last step of a graceful stop (the routes call it when
   * the API closes, before start-node.ts closes the store). Rejects if rows could not be written.
   */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.windows) await this.flush();
  }

  /** Rows neither written nor being written (for tests and health). */
  get unwritten(): number {
    return this.queue.length + this.dirty.size;
  }

  /** Deletes rows past the retention period. */
  async prune(now = new Date()): Promise<void> {
    const cutoff = new Date(now.getTime() - this.retentionDays * 86_400_000).toISOString();
    await this.exec(PRUNE_BEFORE, [cutoff]);
  }

  /** The log, newest first (for the holder's review and for tests); this log's waiting rows first written. */
  async list(limit = 100): Promise<(BeaconLogEntry & { at: string })[]> {
    if (!this.windows) await this.open();
    await this.flush();
    return (await this.select<Record<string, unknown>>(LIST_NEWEST, [limit])).map(listedEntry);
  }

  private row(
    entry: Omit<BeaconLogEntry, 'status' | 'outcome'> & Pick<LogRow, 'status' | 'outcome'>,
    now: Date,
  ): LogRow {
    this.latest = Math.max(this.latest, now.getTime());
    return {
      at: now,
      caller: entry.caller,
      audience: entry.audience,
      method: entry.method,
      path: entry.path,
      entryType: entry.entryType ?? null,
      query: entry.query === undefined ? null : JSON.stringify(entry.query),
      granularity: entry.granularity ?? null,
      status: entry.status,
      outcome: entry.outcome,
      seq: null,
      state: 'queued',
    };
  }

  /** Refuses new queries once closed, or when the log has fallen too far behind to trust. */
  private usable(): void {
    if (this.closed)
      throw new AppError('unavailable', 'the node is stopping; the Beacon takes no more queries');
    if (this.unwritten > this.maxBacklog) {
      throw new AppError(
        'unavailable',
        'the Beacon query log cannot be written, so the Beacon answers no queries until it can; the node operator can see why',
      );
    }
  }

  private enqueue(row: LogRow): void {
    this.queue.push(row);
    this.schedule();
  }

  /** Starts a flush when a batch is full, else makes sure one runs within `flushEveryMs`. */
  private schedule(): void {
    if (this.closed || this.unwritten === 0 || this.flushQueued) return;
    if (this.unwritten >= this.flushAtRows && this.failures === 0) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      this.background();
    } else if (!this.timer) {
      // After failed writes, wait longer each time (up to 30 s): a broken store is not hammered.
      const delay = Math.min(this.flushEveryMs * 2 ** this.failures, 30_000);
      this.timer = setTimeout(() => {
        this.timer = null;
        this.background();
      }, delay);
      // A timer alone must not keep a process alive; close() writes what waits.
      this.timer.unref();
    }
  }

  /** A flush nobody awaits: its failure goes to `onError` (and write() has scheduled a retry). */
  private background(): void {
    this.flushQueued = true;
    this.flush().catch((err: Error) => this.onError(err));
  }

  private async write(): Promise<void> {
    this.flushQueued = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    try {
      while (this.queue.length) {
        const batch = this.queue.slice(0, this.flushAtRows);
        for (const row of batch) row.state = 'writing';
        try {
          await this.insert(batch);
        } catch (err) {
          for (const row of batch) row.state = 'queued';
          throw err;
        }
        this.queue.splice(0, batch.length);
        for (const row of batch) row.state = 'written';
      }
      const updates: LogRow[] = [];
      for (const row of this.dirty) {
        // A row whose insert failed is queued again and carries its outcome itself.
        if (row.state === 'queued') this.dirty.delete(row);
        else if (row.state === 'written') updates.push(row);
      }
      if (updates.length) {
        await this.exec(UPDATE_OUTCOMES, [outcomesJson(updates)]);
        for (const row of updates) this.dirty.delete(row);
      }
    } catch (err) {
      this.failures++;
      this.schedule();
      throw err;
    }
    this.failures = 0;
    if (this.windows && this.latest - this.lastSweep > 60_000) {
      this.windows.sweep(this.latest);
      this.lastSweep = this.latest;
    }
    // Rows queued while the last statement ran, if any, wait for the next round.
    this.schedule();
  }

  /** Rows whose query still runs get their `seq` first, for the later update (query-log-table.ts). */
  private async insert(batch: LogRow[]): Promise<void> {
    // Then every row of the batch gets it, so `seq` keeps the order the requests came in.
    const running = batch.some((r) => r.seq === null && r.outcome === 'pending');
    const needSeq = running ? batch.filter((r) => r.seq === null) : [];
    if (needSeq.length) {
      const seqs = await this.select<{ s: number }>(NEXT_SEQS, [needSeq.length]);
      needSeq.forEach((row, i) => (row.seq = Number(seqs[i]!.s)));
    }
    await this.exec(INSERT_ROWS, [rowsJson(batch)]);
  }

  private exec(sql: string, params?: unknown[]): Promise<void> {
    this.statements++;
    return this.store.run(sql, params);
  }

  private select<T>(sql: string, params?: unknown[]): Promise<T[]> {
    this.statements++;
    return this.store.all<T>(sql, params);
  }
}
