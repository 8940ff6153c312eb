import { readLineBatches } from '../../io/read-lines';
import type { FormatAdapter, SourceRecord } from '../../types';
import { guessResourceType, mapResource } from '../fhir-shared/map';

const NAME_RE = /\.(ndjson|jsonl)(\.gz)?$/i;
const FIRST_TYPE_RE = /^\s*\{[^\n]*"resourceType"\s*:\s*"([A-Za-z]+)"/;

/**
 * FHIR Bulk Data NDJSON (https://hl7.org/fhir/uv/bulkdata/ : one resource per line, one resource type per
 * file by convention, though mixed files are accepted). Each line is one record; a line that is not JSON is
 * rejected on its own and the rest of the file loads.
 */
export const fhirNdjsonAdapter: FormatAdapter & {
  readBatches(path: string): AsyncIterable<SourceRecord[]>;
} = {
  format: 'fhir-ndjson',
  detect(path, head) {
    if (!head.trimStart().startsWith('{')) return false;
    if (NAME_RE.test(path)) return true;
    // Unnamed: the first line must itself be a (non-Bundle) resource; a pretty-printed file starts with `{` alone.
    const t = FIRST_TYPE_RE.exec(head)?.[1];
    return t !== undefined && t !== 'Bundle';
  },
  async *read(path) {
    for await (const records of readNdjsonBatches(path)) yield* records;
  },
  readBatches: readNdjsonBatches,
  map(record, ctx) {
    return mapResource(record.value, ctx);
  },
};

/** The resource type on the first line of an NDJSON head, so Patient files can be ingested first. */
export function ndjsonFirstType(head: string): string | undefined {
  return FIRST_TYPE_RE.exec(head)?.[1];
}

/**
 * The records of an NDJSON file a chunk at a time, in order: what `read` yields one by one, for hot loops
 * (one asynchronous step per chunk instead of one per record, see `BatchReadingAdapter` in the pipeline).
 */
export async function* readNdjsonBatches(path: string): AsyncIterable<SourceRecord[]> {
  for await (const { first, lines } of readLineBatches(path)) {
    const out: SourceRecord[] = [];
    for (let i = 0; i < lines.length; i++) {
      const text = lines[i]!;
      const line = first + i;
      // A line starting with a visible ASCII character is not blank: no regex for nearly every line.
      const c0 = text.charCodeAt(0);
      if (text.length === 0 || ((c0 <= 32 || c0 >= 127) && /^\s*$/.test(text))) continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (e) {
        out.push({
          file: path,
          line,
          recordType: guessResourceType(text),
          parseError: `not valid JSON: ${(e as Error).message}`,
          raw: text,
        });
        continue;
      }
      const type = (value as { resourceType?: unknown } | null)?.resourceType;
      out.push({
        file: path,
        line,
        recordType: typeof type === 'string' ? type : 'unknown',
        value,
        raw: text,
      });
    }
    if (out.length) yield out;
  }
}
