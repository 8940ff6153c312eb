import type { VcfHeader } from './header';

/**
 * INFO column (VCF 4.3 §1.6.1 column 8) to a JSON object for one ALT allele of a split record: values
 * typed by their header definition, per-allele fields (`Number=A`, `Number=R`) cut to this allele.
 */

type InfoValue = string | number | boolean | null | (string | number | null)[];

function typed(type: string, text: string): string | number | null {
  if (text === '.' || text === '') return null;
  if (type === 'Integer' || type === 'Float') {
    const n = Number(text);
    return Number.isFinite(n) ? n : text;
  }
  return text;
}

/** Parses INFO for the ALT allele at `altIndex` (0-based among ALTs). */
export function infoForAllele(info: string, header: VcfHeader, altIndex: number): Record<string, InfoValue> {
  const out: Record<string, InfoValue> = {};
  if (info === '.' || info === '') return out;
  for (const item of info.split(';')) {
    if (!item) continue;
    const eq = item.indexOf('=');
    const key = eq === -1 ? item : item.slice(0, eq);
    const def = header.info.get(key);
    if (eq === -1) {
      out[key] = true; // a Flag (Number=0)
      continue;
    }
    const raw = item.slice(eq + 1);
    const type = def?.type ?? 'String';
    const parts = raw.split(',');
    if (def?.number === 'A') out[key] = typed(type, parts[altIndex] ?? '.');
    else if (def?.number === 'R')
      out[key] = [typed(type, parts[0] ?? '.'), typed(type, parts[altIndex + 1] ?? '.')];
    else if (def?.number === '1' || parts.length === 1) out[key] = typed(type, raw);
    else out[key] = parts.map((p) => typed(type, p));
  }
  return out;
}

/**
 * True when `text` is a number written as JSON.stringify(Number(text)) would write it (no sign on zero,
 * no leading zeros, no trailing fractional zeros, at most 15 digits, not below 1e-6): then it is
 * copied as is, skipping a number-to-text conversion per value.
 */
function isCanonicalNumber(text: string): boolean {
  const n = text.length;
  if (n === 0 || n > 15) return false;
  let i = text.charCodeAt(0) === 45 ? 1 : 0;
  const intStart = i;
  while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  const intLen = i - intStart;
  if (intLen === 0 || (intLen > 1 && text.charCodeAt(intStart) === 48)) return false;
  const zeroInt = intLen === 1 && text.charCodeAt(intStart) === 48;
  if (i === n) return !(zeroInt && intStart === 1); // not -0
  if (text.charCodeAt(i) !== 46 || i === n - 1 || text.charCodeAt(n - 1) === 48) return false;
  let zeros = 0;
  let leading = true;
  for (let j = i + 1; j < n; j++) {
    const c = text.charCodeAt(j);
    if (c < 48 || c > 57) return false;
    if (leading && c === 48) zeros++;
    else leading = false;
  }
  return !(zeroInt && zeros >= 6);
}

/** JSON text of a typed value, as JSON.stringify writes it. */
function typedJson(type: string, text: string): string {
  if (text === '.' || text === '') return 'null';
  if (type === 'Integer' || type === 'Float') {
    if (isCanonicalNumber(text)) return text;
    const n = Number(text);
    if (Number.isFinite(n)) return String(n);
  }
  return JSON.stringify(text);
}

/** Keys an object would reorder or treat specially: those take `infoForAllele`. */
const AWKWARD_KEY = /^(\d+|__proto__)$/;

/** What writing one INFO key needs, worked out once per header and key (a cohort repeats its keys). */
interface KeyPlan {
  /** `"KEY":`, or undefined for a key that takes the object route. */
  json: string | undefined;
  type: string;
  number: string | undefined;
}

const plans = new WeakMap<VcfHeader, Map<string, KeyPlan>>();

function planOf(header: VcfHeader, key: string): KeyPlan {
  let byKey = plans.get(header);
  if (!byKey) plans.set(header, (byKey = new Map()));
  let plan = byKey.get(key);
  if (!plan) {
    const def = header.info.get(key);
    plan = {
      json: AWKWARD_KEY.test(key) ? undefined : `${JSON.stringify(key)}:`,
      type: def?.type ?? 'String',
      number: def?.number,
    };
    // Bounded: a file of ever-new keys (malformed INFO) must not grow it without end.
    if (byKey.size < 1024) byKey.set(key, plan);
  }
  return plan;
}

/**
 * `JSON.stringify(infoForAllele(info, header, altIndex))` without building the object (a hot path of
 * ingest); undefined when a key repeats or would be reordered by an object, so the caller takes the
 * object route. Held equal to it by a test.
 */
export function infoJsonForAllele(info: string, header: VcfHeader, altIndex: number): string | undefined {
  if (info === '.' || info === '') return '{}';
  let out = '{';
  // Keys seen on this line: most lines have a few, so a short list beats a Set.
  let keys: string[] | undefined;
  let start = 0;
  while (start <= info.length) {
    let end = info.indexOf(';', start);
    if (end === -1) end = info.length;
    if (end > start) {
      const eq = info.indexOf('=', start);
      const hasValue = eq !== -1 && eq < end;
      const key = hasValue ? info.slice(start, eq) : info.slice(start, end);
      const plan = planOf(header, key);
      if (plan.json === undefined) return undefined;
      if (keys === undefined) keys = [key];
      else if (keys.includes(key)) return undefined;
      else keys.push(key);
      if (out.length > 1) out += ',';
      out += plan.json;
      if (!hasValue) out += 'true';
      else {
        const raw = info.slice(eq + 1, end);
        const { type, number } = plan;
        const comma = raw.indexOf(',');
        if (number === 'A') {
          out += typedJson(
            type,
            comma === -1 ? (altIndex === 0 ? raw : '.') : (raw.split(',')[altIndex] ?? '.'),
          );
        } else if (number === 'R') {
          const parts = comma === -1 ? [raw] : raw.split(',');
          out += `[${typedJson(type, parts[0] ?? '.')},${typedJson(type, parts[altIndex + 1] ?? '.')}]`;
        } else if (number === '1' || comma === -1) out += typedJson(type, raw);
        else
          out += `[${raw
            .split(',')
            .map((p) => typedJson(type, p))
            .join(',')}]`;
      }
    }
    start = end + 1;
  }
  return out + '}';
}

/**
 * The gene symbol of the variant from INFO: `GENE`, dbSNP `GENEINFO` (`SYMBOL:id|...`), SnpEff `ANN`
 * (field 4, the annotation for this ALT preferred) or VEP `CSQ` (its `SYMBOL` field). Undefined if none.
 */
export function geneFromInfo(info: string, header: VcfHeader, alt: string): string | undefined {
  // Most INFO columns carry none of these: answer without splitting them (a hot path of ingest).
  if (!info.includes('GENE') && !info.includes('ANN=') && !info.includes('CSQ=')) return undefined;
  const fields = new Map<string, string>();
  for (const item of info.split(';')) {
    const eq = item.indexOf('=');
    if (eq > 0) fields.set(item.slice(0, eq), item.slice(eq + 1));
  }
  const gene = fields.get('GENE') ?? fields.get('GENEINFO')?.split(':')[0];
  if (gene) return gene.split(',')[0];
  const ann = fields.get('ANN');
  if (ann) {
    const entries = ann.split(',').map((e) => e.split('|'));
    const pick = entries.find((e) => e[0] === alt) ?? entries[0];
    if (pick?.[3]) return pick[3];
  }
  const csq = fields.get('CSQ');
  const symbolAt = header.csqFields?.indexOf('SYMBOL') ?? -1;
  if (csq && symbolAt >= 0) {
    // VEP drops the anchor base of indel alleles, so matching by allele is unreliable: take the first symbol.
    const withSymbol = csq
      .split(',')
      .map((e) => e.split('|')[symbolAt])
      .find((s) => s);
    if (withSymbol) return withSymbol;
  }
  return undefined;
}
