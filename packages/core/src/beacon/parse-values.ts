import type { BeaconRequestError } from './request-error';

/**
 * Readers for request values as they arrive: strings from a query string (`start=100,200` or repeated
 * `start=100&start=200`), numbers or arrays of them from a JSON body. Each records an error naming the
 * parameter and returns undefined when the value is unusable. Pure.
 */

type Errors = BeaconRequestError[];

/** Splits a GET value on commas (and repeated keys); a JSON array is taken item by item. */
export function listOf(raw: unknown): unknown[] {
  if (Array.isArray(raw)) return raw.flatMap((v) => (typeof v === 'string' ? v.split(',') : [v]));
  if (typeof raw === 'string') return raw.split(',');
  return [raw];
}

/** A non-negative integer from a number or a string of digits. */
function integer(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isSafeInteger(raw) ? raw : null;
  if (typeof raw === 'string' && /^\s*\d{1,15}\s*$/.test(raw)) return Number(raw);
  return null;
}

/** One integer ≥ `min`. */
export function readInt(raw: unknown, parameter: string, min: number, errors: Errors): number | undefined {
  const single = Array.isArray(raw) && raw.length === 1 ? raw[0] : raw;
  const n = integer(single);
  if (n === null || n < min) {
    errors.push({ parameter, message: `${show(raw)} is not a whole number ≥ ${min}` });
    return undefined;
  }
  return n;
}

/** One or two integers ≥ `min` (a position, or a bracket of two). */
export function readPositions(
  raw: unknown,
  parameter: string,
  min: number,
  errors: Errors,
): number[] | undefined {
  const items = listOf(raw);
  if (items.length > 2) {
    errors.push({ parameter, message: `give one value or two (a bracket), not ${items.length}` });
    return undefined;
  }
  const out: number[] = [];
  for (const item of items) {
    const n = integer(item);
    if (n === null || n < min) {
      errors.push({
        parameter,
        message: `${show(item)} is not a 0-based position (a whole number ≥ ${min})`,
      });
      return undefined;
    }
    out.push(n);
  }
  return out;
}

/** A non-empty string (trimmed). */
export function readString(raw: unknown, parameter: string, errors: Errors): string | undefined {
  const single = Array.isArray(raw) && raw.length === 1 ? raw[0] : raw;
  if (typeof single !== 'string' || !single.trim()) {
    errors.push({ parameter, message: `${show(raw)} is not a non-empty text value` });
    return undefined;
  }
  return single.trim();
}

/** A boolean from `true`/`false` (either a JSON boolean or the query-string word). */
export function readBoolean(raw: unknown, parameter: string, errors: Errors): boolean | undefined {
  if (typeof raw === 'boolean') return raw;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  errors.push({ parameter, message: `${show(raw)} is not true or false` });
  return undefined;
}

/** A short rendering of a bad value for a message (never a whole body). */
export function show(raw: unknown): string {
  const text = typeof raw === 'string' ? `'${raw}'` : JSON.stringify(raw);
  return text === undefined ? 'nothing' : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** `raw` as an object, or undefined after saying it is none. */
export function asObject(
  raw: unknown,
  parameter: string,
  errors: Errors,
): Record<string, unknown> | undefined {
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) return raw as Record<string, unknown>;
  errors.push({ parameter, message: `${show(raw)} is not an object` });
  return undefined;
}

/** Says which keys of `obj` are not `allowed` (each named with `prefix`). */
export function unknownKeys(obj: Record<string, unknown>, allowed: string[], prefix: string, errors: Errors) {
  for (const key of Object.keys(obj))
    if (!allowed.includes(key)) errors.push({ parameter: `${prefix}${key}`, message: 'unknown property' });
}
