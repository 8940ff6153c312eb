import { invalid } from '@openehds/core';
import { isGzip } from '../../io/read-lines';
import type { FormatAdapter, MapContext, MapResult, SourceRecord } from '../../types';
import { headerProblem } from '../vcf/adapter';
import { parseVcfHeader, type VcfHeader } from '../vcf/header';
import { mapVcf } from '../vcf/map-fast';
import type { VcfLine } from '../vcf/map-record';
import { readBgzf, readPlain, type BgzfChunk, type BgzfEnd } from './bgzf';
import { bcfDictionaries, type BcfDictionaries } from './dictionary';
import { decodeBcfRecord } from './record';
import { BcfFormatError } from './typed';
import { vcfDirectStager } from '../vcf/stage-direct';

/**
 * BCF 2.2 adapter (`bcftools view -Ob`; VCF 4.3 spec §6): BGZF-compressed (or, from `-Ou`, plain)
 * binary VCF. Decoded natively: the magic `BCF\2\2`, the header text, then length-prefixed records,
 * each turned into the VCF data line it stands for and mapped by the VCF adapter's `mapVcf`, so BCF
 * and VCF of the same calls store the same rows. A record's `line` is its 1-based ordinal in the file.
 * A record that does not decode is quarantined naming its number and byte offset (in the decompressed
 * stream) and the next one is read (records carry their lengths); a file that ends inside a record,
 * or whose compression is damaged, keeps the records before and quarantines the rest with the reason.
 */

/** Largest record we accept (a corrupt length must not make us buffer the rest of the file). */
const MAX_RECORD_BYTES = 256 << 20;

/** The parsed header and what records need of it. */
interface BcfFileHeader {
  vcf: VcfHeader;
  dict: BcfDictionaries;
  /** Bytes of magic, length and text: where the first record starts in the decompressed stream. */
  bytes: number;
}

/** A growable window over the decompressed stream. */
class Window {
  buf: Buffer = Buffer.alloc(0);
  /** Stream offset of buf[0]. */
  base = 0;
  private done = false;

  constructor(private readonly chunks: AsyncIterator<BgzfChunk>) {}

  /** Ensures `n` bytes from stream offset `at` are in the window; false at the end of the stream. */
  async has(at: number, n: number): Promise<boolean> {
    while (this.base + this.buf.length < at + n) {
      if (this.done) return false;
      const next = await this.chunks.next();
      if (next.done) {
        this.done = true;
        return false;
      }
      const keep = this.buf.subarray(Math.max(0, at - this.base));
      this.base = Math.max(this.base, at);
      this.buf = keep.length ? Buffer.concat([keep, next.value.data]) : next.value.data;
    }
    return true;
  }
}

function chunksOf(path: string, gzip: boolean, end: BgzfEnd): AsyncIterator<BgzfChunk> {
  return (gzip ? readBgzf(path, end) : readPlain(path))[Symbol.asyncIterator]();
}

/** Reads and checks the magic and header; throws an AppError naming the file and byte offset. */
async function readHeader(path: string, w: Window): Promise<BcfFileHeader> {
  const fail = (at: number, why: string) =>
    invalid(`${path}: BCF header, byte ${at}: ${why}`, [{ file: path, message: `byte ${at}: ${why}` }]);
  if (!(await w.has(0, 9))) throw fail(0, 'the file is too short to be BCF');
  const b = w.buf;
  if (b.toString('latin1', 0, 3) !== 'BCF' || b[3] !== 2)
    throw fail(0, `magic is not BCF version 2 (got ${JSON.stringify(b.toString('latin1', 0, 5))})`);
  if (b[4]! > 2) throw fail(4, `BCF 2.${b[4]} is newer than the 2.2 this node reads`);
  const lText = b.readUInt32LE(5);
  if (lText > MAX_RECORD_BYTES) throw fail(5, `header length ${lText} is not plausible (corrupt)`);
  if (!(await w.has(9, lText))) throw fail(9, `the header text (${lText} bytes) is cut short (truncated)`);
  const text = w.buf.toString('utf8', 9 - w.base, 9 - w.base + lText).replace(/\0+$/, '');
  const lines = text.split('\n').filter((l) => l !== '');
  const column = lines.find((l) => l.startsWith('#CHROM'));
  if (!column) throw fail(9, 'the header text has no #CHROM line');
  const meta = lines.filter((l) => l.startsWith('##')).map((l) => l.slice(2));
  const vcf = parseVcfHeader(meta, column);
  const problem = headerProblem(vcf);
  if (problem) throw fail(9, problem);
  return { vcf, dict: bcfDictionaries(meta), bytes: 9 + lText };
}

/** Streams a BCF file's records as VCF data lines. */
async function* readBcf(path: string): AsyncIterable<SourceRecord> {
  const end: BgzfEnd = { eofMarker: false };
  const gzip = await isGzip(path);
  const w = new Window(chunksOf(path, gzip, end));
  let header: BcfFileHeader;
  try {
    header = await readHeader(path, w);
  } catch (e) {
    yield { file: path, line: 0, recordType: 'variant', parseError: (e as Error).message };
    return;
  }
  const { vcf, dict } = header;
  const where = (n: number, at: number) =>
    `${path}: BCF record ${n} at byte ${at} of the decompressed stream`;
  let at = header.bytes;
  let n = 0;
  for (;;) {
    if (!(await w.has(at, 8))) {
      const left = w.base + w.buf.length - at;
      if (left > 0) {
        yield {
          file: path,
          line: n + 1,
          recordType: 'variant',
          parseError: `${where(n + 1, at)}: the file ends inside the record's lengths (truncated${end.damage ? `: ${end.damage}` : ''}); records from here on are lost`,
        };
      } else if (end.damage) {
        yield {
          file: path,
          line: n + 1,
          recordType: 'variant',
          parseError: `${path}: after BCF record ${n}: ${end.damage}; records from here on are lost`,
        };
      } else if (gzip && !end.eofMarker) {
        yield {
          file: path,
          line: n + 1,
          recordType: 'variant',
          parseError: `${path}: no BGZF end-of-file marker after BCF record ${n}: the file is truncated, records after it are lost`,
        };
      }
      return;
    }
    n++;
    const lShared = w.buf.readUInt32LE(at - w.base);
    const lIndiv = w.buf.readUInt32LE(at - w.base + 4);
    if (lShared + lIndiv > MAX_RECORD_BYTES || lShared < 24) {
      yield {
        file: path,
        line: n,
        recordType: 'variant',
        parseError: `${where(n, at)}: implausible lengths (shared ${lShared}, individual ${lIndiv} bytes): the file is corrupt from here; records from here on are not read`,
      };
      return;
    }
    if (!(await w.has(at, 8 + lShared + lIndiv))) {
      const left = w.base + w.buf.length - at;
      yield {
        file: path,
        line: n,
        recordType: 'variant',
        parseError: `${where(n, at)}: the file ends ${left} of ${8 + lShared + lIndiv} byte(s) into the record (truncated${end.damage ? `: ${end.damage}` : ''}); records from here on are lost`,
      };
      return;
    }
    let text: string;
    try {
      text = decodeBcfRecord(w.buf, at - w.base + 8, lShared, lIndiv, dict, vcf.samples.length);
    } catch (e) {
      if (!(e instanceof BcfFormatError)) throw e;
      yield { file: path, line: n, recordType: 'variant', parseError: `${where(n, at)}: ${e.message}` };
      at += 8 + lShared + lIndiv;
      continue;
    }
    at += 8 + lShared + lIndiv;
    const value: VcfLine = { header: vcf, text };
    yield { file: path, line: n, recordType: 'variant', value, raw: text };
  }
}

/** Pre-flight: a BCF whose header cannot be read fails the run before anything is written. */
async function checkBcf(path: string): Promise<void> {
  const end: BgzfEnd = { eofMarker: false };
  const chunks = chunksOf(path, await isGzip(path), end);
  try {
    await readHeader(path, new Window(chunks));
  } finally {
    await chunks.return?.();
  }
}

/** The sample names of a BCF file's header (its roster: ingest/pipeline/batch-commit.ts). */
export async function readBcfSamples(path: string): Promise<string[]> {
  const end: BgzfEnd = { eofMarker: false };
  const chunks = chunksOf(path, await isGzip(path), end);
  try {
    return (await readHeader(path, new Window(chunks))).vcf.samples;
  } finally {
    await chunks.return?.();
  }
}

/** The BCF format adapter. */
export const bcfAdapter: FormatAdapter = {
  format: 'bcf',
  detect(_path: string, head: string): boolean {
    return head.startsWith('BCF\u0002');
  },
  read: readBcf,
  check: checkBcf,
  batchRecords: 500_000,
  // Lines the VCF fast path takes are staged straight to CSV; `map` takes the rest.
  directStager: vcfDirectStager,
  map(record: SourceRecord, ctx: MapContext): MapResult {
    if (record.parseError || record.value === undefined)
      return { ok: false, reason: record.parseError ?? 'no value' };
    return mapVcf(record.value as VcfLine, ctx);
  },
};
