import { ASSEMBLY_ALIASES, normaliseAssembly } from './assembly';
import { MAX_BASES_LENGTH, MAX_RANGE_BASES } from './limits';
import type { BeaconVariantQuery } from './query';
import { normaliseReferenceName } from './reference-name';
import type { BeaconRequestError } from './request-error';
import { readInt, readPositions, readString, show } from './parse-values';

/**
 * The variant part of a Beacon request (`g_variant` request parameters) → `BeaconVariantQuery`, or
 * errors naming each parameter at fault. Pure.
 *
 * Coordinates are taken as Beacon defines them — already 0-based, half-open (`start` inclusive, `end`
 * exclusive) — and are NOT converted: a caller holding a VCF POS p asks for start p − 1. The node's
 * store keeps the same convention (`start0`), so positions pass through unchanged.
 */

/** The variant request parameters of the Beacon v2 default model that this Beacon answers. */
export const VARIANT_PARAMETERS = [
  'referenceName',
  'start',
  'end',
  'referenceBases',
  'alternateBases',
  'variantType',
  'geneId',
  'assemblyId',
  'variantMinLength',
  'variantMaxLength',
] as const;
export type VariantParameter = (typeof VARIANT_PARAMETERS)[number];

/** Variant types a query may name: VCF 4.4 structural types and the Beacon short-variant types. */
export const BEACON_VARIANT_TYPES = [
  'SNP',
  'MNP',
  'INDEL',
  'INS',
  'DEL',
  'DUP',
  'INV',
  'CNV',
  'BND',
  'SV',
  'DUP:TANDEM',
  'DEL:ME',
  'INS:ME',
] as const;

// IUPAC nucleotide codes, `-`/`.` for an empty allele: the v2.1.1 model's ReferenceBases pattern.
const BASES = /^[ACGTUNRYSWKMBDHV.-]+$/;
// HGNC symbols (BRCA1, HLA-A, C4orf33), HGNC ids, Ensembl gene ids.
const GENE = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$/;

type Errors = BeaconRequestError[];

/**
 * Reads the variant parameters in `raw`; `name(p)` is how the caller spelt parameter p (for messages).
 * Returns undefined when no variant parameter was given.
 */
export function parseVariant(
  raw: Partial<Record<VariantParameter, unknown>>,
  name: (parameter: VariantParameter) => string,
  errors: Errors,
): BeaconVariantQuery | undefined {
  const given = VARIANT_PARAMETERS.filter((p) => raw[p] !== undefined);
  if (!given.length) return undefined;
  const before = errors.length;
  const out: Omit<BeaconVariantQuery, 'form'> = {};

  if (raw.assemblyId !== undefined) {
    const text = readString(raw.assemblyId, name('assemblyId'), errors);
    const assembly = text === undefined ? null : normaliseAssembly(text);
    if (text !== undefined && !assembly)
      errors.push({
        parameter: name('assemblyId'),
        message: `unknown assembly ${show(text)}; use ${ASSEMBLY_ALIASES.join(', ')}`,
      });
    if (assembly) out.assemblyId = assembly;
  }
  if (raw.referenceName !== undefined) {
    const text = readString(raw.referenceName, name('referenceName'), errors);
    const chrom = text === undefined ? null : normaliseReferenceName(text);
    if (text !== undefined && !chrom)
      errors.push({
        parameter: name('referenceName'),
        message: `${show(text)} names no chromosome; use 1–22, X, Y or MT (a chr prefix or RefSeq NC_ accession is accepted)`,
      });
    if (chrom) out.referenceName = chrom;
  }
  const start = raw.start === undefined ? undefined : readPositions(raw.start, name('start'), 0, errors);
  const end = raw.end === undefined ? undefined : readPositions(raw.end, name('end'), 1, errors);
  for (const p of ['referenceBases', 'alternateBases'] as const) {
    if (raw[p] === undefined) continue;
    const text = readString(raw[p], name(p), errors)?.toUpperCase();
    if (text === undefined) continue;
    if (!BASES.test(text) || text.length > MAX_BASES_LENGTH)
      errors.push({
        parameter: name(p),
        message: `${show(text)} is not a sequence of IUPAC bases (A, C, G, T, N, …; at most ${MAX_BASES_LENGTH})`,
      });
    else out[p] = text;
  }
  if (raw.variantType !== undefined) {
    const text = readString(raw.variantType, name('variantType'), errors)?.toUpperCase();
    if (text !== undefined && !(BEACON_VARIANT_TYPES as readonly string[]).includes(text))
      errors.push({
        parameter: name('variantType'),
        message: `unknown variant type ${show(text)}; use one of ${BEACON_VARIANT_TYPES.join(', ')}`,
      });
    else if (text !== undefined) out.variantType = text;
  }
  if (raw.geneId !== undefined) {
    const text = readString(raw.geneId, name('geneId'), errors);
    if (text !== undefined && !GENE.test(text))
      errors.push({
        parameter: name('geneId'),
        message: `${show(text)} is not a gene symbol or id (e.g. BRCA1, HGNC:1100)`,
      });
    else if (text !== undefined) out.geneId = text;
  }
  if (raw.variantMinLength !== undefined) {
    const n = readInt(raw.variantMinLength, name('variantMinLength'), 0, errors);
    if (n !== undefined) out.variantMinLength = n;
  }
  if (raw.variantMaxLength !== undefined) {
    const n = readInt(raw.variantMaxLength, name('variantMaxLength'), 1, errors);
    if (n !== undefined) out.variantMaxLength = n;
  }
  if (
    out.variantMinLength !== undefined &&
    out.variantMaxLength !== undefined &&
    out.variantMinLength > out.variantMaxLength
  )
    errors.push({
      parameter: name('variantMinLength'),
      message: `${out.variantMinLength} is greater than variantMaxLength ${out.variantMaxLength}`,
    });

  const form = queryForm(raw, start, end, out, name, errors);
  if (errors.length > before || !form) return undefined;
  return {
    form,
    ...out,
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
  };
}

/** Which Beacon query form the parameters make, checking the shape each form needs. */
function queryForm(
  raw: Partial<Record<VariantParameter, unknown>>,
  start: number[] | undefined,
  end: number[] | undefined,
  out: Omit<BeaconVariantQuery, 'form'>,
  name: (parameter: VariantParameter) => string,
  errors: Errors,
): BeaconVariantQuery['form'] | undefined {
  const located = raw.referenceName !== undefined || raw.start !== undefined || raw.end !== undefined;
  if (raw.geneId !== undefined) {
    if (located) {
      errors.push({
        parameter: name('geneId'),
        message: 'a gene query takes no referenceName, start or end; send either a gene or a location',
      });
      return undefined;
    }
    return 'gene';
  }
  if (!located) {
    errors.push({
      parameter: name('referenceName'),
      message: 'a variant query needs a location (referenceName and start) or a geneId',
    });
    return undefined;
  }
  if (raw.referenceName === undefined)
    errors.push({ parameter: name('referenceName'), message: 'required with start and end' });
  if (raw.start === undefined) {
    errors.push({ parameter: name('start'), message: 'required with referenceName (a 0-based position)' });
    return undefined;
  }
  // Values already rejected: their own errors say why.
  if (!start || (raw.end !== undefined && !end)) return undefined;

  if (start.length === 2) {
    if (end?.length !== 2) {
      errors.push({
        parameter: name('end'),
        message: 'a bracket query needs two ends (the smallest and largest end) with its two starts',
      });
      return undefined;
    }
    return checkBracket(start as [number, number], end as [number, number], name, errors);
  }
  if (end?.length === 2) {
    errors.push({
      parameter: name('start'),
      message: 'a bracket query needs two starts (the smallest and largest start) with its two ends',
    });
    return undefined;
  }
  if (end) return checkRange(start[0]!, end[0]!, name, errors);
  if (out.referenceBases !== undefined && out.alternateBases !== undefined) return 'sequence';
  if (raw.referenceBases !== undefined || raw.alternateBases !== undefined) {
    const missing = raw.referenceBases === undefined ? 'referenceBases' : 'alternateBases';
    if (raw[missing] === undefined)
      errors.push({
        parameter: name(missing),
        message: 'a sequence query needs referenceBases and alternateBases',
      });
    return undefined;
  }
  errors.push({
    parameter: name('end'),
    message:
      'a single start needs an end (range query) or referenceBases and alternateBases (sequence query)',
  });
  return undefined;
}

function checkRange(
  start: number,
  end: number,
  name: (parameter: VariantParameter) => string,
  errors: Errors,
): 'range' | undefined {
  if (start >= end) {
    errors.push({
      parameter: name('start'),
      message:
        start > end
          ? `start ${start} is after end ${end}`
          : `end must be greater than start (${start}): Beacon ranges are 0-based and half-open`,
    });
    return undefined;
  }
  if (end - start > MAX_RANGE_BASES) {
    errors.push({ parameter: name('end'), message: tooWide(end - start) });
    return undefined;
  }
  return 'range';
}

function checkBracket(
  start: [number, number],
  end: [number, number],
  name: (parameter: VariantParameter) => string,
  errors: Errors,
): 'bracket' | undefined {
  const before = errors.length;
  if (start[0] > start[1])
    errors.push({ parameter: name('start'), message: `the bracket ${start[0]},${start[1]} is reversed` });
  if (end[0] > end[1])
    errors.push({ parameter: name('end'), message: `the bracket ${end[0]},${end[1]} is reversed` });
  if (errors.length > before) return undefined;
  if (start[0] >= end[1]) {
    errors.push({
      parameter: name('start'),
      message: `the smallest start ${start[0]} is not before the largest end ${end[1]}`,
    });
    return undefined;
  }
  if (end[1] - start[0] > MAX_RANGE_BASES) {
    errors.push({ parameter: name('end'), message: tooWide(end[1] - start[0]) });
    return undefined;
  }
  return 'bracket';
}

const tooWide = (bases: number) =>
  `the query spans ${bases.toLocaleString('en')} bases; at most ${MAX_RANGE_BASES.toLocaleString('en')} (10 Mb) per query, ` +
  'so no single request lists a chromosome (an enumeration guard) — split it into narrower ranges';
