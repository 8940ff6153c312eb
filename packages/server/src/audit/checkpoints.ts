import type { Db, Queryable } from '@openehds/db';
import type { FederationKeyPair } from '@openehds/core';
import { hubKeyPair } from '../federation/hub-key';
import { AUDIT_LOCK, onAuditAppended } from './append';
import { signCheckpoint, type AuditCheckpoint } from './checkpoint';
import { segmentOf } from './segment';
import { SegmentCache } from './segment-cache';

/** When the hub signs a checkpoint of the audit chain. */
export interface CheckpointSchedule {
  /** After this many new events (issue 3 §7: default 1000). */
  every: number;
  /** And on this timer when new events exist (default every 10 minutes); also at shutdown. */
  intervalMs: number;
}

/** The defaults of {@link CheckpointSchedule}. */
export const DEFAULT_CHECKPOINT_SCHEDULE: CheckpointSchedule = { every: 1000, intervalMs: 10 * 60_000 };

const COLUMNS =
  'seq, hash, events, at, signature, key_fingerprint, segment_from, segment_bytes, segment_sha256';

function toCheckpoint(r: Record<string, unknown>): AuditCheckpoint {
  return {
    seq: Number(r.seq),
    hash: r.hash as string,
    events: Number(r.events),
    at: new Date(r.at as string).toISOString(),
    signature: r.signature as string,
    keyFingerprint: r.key_fingerprint as string,
    ...(r.segment_sha256 == null
      ? {}
      : {
          segment: {
            from: Number(r.segment_from),
            bytes: Number(r.segment_bytes),
            sha256: r.segment_sha256 as string,
          },
        }),
  };
}

/** All checkpoints, oldest first. */
export async function listCheckpoints(db: Queryable): Promise<AuditCheckpoint[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM audit_checkpoint ORDER BY seq`,
  );
  return rows.map(toCheckpoint);
}

/** The latest checkpoint, if any. */
export async function lastCheckpoint(db: Queryable): Promise<AuditCheckpoint | null> {
  const [row] = await db.query<Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM audit_checkpoint ORDER BY seq DESC LIMIT 1`,
  );
  return row ? toCheckpoint(row) : null;
}

/**
 * Signs a checkpoint of the chain's current head, unless the head is already checkpointed. It takes
 * the append lock, so it waits for an append in flight to commit (a checkpoint due at seq N signs N)
 * and reads a committed head with every event below it. Its commit does not wait for the disk, so
 * it holds the lock only for a few quick statements: a checkpoint lost in a crash is signed again
 * later, while a synchronous commit per checkpoint would double the fsyncs of batched appends (a
 * later append's commit flushes it anyway, the WAL being sequential). It signs the segment since the
 * checkpoint before only after checking its chain: from the events this process appended when they
 * link up to the head (segment-cache.ts), else read back and checked hash by hash, so a log edited
 * in the store is never signed (segment.ts). The key is fetched first (outside the transaction:
 * PGlite runs one query at a time). Two hub processes may race: the first insert wins, the other
 * does nothing.
 */
export async function writeCheckpoint(
  db: Db,
  options: { key?: FederationKeyPair; now?: Date; cache?: SegmentCache } = {},
): Promise<AuditCheckpoint | null> {
  const key = options.key ?? (await hubKeyPair(db));
  return db.transaction(async (tx) => {
    await tx.query('SET LOCAL synchronous_commit = off');
    await tx.query(`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`);
    const [head] = await tx.query<{ seq: number | string; hash: string }>(
      'SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1',
    );
    if (!head) return null;
    const seq = Number(head.seq);
    const previous = await lastCheckpoint(tx);
    if (previous && previous.seq >= seq) return null;
    const { segment, events } =
      options.cache?.segment(previous, { seq, hash: head.hash }) ?? (await segmentOf(tx, previous, seq));
    const checkpoint = signCheckpoint(
      key,
      { seq, hash: head.hash, events: (previous?.events ?? 0) + events, segment },
      options.now,
    );
    const inserted = await tx.query(
      `INSERT INTO audit_checkpoint
         (seq, hash, events, at, signature, key_fingerprint, segment_from, segment_bytes, segment_sha256)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (seq) DO NOTHING RETURNING seq`,
      [
        checkpoint.seq,
        checkpoint.hash,
        checkpoint.events,
        checkpoint.at,
        checkpoint.signature,
        checkpoint.keyFingerprint,
        segment.from,
        segment.bytes,
        segment.sha256,
      ],
    );
    return inserted.length ? checkpoint : null;
  });
}

/**
 * Keeps checkpoints coming for one hub store: after every `every` events, on a timer when new events
 * exist, and once more at shutdown. Appends only notify it; the checkpoint is signed afterwards in
 * its own transaction, so the append path never waits for a signature.
 */
export class Checkpointer {
  /** Seq of the last checkpoint written here. */
  private lastSeq = 0;
  /** Highest seq an append announced. */
  private notified = 0;
  private forced = false;
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private readonly cache = new SegmentCache();
  /** The last error of a background checkpoint (also passed to `onError`). */
  lastError: unknown;

  constructor(
    private readonly db: Db,
    private readonly schedule: CheckpointSchedule = DEFAULT_CHECKPOINT_SCHEDULE,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  /** Starts listening for appends and the timer. */
  async start(): Promise<void> {
    this.lastSeq = (await lastCheckpoint(this.db))?.seq ?? 0;
    this.notified = this.lastSeq;
    // The notice comes from any store in this process; a spurious one costs one no-op check.
    this.unsubscribe = onAuditAppended((events) => {
      this.cache.add(events);
      this.notified = Math.max(this.notified, events.at(-1)?.seq ?? 0);
      if (this.due()) this.kick(false);
    });
    this.timer = setInterval(() => this.kick(true), this.schedule.intervalMs);
    this.timer.unref();
  }

  /** Writes a checkpoint now if there are new events; resolves when done. */
  checkpointNow(): Promise<void> {
    this.kick(true);
    return this.idle();
  }

  /** Resolves when no checkpoint is being written. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stops the timer and writes a last checkpoint (shutdown). */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.timer);
    this.unsubscribe?.();
    await this.idle();
    await this.runOnce();
  }

  private due(): boolean {
    return this.notified - this.lastSeq >= this.schedule.every;
  }

  private kick(force: boolean): void {
    if (force) this.forced = true;
    if (this.running) return;
    this.running = (async () => {
      do {
        this.forced = false;
        await this.runOnce();
      } while (!this.stopped && (this.forced || this.due()));
    })().finally(() => {
      this.running = undefined;
    });
  }

  private async runOnce(): Promise<void> {
    try {
      const written = await writeCheckpoint(this.db, { cache: this.cache });
      if (written) this.lastSeq = written.seq;
      // Nothing new in this store: whatever was announced is covered (or was another store's).
      else this.notified = this.lastSeq;
    } catch (err) {
      this.lastError = err;
      this.notified = this.lastSeq; // retried on the next append or tick, not in a loop
      this.onError(err);
    }
  }
}
