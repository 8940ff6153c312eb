import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '@openehds/db';
import {
  conflict,
  DEFAULT_FEE_SCHEDULE,
  estimateFees,
  forbidden,
  notFound,
  type FeeEstimate,
} from '@openehds/core';
import { appendIn } from '../audit/service';
import type { Principal } from '../auth/roles';
import { applicationFor } from './service';
import { crossBorderAfterEstimate } from '../cross-border/outgoing';

/**
 * Art. 62: the data holders state their preparation costs; the HDAB sends the applicant an estimate
 * before deciding; the applicant acknowledges it or withdraws, paying only what was incurred.
 */

export interface HolderCost {
  organisationId: string;
  holder: string;
  askedAt: string;
  amount: number | null;
  note: string | null;
  answeredAt: string | null;
}

export interface SentEstimate {
  id: string;
  estimate: FeeEstimate;
  sentAt: string;
  acknowledgedAt: string | null;
}

const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);

/** The holders whose published datasets the file names, by organisation. */
async function holdersOf(db: Queryable, datasetIds: string[]): Promise<{ id: string; name: string }[]> {
  if (datasetIds.length === 0) return [];
  return db.query<{ id: string; name: string }>(
    `SELECT DISTINCT o.id, o.name FROM dataset d JOIN organisation o ON o.id = d.organisation_id
     WHERE d.id = ANY($1::text[]) ORDER BY o.name`,
    [datasetIds],
  );
}

export async function holderCosts(db: Queryable, applicationId: string): Promise<HolderCost[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT h.*, o.name FROM holder_cost h JOIN organisation o ON o.id = h.organisation_id
     WHERE h.application_id = $1 ORDER BY o.name`,
    [applicationId],
  );
  return rows.map((r) => ({
    organisationId: r.organisation_id as string,
    holder: r.name as string,
    askedAt: iso(r.asked_at)!,
    amount: r.amount === null || r.amount === undefined ? null : Number(r.amount),
    note: (r.note as string | null) ?? null,
    answeredAt: iso(r.answered_at),
  }));
}

/** Staff ask each holder of a requested dataset for its preparation cost. */
export async function askHolderCosts(db: Db, p: Principal, id: string): Promise<HolderCost[]> {
  await db.transaction(async (tx) => {
    const app = await applicationFor(tx, p, id, true);
    if (app.status !== 'PROCESSING' && app.status !== 'PRE_SCREENING') {
      throw conflict(`holders are asked for costs while the file is being processed; it is ${app.status}`);
    }
    const holders = await holdersOf(
      tx,
      (app.content.datasets ?? []).map((d) => d.datasetId),
    );
    if (holders.length === 0)
      throw conflict('none of the requested datasets is published by a known data holder');
    for (const h of holders) {
      await tx.query(
        'INSERT INTO holder_cost (application_id, organisation_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
        [id, h.id],
      );
    }
    await appendIn(tx, {
      actor: `account:${p.username}`,
      action: 'application.ask-holder-costs',
      object: `application:${id}`,
      outcome: 'success',
      details: { holders: holders.map((h) => h.name) },
    });
  });
  return holderCosts(db, id);
}

/** The cost requests addressed to a data holder's organisation. */
export async function costRequestsFor(db: Queryable, p: Principal) {
  if (!p.organisationId) return [];
  const rows = await db.query<Record<string, unknown>>(
    `SELECT h.*, a.reference, a.content->>'title' AS title, a.content->'datasets' AS datasets
     FROM holder_cost h JOIN application a ON a.id = h.application_id
     WHERE h.organisation_id = $1 AND a.status NOT IN ('WITHDRAWN') ORDER BY h.asked_at DESC`,
    [p.organisationId],
  );
  return rows.map((r) => ({
    applicationId: r.application_id as string,
    reference: r.reference as string,
    title: (r.title as string | null) ?? '',
    datasets: ((r.datasets as { datasetId: string }[] | null) ?? []).map((d) => d.datasetId),
    askedAt: iso(r.asked_at)!,
    amount: r.amount === null || r.amount === undefined ? null : Number(r.amount),
    note: (r.note as string | null) ?? null,
    answeredAt: iso(r.answered_at),
  }));
}

/** A data holder states its preparation cost for a file it was asked about. */
export async function answerCostRequest(
  db: Db,
  p: Principal,
  applicationId: string,
  input: { amount: number; note: string | null },
): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx.query(
      `UPDATE holder_cost SET amount = $3, note = $4, answered_by = $5, answered_at = now()
       WHERE application_id = $1 AND organisation_id = $2 RETURNING 1`,
      [applicationId, p.organisationId, input.amount, input.note, p.accountId],
    );
    if (rows.length === 0) throw notFound('cost request', applicationId);
    await appendIn(tx, {
      actor: `account:${p.username}`,
      action: 'application.holder-cost',
      object: `application:${applicationId}`,
      outcome: 'success',
      details: { amount: input.amount },
    });
  });
}

export async function latestEstimate(db: Queryable, applicationId: string): Promise<SentEstimate | null> {
  const [r] = await db.query<Record<string, unknown>>(
    'SELECT * FROM fee_estimate WHERE application_id = $1 ORDER BY sent_at DESC LIMIT 1',
    [applicationId],
  );
  if (!r) return null;
  return {
    id: r.id as string,
    estimate: r.estimate as FeeEstimate,
    sentAt: iso(r.sent_at)!,
    acknowledgedAt: iso(r.acknowledged_at),
  };
}

/** Computes and sends the estimate; holders asked but silent are listed as not yet known. */
export async function sendEstimate(
  db: Db,
  p: Principal,
  id: string,
  hdabName: string,
): Promise<SentEstimate> {
  await db.transaction(async (tx) => {
    const app = await applicationFor(tx, p, id, true);
    if (app.status !== 'PROCESSING')
      throw conflict(`the fee estimate is sent while processing; the application is ${app.status}`);
    const costs = await holderCosts(tx, id);
    const pending = costs.filter((c) => c.amount === null);
    if (pending.length > 0) {
      throw conflict(`waiting for the preparation cost of ${pending.map((c) => c.holder).join(', ')}`);
    }
    const c = app.content;
    const estimate = estimateFees(DEFAULT_FEE_SCHEDULE, {
      kind: app.kind,
      hdabName,
      organisationKind: app.organisation?.kind ?? null,
      datasets: c.datasets?.length ?? 0,
      speMonths: c.speMonths ?? 0,
      gpuHours: c.tools?.gpuHours ?? 0,
      cpuHours: c.tools?.cpuHours ?? 0,
      holderCosts: costs.map((h) => ({ holder: h.holder, amount: h.amount ?? 0, note: h.note ?? undefined })),
    });
    await tx.query(
      'INSERT INTO fee_estimate (id, application_id, estimate, total, sent_by) VALUES ($1, $2, $3::jsonb, $4, $5)',
      [randomUUID(), id, JSON.stringify(estimate), estimate.total, p.accountId],
    );
    await appendIn(tx, {
      actor: `account:${p.username}`,
      action: 'application.fee-estimate',
      object: `application:${id}`,
      outcome: 'success',
      details: { total: estimate.total },
    });
    await crossBorderAfterEstimate(tx, id); // Art. 62, 68(5): a forwarded copy's estimate goes back
  });
  return (await latestEstimate(db, id))!;
}

/** The applicant accepts the estimate (or withdraws instead, Art. 62(5)). */
export async function acknowledgeEstimate(db: Db, p: Principal, id: string): Promise<SentEstimate> {
  await db.transaction(async (tx) => {
    const app = await applicationFor(tx, p, id, true);
    if (app.applicantId !== p.accountId) throw forbidden('only the applicant accepts the fee estimate');
    const latest = await latestEstimate(tx, id);
    if (!latest) throw conflict('no fee estimate has been sent yet');
    await tx.query(
      'UPDATE fee_estimate SET acknowledged_at = now() WHERE id = $1 AND acknowledged_at IS NULL',
      [latest.id],
    );
    await appendIn(tx, {
      actor: `account:${p.username}`,
      action: 'application.fee-accept',
      object: `application:${id}`,
      outcome: 'success',
      details: { total: latest.estimate.total },
    });
  });
  return (await latestEstimate(db, id))!;
}
