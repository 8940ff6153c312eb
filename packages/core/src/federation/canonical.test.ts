import { describe, expect, it } from 'vitest';
import { canonicalJson, toJsonValue } from './canonical';

describe('canonicalJson (RFC 8785 style)', () => {
  it('sorts keys at every level and drops undefined members', () => {
    const a = canonicalJson({ b: 1, a: { d: [true, null], c: 'x' }, z: undefined });
    const b = canonicalJson({ a: { c: 'x', d: [true, null] }, b: 1 });
    expect(a).toBe(b);
    expect(a).toBe('{"a":{"c":"x","d":[true,null]},"b":1}');
  });

  it('orders keys by UTF-16 code units, not locale', () => {
    expect(canonicalJson({ é: 1, z: 2, Z: 3 })).toBe('{"Z":3,"z":2,"é":1}');
  });

  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/\$\.n/);
    expect(() => canonicalJson({ d: new Date(0) })).toThrow(/plain objects/);
    expect(() => canonicalJson([1, () => 1])).toThrow(/function/);
  });

  it('toJsonValue gives what the receiver will parse', () => {
    const v = toJsonValue({ at: new Date(0), gone: undefined, n: 2 });
    expect(v).toEqual({ at: '1970-01-01T00:00:00.000Z', n: 2 });
    expect(canonicalJson(v)).toBe(canonicalJson(JSON.parse(JSON.stringify(v))));
  });
});
