/**
 * OMOP CDM 5.4 CSV writer: one file per table with the CDM's column names and order (as in the
 * OHDSI Field-Level specification). Source codes go to *_source_value (ICD-10 for conditions, ATC
 * or CVX for drugs, SNOMED CT for procedures, LOINC for measurements); concept ids are 0 except
 * the few standard concepts we are sure of: gender 8507/8532, visits 9201 inpatient / 9202
 * outpatient / 9203 emergency room, and type concept 32817 "EHR".
 */
import { join } from 'node:path';
import { CKD_STAGE_CODES, CONDITIONS } from '../conditions';
import { LABS, SMOKING_STATUS } from '../labs';
import type { SynthPatient } from '../patient';
import { DAY_MS, isoDate } from '../time';
import { csvLine } from './csv';
import { openSink, type Sink } from './sink';
import type { FormatWriter } from './types';

/** Column names per table, in CDM 5.4 order. */
export const OMOP_COLUMNS = {
  person:
    'person_id,gender_concept_id,year_of_birth,month_of_birth,day_of_birth,birth_datetime,race_concept_id,ethnicity_concept_id,location_id,provider_id,care_site_id,person_source_value,gender_source_value,gender_source_concept_id,race_source_value,race_source_concept_id,ethnicity_source_value,ethnicity_source_concept_id',
  observation_period:
    'observation_period_id,person_id,observation_period_start_date,observation_period_end_date,period_type_concept_id',
  visit_occurrence:
    'visit_occurrence_id,person_id,visit_concept_id,visit_start_date,visit_start_datetime,visit_end_date,visit_end_datetime,visit_type_concept_id,provider_id,care_site_id,visit_source_value,visit_source_concept_id,admitted_from_concept_id,admitted_from_source_value,discharged_to_concept_id,discharged_to_source_value,preceding_visit_occurrence_id',
  condition_occurrence:
    'condition_occurrence_id,person_id,condition_concept_id,condition_start_date,condition_start_datetime,condition_end_date,condition_end_datetime,condition_type_concept_id,condition_status_concept_id,stop_reason,provider_id,visit_occurrence_id,visit_detail_id,condition_source_value,condition_source_concept_id,condition_status_source_value',
  drug_exposure:
    'drug_exposure_id,person_id,drug_concept_id,drug_exposure_start_date,drug_exposure_start_datetime,drug_exposure_end_date,drug_exposure_end_datetime,verbatim_end_date,drug_type_concept_id,stop_reason,refills,quantity,days_supply,sig,route_concept_id,lot_number,provider_id,visit_occurrence_id,visit_detail_id,drug_source_value,drug_source_concept_id,route_source_value,dose_unit_source_value',
  procedure_occurrence:
    'procedure_occurrence_id,person_id,procedure_concept_id,procedure_date,procedure_datetime,procedure_end_date,procedure_end_datetime,procedure_type_concept_id,modifier_concept_id,quantity,provider_id,visit_occurrence_id,visit_detail_id,procedure_source_value,procedure_source_concept_id,modifier_source_value',
  measurement:
    'measurement_id,person_id,measurement_concept_id,measurement_date,measurement_datetime,measurement_time,measurement_type_concept_id,operator_concept_id,value_as_number,value_as_concept_id,unit_concept_id,range_low,range_high,provider_id,visit_occurrence_id,visit_detail_id,measurement_source_value,measurement_source_concept_id,unit_source_value,unit_source_concept_id,value_source_value,measurement_event_id,meas_event_field_concept_id',
  observation:
    'observation_id,person_id,observation_concept_id,observation_date,observation_datetime,observation_type_concept_id,value_as_number,value_as_string,value_as_concept_id,qualifier_concept_id,unit_concept_id,provider_id,visit_occurrence_id,visit_detail_id,observation_source_value,observation_source_concept_id,unit_source_value,qualifier_source_value,value_source_value,observation_event_id,obs_event_field_concept_id',
  death:
    'person_id,death_date,death_datetime,death_type_concept_id,cause_concept_id,cause_source_value,cause_source_concept_id',
} as const;

/** An OMOP table written by the generator. */
export type OmopTable = keyof typeof OMOP_COLUMNS;

type Row = Record<string, string | number | undefined>;

const EHR = 32817;
const VISIT_CONCEPT = { AMB: 9202, IMP: 9201, EMER: 9203 } as const;

/** Renders epoch milliseconds as an OMOP datetime (`YYYY-MM-DD HH:MM:SS`). */
export function omopDateTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** Writes the nine OMOP tables as CSV in `dir`. */
export function omopCsvWriter(dir: string, gzip: boolean): FormatWriter {
  const tables = Object.keys(OMOP_COLUMNS) as OmopTable[];
  const columns = new Map(tables.map((t) => [t, OMOP_COLUMNS[t].split(',')]));
  const sinks = new Map<OmopTable, Sink>();
  const buffers = new Map<OmopTable, string[]>();
  for (const t of tables) {
    const sink = openSink(join(dir, `${t}.csv`), gzip);
    void sink.write(`${OMOP_COLUMNS[t]}\n`);
    sinks.set(t, sink);
    buffers.set(t, []);
  }
  const ids = { visit: 0, condition: 0, drug: 0, procedure: 0, measurement: 0, observation: 0 };
  const put = (t: OmopTable, row: Row): void => {
    (buffers.get(t) as string[]).push(csvLine((columns.get(t) as string[]).map((c) => row[c])));
  };

  return {
    async write(p: SynthPatient) {
      const personId = p.index;
      const birth = new Date(p.birthDay * DAY_MS);
      put('person', {
        person_id: personId,
        gender_concept_id: p.sex === 'male' ? 8507 : 8532,
        year_of_birth: birth.getUTCFullYear(),
        month_of_birth: birth.getUTCMonth() + 1,
        day_of_birth: birth.getUTCDate(),
        birth_datetime: omopDateTime(p.birthDay * DAY_MS),
        race_concept_id: 0,
        ethnicity_concept_id: 0,
        person_source_value: p.identifier,
        gender_source_value: p.sex,
      });
      put('observation_period', {
        observation_period_id: personId,
        person_id: personId,
        observation_period_start_date: isoDate(p.obsStart),
        observation_period_end_date: isoDate(p.obsEnd),
        period_type_concept_id: EHR,
      });
      const visitIds = p.encounters.map((e) => {
        const id = ++ids.visit;
        put('visit_occurrence', {
          visit_occurrence_id: id,
          person_id: personId,
          visit_concept_id: VISIT_CONCEPT[e.cls],
          visit_start_date: isoDate(Math.floor(e.start / DAY_MS)),
          visit_start_datetime: omopDateTime(e.start),
          visit_end_date: isoDate(Math.floor(e.end / DAY_MS)),
          visit_end_datetime: omopDateTime(e.end),
          visit_type_concept_id: EHR,
          visit_source_value: e.type.code,
          visit_source_concept_id: 0,
        });
        return id;
      });
      for (const c of p.conditions) {
        const codes = c.key === 'ckd' && c.stage ? CKD_STAGE_CODES[c.stage] : CONDITIONS[c.key];
        put('condition_occurrence', {
          condition_occurrence_id: ++ids.condition,
          person_id: personId,
          condition_concept_id: 0,
          condition_start_date: isoDate(c.onsetDay),
          condition_start_datetime: omopDateTime(c.onsetDay * DAY_MS),
          condition_type_concept_id: EHR,
          visit_occurrence_id: c.encounter !== undefined ? visitIds[c.encounter] : undefined,
          condition_source_value: codes.icd10.code,
          condition_source_concept_id: 0,
        });
      }
      for (const m of p.medications) {
        put('drug_exposure', {
          drug_exposure_id: ++ids.drug,
          person_id: personId,
          drug_concept_id: 0,
          drug_exposure_start_date: isoDate(m.startDay),
          drug_exposure_start_datetime: omopDateTime(m.time),
          drug_exposure_end_date: isoDate(m.endDay),
          drug_type_concept_id: EHR,
          days_supply: Math.max(1, m.endDay - m.startDay),
          visit_occurrence_id: visitIds[m.encounter],
          drug_source_value: m.atc.code,
          drug_source_concept_id: 0,
        });
      }
      for (const im of p.immunizations) {
        const day = Math.floor(im.time / DAY_MS);
        put('drug_exposure', {
          drug_exposure_id: ++ids.drug,
          person_id: personId,
          drug_concept_id: 0,
          drug_exposure_start_date: isoDate(day),
          drug_exposure_start_datetime: omopDateTime(im.time),
          drug_exposure_end_date: isoDate(day),
          drug_type_concept_id: EHR,
          days_supply: 1,
          visit_occurrence_id: visitIds[im.encounter],
          // CVX codes are numeric, ATC codes start with a letter, so a reader can tell them apart.
          drug_source_value: im.cvx.code,
          drug_source_concept_id: 0,
        });
      }
      for (const pr of p.procedures) {
        put('procedure_occurrence', {
          procedure_occurrence_id: ++ids.procedure,
          person_id: personId,
          procedure_concept_id: 0,
          procedure_date: isoDate(Math.floor(pr.time / DAY_MS)),
          procedure_datetime: omopDateTime(pr.time),
          procedure_type_concept_id: EHR,
          visit_occurrence_id: visitIds[pr.encounter],
          procedure_source_value: pr.code.code,
          procedure_source_concept_id: 0,
        });
      }
      for (const o of p.observations) {
        const day = isoDate(Math.floor(o.time / DAY_MS));
        if (o.key === 'smoking') {
          put('observation', {
            observation_id: ++ids.observation,
            person_id: personId,
            observation_concept_id: 0,
            observation_date: day,
            observation_datetime: omopDateTime(o.time),
            observation_type_concept_id: EHR,
            value_as_string: o.code?.display,
            visit_occurrence_id: visitIds[o.encounter],
            observation_source_value: SMOKING_STATUS.loinc,
            observation_source_concept_id: 0,
            value_source_value: o.code?.code,
          });
          continue;
        }
        const lab = LABS[o.key];
        put('measurement', {
          measurement_id: ++ids.measurement,
          person_id: personId,
          measurement_concept_id: 0,
          measurement_date: day,
          measurement_datetime: omopDateTime(o.time),
          measurement_type_concept_id: EHR,
          value_as_number: o.value,
          unit_concept_id: 0,
          visit_occurrence_id: visitIds[o.encounter],
          measurement_source_value: lab.loinc,
          measurement_source_concept_id: 0,
          unit_source_value: lab.unit,
          value_source_value: String(o.value),
        });
      }
      if (p.deathDay !== undefined) {
        const cause = p.deathCause ? CONDITIONS[p.deathCause].icd10.code : undefined;
        put('death', {
          person_id: personId,
          death_date: isoDate(p.deathDay),
          death_type_concept_id: EHR,
          ...(cause ? { cause_concept_id: 0, cause_source_value: cause, cause_source_concept_id: 0 } : {}),
        });
      }
      for (const t of tables) {
        const rows = buffers.get(t) as string[];
        if (rows.length === 0) continue;
        const pending = (sinks.get(t) as Sink).write(rows.join(''));
        rows.length = 0;
        if (pending) await pending;
      }
    },
    async finish() {
      for (const sink of sinks.values()) await sink.close();
      return [...sinks.values()].map((s) => s.path);
    },
  };
}
