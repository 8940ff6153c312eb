import { stableId } from '@openehds/analytics';
import type { MappedRow, PersonRef } from '../../types';
import type { Phenopacket } from './model';
import { fromTimestamp, resolveEnd, resolveTime, shiftDate, type When } from './time';
import { vocabularyOf } from './vocabulary';

/**
 * Phenopacket subject, phenotypic features, diseases, measurements and medical actions to OMOP CDM 5.4
 * rows. Concept ids stay 0 (no OHDSI vocabulary is shipped); the CURIE is kept in `*_source_value` with
 * its coding system in `ehds_vocabulary`.
 */

/** OMOP type concept "Registry": phenopackets are case records curated for research and registries. */
export const REGISTRY_TYPE_CONCEPT_ID = 32879;
/** OMOP standard gender concepts. */
const GENDER: Record<string, number> = { MALE: 8507, FEMALE: 8532 };

/** What mapping one phenopacket needs besides the packet. */
export interface PacketContext {
  datasetId: string;
  /** Stable identity of the packet within the dataset (its id, else its subject's). */
  packetKey: string;
  personRef: PersonRef;
  /** Fallback date for undated items: `metaData.created`. */
  created?: When;
  /** Reasons the packet cannot be mapped; collected, then reported together. */
  issues: string[];
}

function id(ctx: PacketContext, table: string, item: string): number {
  return stableId(ctx.datasetId, `phenopacket:${table}`, ctx.packetKey, item);
}

function dated(ctx: PacketContext, when: When | undefined, path: string): When | undefined {
  const w = when ?? ctx.created;
  if (!w) ctx.issues.push(`${path}: no calendar date and no metaData.created to fall back on`);
  return w;
}

/** The person row (and the death row when the subject is deceased with a known time of death). */
export function mapSubject(p: Phenopacket, ctx: PacketContext): MappedRow[] {
  const s = p.subject;
  const row: Record<string, unknown> = {
    gender_concept_id: GENDER[s.sex ?? ''] ?? 0,
    race_concept_id: 0,
    ethnicity_concept_id: 0,
    person_source_value: s.id,
    gender_source_value: s.sex ?? null,
  };
  const dob = s.dateOfBirth ? fromTimestamp(s.dateOfBirth) : undefined;
  if (dob) {
    const [y, m, d] = dob.date.split('-').map(Number);
    Object.assign(row, {
      year_of_birth: y,
      month_of_birth: m,
      day_of_birth: d,
      birth_datetime: dob.datetime,
    });
  } else {
    // No date of birth: the age at last encounter, counted back from when the packet was created.
    const age = s.timeAtLastEncounter?.age?.iso8601duration;
    const born = age && ctx.created ? shiftDate(ctx.created.date, age, -1) : undefined;
    if (born) row.year_of_birth = Number(born.slice(0, 4));
    else
      ctx.issues.push(
        'subject: needs dateOfBirth, or timeAtLastEncounter.age with metaData.created (OMOP person.year_of_birth is required)',
      );
  }
  const rows: MappedRow[] = [{ table: 'person', row, personRef: ctx.personRef }];
  const vital = s.vitalStatus;
  const death = vital?.status === 'DECEASED' ? resolveTime(vital.timeOfDeath, dob?.date) : undefined;
  if (vital?.status === 'DECEASED' && !death) {
    ctx.issues.push(
      'subject.vitalStatus: DECEASED needs a timeOfDeath with a date (OMOP death.death_date is required)',
    );
  }
  if (death) {
    const cause = vital?.causeOfDeath?.id;
    rows.push({
      table: 'death',
      personRef: ctx.personRef,
      row: {
        death_date: death.date,
        death_datetime: death.datetime ?? null,
        death_type_concept_id: REGISTRY_TYPE_CONCEPT_ID,
        cause_concept_id: 0,
        cause_source_value: cause ?? null,
        ehds_vocabulary: cause ? vocabularyOf(cause) : null,
      },
    });
  }
  return rows;
}

/** Phenotypic features → `observation`; an excluded feature is kept with value_as_string 'excluded'. */
export function mapFeatures(p: Phenopacket, ctx: PacketContext, dob?: string): MappedRow[] {
  return (p.phenotypicFeatures ?? []).flatMap((f, i) => {
    const when = dated(ctx, resolveTime(f.onset, dob), `phenotypicFeatures[${i}].onset`);
    if (!when) return [];
    const row = {
      observation_id: id(ctx, 'observation', `phenotypicFeatures[${i}]`),
      observation_concept_id: 0,
      observation_date: when.date,
      observation_datetime: when.datetime ?? null,
      observation_type_concept_id: REGISTRY_TYPE_CONCEPT_ID,
      value_as_string: f.excluded ? 'excluded' : null,
      observation_source_value: f.type.id,
      ehds_vocabulary: vocabularyOf(f.type.id),
    };
    return [{ table: 'observation', row, personRef: ctx.personRef }];
  });
}

/**
 * Diseases → `condition_occurrence`, plus an interpretation's diagnosed disease when not listed there.
 * An excluded disease is not a condition the person has, and OMOP has no negated condition: skipped.
 */
export function mapDiseases(p: Phenopacket, ctx: PacketContext, dob?: string): MappedRow[] {
  const items = (p.diseases ?? []).map((d, i) => ({ ...d, path: `diseases[${i}]` }));
  const listed = new Set(items.map((d) => d.term.id));
  (p.interpretations ?? []).forEach((it, i) => {
    const disease = it.diagnosis?.disease;
    if (disease?.id && !listed.has(disease.id)) {
      listed.add(disease.id);
      items.push({ term: disease, path: `interpretations[${i}].diagnosis.disease` });
    }
  });
  return items.flatMap((d) => {
    if (d.excluded) return [];
    const when = dated(ctx, resolveTime(d.onset, dob), `${d.path}.onset`);
    if (!when) return [];
    const end = d.resolution ? resolveEnd(d.resolution, dob) : undefined;
    const row = {
      condition_occurrence_id: id(ctx, 'condition_occurrence', d.path),
      condition_concept_id: 0,
      condition_start_date: when.date,
      condition_start_datetime: when.datetime ?? null,
      condition_end_date: end?.date ?? null,
      condition_type_concept_id: REGISTRY_TYPE_CONCEPT_ID,
      condition_source_value: d.term.id,
      ehds_vocabulary: vocabularyOf(d.term.id),
    };
    return [{ table: 'condition_occurrence', row, personRef: ctx.personRef }];
  });
}

/** Measurements → `measurement`: one row per value, one per typed quantity of a complex value. */
export function mapMeasurements(p: Phenopacket, ctx: PacketContext, dob?: string): MappedRow[] {
  return (p.measurements ?? []).flatMap((m, i) => {
    const when = dated(ctx, resolveTime(m.timeObserved, dob), `measurements[${i}].timeObserved`);
    if (!when) return [];
    const parts = m.complexValue?.typedQuantities?.length
      ? m.complexValue.typedQuantities.map((q, j) => ({
          code: q.type?.id ?? m.assay.id,
          quantity: q.quantity,
          concept: undefined,
          item: `measurements[${i}][${j}]`,
        }))
      : [
          {
            code: m.assay.id,
            quantity: m.value?.quantity,
            concept: m.value?.ontologyClass,
            item: `measurements[${i}]`,
          },
        ];
    return parts.map((part) => ({
      table: 'measurement' as const,
      personRef: ctx.personRef,
      row: {
        measurement_id: id(ctx, 'measurement', part.item),
        measurement_concept_id: 0,
        measurement_date: when.date,
        measurement_datetime: when.datetime ?? null,
        measurement_type_concept_id: REGISTRY_TYPE_CONCEPT_ID,
        value_as_number: part.quantity?.value ?? null,
        range_low: part.quantity?.referenceRange?.low ?? null,
        range_high: part.quantity?.referenceRange?.high ?? null,
        measurement_source_value: part.code,
        unit_source_value: part.quantity?.unit?.id ?? null,
        value_source_value: part.concept?.id ?? null,
        ehds_vocabulary: vocabularyOf(part.code),
      },
    }));
  });
}

/** Medical actions: treatments → `drug_exposure` (one per dose interval), procedures → `procedure_occurrence`. */
export function mapMedicalActions(p: Phenopacket, ctx: PacketContext, dob?: string): MappedRow[] {
  return (p.medicalActions ?? []).flatMap((a, i): MappedRow[] => {
    if (a.procedure) {
      const when = dated(
        ctx,
        resolveTime(a.procedure.performed, dob),
        `medicalActions[${i}].procedure.performed`,
      );
      if (!when) return [];
      const code = a.procedure.code.id;
      const row = {
        procedure_occurrence_id: id(ctx, 'procedure_occurrence', `medicalActions[${i}]`),
        procedure_concept_id: 0,
        procedure_date: when.date,
        procedure_datetime: when.datetime ?? null,
        procedure_type_concept_id: REGISTRY_TYPE_CONCEPT_ID,
        procedure_source_value: code,
        ehds_vocabulary: vocabularyOf(code),
      };
      return [{ table: 'procedure_occurrence', row, personRef: ctx.personRef }];
    }
    const t = a.treatment;
    if (!t) return []; // radiation therapy and therapeutic regimens are not mapped yet
    const doses = t.doseIntervals?.length ? t.doseIntervals : [{}];
    return doses.flatMap((dose, j): MappedRow[] => {
      const path = `medicalActions[${i}].treatment.doseIntervals[${j}]`;
      const start = dated(
        ctx,
        dose.interval?.start ? fromTimestamp(dose.interval.start) : undefined,
        `${path}.interval`,
      );
      if (!start) return [];
      const end = dose.interval?.end ? fromTimestamp(dose.interval.end) : start;
      const row = {
        drug_exposure_id: id(ctx, 'drug_exposure', path),
        drug_concept_id: 0,
        drug_exposure_start_date: start.date,
        drug_exposure_start_datetime: start.datetime ?? null,
        drug_exposure_end_date: end.date,
        drug_exposure_end_datetime: end.datetime ?? null,
        drug_type_concept_id: REGISTRY_TYPE_CONCEPT_ID,
        quantity: dose.quantity?.value ?? null,
        sig: dose.scheduleFrequency?.label ?? null,
        drug_source_value: t.agent.id,
        route_source_value: t.routeOfAdministration?.id ?? null,
        dose_unit_source_value: dose.quantity?.unit?.id ?? null,
        ehds_vocabulary: vocabularyOf(t.agent.id),
      };
      return [{ table: 'drug_exposure', row, personRef: ctx.personRef }];
    });
  });
}
