/**
 * The variant box of the genomic search (issue 5 §5), read into a Beacon variant query. Pure.
 *
 * People write positions the way VCF, dbSNP, gnomAD and genome browsers print them: 1-based, a range
 * with both ends included. Beacon v2 counts from 0 with half-open intervals (`start` inclusive, `end`
 * exclusive), so 1-based position p is Beacon `start` p − 1 and the 1-based range a–b is Beacon
 * [a − 1, b). The conversion happens here, once, and the page shows both so nobody has to guess.
 *
 * Accepted forms (spaces and thousands separators tolerated, `chr` optional, `M` read as `MT`):
 * - an allele: `17:43044295 G>A`, `chr17:43044295G>A`, `17-43044295-G-A` (gnomAD), `17:43044295:G:A`;
 * - a range: `17:43044000-43045000`, or a single base `17:43044295`;
 * - a gene: `BRCA1`, `HLA-A`, `HGNC:1100`, `ENSG00000012048`.
 * Every refusal names what is wrong and how to write it instead.
 */

/** Widest range one query may cover: mirrors MAX_RANGE_BASES of @openehds/core (the Beacon refuses more). */
export const MAX_RANGE_BASES = 10_000_000;
/** Longest allele accepted: mirrors MAX_BASES_LENGTH of @openehds/core. */
export const MAX_BASES_LENGTH = 1000;
// Past the end of the longest human chromosome (chr1, 248,956,422 bases on GRCh38): surely a typo.
const MAX_POSITION = 250_000_000;

/** What the box holds, in 1-based terms as typed and in Beacon's 0-based terms. */
export type VariantInput =
  | {
      kind: 'allele';
      referenceName: string;
      /** As typed: the VCF POS of the first reference base. */
      position: number;
      /** Beacon `start`: position − 1. */
      start0: number;
      referenceBases: string;
      alternateBases: string;
    }
  | {
      kind: 'range';
      referenceName: string;
      /** First and last base as typed (1-based, both included). */
      from: number;
      to: number;
      /** Beacon [start0, end0): from − 1 and to. */
      start0: number;
      end0: number;
    }
  | { kind: 'gene'; geneId: string };

export type VariantReading = { ok: true; input: VariantInput } | { ok: false; error: string };

const CHROMOSOMES = new Set([...Array.from({ length: 22 }, (_, i) => String(i + 1)), 'X', 'Y', 'MT']);
const BASES = /^[ACGTN]+$/;
// HGNC symbols start with a letter (BRCA1, HLA-A, C4orf33); HGNC and Ensembl ids as Beacon allows.
const GENE_SYMBOL = /^[A-Za-z][A-Za-z0-9-]*(\.\d+)?$/;
const GENE_ID = /^(HGNC:\d+|ENSG\d{11}(\.\d+)?)$/i;
const LOCATED = /^(chr)?([0-9]{1,2}|[XYM]|MT)\s*[:\s-]\s*(.*)$/i;

/** The chromosome as Beacon and the nodes name it (`chr17` → `17`, `chrM` → `MT`), or null. */
export function chromosomeName(raw: string): string | null {
  const bare = raw.trim().replace(/^chr/i, '').toUpperCase();
  const name = bare === 'M' ? 'MT' : bare;
  return CHROMOSOMES.has(name) ? name : null;
}

/** Reads the variant box; an empty box is `null` (no variant: a phenotype-only search). */
export function readVariantInput(text: string): VariantReading | null {
  const raw = text.trim();
  if (!raw) return null;
  if (GENE_ID.test(raw)) return { ok: true, input: { kind: 'gene', geneId: raw.toUpperCase() } };

  const located = LOCATED.exec(raw);
  if (!located) {
    const bareChrom = chromosomeName(raw);
    if (bareChrom || /^chr/i.test(raw))
      return bareChrom
        ? fail(`add a position after the chromosome, e.g. ${raw}:43044295 or ${raw}:43044000-43045000`)
        : fail(`“${raw}” names no chromosome: use 1–22, X, Y or MT (a chr prefix is fine)`);
    if (/^\d/.test(raw) && !/[:\s]/.test(raw))
      return fail(`“${raw}” names no chromosome: use 1–22, X, Y or MT, then a position (17:43044295)`);
    if (GENE_SYMBOL.test(raw) && raw.length <= 64)
      return { ok: true, input: { kind: 'gene', geneId: raw.toUpperCase() } };
    const chromPart = /^([^:\s]+)\s*:/.exec(raw)?.[1];
    if (chromPart && !chromosomeName(chromPart))
      return fail(`“${chromPart}” names no chromosome: use 1–22, X, Y or MT (a chr prefix is fine)`);
    return fail('write an allele (17:43044295 G>A), a range (17:43044000-43045000) or a gene symbol (BRCA1)');
  }

  const referenceName = chromosomeName(located[2]!);
  if (!referenceName)
    return fail(
      `“${(located[1] ?? '') + located[2]!}” names no chromosome: use 1–22, X, Y or MT (a chr prefix is fine)`,
    );
  const rest = located[3]!.trim();
  const pos = /^([\d,]+)(.*)$/.exec(rest);
  if (!pos) {
    // Mitochondrial genes are written MT-ND1, MT-CO1: a symbol, not chromosome MT.
    if (GENE_SYMBOL.test(raw)) return { ok: true, input: { kind: 'gene', geneId: raw.toUpperCase() } };
    return fail(`give a position after chromosome ${referenceName}: a whole number from 1`);
  }
  const position = readPosition(pos[1]!);
  if (typeof position === 'string') return fail(position);
  const tail = pos[2]!.trim();

  // A single base: the variants overlapping it.
  if (!tail) return range(referenceName, position, position);

  const rangeEnd = /^-\s*([\d,]+)$/.exec(tail);
  if (rangeEnd) {
    const to = readPosition(rangeEnd[1]!);
    if (typeof to === 'string') return fail(`range end: ${to}`);
    return range(referenceName, position, to);
  }

  const allele =
    /^([A-Za-z]+)\s*>\s*([A-Za-z]*)$/.exec(tail) ??
    /^[-:\s]\s*([A-Za-z]+)\s*[-:\s]\s*([A-Za-z]+)$/.exec(tail);
  if (allele) return readAllele(referenceName, position, allele[1]!, allele[2]!);
  return fail(
    `could not read “${tail}” after the position: write the alleles as REF>ALT (G>A) or the end of a range (-43045000)`,
  );
}

function readAllele(referenceName: string, position: number, ref: string, alt: string): VariantReading {
  const referenceBases = ref.toUpperCase();
  const alternateBases = alt.toUpperCase();
  if (!alternateBases) return fail('give the alternate bases after “>”, e.g. G>A');
  for (const [what, bases] of [
    ['reference', referenceBases],
    ['alternate', alternateBases],
  ] as const) {
    if (!BASES.test(bases)) return fail(`the ${what} bases “${bases}” may hold only A, C, G, T or N`);
    if (bases.length > MAX_BASES_LENGTH)
      return fail(`the ${what} bases are ${bases.length} long; at most ${MAX_BASES_LENGTH}`);
  }
  if (referenceBases === alternateBases)
    return fail(`the alternate bases equal the reference (${referenceBases}): that is no variant`);
  return {
    ok: true,
    input: { kind: 'allele', referenceName, position, start0: position - 1, referenceBases, alternateBases },
  };
}

function range(referenceName: string, from: number, to: number): VariantReading {
  if (to < from) return fail(`the range ends (${sep(to)}) before it starts (${sep(from)})`);
  const width = to - from + 1;
  if (width > MAX_RANGE_BASES)
    return fail(
      `the range spans ${sep(width)} bases; at most ${sep(MAX_RANGE_BASES)} (10 Mb) per search — narrow it`,
    );
  return { ok: true, input: { kind: 'range', referenceName, from, to, start0: from - 1, end0: to } };
}

function readPosition(text: string): number | string {
  const digits = text.replace(/,/g, '');
  if (!/^\d+$/.test(digits)) return `“${text}” is not a position: use a whole number from 1`;
  const n = Number(digits);
  if (n < 1) return 'positions count from 1 here (as in VCF and genome browsers): the first base is 1';
  if (n > MAX_POSITION) return `${sep(n)} is past the end of every human chromosome`;
  return n;
}

const sep = (n: number) => n.toLocaleString('en');
const fail = (error: string): VariantReading => ({ ok: false, error });
