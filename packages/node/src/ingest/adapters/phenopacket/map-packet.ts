import type { MapContext, MapResult } from '../../types';
import {
  mapDiseases,
  mapFeatures,
  mapMeasurements,
  mapMedicalActions,
  mapSubject,
  type PacketContext,
} from './map-clinical';
import { mapVariants } from './map-variants';
import { fromTimestamp } from './time';
import { validatePhenopacket } from './validate';

/**
 * One phenopacket → one person record with all its rows. The person carries the unifying identifier
 * (`subject.id` in `ctx.personIdentifierSystem`), so the same person's VCF genotypes and OMOP rows meet
 * it; all the packet's rows refer to it, so the pipeline must register the person first.
 */

/** Validates and maps a parsed phenopacket; every problem is listed in the reason. */
export function mapPhenopacket(json: unknown, ctx: MapContext): MapResult {
  const checked = validatePhenopacket(json);
  if (!checked.ok) return { ok: false, reason: `invalid phenopacket: ${checked.issues.join('; ')}` };
  const p = checked.value;
  const personRef = { system: ctx.personIdentifierSystem, value: p.subject.id };
  const pctx: PacketContext = {
    datasetId: ctx.datasetId,
    packetKey: p.id || `subject/${p.subject.id}`,
    personRef,
    ...(p.metaData.created ? { created: fromTimestamp(p.metaData.created) } : {}),
    issues: [],
  };
  const dob = p.subject.dateOfBirth ? fromTimestamp(p.subject.dateOfBirth).date : undefined;
  const rows = [
    ...mapSubject(p, pctx),
    ...mapFeatures(p, pctx, dob),
    ...mapDiseases(p, pctx, dob),
    ...mapMeasurements(p, pctx, dob),
    ...mapMedicalActions(p, pctx, dob),
    ...mapVariants(p, pctx),
  ];
  if (pctx.issues.length)
    return { ok: false, reason: `phenopacket ${pctx.packetKey}: ${pctx.issues.join('; ')}` };
  return { ok: true, key: `phenopacket:${pctx.packetKey}`, person: { refs: [personRef] }, rows };
}
