import { readLines } from '../../io/read-lines';
import type { FormatAdapter, MapContext, MapResult, SourceRecord } from '../../types';
import { createJsonSplitter, type JsonPiece } from './json-split';
import { mapPhenopacket } from './map-packet';

/**
 * GA4GH Phenopackets v2 adapter: a file holds one phenopacket, a JSON array of them, or NDJSON. Each
 * phenopacket is one record (type `Phenopacket`), located by the line its object starts on.
 */

function toRecord(path: string, piece: JsonPiece): SourceRecord {
  if (!piece.ok) return { file: path, line: piece.line, recordType: 'Phenopacket', parseError: piece.error };
  try {
    return {
      file: path,
      line: piece.line,
      recordType: 'Phenopacket',
      value: JSON.parse(piece.text),
      raw: piece.text,
    };
  } catch (e) {
    return {
      file: path,
      line: piece.line,
      recordType: 'Phenopacket',
      parseError: `invalid JSON: ${(e as Error).message}`,
      raw: piece.text,
    };
  }
}

/** Streams the phenopackets of a file. */
async function* readPhenopackets(path: string): AsyncIterable<SourceRecord> {
  const splitter = createJsonSplitter();
  for await (const { line, text } of readLines(path)) {
    for (const piece of splitter.push(line, text)) yield toRecord(path, piece);
  }
  for (const piece of splitter.end()) yield toRecord(path, piece);
}

/** The Phenopackets v2 format adapter. */
export const phenopacketAdapter: FormatAdapter = {
  format: 'phenopacket',
  detect(_path: string, head: string): boolean {
    // Object keys of a Phenopacket (proto3 JSON, camelCase or snake_case): a subject and its features or metadata.
    const trimmed = head.trimStart();
    if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return false;
    return (
      /"subject"\s*:/.test(head) &&
      /"(phenotypicFeatures|phenotypic_features|metaData|meta_data)"\s*:/.test(head)
    );
  },
  read: readPhenopackets,
  map(record: SourceRecord, ctx: MapContext): MapResult {
    if (record.parseError || record.value === undefined)
      return { ok: false, reason: record.parseError ?? 'no value' };
    return mapPhenopacket(record.value, ctx);
  },
};
