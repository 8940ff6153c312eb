/**
 * The limits a request must respect, each with the reason it exists (issue 5 §2 bad input, §3 against
 * enumeration). Pure constants shared by the node's Beacon and the hub's Beacon network.
 */

/** The Beacon v2 schemas we implement and validate against (`../shared/conformance/beacon-v2/v2.1.1`). */
export const BEACON_API_VERSION = 'v2.1.1';

/**
 * Widest range (or bracket span) one query may cover: 10 Mb. A wider window returns so many variants
 * that a caller could page through a whole chromosome (enumeration, 1+MG query budgets, EHDS.md §16) and
 * it costs the node a scan of a large share of its store for one request.
 */
export const MAX_RANGE_BASES = 10_000_000;

/** Records per page at most; a client pages with `skip` (Beacon `pagination`). */
export const MAX_LIMIT = 100;

/** Records per page when the request names no `limit` (the Beacon schema's default). */
export const DEFAULT_LIMIT = 10;

/** Filters per request at most: more terms narrow a cohort until it singles a person out. */
export const MAX_FILTERS = 20;

/** Longest `referenceBases` / `alternateBases` accepted (a large indel, not a sequence upload). */
export const MAX_BASES_LENGTH = 1000;
