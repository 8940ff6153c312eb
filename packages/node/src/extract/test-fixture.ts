import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NodeStore } from '@openehds/analytics';
import { ingest } from '../ingest/pipeline/ingest';

/** The identifier system the fixtures' national identifiers use (the node's default unifying one). */
export const FIXTURE_ID_SYSTEM = 'https://openehds.eu/sid/person';

/**
 * Tests only: ingests FHIR Patients into a node store through the real pipeline, under `datasetId`;
 * a person without `nationalId` gets no identifier of the unifying system (so cannot be matched).
 */
export async function ingestPersons(
  store: NodeStore,
  datasetId: string,
  persons: { id: string; nationalId?: string }[],
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ehds-extract-fixture-'));
  try {
    const lines = persons.map((p) =>
      JSON.stringify({
        resourceType: 'Patient',
        id: p.id,
        gender: 'female',
        birthDate: '1970-05-01',
        ...(p.nationalId ? { identifier: [{ system: FIXTURE_ID_SYSTEM, value: p.nationalId }] } : {}),
      }),
    );
    const file = join(dir, 'Patient.ndjson');
    writeFileSync(file, `${lines.join('\n')}\n`);
    await ingest([file], { store, datasetId, personIdentifierSystem: FIXTURE_ID_SYSTEM });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
