/**
 * Person ids by identifier (system, value), as registered in `person_identifier`. Kept in memory for the
 * whole run (the one structure allowed to grow with the input) and looked up for every record, so it is
 * keyed per system without building a joined key string per lookup.
 */
export class PersonIndex {
  private readonly bySystem = new Map<string, Map<string, number>>();
  private count = 0;

  /**
   * Identifiers registered: it only grows, and an identifier's person never changes, so whoever caches
   * lookups knows them current while it is unchanged.
   */
  get size(): number {
    return this.count;
  }

  /** The person id registered for this identifier, if any. */
  get(system: string, value: string): number | undefined {
    return this.bySystem.get(system)?.get(value);
  }

  /** Registers an identifier. */
  set(system: string, value: string, personId: number): void {
    let values = this.bySystem.get(system);
    if (!values) this.bySystem.set(system, (values = new Map()));
    if (!values.has(value)) this.count++;
    values.set(value, personId);
  }
}

/** An index of registered identifiers (rows of `person_identifier`). */
export function personIndexOf(
  rows: readonly { system: string; value: string; person_id: number }[],
): PersonIndex {
  const index = new PersonIndex();
  for (const r of rows) index.set(r.system, r.value, r.person_id);
  return index;
}
