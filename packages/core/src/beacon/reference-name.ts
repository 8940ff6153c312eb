/**
 * Chromosome names as the node stores them: without `chr`, `M` as `MT` (the same rule as
 * `normaliseChrom` in packages/analytics/src/cohort/variant-key.ts, repeated here because core imports
 * no other package). RefSeq accessions of the primary assembly map to their chromosome. Pure.
 */

const CHROMOSOMES = new Set([...Array.from({ length: 22 }, (_, i) => String(i + 1)), 'X', 'Y', 'MT']);

// NC_0000NN.v: RefSeq accessions of chromosomes 1–22, X (23), Y (24); NC_012920 is the mitochondrion.
const REFSEQ = /^NC_0000(\d\d)\.\d+$/i;

/** The stored chromosome name for a Beacon `referenceName`, or null when it names no chromosome. */
export function normaliseReferenceName(raw: string): string | null {
  const trimmed = raw.trim();
  const refseq = REFSEQ.exec(trimmed);
  if (refseq) {
    const n = Number(refseq[1]);
    const name = n === 23 ? 'X' : n === 24 ? 'Y' : String(n);
    return CHROMOSOMES.has(name) ? name : null;
  }
  if (/^NC_012920\.\d+$/i.test(trimmed)) return 'MT';
  const bare = trimmed.replace(/^chr/i, '').toUpperCase();
  const name = bare === 'M' ? 'MT' : bare;
  return CHROMOSOMES.has(name) ? name : null;
}
