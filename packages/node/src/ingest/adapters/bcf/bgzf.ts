import { open } from 'node:fs/promises';
import { crc32, inflateRawSync } from 'node:zlib';

/**
 * BGZF (SAM/BAM spec §4.1, the compression of BCF and of bgzipped VCF): a series of gzip members of at
 * most 64 KiB each, whose extra field `BC` gives the member's size, ending with an empty member (the
 * end-of-file marker). Decoded member by member with node:zlib, so that damage is found at a known
 * compressed offset and everything decoded before it is kept.
 */

/** A piece of the decompressed stream. */
export interface BgzfChunk {
  data: Buffer;
  /** Offset of the member holding it, in the compressed file. */
  fileOffset: number;
}

/** How a BGZF stream ended. */
export interface BgzfEnd {
  /** True when the last member was the empty end-of-file marker. */
  eofMarker: boolean;
  /** Why decoding stopped early (a truncated or corrupt member), with its compressed offset. */
  damage?: string;
}

const READ_SIZE = 1 << 20;
const HEADER = 18; // fixed gzip header (10) + XLEN (2) + the BC subfield (6), as BGZF writes it

/**
 * The size of the BGZF member starting at `p` (from its BC subfield), a reason it is not one, or
 * undefined when `buf` does not hold its whole header yet.
 */
function memberSize(buf: Buffer, p: number): number | string | undefined {
  if (buf[p] !== 0x1f || buf[p + 1] !== 0x8b || buf[p + 2] !== 8) return 'not a gzip member';
  if (!(buf[p + 3]! & 4)) return 'gzip member without the BGZF extra field';
  const xlen = buf.readUInt16LE(p + 10);
  let x = p + 12;
  const end = x + xlen;
  if (end > buf.length) return undefined;
  while (x + 4 <= end) {
    const slen = buf.readUInt16LE(x + 2);
    if (buf[x] === 66 && buf[x + 1] === 67 && slen === 2) {
      const size = buf.readUInt16LE(x + 4) + 1;
      return size >= 12 + xlen + 8 ? size : `BGZF block size ${size} is too small (corrupt)`;
    }
    x += 4 + slen;
  }
  return 'gzip member without the BGZF BC subfield (not bgzip/bcftools output)';
}

/**
 * Decompresses a BGZF file member by member. Yields the decompressed data; `end` is filled in when the
 * generator finishes (it never throws for damage in the file: the caller decides what damage means).
 */
export async function* readBgzf(path: string, end: BgzfEnd): AsyncGenerator<BgzfChunk> {
  const fh = await open(path, 'r');
  try {
    let buf = Buffer.alloc(0);
    let bufOffset = 0; // file offset of buf[0]
    let eof = false;
    let lastEmpty = false;
    for (;;) {
      // Have at least one whole member in `buf`, or the file's end.
      let p = 0;
      const pending: BgzfChunk[] = [];
      for (;;) {
        if (buf.length - p < HEADER) break;
        const size = memberSize(buf, p);
        if (size === undefined) break;
        if (typeof size === 'string') {
          end.damage = `byte ${bufOffset + p} of the file: ${size}`;
          yield* pending;
          return;
        }
        if (buf.length - p < size) break;
        const member = buf.subarray(p, p + size);
        const xlen = member.readUInt16LE(10);
        const isize = member.readUInt32LE(size - 4);
        let data: Buffer;
        try {
          data = isize === 0 ? Buffer.alloc(0) : inflateRawSync(member.subarray(12 + xlen, size - 8));
        } catch (e) {
          end.damage = `BGZF block at byte ${bufOffset + p} of the file does not inflate: ${(e as Error).message}`;
          yield* pending;
          return;
        }
        if (data.length !== isize || crc32(data) !== member.readUInt32LE(size - 8)) {
          end.damage = `BGZF block at byte ${bufOffset + p} of the file fails its length/CRC32 check (corrupt)`;
          yield* pending;
          return;
        }
        lastEmpty = data.length === 0;
        if (data.length) pending.push({ data, fileOffset: bufOffset + p });
        p += size;
      }
      yield* pending;
      buf = buf.subarray(p);
      bufOffset += p;
      if (eof) {
        if (buf.length) end.damage = `the file ends inside the BGZF block at byte ${bufOffset} (truncated)`;
        end.eofMarker = lastEmpty && !buf.length;
        return;
      }
      const more = Buffer.allocUnsafe(READ_SIZE);
      const { bytesRead } = await fh.read(more, 0, READ_SIZE, bufOffset + buf.length);
      if (bytesRead === 0) eof = true;
      buf = buf.length ? Buffer.concat([buf, more.subarray(0, bytesRead)]) : more.subarray(0, bytesRead);
    }
  } finally {
    await fh.close();
  }
}

/** Reads an uncompressed file (a BCF written with `-Ou`) in the same chunk shape. */
export async function* readPlain(path: string): AsyncGenerator<BgzfChunk> {
  const fh = await open(path, 'r');
  try {
    let offset = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(READ_SIZE);
      const { bytesRead } = await fh.read(chunk, 0, READ_SIZE, offset);
      if (bytesRead === 0) return;
      yield { data: chunk.subarray(0, bytesRead), fileOffset: offset };
      offset += bytesRead;
    }
  } finally {
    await fh.close();
  }
}
