import type { NodeStore } from '@openehds/analytics';
import type { PermitStatus, SignedDocument } from '@openehds/core';

/**
 * The node's own copy of the permits that concern its data (DESIGN.md: the permit is policy). Filled
 * by `permit.update` tasks from the hub, one row per permit version; kept in the node store so a
 * restarted node still refuses work under a revoked permit without asking the hub.
 */
export interface RegisteredPermit {
  permitId: string;
  rootId: string;
  previousId: string | null;
  version: number;
  /** The hub's revision of this version's state; a lower one arriving late is ignored. */
  revision: number;
  status: PermitStatus;
  validFrom: string;
  validUntil: string;
  activeFrom: string;
  activeUntil: string | null;
  renewals: number;
  datasets: string[];
  persons: { name: string; email: string; role: string; orcid?: string }[];
  /** The permit as the HDAB signed it (Art. 68(10)), verified against the pinned hub key. */
  signed: SignedDocument;
  receivedAt: string;
}

const DDL = `CREATE TABLE IF NOT EXISTS permit_registry (
  permit_id VARCHAR PRIMARY KEY, root_id VARCHAR NOT NULL, previous_id VARCHAR, version INTEGER NOT NULL,
  revision INTEGER NOT NULL, status VARCHAR NOT NULL, valid_from VARCHAR NOT NULL, valid_until VARCHAR NOT NULL,
  active_from VARCHAR NOT NULL, active_until VARCHAR, renewals INTEGER NOT NULL, datasets VARCHAR NOT NULL,
  persons VARCHAR NOT NULL, signed VARCHAR NOT NULL, received_at VARCHAR NOT NULL)`;

const ready = new WeakMap<NodeStore, Promise<void>>();

/** Creates the registry table in the node store if it is missing (once per store). */
export function ensurePermitRegistry(store: NodeStore): Promise<void> {
  let pending = ready.get(store);
  if (!pending) {
    pending = store.run(DDL);
    pending.catch(() => ready.delete(store));
    ready.set(store, pending);
  }
  return pending;
}

/**
 * Stores one permit version's state unless the node already holds a later revision of it (deliveries
 * may arrive out of order). One statement, so concurrent tasks cannot interleave. Returns whether
 * the state was taken.
 */
export async function storePermit(store: NodeStore, p: RegisteredPermit): Promise<boolean> {
  await ensurePermitRegistry(store);
  const rows = await store.all<{ permit_id: string }>(
    `INSERT INTO permit_registry (permit_id, root_id, previous_id, version, revision, status, valid_from, valid_until,
       active_from, active_until, renewals, datasets, persons, signed, received_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
     ON CONFLICT (permit_id) DO UPDATE SET revision = excluded.revision, status = excluded.status,
       valid_from = excluded.valid_from, valid_until = excluded.valid_until, active_from = excluded.active_from,
       active_until = excluded.active_until, renewals = excluded.renewals, datasets = excluded.datasets,
       persons = excluded.persons, signed = excluded.signed, received_at = excluded.received_at
     WHERE excluded.revision >= permit_registry.revision
     RETURNING permit_id`,
    [
      p.permitId,
      p.rootId,
      p.previousId,
      p.version,
      p.revision,
      p.status,
      p.validFrom,
      p.validUntil,
      p.activeFrom,
      p.activeUntil,
      p.renewals,
      JSON.stringify(p.datasets),
      JSON.stringify(p.persons),
      JSON.stringify(p.signed),
      p.receivedAt,
    ],
  );
  return rows.length > 0;
}

function toRegistered(r: Record<string, unknown>): RegisteredPermit {
  return {
    permitId: r.permit_id as string,
    rootId: r.root_id as string,
    previousId: (r.previous_id as string | null) ?? null,
    version: Number(r.version),
    revision: Number(r.revision),
    status: r.status as PermitStatus,
    validFrom: r.valid_from as string,
    validUntil: r.valid_until as string,
    activeFrom: r.active_from as string,
    activeUntil: (r.active_until as string | null) ?? null,
    renewals: Number(r.renewals),
    datasets: JSON.parse(r.datasets as string) as string[],
    persons: JSON.parse(r.persons as string) as RegisteredPermit['persons'],
    signed: JSON.parse(r.signed as string) as SignedDocument,
    receivedAt: r.received_at as string,
  };
}

/** One stored permit version, or null if the hub never sent it. */
export async function findRegisteredPermit(
  store: NodeStore,
  permitId: string,
): Promise<RegisteredPermit | null> {
  await ensurePermitRegistry(store);
  const [row] = await store.all('SELECT * FROM permit_registry WHERE permit_id = $1', [permitId]);
  return row ? toRegistered(row) : null;
}

/** The version that replaced `permitId`, if the node has it (its closure may not have arrived yet). */
export async function successorOf(store: NodeStore, permitId: string): Promise<RegisteredPermit | null> {
  await ensurePermitRegistry(store);
  const [row] = await store.all(
    'SELECT * FROM permit_registry WHERE previous_id = $1 ORDER BY version DESC',
    [permitId],
  );
  return row ? toRegistered(row) : null;
}

/** Every stored permit version, newest chain first (for the holder's local view). */
export async function listRegisteredPermits(store: NodeStore): Promise<RegisteredPermit[]> {
  await ensurePermitRegistry(store);
  const rows = await store.all('SELECT * FROM permit_registry ORDER BY root_id, version');
  return rows.map(toRegistered);
}
