/**
 * A stable positive integer id (below 2^53, so it survives JSON) for a source entity, derived from its
 * key parts. Used for OMOP `*_id` columns so that references between records (a condition's visit, a
 * genotype's variant) resolve without a lookup and re-ingesting the same source yields the same ids.
 *
 * The ids are not security-relevant (they are never secrets nor integrity checks), so a fast
 * non-cryptographic hash is used instead of SHA-256: ingest computes several per record and SHA-256 was
 * the costliest step of mapping. Two 32-bit multiply-xorshift lanes over the UTF-16 code units of the
 * parts joined by U+001F, each finished with MurmurHash3's fmix32 avalanche and cross-mixed (in the
 * style of cyrb53). With 53 bits, the chance of any collision among 10 million ids is about 1 in 180.
 *
 * The function is part of the store's format: changing it changes every id, so it is pinned by a test.
 */
export function stableId(...parts: string[]): number {
  let h1 = 0x2f6b8c1d;
  let h2 = 0x6a09e667;
  for (let p = 0; p < parts.length; p++) {
    if (p > 0) {
      // The separator, so ('ab','c') and ('a','bc') differ.
      h1 = Math.imul(h1 ^ 0x1f, 0x9e3779b1);
      h1 ^= h1 >>> 15;
      h2 = Math.imul(h2 ^ 0x1f, 0x85ebca77);
      h2 ^= h2 >>> 13;
    }
    const s = parts[p]!;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x9e3779b1);
      h1 ^= h1 >>> 15;
      h2 = Math.imul(h2 ^ c, 0x85ebca77);
      h2 ^= h2 >>> 13;
    }
  }
  h1 = fmix32(h1 ^ Math.imul(h2, 0xc2b2ae3d));
  h2 = fmix32(h2 ^ Math.imul(h1, 0x27d4eb2f));
  // 21 high bits from one lane, 32 low bits from the other: 53 bits. Never 0 (OMOP reserves 0 for
  // "no matching concept" in concept columns).
  return (h2 & 0x1fffff) * 0x1_0000_0000 + (h1 >>> 0) || 1;
}

/** MurmurHash3's 32-bit finaliser: every input bit affects every output bit. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}
