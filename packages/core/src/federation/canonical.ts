/**
 * Canonical JSON for signatures, after RFC 8785 (JSON Canonicalization Scheme): object keys sorted by
 * UTF-16 code units at every level, no whitespace, numbers and strings as ECMAScript's JSON.stringify
 * writes them. Signer and verifier are both JavaScript, so the same value always encodes to the same
 * bytes. Values JSON cannot carry (NaN, Infinity, functions, `undefined` in arrays, class instances
 * such as Date) are refused rather than silently changed, because a signature over a value the
 * receiver never sees would not verify.
 */

/** A value that survives a JSON round trip unchanged. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Encodes a JSON value canonically (RFC 8785 key order); throws on values JSON cannot carry. */
export function canonicalJson(value: unknown, path = '$'): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${path}: ${value} cannot be encoded as JSON`);
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new TypeError(`${path}: a ${typeof value} cannot be encoded as JSON`);
  }
  if (Array.isArray(value)) {
    return `[${value.map((v, i) => canonicalJson(v, `${path}[${i}]`)).join(',')}]`;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) {
    throw new TypeError(`${path}: only plain objects can be signed; convert it to JSON first`);
  }
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v, `${path}.${k}`)}`).join(',')}}`;
}

/**
 * The value as the receiver will see it after JSON transport (Dates become strings, `undefined`
 * members vanish), so the sender signs exactly what is sent.
 */
export function toJsonValue(value: unknown): JsonValue {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError('the value cannot be encoded as JSON');
  return JSON.parse(text) as JsonValue;
}
