import { contentOf, eventHash, GENESIS_HASH, type AuditEvent } from './chain';

/**
 * The verifier: given the stored events (in seq order), the signed checkpoints and the hub's public
 * key, it says what was done to the log and where. Pure: the same code checks the live store, an
 * export file and a test's hand-made chain.
 *
 * - edited: an event's hash no longer matches its content (the row was changed, the hash left), or
 *   the next event links to another hash than the one stored (the hash was re-computed too).
 * - deleted: a gap in seq numbers where the next event links to a hash that is not in the log.
 * - reordered: an event links to an event that exists, but stored somewhere else.
 * - truncated: a signed checkpoint covers events beyond the end of the log.
 * - checkpoint-mismatch: a validly signed checkpoint disagrees with the log (a suffix was deleted
 *   and re-written with re-computed hashes, which the chain alone cannot show).
 * - bad-checkpoint-signature: a checkpoint does not verify under the hub key.
 */

/** What was found wrong, and where. */
export type FindingKind =
  'edited' | 'deleted' | 'reordered' | 'truncated' | 'bad-checkpoint-signature' | 'checkpoint-mismatch';

/** One finding: its kind, the sequence number it is about and what exactly is wrong. */
export interface Finding {
  kind: FindingKind;
  seq: number;
  detail: string;
}

/** The verdict over a whole log. */
export interface VerifyReport {
  intact: boolean;
  events: number;
  lastSeq: number | null;
  checkpoints: number;
  /** The latest checkpoint whose signature holds. */
  lastCheckpoint: { seq: number; at: string } | null;
  /** Events after the last valid checkpoint: their deletion from the tail would not show. */
  unsignedTail: number;
  /** Fingerprint of the key the checkpoints were checked against. */
  keyFingerprint: string | null;
  findings: Finding[];
  /** Lowest seq of any finding (kept for callers of the first verifier). */
  brokenAt: number | null;
}

/** What the checkpoint check needs to know about the chain. */
export interface ChainView {
  readonly count: number;
  readonly lastSeq: number | null;
  /** Stored hash of the event at `seq`, if there is one. */
  hashAt(seq: number): string | undefined;
  /** Number of stored events with a seq ≤ `seq`, if known. */
  countUpTo(seq: number): number | undefined;
}

/** A hash shortened for messages. */
export const short = (h: string) => `${h.slice(0, 12)}…`;

/**
 * Checks events one by one as they stream in (in seq order), keeping only what the analysis of
 * broken links needs: each event's seq and stored hash.
 */
export class ChainVerifier implements ChainView {
  private readonly seqs: number[] = [];
  private readonly hashes: string[] = [];
  /** Index → stored prev_hash, for every event whose prev_hash is not the hash stored before it. */
  private readonly brokenLinks = new Map<number, string>();
  /** Indices of events whose hash does not match their content. */
  private readonly badContent = new Set<number>();

  /** Adds the next stored event, re-computing its hash from its content. */
  push(e: AuditEvent): void {
    this.pushChecked(e.seq, e.prevHash, e.hash, eventHash(e.prevHash, contentOf(e)) === e.hash);
  }

  /** Adds the next event whose content hash was checked elsewhere (a fast file scan). */
  pushChecked(seq: number, prevHash: string, hash: string, contentOk: boolean): void {
    const i = this.seqs.length;
    if (prevHash !== (i === 0 ? GENESIS_HASH : this.hashes[i - 1])) this.brokenLinks.set(i, prevHash);
    if (!contentOk) this.badContent.add(i);
    this.seqs.push(seq);
    this.hashes.push(hash);
  }

  get count(): number {
    return this.seqs.length;
  }

  get lastSeq(): number | null {
    return this.seqs.length ? this.seqs[this.seqs.length - 1]! : null;
  }

  hashAt(seq: number): string | undefined {
    const i = this.indexOf(seq);
    return i >= 0 ? this.hashes[i] : undefined;
  }

  countUpTo(seq: number): number {
    // Binary search for the number of stored seqs ≤ seq.
    let lo = 0;
    let hi = this.seqs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.seqs[mid]! <= seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private indexOf(seq: number): number {
    const n = this.countUpTo(seq);
    return n > 0 && this.seqs[n - 1] === seq ? n - 1 : -1;
  }

  /** The findings of the chain itself (no checkpoints), in seq order. */
  findings(): Finding[] {
    const out: Finding[] = [];
    const { seqs, hashes } = this;
    for (const i of this.badContent) {
      out.push({
        kind: 'edited',
        seq: seqs[i]!,
        detail: `event ${seqs[i]} no longer matches its hash ${short(hashes[i]!)}: its content was changed after it was written`,
      });
    }
    if (this.brokenLinks.size === 0) return out;

    let index: Map<string, number> | undefined;
    const lookup = (h: string) => {
      if (!index) {
        index = new Map();
        for (let k = hashes.length - 1; k >= 0; k--) index.set(hashes[k]!, k);
      }
      return index.get(h);
    };
    // pred: where each event's prev_hash points; -1 is the genesis, -2 nowhere (missing).
    const pred = new Map<number, number>();
    for (const [i, p] of this.brokenLinks) {
      if (this.badContent.has(i)) {
        pred.set(i, -2); // its prev_hash is part of what was changed: nothing to follow
        continue;
      }
      const j = p === GENESIS_HASH ? -1 : lookup(p);
      if (j !== undefined) {
        pred.set(i, j);
        continue;
      }
      pred.set(i, -2);
      const missing = this.missingPredecessor(i, p);
      if (missing) out.push(missing);
    }
    if ([...pred.values()].some((j) => j !== -2)) out.push(...this.reordered(pred));
    return out.sort((a, b) => a.seq - b.seq);
  }

  /** An event links to a hash that is nowhere in the log: a deletion, or a re-hashed edit. */
  private missingPredecessor(i: number, prevHash: string): Finding | null {
    const { seqs } = this;
    const seq = seqs[i]!;
    const from = i === 0 ? 1 : seqs[i - 1]! + 1;
    if (seq > from) {
      const range = seq - 1 > from ? `events ${from}..${seq - 1} are` : `event ${from} is`;
      return {
        kind: 'deleted',
        seq: from,
        detail: `${range} missing: event ${seq} links to ${short(prevHash)}, a hash that is not in the log`,
      };
    }
    if (i === 0) {
      return {
        kind: 'deleted',
        seq,
        detail: `the first event (seq ${seq}) links to ${short(prevHash)}, not to the start of the chain: earlier events were deleted and the rest renumbered`,
      };
    }
    const before = seqs[i - 1]!;
    // Already reported as edited: its content and its stored hash were both changed.
    if (this.badContent.has(i - 1)) return null;
    return {
      kind: 'edited',
      seq: before,
      detail: `event ${seq} links to ${short(prevHash)}, but event ${before} has hash ${short(this.hashes[i - 1]!)}: event ${before} was rewritten with a re-computed hash (or events after it were deleted and the rest renumbered)`,
    };
  }

  /**
   * Events stored out of chain order. The chain order is rebuilt by following prev_hash links from
   * the start; the events on a longest increasing run of that order stay, the others moved (the
   * fewest moves that explain the log).
   */
  private reordered(brokenPred: Map<number, number>): Finding[] {
    const { seqs } = this;
    const n = seqs.length;
    const predOf = (i: number) => brokenPred.get(i) ?? i - 1; // i - 1 is -1 (genesis) for i = 0
    // Children lists as linked lists, in stored order.
    const firstChild = new Int32Array(n).fill(-1);
    const nextSibling = new Int32Array(n).fill(-1);
    const roots: number[] = [];
    const genesisRoots: number[] = [];
    for (let i = n - 1; i >= 0; i--) {
      const p = predOf(i);
      if (p === -1) genesisRoots.push(i);
      else if (p === -2) roots.push(i);
      else {
        nextSibling[i] = firstChild[p]!;
        firstChild[p] = i;
      }
    }
    const rank = new Int32Array(n).fill(-1);
    let next = 0;
    const walk = (start: number) => {
      for (let node = start; node >= 0 && rank[node] === -1;) {
        rank[node] = next++;
        let c = firstChild[node]!;
        while (c >= 0 && rank[c] !== -1) c = nextSibling[c]!;
        node = c;
      }
    };
    // The chain starts at the genesis; segments cut off by a deletion follow in stored order.
    for (const r of [...genesisRoots.reverse(), ...roots.reverse()]) walk(r);
    for (let i = 0; i < n; i++) if (rank[i] === -1) walk(i); // forks and cycles: placed last

    const keep = longestIncreasing(rank);
    // Two neighbours swapped: one move explains it, but both are out of place; report both.
    for (let i = 0; i + 1 < n; i++) {
      if (rank[i] === i + 1 && rank[i + 1] === i) keep[i] = keep[i + 1] = 0;
    }
    const out: Finding[] = [];
    for (let i = 0; i < n; i++) {
      if (keep[i]) continue;
      const p = predOf(i);
      const where = i > 0 ? `stored after event ${seqs[i - 1]}` : 'stored first';
      const belongs =
        p === -1
          ? 'it is the first event of the chain'
          : p === -2
            ? 'its predecessor is not in the log'
            : `it follows event ${seqs[p]} in the chain (its prev_hash is that event's hash)`;
      out.push({ kind: 'reordered', seq: seqs[i]!, detail: `event ${seqs[i]} is ${where}, but ${belongs}` });
    }
    return out;
  }
}

/**
 * Marks the members of one longest strictly increasing subsequence of chain ranks (O(n log n), a
 * Fenwick tree of prefix maxima). Among the longest, it keeps the most events that sit at their own
 * chain position (rank = stored index), so a swap of 12 and 14 reports 12 and 14, not 13.
 */
function longestIncreasing(rank: Int32Array): Uint8Array {
  const n = rank.length;
  const tree = new Float64Array(n + 1); // best score of a run ending at a rank ≤ r
  const treeAt = new Int32Array(n + 1).fill(-1); // …and the index where that run ends
  const parent = new Int32Array(n).fill(-1);
  const score = new Float64Array(n);
  const bonus = 1 / (n + 1); // an in-place event never outweighs one more event
  let bestEnd = -1;
  for (let i = 0; i < n; i++) {
    const r = rank[i]!;
    let best = 0;
    let from = -1;
    for (let k = r; k > 0; k -= k & -k) {
      if (tree[k]! > best) {
        best = tree[k]!;
        from = treeAt[k]!;
      }
    }
    score[i] = best + 1 + (r === i ? bonus : 0);
    parent[i] = from;
    for (let k = r + 1; k <= n; k += k & -k) {
      if (score[i]! > tree[k]!) {
        tree[k] = score[i]!;
        treeAt[k] = i;
      }
    }
    if (bestEnd < 0 || score[i]! > score[bestEnd]!) bestEnd = i;
  }
  const keep = new Uint8Array(n);
  for (let i = bestEnd; i >= 0; i = parent[i]!) keep[i] = 1;
  return keep;
}
