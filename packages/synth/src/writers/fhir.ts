/**
 * FHIR R4 writers: the Bulk Data export layout (one NDJSON file per resource type, FHIR Bulk
 * Data Access IG §"Bulk Data Output File Format") and one transaction Bundle per patient with
 * urn:uuid fullUrls, as Synthea writes them.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { SynthPatient } from '../patient';
import { FHIR_TYPES, forEachResource, type FhirType } from './fhir-resources';
import { openSink, type Sink } from './sink';
import type { FormatWriter } from './types';

/** Writes `<Type>.ndjson` files in `dir`. */
export function fhirNdjsonWriter(dir: string, gzip: boolean): FormatWriter {
  const sinks = new Map<FhirType, Sink>();
  for (const type of FHIR_TYPES) sinks.set(type, openSink(join(dir, `${type}.ndjson`), gzip));
  const lines = new Map<FhirType, string[]>(FHIR_TYPES.map((t) => [t, []]));
  return {
    async write(p: SynthPatient) {
      forEachResource(p, 'relative', (r) => {
        (lines.get(r.resourceType) as string[]).push(JSON.stringify(r));
      });
      for (const type of FHIR_TYPES) {
        const batch = lines.get(type) as string[];
        if (batch.length === 0) continue;
        const pending = (sinks.get(type) as Sink).write(`${batch.join('\n')}\n`);
        batch.length = 0;
        if (pending) await pending;
      }
    },
    async finish() {
      for (const sink of sinks.values()) await sink.close();
      return [...sinks.values()].map((s) => s.path);
    },
  };
}

/** Writes one `<identifier>.json` transaction Bundle per patient in `dir`. */
export function fhirBundleWriter(dir: string, gzip: boolean): FormatWriter {
  const files: string[] = [];
  return {
    async write(p: SynthPatient) {
      const entry: unknown[] = [];
      forEachResource(p, 'urn', (r) => {
        entry.push({
          fullUrl: `urn:uuid:${r.id}`,
          resource: r,
          request: { method: 'POST', url: r.resourceType },
        });
      });
      const text = JSON.stringify({ resourceType: 'Bundle', type: 'transaction', entry });
      const path = join(dir, `${p.identifier}.json${gzip ? '.gz' : ''}`);
      await writeFile(path, gzip ? gzipSync(text) : text);
      files.push(path);
    },
    async finish() {
      return files;
    },
  };
}
