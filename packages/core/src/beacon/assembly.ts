/**
 * Genome assemblies this Beacon understands. Callers write them several ways (`GRCh38`, `hg38`,
 * `GRCh38.p14`); every alias maps to the GRC name the node's data declares. Pure.
 */

export const BEACON_ASSEMBLIES = ['GRCh37', 'GRCh38'] as const;
export type BeaconAssembly = (typeof BEACON_ASSEMBLIES)[number];

// UCSC names and GRC patch releases name the same coordinate system as the GRC major release.
const ALIASES: Record<string, BeaconAssembly> = {
  grch37: 'GRCh37',
  hg19: 'GRCh37',
  grch38: 'GRCh38',
  hg38: 'GRCh38',
};

/** The GRC name of an assembly alias (`hg38` → `GRCh38`, `GRCh37.p13` → `GRCh37`), or null if unknown. */
export function normaliseAssembly(raw: string): BeaconAssembly | null {
  const key = raw
    .trim()
    .toLowerCase()
    .replace(/\.p\d+$/, '');
  return ALIASES[key] ?? null;
}

/** The accepted spellings, for error messages. */
export const ASSEMBLY_ALIASES = ['GRCh37', 'GRCh38', 'hg19', 'hg38'] as const;
