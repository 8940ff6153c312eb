import { invalid } from '@openehds/core';
import { openText } from '../../io/read-lines';
import type { FormatAdapter, SourceRecord } from '../../types';
import { mapResource } from '../fhir-shared/map';
import { bundleItems, isBundle, type BundleItem } from './bundle';

const BUNDLE_RE = /"resourceType"\s*:\s*"Bundle"/;

async function readText(path: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of (await openText(path)) as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}

async function parseBundle(path: string): Promise<{ entry?: unknown[] }> {
  let value: unknown;
  try {
    value = JSON.parse(await readText(path));
  } catch (e) {
    throw invalid(`cannot ingest ${path}: not a valid FHIR Bundle (${(e as Error).message})`, [
      { file: path, message: (e as Error).message },
    ]);
  }
  if (!isBundle(value)) {
    throw invalid(`cannot ingest ${path}: the JSON is not a FHIR Bundle (resourceType must be "Bundle")`, [
      { file: path, message: 'resourceType is not Bundle' },
    ]);
  }
  return value;
}

/**
 * FHIR Bundle JSON of any type (transaction, collection, searchset…). Bundles are per patient and small,
 * so the file is parsed whole; Patient entries are yielded first and `urn:uuid:` references resolved to
 * the entries they name. The record's line is the entry's position in the Bundle.
 */
export const fhirBundleAdapter: FormatAdapter = {
  format: 'fhir-bundle',
  detect(path, head) {
    return head.trimStart().startsWith('{') && BUNDLE_RE.test(head);
  },
  async check(path) {
    await parseBundle(path);
  },
  async *read(path) {
    const bundle = await parseBundle(path);
    for (const item of bundleItems(bundle as never)) {
      yield {
        file: path,
        line: item.ordinal,
        recordType: typeof item.resource.resourceType === 'string' ? item.resource.resourceType : 'unknown',
        value: item,
        raw: JSON.stringify(item.resource),
      } satisfies SourceRecord;
    }
  },
  map(record, ctx) {
    const item = record.value as BundleItem;
    return mapResource(item.resource, ctx, item.fullUrl);
  },
};
