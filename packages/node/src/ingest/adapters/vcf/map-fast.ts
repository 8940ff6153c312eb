import type { MapContext, MappedRow, MapResult, PersonRef } from '../../types';
import type { VcfHeader } from './header';
import { geneFromInfo, infoForAllele, infoJsonForAllele } from './info';
import { mapVcfLine, variantId, type VcfLine } from './map-record';
import { normaliseChrom, toStart0, trimAlleles } from './normalise';

/**
 * The fast path of `mapVcfLine` for the lines that make up nearly all of a cohort VCF: sequence
 * alleles only, GT first in FORMAT, haploid or diploid calls with one-digit alleles (`0|1`, `1`, `./.`).
 * It gives the same result as `mapVcfLine` (a test holds them equal on every fixture), without the
 * per-sample objects and closures that made mapping the costliest step of ingesting a VCF; any other
 * line (symbolic alleles, polyploid or multi-digit calls, an error to explain) takes `mapVcfLine`.
 */

/** Maps a VCF data line: the fast path when it applies, else the general one. */
export function mapVcf(line: VcfLine, ctx: MapContext): MapResult {
  return mapVcfLineFast(line, ctx) ?? mapVcfLine(line, ctx);
}

/** Allele codes of a compact call: 0-9, MISSING for `.`, ABSENT for the second allele of a haploid call. */
const MISSING = -1;
const ABSENT = -2;

/** The chromosome of the last line mapped, as written and normalised. */
let lastChrom = { raw: '', chrom: '' };

// Per-sample scratch, reused by every line (mapping is synchronous, so never shared between lines).
let first = new Int8Array(64);
let second = new Int8Array(64);
let phased = new Uint8Array(64);

/** A call re-coded for one ALT, by (first, phased, second) as 0 = `.`, 1 = `0`, 2 = `1`. */
const RECODED = (() => {
  const chars = ['.', '0', '1'];
  const out: string[] = [];
  for (const a of chars) for (const sep of ['/', '|']) for (const b of chars) out.push(a + sep + b);
  return out;
})();

/** Person references per sample, shared by every genotype row of a header (read-only downstream). */
const refsByHeader = new WeakMap<VcfHeader, { system: string; refs: PersonRef[] }>();

function personRefs(header: VcfHeader, system: string): PersonRef[] {
  let cached = refsByHeader.get(header);
  if (!cached || cached.system !== system) {
    cached = { system, refs: header.samples.map((value) => ({ system, value })) };
    refsByHeader.set(header, cached);
  }
  return cached.refs;
}

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

/** The fast path; undefined when the line needs the general one. */
export function mapVcfLineFast({ header, text }: VcfLine, ctx: MapContext): MapResult | undefined {
  // Columns by their tabs: the fixed ones as strings, the samples read in place (no string per sample).
  const nSamples = header.samples.length;
  const nFixed = nSamples ? 9 : 8;
  const fixed: string[] = [];
  let at = 0;
  for (let c = 0; c < nFixed; c++) {
    const tab = text.indexOf('\t', at);
    if (tab === -1) {
      if (c !== nFixed - 1) return undefined;
      fixed.push(text.slice(at));
      at = text.length + 1;
    } else {
      if (c === nFixed - 1 && !nSamples) return undefined; // more columns than a sites-only header has
      fixed.push(text.slice(at, tab));
      at = tab + 1;
    }
  }
  const chromRaw = fixed[0]!;
  const posText = fixed[1]!;
  const refText = fixed[3]!;
  const altText = fixed[4]!;
  const infoText = fixed[7]!;
  if (posText.length === 0 || posText.length > 15) return undefined;
  let pos = 0;
  for (let i = 0; i < posText.length; i++) {
    const c = posText.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return undefined;
    pos = pos * 10 + c;
  }
  if (pos < 1 || !isBases(refText) || altText === '.') return undefined;
  const alts = altText.split(',');
  for (let k = 0; k < alts.length; k++) if (!isBases(alts[k]!)) return undefined;
  const nAlts = alts.length;

  // Calls: GT must lead FORMAT; each one `a`, `a/b` or `a|b` with one-character alleles.
  let an = 0;
  // Samples whose called alleles are not two (`./.`, `0/.`, haploid), as `map-record.ts` lists them.
  let anExceptions: string | null = null;
  if (nSamples) {
    const format = fixed[8]!;
    if (at > text.length) return undefined; // no sample columns
    const gtOnly = format === 'GT';
    if (!gtOnly && !format.startsWith('GT:')) return undefined;
    if (first.length < nSamples) {
      first = new Int8Array(nSamples);
      second = new Int8Array(nSamples);
      phased = new Uint8Array(nSamples);
    }
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
  if (chromRaw !== lastChrom.raw) lastChrom = { raw: chromRaw, chrom: normaliseChrom(chromRaw) };
  const chrom = lastChrom.chrom;
  const refUpper = refText.toUpperCase();
  const key = `vcf:${header.assembly}:${chrom}:${pos}:${refUpper}:${altText.toUpperCase()}:${header.samplesKey}`;
  const refs = nSamples ? personRefs(header, ctx.personIdentifierSystem) : undefined;
  const rows: MappedRow[] = [];
  for (let k = 0; k < nAlts; k++) {
    const altNumber = k + 1;
    // A SNV (most lines) has nothing to trim.
    const {
      pos: p,
      ref,
      alt,
    } = refUpper.length === 1 && alts[k]!.length === 1
      ? { pos, ref: refUpper, alt: alts[k]!.toUpperCase() }
      : trimAlleles({ pos, ref: refText, alt: alts[k]! });
    const start0 = toStart0(p);
    const id = variantId(header.assembly, chrom, start0, ref, alt);
    // The object only where its values are needed (sites-only counts) or its JSON cannot be written directly.
    const infoJson = nSamples ? infoJsonForAllele(infoText, header, k) : undefined;
    const info = infoJson === undefined ? infoForAllele(infoText, header, k) : undefined;
    const variant: Record<string, unknown> = {
      variant_id: id,
      assembly: header.assembly,
      chrom,
      start0,
      ref,
      alt,
      variant_type:
        ref.length === alt.length
          ? ref.length === 1
            ? 'SNP'
            : 'MNP'
          : ref.length === 1 && alt.startsWith(ref)
            ? 'INS'
            : alt.length === 1 && ref.startsWith(alt)
              ? 'DEL'
              : 'INDEL',
      gene: geneFromInfo(infoText, header, alts[k]!) ?? null,
      info: infoJson ?? JSON.stringify(info),
      end0: start0 + ref.length,
      ac: 0,
      an: 0,
      carriers: 0,
      an_exceptions: null,
    };
    rows.push({ table: 'variant', row: variant });
    if (!nSamples) {
      const int = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : null);
      variant.ac = int(info!.AC);
      variant.an = int(info!.AN);
      variant.carriers = null;
      continue;
    }
    let ac = 0;
    let carriers = 0;
    for (let s = 0; s < nSamples; s++) {
      const a = first[s]!;
      const b = second[s]!;
      const copies = (a === altNumber ? 1 : 0) + (b === altNumber ? 1 : 0);
      if (copies === 0) continue;
      ac += copies;
      carriers++;
      let gt: string;
      let zygosity: string | null;
      if (b === ABSENT) {
        gt = '1';
        zygosity = 'hemizygous';
      } else {
        const ca = a === MISSING ? 0 : a === altNumber ? 2 : 1;
        const cb = b === MISSING ? 0 : b === altNumber ? 2 : 1;
        gt = RECODED[ca * 6 + phased[s]! * 3 + cb]!;
        zygosity = copies === 2 ? 'homozygous' : a === MISSING || b === MISSING ? null : 'heterozygous';
      }
      rows.push({
        table: 'genotype',
        row: { variant_id: id, gt, zygosity },
        personRef: refs![s]!,
      });
    }
    variant.ac = ac;
    variant.an = an;
    variant.carriers = carriers;
    variant.an_exceptions = anExceptions;
  }
  return { ok: true, key, rows };
}
