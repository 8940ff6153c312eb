import { createHash } from 'node:crypto';
import { COHORT_VOCABULARIES } from '@openehds/core';
import { describe, expect, it } from 'vitest';
import { CODING_VOCABULARIES, otherCodings } from './codings';
import { mapFhirResource } from './map-resource';
import type { FhirMapContext, FhirMapResult } from './types';

const ctx: FhirMapContext = {
  datasetId: 'ds',
  personIdentifierSystem: 'https://openehds.eu/sid/person',
  stableId: (...parts) => createHash('sha256').update(parts.join('|')).digest().readUIntBE(0, 6),
};
const SCT = 'http://snomed.info/sct';
const ICD10 = 'http://hl7.org/fhir/sid/icd-10';
const LOINC = 'http://loinc.org';

function rows(r: FhirMapResult) {
  if (!r.ok) throw new Error(r.reason);
  return r.rows;
}

describe('additional codings of a FHIR code', () => {
  it('keeps the vocabularies a cohort criterion can name, no more and no fewer', () => {
    expect([...CODING_VOCABULARIES]).toEqual([...COHORT_VOCABULARIES]);
  });

  it('returns the codings besides the kept one, in cohort vocabularies, each once', () => {
    const cc = {
      coding: [
        { system: SCT, code: '38341003' },
        { system: ICD10, code: 'I10' },
        { system: ICD10, code: 'I10' }, // repeated
        { system: 'http://hospital.example/codes', code: 'HTN' }, // local: no cohort can name it
        { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'I10' }, // another vocabulary: kept
        { system: ICD10 }, // no code
      ],
    };
    expect(otherCodings(cc, { code: '38341003', vocabulary: 'SNOMED' })).toEqual([
      { vocabulary: 'ICD10', code: 'I10' },
      { vocabulary: 'ICD10CM', code: 'I10' },
    ]);
    expect(otherCodings({ coding: [{ system: SCT, code: '38341003' }] }, { code: '38341003' })).toEqual([]);
  });

  it('maps a Condition coded SNOMED CT + ICD-10 to its row and one coding row pointing at it', () => {
    const r = rows(
      mapFhirResource(
        {
          resourceType: 'Condition',
          id: 'c1',
          subject: { reference: 'Patient/p1' },
          code: {
            coding: [
              { system: ICD10, code: 'E11.9' },
              { system: SCT, code: '44054006' },
            ],
          },
          onsetDateTime: '2020-01-01',
        },
        ctx,
      ),
    );
    expect(r).toHaveLength(2);
    const id = ctx.stableId('ds', 'Condition', 'c1');
    expect(r[0]!.row).toMatchObject({
      condition_occurrence_id: id,
      condition_source_value: '44054006',
      ehds_vocabulary: 'SNOMED',
    });
    expect(r[1]).toEqual({
      table: 'condition_occurrence_coding',
      personRef: { system: 'fhir:Patient', value: 'p1' },
      row: { row_id: id, vocabulary: 'ICD10', code: 'E11.9' },
    });
  });

  it('gives each component of an Observation its own coding rows', () => {
    const component = (code: string, other: string) => ({
      code: {
        coding: [
          { system: LOINC, code },
          { system: SCT, code: other },
        ],
      },
      valueQuantity: { value: 120, unit: 'mm[Hg]', code: 'mm[Hg]' },
    });
    const r = rows(
      mapFhirResource(
        {
          resourceType: 'Observation',
          id: 'bp',
          subject: { reference: 'Patient/p1' },
          category: [{ coding: [{ code: 'vital-signs' }] }],
          effectiveDateTime: '2020-01-01',
          component: [component('8480-6', '271649006'), component('8462-4', '271650006')],
        },
        ctx,
      ),
    );
    const measurements = r.filter((x) => x.table === 'measurement');
    const codings = r.filter((x) => x.table === 'measurement_coding');
    // SNOMED CT is preferred for the row, so LOINC (what a measurement criterion names) is the extra.
    expect(measurements.map((m) => m.row.measurement_source_value)).toEqual(['271649006', '271650006']);
    expect(codings.map((c) => [c.row.row_id, c.row.vocabulary, c.row.code])).toEqual([
      [measurements[0]!.row.measurement_id, 'LOINC', '8480-6'],
      [measurements[1]!.row.measurement_id, 'LOINC', '8462-4'],
    ]);
  });

  it('writes the other codings of MedicationRequest, MedicationStatement and Procedure', () => {
    const med = {
      coding: [
        { system: 'http://www.whocc.no/atc', code: 'C09AA03' },
        { system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '29046' },
      ],
    };
    const subject = { reference: 'Patient/p1' };
    const request = rows(
      mapFhirResource(
        {
          resourceType: 'MedicationRequest',
          id: 'm1',
          subject,
          medicationCodeableConcept: med,
          authoredOn: '2020-01-01',
        },
        ctx,
      ),
    );
    const statement = rows(
      mapFhirResource(
        {
          resourceType: 'MedicationStatement',
          id: 'm2',
          subject,
          medicationCodeableConcept: med,
          effectiveDateTime: '2020-01-01',
        },
        ctx,
      ),
    );
    const procedure = rows(
      mapFhirResource(
        {
          resourceType: 'Procedure',
          id: 'pr1',
          subject,
          code: {
            coding: [
              { system: SCT, code: '80146002' },
              { system: 'http://www.ama-assn.org/go/cpt', code: '44950' },
            ],
          },
          performedDateTime: '2020-01-01',
        },
        ctx,
      ),
    );
    for (const [r, table, id, vocabulary, code] of [
      // RxNorm is kept in the row (preferred), ATC is the additional coding.
      [request, 'drug_exposure_coding', ctx.stableId('ds', 'MedicationRequest', 'm1'), 'ATC', 'C09AA03'],
      [statement, 'drug_exposure_coding', ctx.stableId('ds', 'MedicationStatement', 'm2'), 'ATC', 'C09AA03'],
      [procedure, 'procedure_occurrence_coding', ctx.stableId('ds', 'Procedure', 'pr1'), 'CPT4', '44950'],
    ] as const) {
      expect(r.slice(1)).toEqual([
        { table, personRef: { system: 'fhir:Patient', value: 'p1' }, row: { row_id: id, vocabulary, code } },
      ]);
    }
  });
});
