/**
 * An append-only CSV buffer outside the JS heap, written field by field. Staging a batch here instead of
 * building one string per row keeps millions of short-lived strings (and their concatenation ropes) from
 * being created and promoted to the old generation, which made garbage collection and UTF-8 encoding the
 * ingest's largest costs. Fields follow RFC 4180: quoted fields have their quotes doubled.
 */
export class CsvSink {
  private buf: Buffer;
  private len = 0;

  constructor(initial = 1 << 20) {
    // allocUnsafeSlow: never a slice of Node's shared pool, so `take` can hand the memory to a thread.
    this.buf = Buffer.allocUnsafeSlow(initial);
  }

  private ensure(extra: number): void {
    const need = this.len + extra;
    if (need <= this.buf.length) return;
    const next = Buffer.allocUnsafeSlow(Math.max(need, this.buf.length * 2));
    this.buf.copy(next, 0, 0, this.len);
    this.buf = next;
  }

  /** Bytes written so far; pass to `truncate` to undo what was written after. */
  get byteLength(): number {
    return this.len;
  }

  /** Drops everything written after `mark` (a record rejected half-way is not staged). */
  truncate(mark: number): void {
    this.len = mark;
  }

  /** The written bytes (a view, valid until the next write). */
  bytes(): Buffer {
    return this.buf.subarray(0, this.len);
  }

  /**
   * Takes the written bytes (their own ArrayBuffer, transferable to another thread) and starts over in
   * a fresh buffer of the same capacity.
   */
  take(): Uint8Array {
    const out = this.buf.subarray(0, this.len);
    this.buf = Buffer.allocUnsafeSlow(this.buf.length);
    this.len = 0;
    return out;
  }

  /** Appends one ASCII byte (a separator, a quote, a newline). */
  byte(b: number): void {
    this.ensure(1);
    this.buf[this.len++] = b;
  }

  /** Appends pre-encoded bytes (a quoted file name or batch id repeated on every row). */
  raw(bytes: Uint8Array): void {
    this.ensure(bytes.length);
    const b = this.buf;
    let p = this.len;
    for (let i = 0; i < bytes.length; i++) b[p++] = bytes[i]!;
    this.len = p;
  }

  /** Appends text as is (unquoted: dates, timestamps, numbers). */
  text(s: string): void {
    this.body(s, false);
  }

  /** Appends text as one quoted field. */
  quoted(s: string): void {
    this.ensure(s.length * 3 + 2);
    this.buf[this.len++] = 34;
    this.body(s, true);
    this.buf[this.len++] = 34;
  }

  /**
   * Appends the inside of a quoted field (quotes doubled) or, with `escape` false, the text as is.
   * Short ASCII text is copied code unit by code unit, cheaper than a native UTF-8 write per field;
   * anything else goes through Buffer's encoder.
   */
  body(s: string, escape: boolean): void {
    const n = s.length;
    // UTF-8 needs at most 3 bytes per UTF-16 code unit; a doubled quote needs 2.
    this.ensure(n * 3 + 2);
    const b = this.buf;
    let p = this.len;
    if (n <= 64) {
      let i = 0;
      for (; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c >= 128) break;
        if (c === 34 && escape) b[p++] = 34;
        b[p++] = c;
      }
      if (i === n) {
        this.len = p;
        return;
      }
      s = s.slice(i);
    }
    const rest = escape && s.indexOf('"') !== -1 ? s.replaceAll('"', '""') : s;
    this.len = p + b.write(rest, p, 'utf8');
  }

  /** Appends a number as JavaScript prints it (safe integers digit by digit, without a string). */
  num(v: number): void {
    if (!Number.isSafeInteger(v)) return this.text(String(v));
    this.ensure(17);
    const b = this.buf;
    if (v < 0) {
      b[this.len++] = 45;
      v = -v;
    }
    let n = 1;
    while (n < 16 && v >= POWERS_OF_TEN[n]!) n++;
    let p = (this.len += n);
    // Ids are up to 16 digits: the high half first, so the digit loops stay in 32-bit integers.
    if (n > 8) {
      const high = Math.floor(v / 100_000_000);
      let low = v - high * 100_000_000;
      for (let i = 0; i < 8; i++) {
        const q = (low / 10) | 0;
        b[--p] = 48 + low - q * 10;
        low = q;
      }
      v = high;
    }
    do {
      const q = (v / 10) | 0;
      b[--p] = 48 + v - q * 10;
      v = q;
    } while (v > 0);
  }
}

/** 10^0 … 10^15, to count a number's digits with comparisons instead of divisions. */
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** `text` as one quoted CSV field, encoded once (for values repeated on every row). */
export function quotedBytes(text: string): Uint8Array {
  return Buffer.from(`"${text.replaceAll('"', '""')}"`, 'utf8');
}
