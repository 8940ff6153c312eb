import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { invalid } from '@openehds/core';
import { openPglite, openPostgres, type Db } from '@openehds/db';
import { checkpointFromJson, type AuditCheckpoint } from './checkpoint';
import { exportChainNdjson } from './export';
import { exportFhirNdjson } from './fhir-export';
import { verifyAudit, type StoreVerifyReport } from './service';

/**
 * The audit tools that run without a hub (`ehds audit verify | export`): they open the hub's store
 * directly, read only, and never migrate or create anything. A PGlite store must not be open in a
 * running hub at the same time (PGlite is single-process): stop the hub, or use PostgreSQL, or
 * verify an export fetched from `GET /api/audit/export`.
 */

/** Where the hub's store is: its data dir (PGlite) or a PostgreSQL URL. */
export interface HubStoreLocation {
  dataDir?: string;
  databaseUrl?: string;
}

/** Opens the hub store as it is (no migration), after checking the audit tables are there. */
export async function openHubStoreAsIs(where: HubStoreLocation): Promise<Db> {
  let db: Db;
  if (where.databaseUrl) db = await openPostgres(where.databaseUrl);
  else {
    if (!where.dataDir)
      throw invalid('give the hub data dir (--data-dir) or a PostgreSQL URL (--database-url)');
    const dir = join(resolve(where.dataDir), 'hub-store');
    if (!existsSync(join(dir, 'PG_VERSION'))) {
      throw invalid(
        `no hub store in ${resolve(where.dataDir)} (looked for ${dir}); give the --data-dir the hub runs with`,
      );
    }
    db = await openPglite(dir);
  }
  const [row] = await db.query<{ events: string | null; checkpoints: string | null }>(
    `SELECT to_regclass('audit_event')::text AS events, to_regclass('audit_checkpoint')::text AS checkpoints`,
  );
  if (!row?.events) {
    await db.close();
    throw invalid('this store has no audit log (table audit_event); is it a hub store?');
  }
  if (!row.checkpoints) {
    await db.close();
    throw invalid(
      'this store predates signed checkpoints (migration 0005); start the hub once to migrate it',
    );
  }
  return db;
}

/** Verifies the hub store at `where`. */
export async function verifyHubStore(
  where: HubStoreLocation,
  options: { publicKey?: string; anchors?: readonly AuditCheckpoint[] } = {},
): Promise<StoreVerifyReport> {
  const db = await openHubStoreAsIs(where);
  try {
    return await verifyAudit(db, options);
  } finally {
    await db.close();
  }
}

/** Writes the audit export (`chain`: events, checkpoints, key; `fhir`: AuditEvent NDJSON) to `out`. */
export async function exportHubStore(
  where: HubStoreLocation,
  out: string,
  format: 'chain' | 'fhir' = 'chain',
): Promise<void> {
  const db = await openHubStoreAsIs(where);
  try {
    const chunks = format === 'fhir' ? exportFhirNdjson(db) : exportChainNdjson(db);
    await pipeline(Readable.from(chunks), createWriteStream(out));
  } finally {
    await db.close();
  }
}

/**
 * Checkpoints kept elsewhere, to check the log against: an earlier export file, NDJSON of
 * checkpoints, or the JSON answer of `GET /api/audit/checkpoints`.
 */
export function readAnchors(path: string): AuditCheckpoint[] {
  const text = readFileSync(path, 'utf8');
  const pick = (v: unknown): AuditCheckpoint | null => {
    const r = v as Record<string, unknown> | null;
    if (!r || typeof r !== 'object' || typeof r.signature !== 'string' || typeof r.hash !== 'string')
      return null;
    if (r.kind !== undefined && r.kind !== 'checkpoint') return null;
    return checkpointFromJson(r);
  };
  try {
    const whole = JSON.parse(text) as { checkpoints?: unknown[] };
    if (Array.isArray(whole?.checkpoints)) return whole.checkpoints.map(pick).filter((c) => c !== null);
  } catch {
    // not one JSON document: NDJSON
  }
  const out: AuditCheckpoint[] = [];
  for (const line of text.split('\n')) {
    if (!line.includes('"checkpoint"') && !line.includes('"signature"')) continue;
    try {
      const c = pick(JSON.parse(line));
      if (c) out.push(c);
    } catch {
      throw invalid(`${path}: a line is not JSON; give an audit export or the checkpoints JSON`);
    }
  }
  return out;
}
