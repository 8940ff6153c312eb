import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { mapFhirResource } from './map-resource';
import type { FhirMapContext, FhirMapResult } from './types';

// A stand-in id function: the mappings only need determinism.
const ctx: FhirMapContext = {
  datasetId: 'ds',
  personIdentifierSystem: 'https://openehds.eu/sid/person',
  stableId: (...parts) => createHash('sha256').update(parts.join('|')).digest().readUIntBE(0, 6),
};

function ok(r: FhirMapResult) {
  if (!r.ok) throw new Error(r.reason);
  return r;
}

describe('mapFhirResource', () => {
  it('maps Patient gender, birthDate, unifying identifier and death', () => {
    const r = ok(
      mapFhirResource(
        {
          resourceType: 'Patient',
          id: 'p1',
          gender: 'male',
          birthDate: '1970-06',
          deceasedDateTime: '2020-01-02T03:04:05+01:00',
          identifier: [{ system: 'https://openehds.eu/sid/person', value: 'PER-9' }],
        },
        ctx,
        'urn:uuid:abc',
      ),
    );
    const person = r.rows.find((x) => x.table === 'person')!.row;
    expect(person).toMatchObject({
      gender_concept_id: 8507,
      year_of_birth: 1970,
      month_of_birth: 6,
      person_source_value: 'PER-9',
    });
    expect(person.person_id).toBe(ctx.stableId('person', 'https://openehds.eu/sid/person', 'PER-9'));
    expect(r.person?.refs.map((x) => x.system)).toEqual([
      'https://openehds.eu/sid/person',
      'fhir:Patient',
      'fhir:fullUrl',
    ]);
    expect(r.rows.find((x) => x.table === 'death')!.row).toMatchObject({
      death_date: '2020-01-02',
      death_datetime: '2020-01-02 02:04:05.000',
    });
  });

  it('rejects a Patient whose birthDate is not a calendar date', () => {
    const r = mapFhirResource({ resourceType: 'Patient', id: 'p', birthDate: '2021-02-29' }, ctx);
    expect(r).toEqual({ ok: false, reason: expect.stringContaining("invalid birthDate '2021-02-29'") });
  });

  it('maps Encounter class to OMOP visit concepts', () => {
    const visit = (code: string) =>
      ok(
        mapFhirResource(
          {
            resourceType: 'Encounter',
            id: code,
            subject: { reference: 'Patient/p' },
            class: { code },
            period: { start: '2020-01-01' },
          },
          ctx,
        ),
      ).rows[0]!.row.visit_concept_id;
    expect([visit('IMP'), visit('AMB'), visit('EMER'), visit('HH')]).toEqual([9201, 9202, 9203, 0]);
  });

  it('maps Observation with a quantity to measurement and a coded survey answer to observation', () => {
    const m = ok(
      mapFhirResource(
        {
          resourceType: 'Observation',
          id: 'o',
          subject: { reference: 'Patient/p' },
          encounter: { reference: 'Encounter/e' },
          code: { coding: [{ system: 'http://loinc.org', code: '718-7' }] },
          effectiveDateTime: '2020-01-01',
          valueQuantity: { value: 13.2, unit: 'g/dL' },
        },
        ctx,
      ),
    );
    expect(m.rows[0]).toMatchObject({
      table: 'measurement',
      personRef: { system: 'fhir:Patient', value: 'p' },
      row: {
        value_as_number: 13.2,
        unit_source_value: 'g/dL',
        ehds_vocabulary: 'LOINC',
        visit_occurrence_id: ctx.stableId('ds', 'Encounter', 'e'),
      },
    });
    const o = ok(
      mapFhirResource(
        {
          resourceType: 'Observation',
          id: 'o2',
          subject: { reference: 'Patient/p' },
          category: [{ coding: [{ code: 'survey' }] }],
          code: { coding: [{ system: 'http://loinc.org', code: '72166-2' }] },
          effectiveDateTime: '2020-01-01',
          valueCodeableConcept: {
            text: 'Never smoker',
            coding: [{ system: 'http://snomed.info/sct', code: '266919005' }],
          },
        },
        ctx,
      ),
    );
    expect(o.rows[0]).toMatchObject({
      table: 'observation',
      row: { value_as_string: 'Never smoker', value_source_value: '266919005' },
    });
  });

  it('gives drug exposures their type concepts and keeps the vaccine code', () => {
    const rx = ok(
      mapFhirResource(
        {
          resourceType: 'MedicationRequest',
          id: 'm',
          subject: { reference: 'Patient/p' },
          authoredOn: '2020-01-01',
          medicationCodeableConcept: {
            coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '314076' }],
          },
        },
        ctx,
      ),
    );
    const ms = ok(
      mapFhirResource(
        {
          resourceType: 'MedicationStatement',
          id: 's',
          subject: { reference: 'Patient/p' },
          effectiveDateTime: '2020-01-01',
          medicationCodeableConcept: { coding: [{ system: 'http://www.whocc.no/atc', code: 'A10BA02' }] },
        },
        ctx,
      ),
    );
    const im = ok(
      mapFhirResource(
        {
          resourceType: 'Immunization',
          id: 'i',
          patient: { reference: 'Patient/p' },
          occurrenceDateTime: '2020-01-01',
          vaccineCode: { coding: [{ system: 'http://hl7.org/fhir/sid/cvx', code: '08' }] },
        },
        ctx,
      ),
    );
    expect(
      [rx, ms, im].map((r) => [
        r.rows[0]!.row.drug_type_concept_id,
        r.rows[0]!.row.drug_source_value,
        r.rows[0]!.row.ehds_vocabulary,
      ]),
    ).toEqual([
      [32838, '314076', 'RxNorm'],
      [32865, 'A10BA02', 'ATC'],
      [32817, '08', 'CVX'],
    ]);
  });

  it('rejects a clinical resource without subject and skips types without a mapping', () => {
    expect(
      mapFhirResource({ resourceType: 'Procedure', id: 'x', performedDateTime: '2020-01-01' }, ctx),
    ).toEqual({ ok: false, reason: expect.stringContaining('has no subject') });
    expect(mapFhirResource({ resourceType: 'Claim', id: 'c' }, ctx)).toMatchObject({
      ok: true,
      rows: [],
      skipped: 'Claim has no OMOP mapping',
    });
  });
});
