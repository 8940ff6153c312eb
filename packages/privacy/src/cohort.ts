import { invalid } from '@openehds/core';
import { hashBytes } from './hash';

/**
 * A cohort as the set of its people's integer ids (the node's pseudonymous person_id), held as a
 * sorted, duplicate-free Uint32Array: 4 bytes a person, and set differences by one linear merge.
 */
export type Cohort = Uint32Array;

/** Builds a cohort from person ids (any order, duplicates allowed); ids must be integers 0..2³²−1. */
export function cohortOf(ids: Iterable<number> | ArrayLike<number>): Cohort {
  const src = Array.from(ids as ArrayLike<number>);
  for (let i = 0; i < src.length; i++) {
    const v = src[i]!;
    if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) {
      throw invalid(`person id ${v} is not an integer from 0 to 4294967295; pass the node's person_id`);
    }
  }
  const arr = Uint32Array.from(src).sort();
  let w = 0;
  for (let r = 0; r < arr.length; r++) if (r === 0 || arr[r] !== arr[w - 1]) arr[w++] = arr[r]!;
  return arr.slice(0, w);
}

/** Sizes of A\B and B\A; stops counting once both reach `cap` (the caller only needs to know that). */
export function differenceSizes(a: Cohort, b: Cohort, cap = Infinity): { aOnly: number; bOnly: number } {
  let i = 0,
    j = 0,
    aOnly = 0,
    bOnly = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!,
      y = b[j]!;
    if (x === y) {
      i++;
      j++;
    } else if (x < y) {
      aOnly++;
      i++;
    } else {
      bOnly++;
      j++;
    }
    if (aOnly >= cap && bOnly >= cap) return { aOnly, bOnly };
  }
  return { aOnly: aOnly + (a.length - i), bOnly: bOnly + (b.length - j) };
}

/** Compact bytes for storage: deltas between sorted ids as LEB128 varints (≈1–2 bytes a person). */
export function encodeCohort(c: Cohort): Uint8Array {
  const out = new Uint8Array(c.length * 5);
  let w = 0,
    prev = 0;
  for (let i = 0; i < c.length; i++) {
    let d = c[i]! - prev;
    prev = c[i]!;
    while (d >= 0x80) {
      out[w++] = (d & 0x7f) | 0x80;
      d = Math.floor(d / 128);
    }
    out[w++] = d;
  }
  return out.slice(0, w);
}

/** Inverse of `encodeCohort`. */
export function decodeCohort(bytes: Uint8Array): Cohort {
  const ids: number[] = [];
  let prev = 0,
    i = 0;
  while (i < bytes.length) {
    let d = 0,
      mul = 1,
      byte: number;
    do {
      if (i >= bytes.length) throw invalid('truncated cohort encoding');
      byte = bytes[i++]!;
      d += (byte & 0x7f) * mul;
      mul *= 128;
    } while (byte & 0x80);
    prev += d;
    ids.push(prev);
  }
  return Uint32Array.from(ids);
}

/** SHA-256 of the cohort's canonical encoding: equal sets of people, equal digests. */
export function cohortDigest(c: Cohort): string {
  return hashBytes(encodeCohort(c));
}
