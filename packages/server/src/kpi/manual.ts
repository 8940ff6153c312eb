import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '@openehds/db';
import { conflict, notFound } from '@openehds/core';
import { appendIn } from '../audit/service';
import type { Principal } from '../auth/roles';
import type { Direction } from './arithmetic';

/**
 * Manual KPIs (issue 6 §6): what the platform cannot measure itself (stakeholder satisfaction, AI
 * Factory hours, trainings held…), kept by HDAB staff with a target and dated values. Every change is
 * audited in the same transaction.
 */

/** A manual KPI with all its recorded values, oldest first. */
export interface ManualKpi {
  id: string;
  key: string;
  title: string;
  unit: string;
  description: string | null;
  target: number | null;
  direction: Direction;
  values: { date: string; value: number; note: string | null }[];
  updatedAt: string;
}

/** What staff give to create a KPI. */
export interface ManualKpiInput {
  key: string;
  title: string;
  unit: string;
  description?: string | null;
  target?: number | null;
  direction: Direction;
}

/** What may change afterwards: everything but the key (exports and roadmap links refer to it). */
export type ManualKpiPatch = Partial<Omit<ManualKpiInput, 'key'>>;

const actor = (p: Principal) => `account:${p.username}`;

interface Row {
  id: string;
  key: string;
  title: string;
  unit: string;
  description: string | null;
  target: number | null;
  direction: Direction;
  updated_at: string;
}

async function valuesOf(db: Queryable, ids: string[]) {
  if (!ids.length) return new Map<string, ManualKpi['values']>();
  const rows = await db.query<{ kpi_id: string; on_date: string; value: number; note: string | null }>(
    `SELECT kpi_id, to_char(on_date, 'YYYY-MM-DD') AS on_date, value, note FROM kpi_manual_value
     WHERE kpi_id = ANY($1::uuid[]) ORDER BY on_date`,
    [ids],
  );
  const out = new Map<string, ManualKpi['values']>();
  for (const r of rows)
    (out.get(r.kpi_id) ?? out.set(r.kpi_id, []).get(r.kpi_id)!).push({
      date: r.on_date,
      value: Number(r.value),
      note: r.note,
    });
  return out;
}

function toKpi(r: Row, values: ManualKpi['values']): ManualKpi {
  return {
    id: r.id,
    key: r.key,
    title: r.title,
    unit: r.unit,
    description: r.description,
    target: r.target === null ? null : Number(r.target),
    direction: r.direction,
    values,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/** Every manual KPI with its values, by key. */
export async function listManualKpis(db: Queryable): Promise<ManualKpi[]> {
  const rows = await db.query<Row>('SELECT * FROM kpi_manual ORDER BY key');
  const values = await valuesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toKpi(r, values.get(r.id) ?? []));
}

/** One manual KPI, or 404. */
export async function loadManualKpi(db: Queryable, id: string, lock = false): Promise<ManualKpi> {
  const [row] = await db.query<Row>(`SELECT * FROM kpi_manual WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [
    id,
  ]);
  if (!row) throw notFound('manual KPI', id);
  return toKpi(row, (await valuesOf(db, [id])).get(id) ?? []);
}

/** Creates a manual KPI; a key already in use is a conflict. */
export async function createManualKpi(db: Db, p: Principal, input: ManualKpiInput): Promise<ManualKpi> {
  const id = randomUUID();
  await db.transaction(async (tx) => {
    const [taken] = await tx.query('SELECT 1 FROM kpi_manual WHERE key = $1', [input.key]);
    if (taken)
      throw conflict(`a KPI with the key ${input.key} exists already; choose another key or edit that one`);
    await tx.query(
      `INSERT INTO kpi_manual (id, key, title, unit, description, target, direction, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        id,
        input.key,
        input.title,
        input.unit,
        input.description ?? null,
        input.target ?? null,
        input.direction,
        p.accountId,
      ],
    );
    await appendIn(tx, {
      actor: actor(p),
      action: 'kpi.create',
      object: `kpi:${input.key}`,
      outcome: 'success',
      details: {
        title: input.title,
        unit: input.unit,
        target: input.target ?? null,
        direction: input.direction,
      },
    });
  });
  return loadManualKpi(db, id);
}

/** Changes a manual KPI's title, unit, description, target or direction. */
export async function updateManualKpi(
  db: Db,
  p: Principal,
  id: string,
  patch: ManualKpiPatch,
): Promise<ManualKpi> {
  await db.transaction(async (tx) => {
    const before = await loadManualKpi(tx, id, true);
    const next = {
      title: patch.title ?? before.title,
      unit: patch.unit ?? before.unit,
      description: patch.description === undefined ? before.description : patch.description,
      target: patch.target === undefined ? before.target : patch.target,
      direction: patch.direction ?? before.direction,
    };
    await tx.query(
      `UPDATE kpi_manual SET title = $2, unit = $3, description = $4, target = $5, direction = $6, updated_at = now()
       WHERE id = $1`,
      [id, next.title, next.unit, next.description, next.target, next.direction],
    );
    await appendIn(tx, {
      actor: actor(p),
      action: 'kpi.update',
      object: `kpi:${before.key}`,
      outcome: 'success',
      details: { before: { target: before.target, direction: before.direction }, after: next },
    });
  });
  return loadManualKpi(db, id);
}

/** Deletes a manual KPI and its values (the audit log keeps what it was). */
export async function deleteManualKpi(db: Db, p: Principal, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await loadManualKpi(tx, id, true);
    await tx.query('DELETE FROM kpi_manual WHERE id = $1', [id]);
    await appendIn(tx, {
      actor: actor(p),
      action: 'kpi.delete',
      object: `kpi:${before.key}`,
      outcome: 'success',
      details: { title: before.title, values: before.values.length },
    });
  });
}

/** Records the value of a date; recording the same date again replaces it. */
export async function recordManualValue(
  db: Db,
  p: Principal,
  id: string,
  date: string,
  input: { value: number; note?: string | null },
): Promise<ManualKpi> {
  await db.transaction(async (tx) => {
    const kpi = await loadManualKpi(tx, id, true);
    const previous = kpi.values.find((v) => v.date === date);
    await tx.query(
      `INSERT INTO kpi_manual_value (kpi_id, on_date, value, note, recorded_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (kpi_id, on_date) DO UPDATE SET value = excluded.value, note = excluded.note,
         recorded_by = excluded.recorded_by, recorded_at = now()`,
      [id, date, input.value, input.note ?? null, p.accountId],
    );
    await tx.query('UPDATE kpi_manual SET updated_at = now() WHERE id = $1', [id]);
    await appendIn(tx, {
      actor: actor(p),
      action: 'kpi.value',
      object: `kpi:${kpi.key}`,
      outcome: 'success',
      details: { date, value: input.value, ...(previous ? { replaced: previous.value } : {}) },
    });
  });
  return loadManualKpi(db, id);
}

/** Removes the value of a date (a value recorded by mistake); 404 when there is none. */
export async function deleteManualValue(db: Db, p: Principal, id: string, date: string): Promise<ManualKpi> {
  await db.transaction(async (tx) => {
    const kpi = await loadManualKpi(tx, id, true);
    const previous = kpi.values.find((v) => v.date === date);
    if (!previous) throw notFound(`value of KPI ${kpi.key} on`, date);
    await tx.query('DELETE FROM kpi_manual_value WHERE kpi_id = $1 AND on_date = $2', [id, date]);
    await appendIn(tx, {
      actor: actor(p),
      action: 'kpi.value-delete',
      object: `kpi:${kpi.key}`,
      outcome: 'success',
      details: { date, value: previous.value },
    });
  });
  return loadManualKpi(db, id);
}
