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
 * The gene symbol of the variant from INFO: `GENE`, dbSNP `GENEINFO` (`SYMBOL:id|...`), SnpEff `ANN`
 * (field 4, the annotation for this ALT preferred) or VEP `CSQ` (its `SYMBOL` field). Undefined if none.
 */
export function geneFromInfo(info: string, header: VcfHeader, alt: string): string | undefined {
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
