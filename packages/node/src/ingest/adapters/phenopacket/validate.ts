import type { Phenopacket } from './model';
import { MESSAGES, type Kind } from './schema';

/**
 * Strict validation of a Phenopacket v2 in proto3 JSON form (the mapping of the official
 * `phenopackets.proto`): unknown fields are rejected, field names are accepted in lowerCamelCase or as
 * in the .proto (snake_case), enums by name or number, timestamps as RFC 3339. Returns a normalised copy
 * (lowerCamelCase keys, enum names, numbers as numbers) and every issue with its field path.
 */

/** Validation outcome. */
export type Validated = { ok: true; value: Phenopacket } | { ok: false; issues: string[] };

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

function camel(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkValue(kind: Kind, v: unknown, path: string, issues: string[]): unknown {
  if (typeof kind === 'object') {
    if ('repeated' in kind) {
      if (!Array.isArray(v)) return void issues.push(`${path}: expected an array`);
      return v.map((item, i) => checkValue(kind.repeated, item, `${path}[${i}]`, issues));
    }
    if ('enum' in kind) {
      if (typeof v === 'string' && kind.enum.includes(v)) return v;
      if (typeof v === 'number' && Number.isInteger(v) && kind.enum[v] !== undefined) return kind.enum[v];
      return void issues.push(`${path}: '${String(v)}' is not one of ${kind.enum.join(', ')}`);
    }
    return checkMessage(kind.msg, v, path, issues);
  }
  switch (kind) {
    case 'any':
      return v;
    case 'string':
      return typeof v === 'string' ? v : void issues.push(`${path}: expected a string`);
    case 'bool':
      return typeof v === 'boolean' ? v : void issues.push(`${path}: expected true or false`);
    case 'double': {
      const n = typeof v === 'string' ? Number(v) : v;
      if (typeof n === 'number' && (Number.isFinite(n) || v === 'NaN' || /^-?Infinity$/.test(String(v))))
        return n;
      return void issues.push(`${path}: expected a number`);
    }
    case 'int':
    case 'uint': {
      const n = typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v;
      if (typeof n === 'number' && Number.isInteger(n) && (kind === 'int' || n >= 0)) return n;
      return void issues.push(`${path}: expected ${kind === 'uint' ? 'a non-negative' : 'an'} integer`);
    }
    case 'timestamp':
      if (typeof v === 'string' && TIMESTAMP.test(v) && !Number.isNaN(Date.parse(v))) return v;
      return void issues.push(
        `${path}: '${String(v)}' is not an RFC 3339 timestamp (e.g. 2020-03-17T00:00:00Z)`,
      );
  }
}

function checkMessage(
  name: string,
  v: unknown,
  path: string,
  issues: string[],
): Record<string, unknown> | undefined {
  const spec = MESSAGES[name]!;
  if (!isObject(v)) return void issues.push(`${path || name}: expected a JSON object (${name})`);
  const out: Record<string, unknown> = {};
  for (const [rawKey, value] of Object.entries(v)) {
    const key = camel(rawKey);
    const at = path ? `${path}.${key}` : key;
    const kind = spec.fields[key];
    if (!kind) {
      issues.push(`${at}: unknown field of ${name}; allowed: ${Object.keys(spec.fields).join(', ')}`);
      continue;
    }
    if (key in out) {
      issues.push(`${at}: given twice (as ${key} and in snake_case)`);
      continue;
    }
    if (value === null) continue; // proto3 JSON: null means the default value
    const checked = checkValue(kind, value, at, issues);
    if (checked !== undefined) out[key] = checked;
  }
  for (const group of spec.oneofs ?? []) {
    const set = group.filter((k) => k in out);
    if (set.length > 1)
      issues.push(`${path || name}: only one of ${group.join(', ')} may be set, got ${set.join(', ')}`);
  }
  return out;
}

/** Fields the node needs to map a record, beyond what the protobuf schema requires. */
function checkMapped(p: Record<string, unknown>, issues: string[]): void {
  const pp = p as Partial<Phenopacket>;
  if (!pp.subject?.id) issues.push('subject.id: required, it links the phenopacket to a person');
  if (!pp.metaData) issues.push('metaData: required by Phenopackets v2');
  pp.phenotypicFeatures?.forEach(
    (f, i) => f.type?.id || issues.push(`phenotypicFeatures[${i}].type.id: required`),
  );
  pp.diseases?.forEach((d, i) => d.term?.id || issues.push(`diseases[${i}].term.id: required`));
  pp.measurements?.forEach((m, i) => m.assay?.id || issues.push(`measurements[${i}].assay.id: required`));
  pp.medicalActions?.forEach((a, i) => {
    if (a.treatment && !a.treatment.agent?.id)
      issues.push(`medicalActions[${i}].treatment.agent.id: required`);
    if (a.procedure && !a.procedure.code?.id) issues.push(`medicalActions[${i}].procedure.code.id: required`);
  });
}

/** Validates a parsed JSON value as a Phenopacket v2. */
export function validatePhenopacket(json: unknown): Validated {
  const issues: string[] = [];
  const value = checkMessage('Phenopacket', json, '', issues);
  if (value && !issues.length) checkMapped(value, issues);
  return issues.length ? { ok: false, issues } : { ok: true, value: value as unknown as Phenopacket };
}
