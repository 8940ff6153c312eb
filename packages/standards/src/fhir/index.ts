export { mapFhirResource, MAPPED_RESOURCE_TYPES } from './map-resource';
export { parseFhirDate, toOmopDateTime } from './dates';
export { vocabularyOf } from './systems';
export { personRefOf, pickCoding } from './elements';
export {
  FHIR_FULLURL_SYSTEM,
  FHIR_PATIENT_SYSTEM,
  TYPE_EHR,
  TYPE_EHR_PRESCRIPTION,
  TYPE_PATIENT_SELF_REPORT,
} from './types';
export type { FhirMapContext, FhirMapResult, FhirMappedRow, FhirPersonRef, FhirTargetTable } from './types';
