/**
 * Types of the data permit lifecycle (EHDS.md §5, §8). A permit is a chain of versions: amendment and
 * renewal each issue a new permit id (TEHDAS2 D6.4) and close the previous version, so every version
 * that ever governed access stays on record with the dates it was active.
 */

/** D6.4 permit statuses; the lifecycle is in ./README.md. */
export type PermitStatus = 'GRANTED' | 'AMENDED' | 'RENEWED' | 'REVOKED' | 'EXPIRED';

/** One version of a data permit (Art. 68(10)); content (persons, datasets, …) lives beside it. */
export interface PermitVersion {
  permitId: string;
  status: PermitStatus;
  /** 1 for the original grant, +1 for each amendment or renewal in the chain. */
  version: number;
  /** The version this one replaced; null for the original grant. */
  previousPermitId: string | null;
  /** The original grant's id, shared by the whole chain. */
  rootPermitId: string;
  /** Start of the access period (Art. 68(10)(e)). */
  validFrom: Date;
  /** End of the access period, exclusive: the permit is valid while now < validUntil. */
  validUntil: Date;
  /** When this version started to govern access. */
  activeFrom: Date;
  /** When this version stopped governing access (superseded, revoked, expired); null while current. */
  activeUntil: Date | null;
  /** Renewals in the chain so far; Art. 68(12) allows one. */
  renewals: number;
}

/** An old version closed and its successor, to be stored together. */
export interface PermitSuccession {
  /** The current version with `activeUntil` set; its status is unchanged. */
  previous: PermitVersion;
  next: PermitVersion;
}

/** A permit that ended (revoked or expired), with its SPE deletion deadline. */
export interface PermitEnding {
  permit: PermitVersion;
  endedAt: Date;
  /** Art. 68(12): the SPE data are deleted within 6 months of the end. */
  deletionDueAt: Date;
  /** Art. 63 enforcement reason, for a revocation. */
  reason?: string;
}
