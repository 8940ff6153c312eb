import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../generate';
import { FHIR_TYPES, PERSON_ID_SYSTEM } from './fhir-resources';

type Json = Record<string, unknown>;

// Required elements (min cardinality 1 in FHIR R4) and reference-typed elements per resource type.
const REQUIRED: Record<string, string[]> = {
  Patient: ['identifier', 'gender', 'birthDate'],
  Encounter: ['status', 'class', 'subject', 'period'],
  Condition: ['code', 'subject', 'clinicalStatus', 'verificationStatus'],
  Observation: ['status', 'code', 'subject', 'effectiveDateTime'],
  MedicationRequest: ['status', 'intent', 'medicationCodeableConcept', 'subject'],
  MedicationStatement: ['status', 'medicationCodeableConcept', 'subject', 'effectivePeriod'],
  Procedure: ['status', 'code', 'subject'],
  Immunization: ['status', 'vaccineCode', 'patient', 'occurrenceDateTime'],
  DiagnosticReport: ['status', 'code', 'subject', 'result'],
};
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z)?$/;

function references(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => references(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'reference' && typeof v === 'string') out.push(v);
      else references(v, out);
    }
  }
  return out;
}

const root = await mkdtemp(join(tmpdir(), 'ehds-synth-fhir-'));
afterAll(() => rm(root, { recursive: true, force: true }));

describe('FHIR Bulk Data NDJSON', () => {
  const byType = new Map<string, Json[]>();
  beforeAll(async () => {
    const out = join(root, 'ndjson');
    await generate({
      patients: 300,
      seed: 3,
      out,
      format: 'fhir-ndjson',
      country: 'FI',
      profile: 'hospital',
    });
    for (const type of FHIR_TYPES) {
      const text = await readFile(join(out, `${type}.ndjson`), 'utf8');
      byType.set(
        type,
        text
          .trimEnd()
          .split('\n')
          .map((l) => JSON.parse(l) as Json),
      );
    }
  });

  it('writes one file per resource type with only that type inside', async () => {
    expect((await readdir(join(root, 'ndjson'))).sort()).toEqual(FHIR_TYPES.map((t) => `${t}.ndjson`).sort());
    for (const [type, resources] of byType) {
      expect(resources.length, type).toBeGreaterThan(0);
      for (const r of resources) expect(r.resourceType).toBe(type);
    }
  });

  it('fills required elements, unique ids and ISO dates', () => {
    const ids = new Set<string>();
    for (const [type, resources] of byType) {
      for (const r of resources) {
        expect(typeof r.id).toBe('string');
        expect(ids.has(`${type}/${r.id as string}`)).toBe(false);
        ids.add(`${type}/${r.id as string}`);
        for (const field of REQUIRED[type] ?? []) expect(r[field], `${type}.${field}`).toBeDefined();
        for (const field of [
          'effectiveDateTime',
          'onsetDateTime',
          'occurrenceDateTime',
          'performedDateTime',
          'birthDate',
          'authoredOn',
        ]) {
          if (r[field] !== undefined) expect(r[field]).toMatch(ISO_DATETIME);
        }
      }
    }
  });

  it('resolves every Type/id reference to a written resource', () => {
    const known = new Set<string>();
    for (const [type, resources] of byType) for (const r of resources) known.add(`${type}/${r.id as string}`);
    let count = 0;
    for (const resources of byType.values()) {
      for (const r of resources) {
        for (const ref of references(r)) {
          expect(known.has(ref), ref).toBe(true);
          count++;
        }
      }
    }
    expect(count).toBeGreaterThan(1000);
  });

  it('identifies persons with the shared identifier and codes conditions in SNOMED CT and ICD-10', () => {
    const patients = byType.get('Patient') ?? [];
    for (const p of patients) {
      expect(p.identifier).toEqual([
        { system: PERSON_ID_SYSTEM, value: expect.stringMatching(/^FI-S3-\d{7}$/) },
      ]);
    }
    for (const c of byType.get('Condition') ?? []) {
      const systems = ((c.code as Json).coding as Json[]).map((x) => x.system);
      expect(systems).toEqual(['http://snomed.info/sct', 'http://hl7.org/fhir/sid/icd-10']);
    }
    const loinc = new Set(
      (byType.get('Observation') ?? []).map((o) => (((o.code as Json).coding as Json[])[0] as Json).code),
    );
    for (const code of ['4548-4', '62238-1', '2160-0', '39156-5', '8480-6'])
      expect(loinc.has(code), code).toBe(true);
  });
});

describe('FHIR transaction Bundles', () => {
  it('writes one transaction Bundle per patient whose urn:uuid references resolve inside it', async () => {
    const out = join(root, 'bundles');
    const result = await generate({ patients: 40, seed: 3, out, format: 'fhir-bundles', country: 'ES' });
    expect(result.files).toHaveLength(40);
    for (const file of result.files) {
      const bundle = JSON.parse(await readFile(file, 'utf8')) as Json;
      expect(bundle.resourceType).toBe('Bundle');
      expect(bundle.type).toBe('transaction');
      const entries = bundle.entry as Json[];
      const fullUrls = new Set(entries.map((e) => e.fullUrl as string));
      expect(((entries[0] as Json).resource as Json).resourceType).toBe('Patient');
      for (const e of entries) {
        expect(e.fullUrl).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
        expect(e.request).toEqual({ method: 'POST', url: (e.resource as Json).resourceType });
        for (const ref of references(e.resource)) expect(fullUrls.has(ref), ref).toBe(true);
      }
    }
  });
});
