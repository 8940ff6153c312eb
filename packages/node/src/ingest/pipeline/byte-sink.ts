/**
 * An append-only UTF-8 text buffer outside the JS heap. Staging a batch's CSV here instead of in an
 * array of strings keeps tens of thousands of row strings from being promoted to the old generation,
 * which otherwise made garbage collection the ingest's largest cost.
 */
export class ByteSink {
  private buf: Buffer;
  private len = 0;

  constructor(initial = 1 << 20) {
    this.buf = Buffer.allocUnsafe(initial);
  }

  /** Appends `text` and a newline. */
  line(text: string): void {
    const need = this.len + text.length * 3 + 1;
    if (need > this.buf.length) {
      const next = Buffer.allocUnsafe(Math.max(need, this.buf.length * 2));
      this.buf.copy(next, 0, 0, this.len);
      this.buf = next;
    }
    this.len += this.buf.write(text, this.len, 'utf8');
    this.buf[this.len++] = 10;
  }

  /** Bytes written so far. */
  get byteLength(): number {
    return this.len;
  }

  /** The written bytes (a view, valid until the next write). */
  bytes(): Buffer {
    return this.buf.subarray(0, this.len);
  }
}
