import { mapCondition } from './condition';
import { mapImmunization, mapMedicationRequest, mapMedicationStatement } from './drug';
import { mapEncounter } from './encounter';
import { mapDiagnosticReport, mapObservation } from './observation';
import { mapPatient } from './patient';
import { mapProcedure } from './procedure';
import type { FhirMapContext, FhirMapResult } from './types';

type Mapper = (resource: never, ctx: FhirMapContext) => FhirMapResult;

const MAPPERS: Record<string, Mapper> = {
  Encounter: mapEncounter,
  Condition: mapCondition,
  Observation: mapObservation,
  MedicationRequest: mapMedicationRequest,
  MedicationStatement: mapMedicationStatement,
  Procedure: mapProcedure,
  Immunization: mapImmunization,
  DiagnosticReport: mapDiagnosticReport,
};

/** Resource types that map to OMOP rows; others (Organization, Claim, CarePlan…) are skipped, not rejected. */
export const MAPPED_RESOURCE_TYPES = ['Patient', ...Object.keys(MAPPERS)];

/**
 * Maps one FHIR R4 resource to OMOP rows, purely. `fullUrl` is the resource's Bundle entry fullUrl,
 * registered as a person reference for Patients. Resources in status `entered-in-error` are skipped:
 * FHIR says they should not have existed (R4 §3.1.0.3 workflow status).
 */
export function mapFhirResource(resource: unknown, ctx: FhirMapContext, fullUrl?: string): FhirMapResult {
  if (typeof resource !== 'object' || resource === null || Array.isArray(resource)) {
    return { ok: false, reason: 'not a FHIR resource (expected a JSON object)' };
  }
  const r = resource as { resourceType?: unknown; id?: unknown; status?: unknown };
  if (typeof r.resourceType !== 'string')
    return { ok: false, reason: 'not a FHIR resource (no resourceType)' };
  if (r.resourceType === 'Patient') return mapPatient(resource as never, ctx, fullUrl);
  const mapper = MAPPERS[r.resourceType];
  const key = `${r.resourceType}/${typeof r.id === 'string' ? r.id : ''}`;
  if (!mapper) return { ok: true, key, rows: [], skipped: `${r.resourceType} has no OMOP mapping` };
  if (r.status === 'entered-in-error') return { ok: true, key, rows: [], skipped: 'entered in error' };
  return mapper(resource as never, ctx);
}
