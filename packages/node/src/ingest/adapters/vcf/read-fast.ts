import type { VcfHeader } from './header';
import { geneFromInfo, infoJsonForAllele } from './info';
import { variantId, type VcfLine } from './map-record';
import { normaliseChrom, toStart0, trimAlleles } from './normalise';

/**
 * Reading a VCF data line on the fast path, the lines that make up nearly all of a cohort VCF: sequence
 * alleles only, GT first in FORMAT, haploid or diploid calls with one-digit alleles (`0|1`, `1`, `./.`).
 * Both the row mapper (`map-fast.ts`) and the direct CSV stager (`stage-direct.ts`) start from what
 * this reads, so they cannot differ in how a line is understood; any other line (symbolic alleles,
 * polyploid or multi-digit calls, an error to explain) takes the general `mapVcfLine`.
 */

/** Allele codes of a compact call: 0-9, MISSING for `.`, ABSENT for the second allele of a haploid call. */
const MISSING = -1;
const ABSENT = -2;

/** A data line read by the fast path; valid until the next line is read (its objects are reused). */
export interface FastLine {
  header: VcfHeader;
  /** The chromosome, normalised (`chr1` → `1`). */
  chrom: string;
  pos: number;
  refText: string;
  refUpper: string;
  altText: string;
  alts: string[];
  infoText: string;
  nSamples: number;
  /** Alleles called over all samples (AN). */
  an: number;
  /** Samples whose called alleles are not two (`./.`, `0/.`, haploid), as `map-record.ts` lists them. */
  anExceptions: string | null;
  /** Per sample: the first and second allele codes, and whether the call is phased. */
  first: Int8Array;
  second: Int8Array;
  phased: Uint8Array;
}

const line: FastLine = {
  header: undefined as unknown as VcfHeader,
  chrom: '',
  pos: 0,
  refText: '',
  refUpper: '',
  altText: '',
  alts: [],
  infoText: '',
  nSamples: 0,
  an: 0,
  anExceptions: null,
  first: new Int8Array(64),
  second: new Int8Array(64),
  phased: new Uint8Array(64),
};

/** The chromosome of the last line read, as written and normalised. */
let lastChrom = { raw: '', chrom: '' };

/** Where each fixed column ends (its tab), reused by every line. */
const ends = new Int32Array(9);

/** True for a non-empty run of A, C, G, T, N (any case). */
function isBases(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) | 0x20; // lower case
    if (c !== 97 && c !== 99 && c !== 103 && c !== 116 && c !== 110) return false;
  }
  return true;
}

/** Allele code of one GT character: 0-9, MISSING for `.`, or -3 when it is neither. */
function alleleCode(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  return c === 46 ? MISSING : -3;
}

/** Reads a data line on the fast path; undefined when it needs the general one. */
export function readFastLine({ header, text }: VcfLine): FastLine | undefined {
  // Columns by their tabs: only the fixed ones needed become strings, the samples are read in place.
  const nSamples = header.samples.length;
  const nFixed = nSamples ? 9 : 8;
  let at = 0;
  for (let c = 0; c < nFixed; c++) {
    const tab = text.indexOf('\t', at);
    if (tab === -1) {
      if (c !== nFixed - 1) return undefined;
      ends[c] = text.length;
      at = text.length + 1;
    } else {
      if (c === nFixed - 1 && !nSamples) return undefined; // more columns than a sites-only header has
      ends[c] = tab;
      at = tab + 1;
    }
  }
  const posStart = ends[0]! + 1;
  const posLength = ends[1]! - posStart;
  if (posLength === 0 || posLength > 15) return undefined;
  let pos = 0;
  for (let i = posStart; i < ends[1]!; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return undefined;
    pos = pos * 10 + c;
  }
  const refText = text.slice(ends[2]! + 1, ends[3]);
  const altText = text.slice(ends[3]! + 1, ends[4]);
  if (pos < 1 || !isBases(refText) || altText === '.') return undefined;
  const alts = altText.split(',');
  for (let k = 0; k < alts.length; k++) if (!isBases(alts[k]!)) return undefined;
  const nAlts = alts.length;

  // Calls: GT must lead FORMAT; each one `a`, `a/b` or `a|b` with one-character alleles.
  let an = 0;
  let anExceptions: string | null = null;
  if (nSamples) {
    if (at > text.length) return undefined; // no sample columns
    const format = ends[7]! + 1;
    const gtOnly = ends[8]! - format === 2 && text.startsWith('GT', format);
    if (!gtOnly && !text.startsWith('GT:', format)) return undefined;
    if (line.first.length < nSamples) {
      line.first = new Int8Array(nSamples);
      line.second = new Int8Array(nSamples);
      line.phased = new Uint8Array(nSamples);
    }
    const { first, second, phased } = line;
    for (let s = 0; s < nSamples; s++) {
      // This sample's cell is text[at, end); its GT runs to the first ':' (or the cell's end).
      let end = text.indexOf('\t', at);
      if (end === -1) {
        if (s !== nSamples - 1) return undefined; // fewer columns than samples
        end = text.length;
      } else if (s === nSamples - 1) return undefined; // more columns than samples
      const cell = at;
      at = end + 1;
      // (With GT alone there is no ':' to look for: a search would run on through the later cells.)
      const colon = gtOnly ? -1 : text.indexOf(':', cell);
      const len = (colon !== -1 && colon < end ? colon : end) - cell;
      const a = alleleCode(text.charCodeAt(cell));
      if (a === -3 || a > nAlts) return undefined;
      first[s] = a;
      if (a >= 0) an++;
      if (len === 1) {
        second[s] = ABSENT;
        const called = a >= 0 ? 1 : 0;
        anExceptions = `${anExceptions === null ? '' : `${anExceptions},`}${s}:${called}`;
        continue;
      }
      if (len !== 3) return undefined;
      const sep = text.charCodeAt(cell + 1);
      if (sep !== 47 && sep !== 124) return undefined;
      const b = alleleCode(text.charCodeAt(cell + 2));
      if (b === -3 || b > nAlts) return undefined;
      second[s] = b;
      phased[s] = sep === 124 ? 1 : 0;
      if (b >= 0) an++;
      if (a < 0 || b < 0)
        anExceptions = `${anExceptions === null ? '' : `${anExceptions},`}${s}:${(a >= 0 ? 1 : 0) + (b >= 0 ? 1 : 0)}`;
    }
  }

  // Lines come sorted by chromosome: the last one's name is nearly always this one's.
  if (ends[0] !== lastChrom.raw.length || !text.startsWith(lastChrom.raw)) {
    const raw = text.slice(0, ends[0]);
    lastChrom = { raw, chrom: normaliseChrom(raw) };
  }
  line.header = header;
  line.chrom = lastChrom.chrom;
  line.pos = pos;
  line.refText = refText;
  line.refUpper = refText.toUpperCase();
  line.altText = altText;
  line.alts = alts;
  line.infoText = text.slice(ends[6]! + 1, ends[7]);
  line.nSamples = nSamples;
  line.an = an;
  line.anExceptions = anExceptions;
  return line;
}

/** The record key of a line: the site, its alleles as written and the file's samples. */
export function fastKey(f: FastLine): string {
  const h = f.header;
  return `vcf:${h.assembly}:${f.chrom}:${f.pos}:${f.refUpper}:${f.altText.toUpperCase()}:${h.samplesKey}`;
}

/** One ALT allele of a line, split off and normalised: the values of its `variant` row. */
export interface FastAllele {
  id: number;
  start0: number;
  ref: string;
  alt: string;
  variantType: 'SNP' | 'MNP' | 'INS' | 'DEL' | 'INDEL';
  gene: string | null;
  /** INFO for this allele as JSON, or undefined when it must be built as an object (see info.ts). */
  infoJson: string | undefined;
}

/** The ALT allele at `k` (0-based) of a line read by `readFastLine`. */
export function fastAllele(f: FastLine, k: number): FastAllele {
  const header = f.header;
  const altText = f.alts[k]!;
  // A SNV (most lines) has nothing to trim.
  const { pos, ref, alt } =
    f.refUpper.length === 1 && altText.length === 1
      ? { pos: f.pos, ref: f.refUpper, alt: altText.toUpperCase() }
      : trimAlleles({ pos: f.pos, ref: f.refText, alt: altText });
  const start0 = toStart0(pos);
  return {
    id: variantId(header.assembly, f.chrom, start0, ref, alt),
    start0,
    ref,
    alt,
    variantType:
      ref.length === alt.length
        ? ref.length === 1
          ? 'SNP'
          : 'MNP'
        : ref.length === 1 && alt.startsWith(ref)
          ? 'INS'
          : alt.length === 1 && ref.startsWith(alt)
            ? 'DEL'
            : 'INDEL',
    gene: geneFromInfo(f.infoText, header, altText) ?? null,
    infoJson: f.nSamples ? infoJsonForAllele(f.infoText, header, k) : undefined,
  };
}

/** A sample's call re-coded for one ALT allele of a split record. */
export interface Call {
  gt: string;
  zygosity: 'homozygous' | 'heterozygous' | 'hemizygous' | null;
  /** Copies of the allele (1 or 2). */
  copies: number;
}

/**
 * Every call re-coded for one ALT, by `callIndex`: each allele as 0 = `.`, 1 = another allele, 2 = this
 * ALT, 3 = absent (haploid); undefined where the sample carries no copy of the ALT.
 */
export const CALLS: readonly (Call | undefined)[] = (() => {
  const chars = ['.', '0', '1'];
  const out: (Call | undefined)[] = [];
  for (let ca = 0; ca < 3; ca++) {
    for (let ph = 0; ph < 2; ph++) {
      for (let cb = 0; cb < 4; cb++) {
        const copies = (ca === 2 ? 1 : 0) + (cb === 2 ? 1 : 0);
        if (copies === 0) out.push(undefined);
        else if (cb === 3) out.push({ gt: '1', zygosity: 'hemizygous', copies });
        else
          out.push({
            gt: chars[ca]! + (ph ? '|' : '/') + chars[cb]!,
            zygosity: copies === 2 ? 'homozygous' : ca === 0 || cb === 0 ? null : 'heterozygous',
            copies,
          });
      }
    }
  }
  return out;
})();

/** Where sample `s`'s call re-coded for ALT number `altNumber` (1-based) is in CALLS. */
export function callIndex(f: FastLine, s: number, altNumber: number): number {
  const a = f.first[s]!;
  const b = f.second[s]!;
  const ca = a === MISSING ? 0 : a === altNumber ? 2 : 1;
  // A haploid call leaves `phased` as an earlier line set it: its entries are alike either way.
  const cb = b === ABSENT ? 3 : b === MISSING ? 0 : b === altNumber ? 2 : 1;
  return ca * 8 + f.phased[s]! * 4 + cb;
}
