import type { BeaconAccess, BeaconGranularity, BeaconResultSet } from '@openehds/core';

/**
 * What a caller sees of one dataset's answer (issue 5 §3; EHDS.md §16 [OURS]). Pure: the engine
 * computes raw figures, this decides what leaves the node (Art. 73(2): only anonymous results leave a
 * secure processing environment; records only under a permit, Art. 68).
 *
 * Rules, with their reasons:
 * - **Record** (the dataset is in `access.recordDatasets`): the permit holder sees the records, the exact
 *   count and exact frequencies. The persons are already cut to the permit's extract (opt-outs as of the
 *   approval applied, Art. 71(3)) and carry that permit's pseudonyms, so nothing links across permits.
 * - **Boolean**: `exists` only — true when at least one person stands behind the answer. This is what an
 *   anonymous Beacon is for; its residual risk (membership inference by many queries) is met by the
 *   per-user query budget of the framework, not by hiding single carriers.
 * - **Count**: a count of 0 is shown as 0 (not existing). A count whose persons are fewer than
 *   `minCount` is shown as existing with no count (`countAdjusted: true`): hiding the figure is what
 *   protects the small cell; saying "does not exist" would contradict the boolean answer any anonymous
 *   caller gets for the same query, and so protect nothing while being false. Other counts are rounded
 *   to the nearest multiple of `roundTo` (never below `minCount`), and `countAdjusted` is always true at
 *   this level — setting it only when rounding changed the figure would tell exact multiples apart.
 * - **Frequency** (AC/AN/AF of a single queried variant) only where a count may be shown, and only when
 *   both the alternate alleles (AC) and the reference alleles (AN − AC) number at least `minCount`: a
 *   small AC singles out the few carriers; a small AN − AC says that all but a few persons carry it, which
 *   discloses the attribute of everyone else (group disclosure). At count level AC and AN are rounded
 *   like counts and AF is computed from the rounded figures: exact AC would otherwise bound the carrier
 *   count (carriers ≤ AC ≤ 2 × carriers) and undo the rounding of the count beside it.
 */

/** A dataset's raw answer, before disclosure control. Never sent anywhere as such. */
export interface RawDatasetAnswer {
  datasetId: string;
  /** Entries matched (variants, individuals or biosamples). */
  count: number;
  /** Distinct persons behind those entries (for individuals the same as `count`). */
  persons: number;
  /** Allele counts of the single queried variant, when the query resolved to exactly one. */
  alleles?: { alleleCount: number; alleleNumber: number };
  /** Records, already pseudonymised; only used at record level. */
  records?: Record<string, unknown>[];
}

/** The granularity a dataset is answered at, given the caller's access and what they asked for. */
export function grantedGranularity(
  access: BeaconAccess,
  datasetId: string,
  requested: BeaconGranularity,
): BeaconGranularity {
  const allowed: BeaconGranularity = access.recordDatasets.some((d) => d.datasetId === datasetId)
    ? 'record'
    : access.granularity;
  const order: BeaconGranularity[] = ['boolean', 'count', 'record'];
  return order[Math.min(order.indexOf(allowed), order.indexOf(requested))]!;
}

/** Rounds a count at or above `minCount` to the nearest multiple of `roundTo`, never below `minCount`. */
export function roundCount(n: number, access: Pick<BeaconAccess, 'minCount' | 'roundTo'>): number {
  const step = Math.max(1, Math.floor(access.roundTo));
  return Math.max(access.minCount, Math.round(n / step) * step);
}

/** Applies the rules above to one dataset's raw answer. */
export function discloseAnswer(
  raw: RawDatasetAnswer,
  granularity: BeaconGranularity,
  access: Pick<BeaconAccess, 'minCount' | 'roundTo'>,
): BeaconResultSet {
  const base = { id: raw.datasetId, setType: 'dataset' as const, exists: raw.persons > 0 };
  if (granularity === 'boolean') return base;
  if (granularity === 'record') {
    return {
      ...base,
      resultsCount: raw.count,
      countAdjusted: false,
      results: raw.records ?? [],
      ...(raw.alleles ? { frequency: frequencyOf(raw.alleles.alleleCount, raw.alleles.alleleNumber) } : {}),
    };
  }
  if (raw.persons === 0) return { ...base, resultsCount: 0, countAdjusted: false };
  if (raw.persons < access.minCount) return { ...base, countAdjusted: true };
  const shown: BeaconResultSet = {
    ...base,
    resultsCount: roundCount(raw.count, access),
    countAdjusted: true,
  };
  const a = raw.alleles;
  if (a && a.alleleCount >= access.minCount && a.alleleNumber - a.alleleCount >= access.minCount) {
    shown.frequency = frequencyOf(roundCount(a.alleleCount, access), roundCount(a.alleleNumber, access));
  }
  return shown;
}

function frequencyOf(alleleCount: number, alleleNumber: number): BeaconResultSet['frequency'] {
  return {
    alleleCount,
    alleleNumber,
    alleleFrequency: alleleNumber > 0 ? Math.round((alleleCount / alleleNumber) * 1e6) / 1e6 : 0,
  };
}
