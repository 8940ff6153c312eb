import { z } from 'zod';
import { CohortDefinition } from './definition';

/** Where the published schema says it lives (the hub serves it; the id only has to be stable). */
export const COHORT_SCHEMA_ID = 'https://openehds.eu/schemas/cohort-definition/v1.json';

/**
 * The cohort definition as JSON Schema (draft 2020-12), for the API, the CLI and the web builder to
 * publish and validate against. It describes what a client may send (defaults optional); cross-field
 * rules (a window needs an index event, ...) are only in `parseCohortDefinition`.
 */
export function cohortDefinitionJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(CohortDefinition, { io: 'input', target: 'draft-2020-12' });
  return { ...schema, $id: COHORT_SCHEMA_ID, title: 'OpenEHDS cohort definition' };
}
