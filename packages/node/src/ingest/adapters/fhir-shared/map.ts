import { stableId } from '@openehds/analytics';
// Imported by path until `@openehds/standards` lists the FHIR mappings in its src/index.ts.
import { mapFhirResource, type FhirMapContext } from '@openehds/standards';
import type { MapContext, MapResult } from '../../types';

// One context object per (dataset, system) pair: the hot path maps millions of resources.
let cached: { key: string; ctx: FhirMapContext } | undefined;

function fhirContext(ctx: MapContext): FhirMapContext {
  const key = `${ctx.datasetId}\u001f${ctx.personIdentifierSystem}`;
  if (cached?.key !== key) {
    cached = {
      key,
      ctx: {
        datasetId: ctx.datasetId,
        personIdentifierSystem: ctx.personIdentifierSystem,
        stableId,
      },
    };
  }
  return cached.ctx;
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
