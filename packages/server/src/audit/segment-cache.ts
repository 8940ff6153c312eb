import { createHash } from 'node:crypto';
import { GENESIS_HASH, type AuditEvent } from './chain';
import type { CheckpointSegment } from './checkpoint';
import { eventLine } from './segment';

/**
 * The events this process appended since the last checkpoint, kept so the checkpointer can sign
 * their segment without reading them back (reading a thousand rows costs PGlite more than the
 * appends they record). Nothing here is trusted as such: a segment is taken from the cache only
 * when its first event links to the checkpoint before and its last one is the head read under the
 * append lock, with every event in between linked by hash. By the chain's collision resistance that
 * makes them the stored chain. Otherwise (another process appended, a transaction rolled back, a
 * store of another hub in the same process) the caller reads the store (segment.ts).
 */
export class SegmentCache {
  private events: AuditEvent[] = [];

  /** `limit`: events kept at most; past it the cache empties and the store is read instead. */
  constructor(private readonly limit = 100_000) {}

  /** Takes a batch as appended (notified before its transaction commits). */
  add(batch: readonly AuditEvent[]): void {
    const first = batch[0];
    if (!first) return;
    // A rolled-back append's seqs are given again: the new events replace the old.
    let keep = this.events.length;
    while (keep > 0 && this.events[keep - 1]!.seq >= first.seq) keep -= 1;
    this.events.length = keep;
    const last = this.events.at(-1);
    if (last && (last.seq + 1 !== first.seq || last.hash !== first.prevHash)) this.events = [];
    if (this.events.length + batch.length > this.limit) this.events = [];
    for (const e of batch) this.events.push(e);
  }

  /**
   * The segment after `previous` up to `head`, if the cache holds exactly that linked run of events;
   * forgets what `previous` already covers.
   */
  segment(
    previous: { seq: number; hash: string } | null,
    head: { seq: number; hash: string },
  ): { segment: CheckpointSegment; events: number } | null {
    const from = previous?.seq ?? 0;
    const start = this.events.findIndex((e) => e.seq === from + 1);
    this.events = start < 0 ? this.events.filter((e) => e.seq > from) : this.events.slice(start);
    const end = head.seq - from;
    const first = this.events[0];
    const last = this.events[end - 1];
    if (start < 0 || first?.prevHash !== (previous?.hash ?? GENESIS_HASH) || last?.hash !== head.hash) {
      return null;
    }
    const digest = createHash('sha256');
    let bytes = 0;
    let text = '';
    const flush = () => {
      const chunk = Buffer.from(text, 'utf8');
      digest.update(chunk);
      bytes += chunk.length;
      text = '';
    };
    for (let i = 0; i < end; i++) {
      text += `${eventLine(this.events[i]!)}\n`;
      if (text.length > 1 << 20) flush();
    }
    flush();
    return { segment: { from, bytes, sha256: digest.digest('hex') }, events: end };
  }
}
