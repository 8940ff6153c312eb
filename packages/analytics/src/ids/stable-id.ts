import { createHash } from 'node:crypto';

/**
 * A stable positive integer id (below 2^53, so it survives JSON) for a source entity, derived from its
 * key parts. Used for OMOP `*_id` columns so that references between records (a condition's visit, a
 * genotype's variant) resolve without a lookup and re-ingesting the same source yields the same ids.
 * With 53 bits, the chance of any collision among 10 million ids is about 1 in 180.
 */
export function stableId(...parts: string[]): number {
  const digest = createHash('sha256').update(parts.join('\u001f')).digest();
  // 53 bits: 6 bytes + 5 bits; never 0 (OMOP reserves 0 for "no matching concept" in concept columns).
  const high = digest.readUIntBE(0, 6);
  const low = digest[6]! & 0x1f;
  return high * 32 + low || 1;
}
