import { createHash } from 'node:crypto';
import type { Queryable } from '@openehds/db';
import { contentJson, eventHash, GENESIS_HASH, type AuditEvent } from './chain';
import type { AuditCheckpoint, CheckpointSegment } from './checkpoint';
import { readEvents } from './store';

/**
 * The segment a new checkpoint signs (checkpoint.ts): the export lines of the events since the
 * checkpoint before, with their length and SHA-256. The chain of those events is checked first,
 * link by link and hash by hash: the hub signs only a log it has just found intact, so the signed
 * bytes can later stand in for the per-event walk.
 */

/**
 * One event line of the export. The layout is fixed so that a verifier can hash the content bytes
 * as written, without parsing them (scan.ts), and so the same event always gives the same bytes:
 *
 *   {"kind":"event","hash":"<64 hex>","prevHash":"<64 hex>","seq":<n>,"content":<canonical JSON>}
 *
 * where the content is exactly the canonical JSON the chain hash covers.
 */
export function eventLine(e: AuditEvent): string {
  return `{"kind":"event","hash":${JSON.stringify(e.hash)},"prevHash":${JSON.stringify(e.prevHash)},"seq":${e.seq},"content":${contentJson(e)}}`;
}

/** The segment after `previous` (or from the start) up to `seq`, and how many events it holds. */
export async function segmentOf(
  db: Queryable,
  previous: Pick<AuditCheckpoint, 'seq' | 'hash'> | null,
  seq: number,
): Promise<{ segment: CheckpointSegment; events: number }> {
  const from = previous?.seq ?? 0;
  const digest = createHash('sha256');
  let prevHash = previous?.hash ?? GENESIS_HASH;
  let bytes = 0;
  let events = 0;
  for await (const page of readEvents(db, { after: from, upTo: seq, pageSize: 5000 })) {
    let text = '';
    for (const e of page) {
      if (e.prevHash !== prevHash || eventHash(e.prevHash, e) !== e.hash) {
        throw new Error(
          `audit event ${e.seq} does not chain to the event before it: the log was altered in the store, ` +
            'so no checkpoint is signed (run `ehds audit verify`)',
        );
      }
      prevHash = e.hash;
      text += `${eventLine(e)}\n`;
    }
    const chunk = Buffer.from(text, 'utf8');
    digest.update(chunk);
    bytes += chunk.length;
    events += page.length;
  }
  return { segment: { from, bytes, sha256: digest.digest('hex') }, events };
}
