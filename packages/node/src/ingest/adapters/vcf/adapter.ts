import { readLineBatches } from '../../io/read-lines';
import type { FormatAdapter, MapContext, MapResult, SourceRecord } from '../../types';
import { parseVcfHeader, type VcfHeader } from './header';
import { mapVcf } from './map-fast';
import type { VcfLine } from './map-record';
import { vcfDirectStager } from './stage-direct';

/**
 * VCF 4.x adapter (plain or BGZF `.vcf.gz`; BGZF is a series of gzip members, which the shared line
 * reader's `createGunzip` reads through). Streams the file: the header is parsed first, then every data
 * line becomes one record of type `variant`, carrying a reference to the header for `map`.
 */

/** Why a header is unusable, or undefined (shared with the BCF adapter, whose header is VCF text). */
export function headerProblem(header: VcfHeader): string | undefined {
  if (!/^VCFv4\.\d$/.test(header.fileformat)) {
    return `##fileformat is '${header.fileformat}', expected VCFv4.x as the first line`;
  }
  const seen = new Set<string>();
  for (const s of header.samples) {
    if (seen.has(s)) return `sample '${s}' appears twice in the #CHROM line`;
    seen.add(s);
  }
  return undefined;
}

/**
 * Streams a VCF file's data lines, after its header, a chunk of lines at a time (the pipeline's
 * `readBatches`: one asynchronous step per chunk, not per record, which cost a tenth of the time).
 */
async function* readVcfBatches(path: string): AsyncIterable<SourceRecord[]> {
  const meta: string[] = [];
  let header: VcfHeader | undefined;
  for await (const { first, lines } of readLineBatches(path)) {
    const out: SourceRecord[] = [];
    for (let i = 0; i < lines.length; i++) {
      const text = lines[i]!;
      const line = first + i;
      if (!header) {
        if (text.startsWith('##')) {
          meta.push(text.slice(2));
          continue;
        }
        if (!text.startsWith('#CHROM')) {
          out.push({
            file: path,
            line,
            recordType: 'variant',
            parseError: 'data line before the #CHROM header line',
            raw: text,
          });
          yield out;
          return;
        }
        header = parseVcfHeader(meta, text);
        const problem = headerProblem(header);
        if (problem) {
          yield [{ file: path, line: 1, recordType: 'variant', parseError: `VCF header: ${problem}` }];
          return;
        }
        continue;
      }
      if (text === '') continue;
      const value: VcfLine = { header, text };
      out.push({ file: path, line, recordType: 'variant', value, raw: text });
    }
    if (out.length) yield out;
  }
  if (!header)
    yield [{ file: path, line: 1, recordType: 'variant', parseError: 'VCF header has no #CHROM line' }];
}

/** Streams a VCF file's data lines one by one (the FormatAdapter contract). */
async function* readVcf(path: string): AsyncIterable<SourceRecord> {
  for await (const records of readVcfBatches(path)) yield* records;
}

/** The VCF format adapter. */
export const vcfAdapter: FormatAdapter & {
  readBatches(path: string): AsyncIterable<SourceRecord[]>;
} = {
  format: 'vcf',
  detect(_path: string, head: string): boolean {
    return head.startsWith('##fileformat=VCF');
  },
  read: readVcf,
  readBatches: readVcfBatches,
  batchRecords: 500_000,
  // Lines the VCF fast path takes are staged straight to CSV; `map` takes the rest.
  directStager: vcfDirectStager,
  map(record: SourceRecord, ctx: MapContext): MapResult {
    if (record.parseError || record.value === undefined)
      return { ok: false, reason: record.parseError ?? 'no value' };
    return mapVcf(record.value as VcfLine, ctx);
  },
};
