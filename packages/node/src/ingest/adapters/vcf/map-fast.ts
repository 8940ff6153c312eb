import type { MapContext, MappedRow, MapResult, PersonRef } from '../../types';
import type { VcfHeader } from './header';
import { infoForAllele } from './info';
import { mapVcfLine, type VcfLine } from './map-record';
import { CALLS, callIndex, fastAllele, fastKey, readFastLine } from './read-fast';

/**
 * The fast path of `mapVcfLine` for the lines `readFastLine` takes. It gives the same result as
 * `mapVcfLine` (a test holds them equal on every fixture), without the per-sample objects and closures
 * that made mapping the costliest step of ingesting a VCF.
 */

/** Maps a VCF data line: the fast path when it applies, else the general one. */
export function mapVcf(line: VcfLine, ctx: MapContext): MapResult {
  return mapVcfLineFast(line, ctx) ?? mapVcfLine(line, ctx);
}

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

/** The fast path; undefined when the line needs the general one. */
export function mapVcfLineFast(vcfLine: VcfLine, ctx: MapContext): MapResult | undefined {
  const f = readFastLine(vcfLine);
  if (!f) return undefined;
  const { header, nSamples } = f;
  const refs = nSamples ? personRefs(header, ctx.personIdentifierSystem) : undefined;
  const rows: MappedRow[] = [];
  for (let k = 0; k < f.alts.length; k++) {
    const altNumber = k + 1;
    const a = fastAllele(f, k);
    // The object only where its values are needed (sites-only counts) or its JSON cannot be written directly.
    const info = a.infoJson === undefined ? infoForAllele(f.infoText, header, k) : undefined;
    const variant: Record<string, unknown> = {
      variant_id: a.id,
      assembly: header.assembly,
      chrom: f.chrom,
      start0: a.start0,
      ref: a.ref,
      alt: a.alt,
      variant_type: a.variantType,
      gene: a.gene,
      info: a.infoJson ?? JSON.stringify(info),
      end0: a.start0 + a.ref.length,
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
      const call = CALLS[callIndex(f, s, altNumber)];
      if (call === undefined) continue;
      ac += call.copies;
      carriers++;
      rows.push({
        table: 'genotype',
        row: { variant_id: a.id, gt: call.gt, zygosity: call.zygosity },
        personRef: refs![s]!,
      });
    }
    variant.ac = ac;
    variant.an = f.an;
    variant.carriers = carriers;
    variant.an_exceptions = f.anExceptions;
  }
  return { ok: true, key: fastKey(f), rows };
}
