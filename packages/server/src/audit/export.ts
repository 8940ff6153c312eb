import type { Queryable } from '@openehds/db';
import { keyFingerprint } from '@openehds/core';
import type { AuditCheckpoint } from './checkpoint';
import { listCheckpoints } from './checkpoints';
import { eventLine } from './segment';
import { headSeq, readEvents } from './store';

/**
 * The audit export: NDJSON with a header line (format, hub public key), the signed checkpoints, then
 * one line per event. Enough to verify the log offline, on another machine, with `ehds audit verify
 * --file`. Event lines have the fixed layout of `eventLine` (segment.ts).
 */

/** Format tag in the header line. */
export const EXPORT_FORMAT = 'openehds-audit-export/1';

/** The header line's fields. */
export interface ExportHeader {
  kind: 'header';
  format: typeof EXPORT_FORMAT;
  exportedAt: string;
  hubPublicKey: string | null;
  hubKeyFingerprint: string | null;
  lastSeq: number;
  checkpoints: number;
}

/** One checkpoint line. */
export function checkpointLine(c: AuditCheckpoint): string {
  return JSON.stringify({ kind: 'checkpoint', ...c });
}

/** The hub's public key as stored, without creating one (offline tools must not write). */
export async function storedHubPublicKey(db: Queryable): Promise<string | null> {
  const [row] = await db.query<{ public_key: string }>(`SELECT public_key FROM hub_key WHERE id = 'current'`);
  return row?.public_key ?? null;
}

/**
 * A consistent snapshot by seq: the checkpoints are read first, then the head, then the events up
 * to it. A checkpoint only ever covers committed events, and every event at or below the head has
 * committed (seqs are given under the append lock), so a checkpoint past the exported events means
 * the tail was cut, never that an append raced the export. (Reading only the checkpoints up to the
 * head would hide exactly that evidence.)
 */
export async function snapshotBounds(
  db: Queryable,
): Promise<{ lastSeq: number; checkpoints: AuditCheckpoint[]; publicKey: string | null }> {
  const checkpoints = await listCheckpoints(db);
  const lastSeq = await headSeq(db);
  return { lastSeq, checkpoints, publicKey: await storedHubPublicKey(db) };
}

/** The export as chunks of NDJSON text (a page of events each), for streaming to a file or a reply. */
export async function* exportChainNdjson(
  db: Queryable,
  options: { now?: Date; publicKey?: string | null } = {},
): AsyncGenerator<string> {
  const snap = await snapshotBounds(db);
  const publicKey = options.publicKey !== undefined ? options.publicKey : snap.publicKey;
  const header: ExportHeader = {
    kind: 'header',
    format: EXPORT_FORMAT,
    exportedAt: (options.now ?? new Date()).toISOString(),
    hubPublicKey: publicKey,
    hubKeyFingerprint: publicKey ? keyFingerprint(publicKey) : null,
    lastSeq: snap.lastSeq,
    checkpoints: snap.checkpoints.length,
  };
  yield `${JSON.stringify(header)}\n${snap.checkpoints.map((c) => `${checkpointLine(c)}\n`).join('')}`;
  for await (const page of readEvents(db, { upTo: snap.lastSeq })) {
    let chunk = '';
    for (const e of page) chunk += `${eventLine(e)}\n`;
    yield chunk;
  }
}
