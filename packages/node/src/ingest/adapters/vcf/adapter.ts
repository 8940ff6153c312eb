import { readLines } from '../../io/read-lines';
import type { FormatAdapter, MapContext, MapResult, SourceRecord } from '../../types';
import { parseVcfHeader, type VcfHeader } from './header';
import { mapVcfLine, type VcfLine } from './map-record';

/**
 * VCF 4.x adapter (plain or BGZF `.vcf.gz`; BGZF is a series of gzip members, which the shared line
 * reader's `createGunzip` reads through). Streams the file: the header is parsed first, then every data
 * line becomes one record of type `variant`, carrying a reference to the header for `map`.
 */

/** Why a header is unusable, or undefined. */
function headerProblem(header: VcfHeader): string | undefined {
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

/** Streams a VCF file's data lines, after its header. */
async function* readVcf(path: string): AsyncIterable<SourceRecord> {
  const meta: string[] = [];
  let header: VcfHeader | undefined;
  for await (const { line, text } of readLines(path)) {
    if (!header) {
      if (text.startsWith('##')) {
        meta.push(text.slice(2));
        continue;
      }
      if (!text.startsWith('#CHROM')) {
        yield {
          file: path,
          line,
          recordType: 'variant',
          parseError: 'data line before the #CHROM header line',
          raw: text,
        };
        return;
      }
      header = parseVcfHeader(meta, text);
      const problem = headerProblem(header);
      if (problem) {
        yield { file: path, line: 1, recordType: 'variant', parseError: `VCF header: ${problem}` };
        return;
      }
      continue;
    }
    if (text === '') continue;
    const value: VcfLine = { header, text };
    yield { file: path, line, recordType: 'variant', value, raw: text };
  }
  if (!header)
    yield { file: path, line: 1, recordType: 'variant', parseError: 'VCF header has no #CHROM line' };
}

/** The VCF format adapter. */
export const vcfAdapter: FormatAdapter = {
  format: 'vcf',
  detect(_path: string, head: string): boolean {
    return head.startsWith('##fileformat=VCF');
  },
  read: readVcf,
  map(record: SourceRecord, ctx: MapContext): MapResult {
    if (record.parseError || record.value === undefined)
      return { ok: false, reason: record.parseError ?? 'no value' };
    return mapVcfLine(record.value as VcfLine, ctx);
  },
};
