import { z } from 'zod';
import type { Db, Queryable } from '@openehds/db';
import { forbidden, invalid, zodIssues, type JsonValue } from '@openehds/core';
import { appendIn } from '../audit/service';
import type { Principal } from '../auth/roles';
import type { FederatedNode } from '../federation/nodes';
import { isPermitStaff, permitFor } from '../permits/access';

/** The node message announcing a prepared extract (counts only). */
export const EXTRACT_PREPARED_MESSAGE = 'permit.extract-prepared';
/** The node message announcing a deleted extract (Art. 68(12)). */
export const EXTRACT_DELETED_MESSAGE = 'permit.extract-deleted';

const Count = z.number().int().min(0).max(1e12);
const Instant = z.iso.datetime({ offset: true });
// Strict: a node can send counts and dates, and nothing that could carry a person.
const Prepared = z
  .object({
    permitId: z.string().min(1).max(100),
    datasets: z.array(z.string().min(1).max(200)).max(100),
    persons: Count,
    excludedByOptOut: Count,
    notMatchable: Count,
    optOutApplied: z.boolean(),
    snapshotAt: Instant,
    registryVersion: Count,
    preparedAt: Instant,
  })
  .strict();
const Deleted = z
  .object({
    permitId: z.string().min(1).max(100),
    reason: z.enum(['revoked', 'expired', 'superseded']),
    deletedAt: Instant,
    persons: Count,
  })
  .strict();

/** A node's report of its extract for a permit version, as the hub shows it. */
export interface ExtractReport {
  nodeId: string;
  nodeName: string;
  country: string;
  status: 'prepared' | 'deleted';
  datasets: string[];
  persons: number;
  /** Null where a small count is withheld from the data user (below the hub's small-cell threshold). */
  excludedByOptOut: number | null;
  notMatchable: number | null;
  optOutApplied: boolean;
  snapshotAt: string;
  registryVersion: number;
  preparedAt: string;
  deletedAt: string | null;
  deletionReason: string | null;
}

function parse<S extends z.ZodType>(schema: S, body: JsonValue, what: string): z.infer<S> {
  const r = schema.safeParse(body);
  if (!r.success) {
    const issues = zodIssues(r.error);
    throw invalid(`the ${what} has ${issues.length} problem${issues.length === 1 ? '' : 's'}`, issues);
  }
  return r.data;
}

async function requireDelivered(db: Queryable, permitId: string, nodeId: string): Promise<void> {
  const [row] = await db.query(
    'SELECT 1 FROM permit_delivery WHERE permit_id = $1 AND node_id = $2 LIMIT 1',
    [permitId, nodeId],
  );
  if (!row)
    throw forbidden(`permit ${permitId} was never sent to this node; it cannot report an extract for it`);
}

/** Records a node's `permit.extract-prepared` report (counts only) and audits it. */
export async function recordExtractPrepared(
  db: Db,
  node: FederatedNode,
  body: JsonValue,
): Promise<{ recorded: true }> {
  const r = parse(Prepared, body, EXTRACT_PREPARED_MESSAGE);
  await requireDelivered(db, r.permitId, node.id);
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO permit_extract_report (permit_id, node_id, datasets, persons, excluded_by_opt_out, not_matchable,
         opt_out_applied, snapshot_at, registry_version, prepared_at)
       VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (permit_id, node_id) DO UPDATE SET datasets = excluded.datasets, persons = excluded.persons,
         excluded_by_opt_out = excluded.excluded_by_opt_out, not_matchable = excluded.not_matchable,
         opt_out_applied = excluded.opt_out_applied, snapshot_at = excluded.snapshot_at,
         registry_version = excluded.registry_version, prepared_at = excluded.prepared_at, received_at = now()
       WHERE permit_extract_report.deleted_at IS NULL`,
      [
        r.permitId,
        node.id,
        JSON.stringify(r.datasets),
        r.persons,
        r.excludedByOptOut,
        r.notMatchable,
        r.optOutApplied,
        r.snapshotAt,
        r.registryVersion,
        r.preparedAt,
      ],
    );
    await appendIn(tx, {
      actor: `node:${node.id}`,
      action: 'permit.extract-prepared',
      object: `permit:${r.permitId}`,
      outcome: 'success',
      details: {
        persons: r.persons,
        excludedByOptOut: r.excludedByOptOut,
        notMatchable: r.notMatchable,
        optOutApplied: r.optOutApplied,
        snapshotAt: r.snapshotAt,
        registryVersion: r.registryVersion,
      },
    });
  });
  return { recorded: true };
}

/** Records a node's `permit.extract-deleted` report (Art. 68(12)) and audits it. */
export async function recordExtractDeleted(
  db: Db,
  node: FederatedNode,
  body: JsonValue,
): Promise<{ recorded: boolean }> {
  const r = parse(Deleted, body, EXTRACT_DELETED_MESSAGE);
  await requireDelivered(db, r.permitId, node.id);
  return db.transaction(async (tx) => {
    const rows = await tx.query(
      `UPDATE permit_extract_report SET deleted_at = $3, deletion_reason = $4
       WHERE permit_id = $1 AND node_id = $2 AND deleted_at IS NULL RETURNING permit_id`,
      [r.permitId, node.id, r.deletedAt, r.reason],
    );
    await appendIn(tx, {
      actor: `node:${node.id}`,
      action: 'permit.extract-deleted',
      object: `permit:${r.permitId}`,
      outcome: 'success',
      details: { reason: r.reason, deletedAt: r.deletedAt, persons: r.persons },
    });
    return { recorded: rows.length > 0 };
  });
}

const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());

/**
 * The extracts the nodes prepared for a permit version, counts per node (Art. 68(12) recipe). Staff
 * see every count; a data user who may read the permit sees small exclusion counts withheld, since
 * differences between extracts must not single out a person who opted out.
 */
export async function permitExtracts(
  db: Db,
  p: Principal,
  permitId: string,
  smallCellThreshold: number,
): Promise<{ permitId: string; optOutException: boolean; nodes: ExtractReport[] }> {
  const permit = await permitFor(db, p, permitId);
  const rows = await db.query<Record<string, unknown>>(
    `SELECT r.*, n.name AS node_name, n.country FROM permit_extract_report r JOIN node n ON n.id = r.node_id
     WHERE r.permit_id = $1 ORDER BY n.name`,
    [permit.id],
  );
  const staff = isPermitStaff(p);
  const shown = (n: number) => (staff || n === 0 || n >= smallCellThreshold ? n : null);
  return {
    permitId: permit.id,
    optOutException: permit.content.optOutException?.granted === true,
    nodes: rows.map((r) => ({
      nodeId: r.node_id as string,
      nodeName: r.node_name as string,
      country: String(r.country).trim(),
      status: r.deleted_at ? 'deleted' : 'prepared',
      datasets: r.datasets as string[],
      persons: Number(r.persons),
      excludedByOptOut: shown(Number(r.excluded_by_opt_out)),
      notMatchable: shown(Number(r.not_matchable)),
      optOutApplied: r.opt_out_applied === true,
      snapshotAt: iso(r.snapshot_at)!,
      registryVersion: Number(r.registry_version),
      preparedAt: iso(r.prepared_at)!,
      deletedAt: iso(r.deleted_at),
      deletionReason: (r.deletion_reason as string | null) ?? null,
    })),
  };
}
