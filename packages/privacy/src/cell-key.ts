import { createHmac } from 'node:crypto';
import { encodeCohort, type Cohort } from './cohort';

/**
 * Deterministic cell-key noise (after the ABS cell key method): the perturbation is a keyed hash of
 * the set of people counted, so asking for the same people again, however the query is phrased,
 * returns the same noisy answer and repeating it cannot average the noise away (EHDS.md §11). The key
 * is the node's secret; without it the noise cannot be predicted or removed.
 */

/** A uniform number in [0, 1) from HMAC-SHA256(secret, domain ‖ cohort). */
export function keyedUniform(secret: Uint8Array | string, domain: string, cohort: Cohort): number {
  const mac = createHmac('sha256', secret).update(domain).update(encodeCohort(cohort)).digest();
  return mac.readUInt32BE(0) / 4294967296;
}

/**
 * Perturbation in −D..D with symmetric triangular weights (D + 1 − |d|): mean 0, most mass near 0.
 * An empty cohort is not perturbed (a zero stays a zero, as in the ABS method).
 */
export function cellKeyNoise(secret: Uint8Array | string, cohort: Cohort, maxNoise: number): number {
  if (cohort.length === 0) return 0;
  return triangular(keyedUniform(secret, 'openehds/cell-key/1', cohort), maxNoise);
}

/** Inverse CDF of the triangular distribution on −D..D at u ∈ [0, 1). */
export function triangular(u: number, maxNoise: number): number {
  const d = maxNoise;
  const total = (d + 1) * (d + 1); // Σ (D + 1 − |x|) for x in −D..D
  let acc = 0;
  for (let x = -d; x <= d; x++) {
    acc += (d + 1 - Math.abs(x)) / total;
    if (u < acc) return x;
  }
  return d;
}

/** Uniform integer noise in −k..k, keyed like the cell key; used by the differencing guard's noise mode. */
export function keyedUniformNoise(secret: Uint8Array | string, cohort: Cohort, k: number): number {
  const u = keyedUniform(secret, 'openehds/differencing/1', cohort);
  return Math.floor(u * (2 * k + 1)) - k;
}
