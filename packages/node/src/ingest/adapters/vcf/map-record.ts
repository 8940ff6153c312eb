import { stableId } from '@openehds/analytics';
import type { MapContext, MappedRow, MapResult } from '../../types';
import { genotypeForAllele, maxAllele, parseGt, type ParsedGt } from './genotype';
import type { VcfHeader } from './header';
import { geneFromInfo, infoForAllele } from './info';
import { normaliseChrom, toStart0, trimAlleles, variantType } from './normalise';

/**
 * Maps one VCF data line (VCF 4.3 §1.6) to rows of the variant store: one `variant` row per ALT allele
 * (multi-allelic records split, as `bcftools norm -m-`), and one `genotype` row per sample carrying that
 * allele, referring to the sample as a person of the unifying identifier system.
 */

/** A VCF data line with the header it belongs to. */
export interface VcfLine {
  header: VcfHeader;
  text: string;
}

const BASES = /^[ACGTN]+$/i;
/** ALT alleles that are not sequences: symbolic (`<DEL>`), breakends (`G]17:198982]`). */
const NON_SEQUENCE = /^<.+>$|[[\]]/;

/** The `variant_id` of a normalised variant (same inputs → same id, in every file and node). */
export function variantId(assembly: string, chrom: string, start0: number, ref: string, alt: string): number {
  return stableId('variant', assembly, chrom, String(start0), ref, alt);
}

/** Maps a data line; rejects it with a reason naming the column at fault. */
export function mapVcfLine({ header, text }: VcfLine, ctx: MapContext): MapResult {
  const cols = text.split('\t');
  const expected = header.samples.length ? 9 + header.samples.length : 8;
  if (cols.length < 8 || (header.samples.length && cols.length !== expected)) {
    return {
      ok: false,
      reason: `line has ${cols.length} tab-separated column(s), the header declares ${expected}`,
    };
  }
  const [chromRaw, posText, , refText, altText, , , infoText] = cols as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const pos = Number(posText);
  if (!/^\d+$/.test(posText) || pos < 1)
    return { ok: false, reason: `POS '${posText}' is not a positive integer` };
  if (!BASES.test(refText))
    return { ok: false, reason: `REF '${refText}' is not a sequence of A, C, G, T, N` };
  const alts = altText === '.' ? [] : altText.split(',');
  for (const alt of alts) {
    if (alt !== '*' && !NON_SEQUENCE.test(alt) && !BASES.test(alt)) {
      return { ok: false, reason: `ALT '${alt}' is neither a sequence, a symbolic allele nor '*'` };
    }
  }
  const chrom = normaliseChrom(chromRaw);
  const key = `vcf:${header.assembly}:${chrom}:${pos}:${refText.toUpperCase()}:${altText.toUpperCase()}:${header.samplesKey}`;

  // Genotypes, parsed once per sample and re-coded per allele below.
  const gtIndex = cols.length > 9 ? cols[8]!.split(':').indexOf('GT') : -1;
  const parsed: (ParsedGt | undefined)[] = [];
  if (gtIndex >= 0) {
    for (let s = 0; s < header.samples.length; s++) {
      const cell = cols[9 + s]!;
      const colon = gtIndex === 0 ? cell.indexOf(':') : -2;
      const gtText =
        colon === -1 ? cell : colon >= 0 ? cell.slice(0, colon) : (cell.split(':')[gtIndex] ?? '.');
      const gt = parseGt(gtText);
      if (!gt) return { ok: false, reason: `sample ${header.samples[s]}: GT '${gtText}' is malformed` };
      if (maxAllele(gt) > alts.length) {
        return {
          ok: false,
          reason: `sample ${header.samples[s]}: GT '${gtText}' names allele ${maxAllele(gt)} but ALT has ${alts.length}`,
        };
      }
      parsed.push(gt);
    }
  }

  // Allele counts per ALT over the called alleles (as `bcftools +fill-tags -t AC,AN`), and carriers.
  let an = 0;
  const ac = new Array<number>(alts.length + 1).fill(0);
  const carriers = new Array<number>(alts.length + 1).fill(0);
  // Samples whose called alleles are not two (missing, haploid, polyploid), for AN over any subset.
  let anExceptions: string | null = null;
  for (let s = 0; s < parsed.length; s++) {
    const gt = parsed[s];
    if (!gt) continue;
    const called = gt.alleles.reduce<number>((n, a) => (a === null ? n : n + 1), 0);
    if (called !== 2) anExceptions = `${anExceptions === null ? '' : `${anExceptions},`}${s}:${called}`;
    for (let i = 0; i < gt.alleles.length; i++) {
      const a = gt.alleles[i];
      if (a === null || a === undefined) continue;
      an++;
      ac[a]!++;
      // A sample carries allele a once, however many copies: count it at its first copy.
      if (a > 0 && gt.alleles.indexOf(a) === i) carriers[a]!++;
    }
  }

  const rows: MappedRow[] = [];
  alts.forEach((altRaw, k) => {
    if (altRaw === '*') return; // an overlapping deletion, described by its own record
    const symbolic = NON_SEQUENCE.test(altRaw);
    const {
      pos: p,
      ref,
      alt,
    } = symbolic
      ? { pos, ref: refText.toUpperCase(), alt: altRaw }
      : trimAlleles({ pos, ref: refText, alt: altRaw });
    const start0 = toStart0(p);
    const id = variantId(header.assembly, chrom, start0, ref, alt);
    const gene = geneFromInfo(infoText, header, altRaw);
    const info = infoForAllele(infoText, header, k);
    const counts =
      gtIndex >= 0
        ? { ac: ac[k + 1]!, an, carriers: carriers[k + 1]!, an_exceptions: anExceptions }
        : countsFromInfo(info);
    rows.push({
      table: 'variant',
      row: {
        variant_id: id,
        assembly: header.assembly,
        chrom,
        start0,
        ref,
        alt,
        variant_type: variantType(ref, alt),
        gene: gene ?? null,
        info: JSON.stringify(info),
        end0: symbolic ? symbolicEnd0(pos, ref, alt, info, k) : start0 + ref.length,
        ...counts,
      },
    });
    parsed.forEach((gt, s) => {
      const call = gt && genotypeForAllele(gt, k + 1);
      if (!call) return;
      rows.push({
        table: 'genotype',
        row: { variant_id: id, gt: call.gt, zygosity: call.zygosity },
        personRef: { system: ctx.personIdentifierSystem, value: header.samples[s]! },
      });
    });
  });
  return { ok: true, key, rows };
}

/**
 * Beacon's half-open end of a symbolic allele (VCF 4.3 §1.6.1, §3): the 1-based `END` is the last base
 * covered, so it is the 0-based exclusive end as it stands; without END, `POS + |SVLEN|` for the
 * alleles SVLEN spans (not `<INS>`, whose SVLEN is inserted length); else the REF span.
 */
export function symbolicEnd0(
  pos: number,
  ref: string,
  alt: string,
  info: Record<string, unknown>,
  altIndex = 0,
): number {
  const end = info.END;
  if (typeof end === 'number' && Number.isInteger(end) && end >= pos) return end;
  const raw = info.SVLEN;
  const svlen = Array.isArray(raw) ? raw[altIndex] : raw; // Number=. lists one per ALT
  if (typeof svlen === 'number' && Number.isInteger(svlen) && !alt.startsWith('<INS'))
    return pos + Math.abs(svlen);
  return pos - 1 + ref.length;
}

/**
 * A sites-only VCF's allele counts from its own INFO `AC` (Number=A) and `AN`; carriers unknown, and no
 * calls to list (a file with samples but no GT has no carriers, so the Beacon never counts its sites).
 */
function countsFromInfo(info: Record<string, unknown>): {
  ac: number | null;
  an: number | null;
  carriers: null;
  an_exceptions: null;
} {
  const int = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : null);
  return { ac: int(info.AC), an: int(info.AN), carriers: null, an_exceptions: null };
}
