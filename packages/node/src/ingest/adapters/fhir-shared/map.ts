// By path, not through the package indexes: the ingest staging thread loads only the modules it runs,
// and `@openehds/standards` as a whole (RDF, SHACL, schemas) took it ~0.9 s to load. To become
// `@openehds/standards/fhir` and `@openehds/analytics/ids` once those packages export these subpaths.
import { stableId } from '@openehds/analytics/ids';
import { mapFhirResource, type FhirMapContext } from '@openehds/standards/fhir';
import type { MapContext, MapResult } from '../../types';

// One context object per (dataset, system) pair: the hot path maps millions of resources, so the
// check compares the two settings instead of building a key.
let cached: FhirMapContext | undefined;

function fhirContext(ctx: MapContext): FhirMapContext {
  if (cached?.datasetId !== ctx.datasetId || cached.personIdentifierSystem !== ctx.personIdentifierSystem) {
    cached = { datasetId: ctx.datasetId, personIdentifierSystem: ctx.personIdentifierSystem, stableId };
  }
  return cached;
}

/** Maps a parsed FHIR resource with the standards package's pure FHIR R4 → OMOP mappings. */
export function mapResource(resource: unknown, ctx: MapContext, fullUrl?: string): MapResult {
  // FhirMapResult is structurally a MapResult (its tables are a subset of TargetTable).
  return mapFhirResource(resource, fhirContext(ctx), fullUrl);
}

const RESOURCE_TYPE_RE = /"resourceType"\s*:\s*"([A-Za-z]+)"/;

/** The resourceType named in a JSON text that did not parse, for the report's byType; `unknown` if none. */
export function guessResourceType(text: string): string {
  return RESOURCE_TYPE_RE.exec(text)?.[1] ?? 'unknown';
}
