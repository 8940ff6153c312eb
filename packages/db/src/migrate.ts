import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './db';

const MIGRATIONS_DIR = join(import.meta.dirname, 'migrations');

/** The numbered migrations (`0001_name.sql` …), in order. */
export function listMigrations(): { version: number; name: string; sql: string }[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort()
    .map((f) => ({
      version: Number(f.slice(0, 4)),
      name: f.slice(5, -4),
      sql: readFileSync(join(MIGRATIONS_DIR, f), 'utf8'),
    }));
}

/**
 * Brings the store to the latest migration. Each migration runs in its own transaction together with
 * its bookkeeping row, so a failed migration leaves the store at the previous version. Both drivers
 * run the same files.
 */
export async function migrate(db: Db): Promise<number[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
  const done = new Set(
    (await db.query<{ version: number }>('SELECT version FROM schema_migration')).map((r) =>
      Number(r.version),
    ),
  );
  const applied: number[] = [];
  for (const m of listMigrations()) {
    if (done.has(m.version)) continue;
    await db.transaction(async (tx) => {
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migration (version, name) VALUES ($1, $2)', [m.version, m.name]);
    });
    applied.push(m.version);
  }
  return applied;
}
