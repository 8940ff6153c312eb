/**
 * The record keys staged in one batch, to skip a record repeated within it (repeats across batches are
 * found in SQL against `ingested_record`). A Set of the key strings kept ~50,000 strings alive per batch,
 * which promoted them to the old generation and cost the ingest about a tenth of its time in garbage
 * collection; this table holds only a 32-bit hash and where the key was staged, and confirms a hash
 * match against the staged bytes, so the answer is exact.
 */
export class BatchKeys {
  // Pairs (hash, offset + 1) with linear probing; 0 marks an empty slot.
  private table = new Int32Array(1 << 17);
  private count = 0;
  // The key last looked up and its hash: a record's key is looked up, then added (hashed once).
  private lastKey = '';
  private lastHash = 0;

  /** Forgets every key (a new batch). */
  clear(): void {
    if (this.count > 0) this.table.fill(0);
    this.count = 0;
  }

  /** True if `key` was added, `staged(offset)` telling whether the key staged at offset is `key`. */
  has(key: string, staged: (offset: number) => boolean): boolean {
    const t = this.table;
    const mask = (t.length >> 1) - 1;
    const h = hash(key);
    this.lastKey = key;
    this.lastHash = h;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const at = t[2 * i + 1]!;
      if (at === 0) return false;
      if (t[2 * i] === h && staged(at - 1)) return true;
    }
  }

  /** Adds a key staged at `offset` (a byte offset, below 2^31). */
  add(key: string, offset: number): void {
    if (2 * (this.count + 1) > this.table.length >> 1) this.grow();
    this.insert(key === this.lastKey ? this.lastHash : hash(key), offset + 1);
    this.count++;
  }

  private insert(h: number, at: number): void {
    const t = this.table;
    const mask = (t.length >> 1) - 1;
    let i = h & mask;
    while (t[2 * i + 1] !== 0) i = (i + 1) & mask;
    t[2 * i] = h;
    t[2 * i + 1] = at;
  }

  private grow(): void {
    const old = this.table;
    this.table = new Int32Array(old.length * 2);
    for (let i = 0; i < old.length; i += 2) if (old[i + 1] !== 0) this.insert(old[i]!, old[i + 1]!);
  }
}

/** FNV-1a over the UTF-16 code units. */
function hash(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h & 0x7fffffff;
}
