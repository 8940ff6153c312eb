import { toOmopDateTime } from './dates';
import { personRefOf, refId, type Reference } from './elements';
import type { FhirMapContext, FhirPersonRef } from './types';

/** What every clinical (person-bound) resource needs before its own mapping: id, person and visit. */
export interface EventBase {
  id: string;
  key: string;
  personRef: FhirPersonRef;
  visitId?: number;
}

/**
 * Checks the common parts of a clinical resource: a logical id and a subject that is a Patient. Returns
 * a rejection reason instead when either is missing, so the record goes to quarantine with it.
 */
export function eventBase(
  type: string,
  r: { id?: unknown; subject?: Reference; patient?: Reference; encounter?: Reference; context?: Reference },
  ctx: FhirMapContext,
): EventBase | string {
  const id = r.id;
  if (typeof id !== 'string' || id === '') return `${type} has no id`;
  const subject = type === 'Immunization' ? r.patient : r.subject;
  const field = type === 'Immunization' ? 'patient' : 'subject';
  if (!subject?.reference)
    return `${type}/${id} has no ${field}; every clinical record must reference its Patient`;
  const personRef = personRefOf(subject);
  if (!personRef) return `${type}/${id}.${field} '${subject.reference}' does not reference a Patient`;
  const enc = refId(r.encounter ?? r.context, 'Encounter');
  return {
    id,
    key: `${type}/${id}`,
    personRef,
    visitId: enc === undefined ? undefined : ctx.stableId(ctx.datasetId, 'Encounter', enc),
  };
}

/** The first valid date among candidates (FHIR choice elements), or undefined. */
export function firstDate(...candidates: unknown[]): { date: string; datetime?: string } | undefined {
  for (const c of candidates) {
    if (c === undefined) continue;
    const d = toOmopDateTime(c);
    if (d) return d;
  }
  return undefined;
}
