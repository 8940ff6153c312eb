import type { Db, Queryable } from '@openehds/db';
import { conflict } from '@openehds/core';
import { appendIn } from '../audit/service';
import type { Principal } from '../auth/roles';
import type { HubConfig } from '../config';
import { applicationFor } from '../applications/service';
import { appendEvent } from '../applications/store';
import { registerConfigOf } from './config';
import { publicationDuty } from './publication-duty';

/**
 * Publication of decisions in the public register (Art. 57(1)(j)(iii)). With `on-decision` (the
 * default) each path that issues a decision (`decide`, `lapse`) publishes it in the same
 * transaction (`publishesOnDecision`); with `manual`, staff publish it here and the duties list
 * warns before the 30 working days run out.
 */

/** Whether a decision is published in the register the moment it is issued. */
export const publishesOnDecision = (config: HubConfig): boolean =>
  registerConfigOf(config).publishDecisions === 'on-decision';

/** The outcome of marking a decision published. */
export interface Publication {
  id: string;
  reference: string;
  publishedAt: string;
  /** It was already published (by an earlier call or on decision); nothing changed. */
  alreadyPublished: boolean;
}

/** HDAB staff publish a decision in the register (idempotent: a second call changes nothing). */
export async function publishDecision(db: Db, p: Principal, id: string): Promise<Publication> {
  return db.transaction(async (tx) => {
    const app = await applicationFor(tx, p, id, true);
    if (app.status !== 'DECISION_ISSUED' || !app.decidedAt) {
      throw conflict(`application ${app.reference} has no decision to publish yet (it is ${app.status})`);
    }
    if (app.publishedAt) {
      return { id, reference: app.reference, publishedAt: app.publishedAt, alreadyPublished: true };
    }
    const now = new Date().toISOString();
    await tx.query('UPDATE application SET published_at = $2, updated_at = now() WHERE id = $1', [id, now]);
    // A history event that leaves the status as it is, so the clocks ignore it (clocks.ts).
    await appendEvent(tx, {
      applicationId: id,
      event: 'publish',
      from: app.status,
      to: app.status,
      actorId: p.accountId,
      actor: `account:${p.username}`,
      details: { publishedAt: now },
    });
    await appendIn(tx, {
      actor: `account:${p.username}`,
      action: 'application.publish',
      object: `application:${id}`,
      outcome: 'success',
      details: { reference: app.reference },
    });
    return { id, reference: app.reference, publishedAt: now, alreadyPublished: false };
  });
}

/** One decision waiting for publication. */
export interface PublicationDutyItem {
  id: string;
  reference: string;
  kind: string;
  outcome: string | null;
  decidedAt: string;
  dueAt: string;
  workingDaysLeft: number;
  atRisk: boolean;
  overdue: boolean;
}

/** Decisions not yet published, soonest deadline first, with the working-day countdown. */
export async function publicationDuties(
  db: Queryable,
  config: HubConfig,
  now = new Date(),
): Promise<{ items: PublicationDutyItem[]; atRisk: number; overdue: number }> {
  const rows = await db.query<{
    id: string;
    reference: string;
    kind: string;
    outcome: string | null;
    decided_at: string;
  }>(
    `SELECT id, reference, kind, outcome, decided_at FROM application
     WHERE decided_at IS NOT NULL AND published_at IS NULL AND status = 'DECISION_ISSUED'
     ORDER BY decided_at, id`,
  );
  const holidays = new Set(config.holidays);
  const items = rows.map((r) => {
    const decidedAt = new Date(r.decided_at);
    const duty = publicationDuty(decidedAt, now, holidays);
    return {
      id: r.id,
      reference: r.reference,
      kind: r.kind,
      outcome: r.outcome,
      decidedAt: decidedAt.toISOString(),
      dueAt: duty.dueAt.toISOString(),
      workingDaysLeft: duty.workingDaysLeft,
      atRisk: duty.atRisk,
      overdue: duty.overdue,
    };
  });
  return {
    items,
    atRisk: items.filter((i) => i.atRisk).length,
    overdue: items.filter((i) => i.overdue).length,
  };
}
