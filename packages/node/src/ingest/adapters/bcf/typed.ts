/**
 * BCF typed values (BCF 2.2, VCF 4.3 spec §6.3.3): a descriptor byte (low nibble the type, high nibble
 * the count, 15 = the count follows as a typed integer) then the values, little-endian. Integers and
 * floats reserve two sentinels: "missing" (printed `.`) and "end of vector" (the vector is shorter
 * than its slot: nothing more is printed). Character vectors are padded with NUL.
 */

/** BCF value types (the descriptor's low nibble). */
export const BT = { NULL: 0, INT8: 1, INT16: 2, INT32: 3, FLOAT: 5, CHAR: 7 } as const;

const INT8_MISSING = -128;
const INT8_EOV = -127;
const INT16_MISSING = -32768;
const INT16_EOV = -32767;
const INT32_MISSING = -2147483648;
const INT32_EOV = -2147483647;
/** Float sentinels are NaN bit patterns, compared as bits. */
const FLOAT_MISSING = 0x7f800001;
const FLOAT_EOV = 0x7f800002;

/** A decoding error inside one record (the caller adds the file, record and offset). */
export class BcfFormatError extends Error {}

/** Bytes per value of a type. */
export function typeSize(type: number): number {
  switch (type) {
    case BT.NULL:
      return 0;
    case BT.INT8:
    case BT.CHAR:
      return 1;
    case BT.INT16:
      return 2;
    case BT.INT32:
    case BT.FLOAT:
      return 4;
    default:
      throw new BcfFormatError(`unknown BCF value type ${type}`);
  }
}

/** `%g`-like text of a float32 (6 significant digits), as htslib prints one; parses to the same number. */
export function formatFloat(f: number): string {
  if (Number.isNaN(f)) return 'nan';
  if (!Number.isFinite(f)) return f > 0 ? 'inf' : '-inf';
  return String(Number(f.toPrecision(6)));
}

/** A cursor over one record's bytes, reading typed values. */
export class TypedReader {
  pos: number;

  constructor(
    readonly buf: Buffer,
    start: number,
    private readonly limit: number,
  ) {
    this.pos = start;
  }

  private need(n: number, what: string): void {
    if (this.pos + n > this.limit)
      throw new BcfFormatError(
        `${what} runs past the end of its record section (${n} byte(s) at ${this.pos})`,
      );
  }

  int32(what: string): number {
    this.need(4, what);
    const v = this.buf.readInt32LE(this.pos);
    this.pos += 4;
    return v;
  }

  uint32(what: string): number {
    this.need(4, what);
    const v = this.buf.readUInt32LE(this.pos);
    this.pos += 4;
    return v;
  }

  float32Bits(what: string): number {
    this.need(4, what);
    const v = this.buf.readUInt32LE(this.pos);
    this.pos += 4;
    return v;
  }

  /** Reads a descriptor; returns its type and count (an overflowed count read as its typed integer). */
  descriptor(what: string): { type: number; count: number } {
    this.need(1, what);
    const b = this.buf[this.pos++]!;
    const type = b & 0x0f;
    let count = b >> 4;
    if (count === 15) {
      const d = this.descriptor(`${what} (count)`);
      if (d.count !== 1 || d.type < BT.INT8 || d.type > BT.INT32)
        throw new BcfFormatError(`${what}: its count is not one typed integer`);
      count = this.intValue(d.type, what);
      if (count < 0) throw new BcfFormatError(`${what}: negative count ${count}`);
    }
    typeSize(type); // validates the type
    return { type, count };
  }

  /** One integer of a type, raw (sentinels included). */
  intValue(type: number, what: string): number {
    const size = typeSize(type);
    this.need(size, what);
    const p = this.pos;
    this.pos += size;
    if (type === BT.INT8) return this.buf.readInt8(p);
    if (type === BT.INT16) return this.buf.readInt16LE(p);
    if (type === BT.INT32) return this.buf.readInt32LE(p);
    throw new BcfFormatError(`${what}: expected an integer type, got type ${type}`);
  }

  /** A typed integer (a dictionary key, a FILTER index). */
  typedInt(what: string): number {
    const { type, count } = this.descriptor(what);
    if (count !== 1) throw new BcfFormatError(`${what}: expected one integer, got ${count} value(s)`);
    return this.intValue(type, what);
  }

  /** A typed character vector as a string (NUL padding dropped). */
  typedString(what: string): string {
    const { type, count } = this.descriptor(what);
    if (type === BT.NULL || count === 0) return '';
    if (type !== BT.CHAR) throw new BcfFormatError(`${what}: expected characters, got type ${type}`);
    return this.chars(count, what);
  }

  /** `count` characters, up to the first NUL. */
  chars(count: number, what: string): string {
    this.need(count, what);
    let end = this.pos;
    const stop = this.pos + count;
    while (end < stop && this.buf[end] !== 0) end++;
    const s = this.buf.toString('latin1', this.pos, end);
    this.pos = stop;
    return s;
  }

  /** A typed vector of integers, raw (sentinels included). */
  typedInts(what: string): number[] {
    const { type, count } = this.descriptor(what);
    if (type === BT.NULL) return [];
    const out = new Array<number>(count);
    for (let i = 0; i < count; i++) out[i] = this.intValue(type, what);
    return out;
  }

  /**
   * `count` values of `type` as VCF text: comma-separated, `.` for missing, stopping at the end-of-vector
   * sentinel; undefined when the vector is empty (a Flag, or a sample with no value).
   */
  valuesText(type: number, count: number, what: string): string | undefined {
    if (type === BT.CHAR) {
      const s = this.chars(count, what);
      return s === '' ? undefined : s;
    }
    const size = typeSize(type);
    this.need(size * count, what);
    let out: string | undefined;
    let done = false;
    for (let i = 0; i < count; i++) {
      const p = this.pos + i * size;
      if (done) continue;
      let text: string;
      if (type === BT.FLOAT) {
        const bits = this.buf.readUInt32LE(p);
        if (bits === FLOAT_EOV) {
          done = true;
          continue;
        }
        text = bits === FLOAT_MISSING ? '.' : formatFloat(this.buf.readFloatLE(p));
      } else {
        const v =
          type === BT.INT8
            ? this.buf.readInt8(p)
            : type === BT.INT16
              ? this.buf.readInt16LE(p)
              : this.buf.readInt32LE(p);
        if (isEov(type, v)) {
          done = true;
          continue;
        }
        text = isMissing(type, v) ? '.' : String(v);
      }
      out = out === undefined ? text : `${out},${text}`;
    }
    this.pos += size * count;
    return out;
  }

  /**
   * One sample's GT from `count` allele values (VCF 4.3 §6.3.3): each is `(allele + 1) << 1 | phased`,
   * 0 a missing allele; the phase bit of allele i > 0 gives the separator before it.
   */
  genotypeText(type: number, count: number, what: string): string {
    const size = typeSize(type);
    this.need(size * count, what);
    const start = this.pos;
    this.pos += size * count;
    let out = '';
    for (let i = 0; i < count; i++) {
      const p = start + i * size;
      const v =
        type === BT.INT8
          ? this.buf.readInt8(p)
          : type === BT.INT16
            ? this.buf.readInt16LE(p)
            : this.buf.readInt32LE(p);
      if (isEov(type, v)) break; // a haploid call in a diploid slot
      if (i > 0) out += v & 1 ? '|' : '/';
      out += v >> 1 === 0 ? '.' : String((v >> 1) - 1);
    }
    return out === '' ? '.' : out; // as htslib's bcf_format_gt
  }
}

function isMissing(type: number, v: number): boolean {
  return (
    (type === BT.INT8 && v === INT8_MISSING) ||
    (type === BT.INT16 && v === INT16_MISSING) ||
    (type === BT.INT32 && v === INT32_MISSING)
  );
}

function isEov(type: number, v: number): boolean {
  return (
    (type === BT.INT8 && v === INT8_EOV) ||
    (type === BT.INT16 && v === INT16_EOV) ||
    (type === BT.INT32 && v === INT32_EOV)
  );
}
