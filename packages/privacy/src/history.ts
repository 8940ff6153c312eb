import type { Cohort } from './cohort';

/**
 * The cohorts already answered under a permit, for the differencing guard and the repeat lockout.
 * The engine reads and appends through this interface; the hub or node persists it (cohorts as
 * `encodeCohort` bytes). Calls for one permit must be serialised by the caller (a per-permit lock or
 * `SELECT … FOR UPDATE`), or two differencing queries sent at once could both pass the check.
 */
export interface HistoryEntry {
  /** When it was answered (ISO 8601 UTC). */
  at: string;
  /** Canonical key of the query definition, when the caller has one. */
  queryKey?: string;
  /** `cohortDigest` of the people counted. */
  digest: string;
  /** The people counted. */
  cohort: Cohort;
}

export interface QueryHistory {
  /** Entries answered under the permit, oldest first. */
  list(permitId: string): Promise<readonly HistoryEntry[]>;
  /** Appends an answered query. */
  append(permitId: string, entry: HistoryEntry): Promise<void>;
}

/** An in-memory history, for tests and single-process demos. */
export class InMemoryQueryHistory implements QueryHistory {
  private readonly byPermit = new Map<string, HistoryEntry[]>();

  async list(permitId: string): Promise<readonly HistoryEntry[]> {
    return this.byPermit.get(permitId) ?? [];
  }

  async append(permitId: string, entry: HistoryEntry): Promise<void> {
    const list = this.byPermit.get(permitId) ?? [];
    list.push(entry);
    this.byPermit.set(permitId, list);
  }
}
