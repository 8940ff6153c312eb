/**
 * The fast path of verifying an export file: event lines have a fixed layout (see export.ts), so a
 * scanner can check each line's hash over the content bytes as written, its link to the line before
 * and its seq, without parsing JSON. It only says "all clean" or "not clean"; anything unusual sends
 * the verifier to the slow path (parse every line, full analysis), so both paths give the same
 * answer.
 *
 * To hash without copying, the scanner writes each line's prevHash and a newline into the bytes
 * just before its content (where `"prevHash":…,"content":` was) and hashes the bytes in place: the
 * buffer is a private copy of the file, and the slow path reads the file again.
 *
 * These two functions run in worker threads too, from their source text (`fn.toString()`): they
 * must stay self-contained, with no imports, closures or nested functions.
 */

/** What one chunk of event lines looked like. */
export interface ScanResult {
  ok: boolean;
  reason: string;
  lines: number;
  firstSeq: number;
  lastSeq: number;
  /** The first line's prevHash (read before the line is overwritten), or ''. */
  firstPrevHash: string;
  /** The last line's hash, or ''. */
  lastHash: string;
  /** [seq, index of the line in the chunk, its hash] for the wanted seqs. */
  wanted: [number, number, string][];
}

/** Scans event lines in buf[start, end); `hash` is SHA-256 to lower-case hex. */
export function scanEvents(
  buf: Buffer,
  start: number,
  end: number,
  wantedSeqs: number[],
  hash: (data: Uint8Array) => string,
): ScanResult {
  // {"kind":"event","hash":"  (24) hash (64) ","prevHash":" (14) prev (64) ","seq": (8) digits ,"content": (11)
  const PREFIX = '{"kind":"event","hash":"';
  const SEP1 = '","prevHash":"';
  const SEP2 = '","seq":';
  const SEP3 = ',"content":';
  const res: ScanResult = {
    ok: false,
    reason: '',
    lines: 0,
    firstSeq: -1,
    lastSeq: -1,
    firstPrevHash: '',
    lastHash: '',
    wanted: [],
  };
  const wanted = new Set(wantedSeqs);
  const bytes = buf.buffer;
  const base = buf.byteOffset;
  // Fixed bytes are compared four at a time through DataViews (about three times faster than bytes).
  const dv = new DataView(bytes, base, buf.length);
  const fixed = Buffer.from(PREFIX + SEP1 + SEP2 + SEP3, 'latin1');
  const tv = new DataView(fixed.buffer, fixed.byteOffset, fixed.length);
  // [offset in the line, offset in `fixed`, length] of the parts before the seq digits
  const parts = [
    [0, 0, 24],
    [88, 24, 14],
    [166, 38, 8],
  ];
  let pos = start;
  let lastSeq = -1;
  let prevLineHash = -1;
  let prevHex = '';
  while (pos < end) {
    let nl = buf.indexOf(10, pos);
    if (nl < 0 || nl > end) nl = end;
    if (nl === pos) {
      pos += 1;
      continue;
    }
    if (nl - pos < 24 + 64 + 14 + 64 + 8 + 1 + 11 + 2) {
      res.reason = 'short line';
      return res;
    }
    let bad = false;
    for (let i = 0; i < parts.length && !bad; i++) {
      const at = pos + parts[i]![0]!;
      const t = parts[i]![1]!;
      const len = parts[i]![2]!;
      let k = 0;
      for (; k + 4 <= len && !bad; k += 4) bad = dv.getUint32(at + k) !== tv.getUint32(t + k);
      for (; k < len && !bad; k++) bad = buf[at + k] !== fixed[t + k];
    }
    if (bad) {
      res.reason = 'layout';
      return res;
    }
    const digits = pos + 174;
    let p = digits;
    let seq = 0;
    while (p < nl && buf[p]! >= 48 && buf[p]! <= 57) {
      seq = seq * 10 + (buf[p]! - 48);
      p += 1;
    }
    if (p === digits || p - digits > 15 || (buf[digits] === 48 && p - digits > 1)) {
      res.reason = 'seq';
      return res;
    }
    if (p + 12 >= nl) {
      res.reason = 'layout';
      return res;
    }
    bad = dv.getUint32(p) !== tv.getUint32(46) || dv.getUint32(p + 4) !== tv.getUint32(50);
    for (let k = 8; k < 11 && !bad; k++) bad = buf[p + k] !== fixed[46 + k];
    const contentStart = p + 11;
    const contentEnd = nl - 1;
    if (bad || contentEnd <= contentStart || buf[contentEnd] !== 125) {
      res.reason = 'layout';
      return res;
    }
    // Links first, while this line's prevHash is still where it was written.
    if (prevLineHash >= 0) {
      for (let k = 0; k < 64 && !bad; k += 4)
        bad = dv.getUint32(pos + 102 + k) !== dv.getUint32(prevLineHash + k);
      if (bad || seq <= lastSeq) {
        res.reason = 'link';
        return res;
      }
    } else {
      res.firstPrevHash = buf.toString('latin1', pos + 102, pos + 166);
      res.firstSeq = seq;
    }
    // The hashed bytes, prevHash + newline + content, laid out in place (see above). After the
    // first line, the previous line's computed hash is written there, then compared with both its
    // stored hash and this line's prevHash (equal, as checked): one native call, no string.
    const at = contentStart - 65;
    if (prevLineHash >= 0) {
      buf.write(prevHex, at, 64, 'latin1');
      for (let k = 0; k < 64 && !bad; k += 4) bad = dv.getUint32(at + k) !== dv.getUint32(prevLineHash + k);
      if (bad) {
        res.reason = 'hash';
        return res;
      }
    } else buf.copyWithin(at, pos + 102, pos + 166);
    buf[contentStart - 1] = 10;
    prevHex = hash(new Uint8Array(bytes, base + at, contentEnd - at));
    if (wanted.has(seq)) res.wanted.push([seq, res.lines, buf.toString('latin1', pos + 24, pos + 88)]);
    lastSeq = seq;
    prevLineHash = pos + 24;
    res.lines += 1;
    pos = nl + 1;
  }
  res.lastSeq = lastSeq;
  res.lastHash = prevLineHash >= 0 ? buf.toString('latin1', prevLineHash, prevLineHash + 64) : '';
  // The last line's hash is compared here; every other one when the next line was laid out.
  if (res.lastHash !== prevHex) {
    res.reason = 'hash';
    return res;
  }
  res.ok = true;
  return res;
}

/** The file functions {@link scanFileChunks} needs (node:fs, passed in to stay self-contained). */
export interface ScanIo {
  openSync(path: string, flags: string): number;
  readSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: number): number;
  closeSync(fd: number): void;
}

/**
 * Takes chunks off a shared counter until none are left (work stealing: a worker that starts late
 * simply takes fewer), reads each from the file into a buffer of its own and scans it. Chunk k holds
 * the lines that start in [starts[k], starts[k + 1]); the last one is read to its end.
 */
export function scanFileChunks(
  io: ScanIo,
  path: string,
  starts: number[],
  counter: Int32Array,
  wantedSeqs: number[],
  hash: (data: Uint8Array) => string,
): [number, ScanResult][] {
  const out: [number, ScanResult][] = [];
  const fd = io.openSync(path, 'r');
  let buf = Buffer.allocUnsafe(0);
  try {
    const chunks = starts.length - 1;
    for (let k = Atomics.add(counter, 0, 1); k < chunks; k = Atomics.add(counter, 0, 1)) {
      // One byte before the range (was it a line start?), and a tail for the line that crosses its end.
      const from = Math.max(0, starts[k]! - 1);
      let want = starts[k + 1]! - from + 65536;
      let got = 0;
      let lineEnd = -1;
      for (;;) {
        if (buf.length < want) buf = Buffer.allocUnsafe(want * 2);
        while (got < want) {
          const n = io.readSync(fd, buf, got, want - got, from + got);
          if (n === 0) break;
          got += n;
        }
        lineEnd = buf.indexOf(10, starts[k + 1]! - 1 - from);
        if ((lineEnd >= 0 && lineEnd < got) || got < want) break;
        want *= 2; // a longer line than the tail: read more
      }
      const end = lineEnd >= 0 && lineEnd < got ? lineEnd + 1 : got;
      let start = starts[k]! - from; // 0 at the start of the file, else 1
      if (start === 1 && buf[0] !== 10) {
        const nl = buf.indexOf(10, 0);
        start = nl >= 0 && nl < end ? nl + 1 : end; // mid-line: that line belongs to the chunk before
      }
      out.push([k, scanEvents(buf, start, end, wantedSeqs, hash)]);
    }
  } finally {
    io.closeSync(fd);
  }
  return out;
}
