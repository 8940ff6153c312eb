/**
 * Positional parameters (`$1`, `$2`, …: the placeholder style DuckDB and PostgreSQL share). Every value
 * that comes from a cohort definition goes through here, never into the SQL text.
 */
export class SqlParams {
  readonly values: unknown[] = [];

  /** The placeholder of a new parameter holding `value`. */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  /** Placeholders for each value, comma-separated (for `IN (…)`). */
  list(values: readonly unknown[]): string {
    return values.map((v) => this.add(v)).join(', ');
  }
}
