import { invalid, type BeaconVariantQuery } from '@openehds/core';

/**
 * A Beacon variant query (issue 5 §2) turned into one matching rule over stored variants. Pure.
 *
 * Coordinates are Beacon's: 0-based, half-open. A stored variant spans [start0, end0) with
 * end0 = start0 + length(REF) (its reference span; an insertion spans its anchor base).
 * - sequence: start0 = start, and REF/ALT equal the query's alleles after the same parsimonious trim
 *   ingest applies (shared suffix, then prefix, keeping one base; the start moves right by the prefix
 *   trimmed), so `referenceBases: 'AT', alternateBases: 'A'` at the anchor finds the stored deletion;
 * - range: the variant overlaps [start, end): start0 < end and end0 > start;
 * - bracket: start[0] ≤ start0 ≤ start[1] and end[0] ≤ end0 ≤ end[1] (both brackets inclusive);
 * - gene: the `gene` column, case-insensitive.
 * Optional on every form: `alternateBases` (N matches any one base), `referenceBases` (range forms,
 * same wildcard), `variantType` (INDEL also matches INS and DEL), min/max length, where a variant's
 * length is the longer of its two alleles (a SNP is 1, a deletion of 4 bases after its anchor is 5).
 */
export interface VariantMatch {
  /** Chromosome as stored (no `chr`, `M` → `MT`); absent for gene queries. */
  chrom?: string;
  /** Bounds on start0, inclusive. */
  startMin: number;
  startMax: number;
  /** Bounds on end0, inclusive. */
  endMin: number;
  endMax: number;
  ref?: AllelePattern;
  alt?: AllelePattern;
  /** Stored `variant_type` values accepted. */
  types?: string[];
  minLength?: number;
  maxLength?: number;
  /** Upper-cased gene symbol. */
  gene?: string;
}

/** An allele to match: exact bases, or with `N` as a one-base wildcard. */
export interface AllelePattern {
  bases: string;
  wildcard: boolean;
}

/** A stored variant as the matcher sees it. */
export interface MatchableVariant {
  chrom: string;
  start0: number;
  ref: string;
  alt: string;
  variantType: string | null;
  gene?: string | null;
}

/** Widest range a range or bracket query may cover, so one request cannot walk a whole chromosome. */
export const MAX_RANGE_BASES = 10_000_000;

const TYPE_ALIASES: Record<string, string[]> = {
  SNP: ['SNP'],
  SNV: ['SNP'],
  MNP: ['MNP'],
  INS: ['INS'],
  DEL: ['DEL'],
  INDEL: ['INDEL', 'INS', 'DEL'],
  SV: ['SV'],
};

/** The chromosome as the store spells it (mirrors ingest's `normaliseChrom`). */
export function storedChrom(name: string): string {
  const bare = name.replace(/^chr/i, '').toUpperCase();
  return bare === 'M' ? 'MT' : bare;
}

function pattern(bases: string | undefined, field: string): AllelePattern | undefined {
  if (bases === undefined) return undefined;
  const upper = bases.toUpperCase();
  if (!/^[ACGTN]+$/.test(upper))
    throw invalid(`${field} must be DNA bases (A, C, G, T, N)`, [{ path: field, message: 'DNA bases' }]);
  return { bases: upper, wildcard: upper.includes('N') };
}

/** Trims the shared suffix then prefix of two alleles (as ingest does); N never counts as shared. */
export function trimPair(
  start0: number,
  ref: string,
  alt: string,
): { start0: number; ref: string; alt: string } {
  let r = ref;
  let a = alt;
  while (r.length > 1 && a.length > 1 && r.at(-1) === a.at(-1) && r.at(-1) !== 'N') {
    r = r.slice(0, -1);
    a = a.slice(0, -1);
  }
  let s = start0;
  while (r.length > 1 && a.length > 1 && r[0] === a[0] && r[0] !== 'N') {
    r = r.slice(1);
    a = a.slice(1);
    s++;
  }
  return { start0: s, ref: r, alt: a };
}

/**
 * Builds the matching rule of a variant query, checking the assembly against the node's. Throws an
 * `invalid` AppError naming the parameter at fault.
 */
export function variantMatch(q: BeaconVariantQuery, nodeAssembly: string): VariantMatch {
  if (q.assemblyId !== undefined && q.assemblyId.toUpperCase() !== nodeAssembly.toUpperCase()) {
    throw invalid(
      `assemblyId ${q.assemblyId} is not served here: this node's variants are on ${nodeAssembly}`,
      [{ path: 'assemblyId', message: `this node serves ${nodeAssembly}` }],
    );
  }
  const m: VariantMatch = {
    startMin: 0,
    startMax: Number.MAX_SAFE_INTEGER,
    endMin: 0,
    endMax: Number.MAX_SAFE_INTEGER,
  };
  const type = q.variantType?.toUpperCase();
  if (type !== undefined) {
    const types = TYPE_ALIASES[type];
    if (!types)
      throw invalid(`variantType ${q.variantType} is not one of ${Object.keys(TYPE_ALIASES).join(', ')}`, [
        { path: 'variantType', message: 'unknown variant type' },
      ]);
    m.types = types;
  }
  if (q.variantMinLength !== undefined) m.minLength = q.variantMinLength;
  if (q.variantMaxLength !== undefined) m.maxLength = q.variantMaxLength;
  if (q.form === 'gene') {
    if (!q.geneId) throw invalid('a gene query needs geneId', [{ path: 'geneId', message: 'required' }]);
    m.gene = q.geneId.toUpperCase();
    m.alt = pattern(q.alternateBases, 'alternateBases');
    return m;
  }
  if (!q.referenceName)
    throw invalid('a position query needs referenceName', [{ path: 'referenceName', message: 'required' }]);
  m.chrom = storedChrom(q.referenceName);
  const start = q.start ?? [];
  const end = q.end ?? [];
  if (!start.length) throw invalid('a position query needs start', [{ path: 'start', message: 'required' }]);
  if (q.form === 'sequence') {
    const ref = pattern(q.referenceBases, 'referenceBases');
    const alt = pattern(q.alternateBases, 'alternateBases');
    if (!ref || !alt)
      throw invalid('a sequence query needs referenceBases and alternateBases', [
        { path: ref ? 'alternateBases' : 'referenceBases', message: 'required' },
      ]);
    const t = trimPair(start[0]!, ref.bases, alt.bases);
    m.startMin = m.startMax = t.start0;
    m.endMin = m.endMax = t.start0 + t.ref.length;
    m.ref = { bases: t.ref, wildcard: t.ref.includes('N') };
    m.alt = { bases: t.alt, wildcard: t.alt.includes('N') };
    return m;
  }
  m.ref = pattern(q.referenceBases, 'referenceBases');
  m.alt = pattern(q.alternateBases, 'alternateBases');
  if (q.form === 'range') {
    if (end.length !== 1)
      throw invalid('a range query needs one end', [{ path: 'end', message: 'one value' }]);
    checkSpan(start[0]!, end[0]!, 'end');
    // Overlap of [start0, end0) with [start, end): start0 < end and end0 > start.
    m.startMax = end[0]! - 1;
    m.endMin = start[0]! + 1;
    return m;
  }
  if (start.length !== 2 || end.length !== 2)
    throw invalid('a bracket query needs two starts and two ends', [
      { path: start.length !== 2 ? 'start' : 'end', message: 'two values' },
    ]);
  checkSpan(start[0]!, start[1]! + 1, 'start');
  checkSpan(end[0]!, end[1]! + 1, 'end');
  [m.startMin, m.startMax, m.endMin, m.endMax] = [start[0]!, start[1]!, end[0]!, end[1]!];
  return m;
}

function checkSpan(from: number, to: number, field: string): void {
  if (!(to > from))
    throw invalid(`${field} must lie after start`, [
      { path: field, message: 'an empty or reversed interval' },
    ]);
  if (to - from > MAX_RANGE_BASES)
    throw invalid(`the queried interval covers ${to - from} bases; at most ${MAX_RANGE_BASES} per query`, [
      { path: field, message: `at most ${MAX_RANGE_BASES} bases` },
    ]);
}

/** True when the allele equals the pattern (N in the pattern matches any one base). */
export function alleleMatches(p: AllelePattern, allele: string): boolean {
  if (!p.wildcard) return p.bases === allele;
  if (p.bases.length !== allele.length) return false;
  for (let i = 0; i < allele.length; i++) if (p.bases[i] !== 'N' && p.bases[i] !== allele[i]) return false;
  return true;
}

/** True when a stored variant satisfies the rule. */
export function matchesVariant(m: VariantMatch, v: MatchableVariant): boolean {
  if (m.chrom !== undefined && v.chrom !== m.chrom) return false;
  if (m.gene !== undefined && (v.gene ?? '').toUpperCase() !== m.gene) return false;
  const end0 = v.start0 + v.ref.length;
  if (v.start0 < m.startMin || v.start0 > m.startMax || end0 < m.endMin || end0 > m.endMax) return false;
  if (m.ref && !alleleMatches(m.ref, v.ref)) return false;
  if (m.alt && !alleleMatches(m.alt, v.alt)) return false;
  if (m.types && !m.types.includes(v.variantType ?? '')) return false;
  const length = Math.max(v.ref.length, v.alt.length);
  if (m.minLength !== undefined && length < m.minLength) return false;
  if (m.maxLength !== undefined && length > m.maxLength) return false;
  return true;
}
