import type { Db, Queryable } from '@openehds/db';
import { computeClocks, validateExtension, type ClockInput, type Clocks } from '@openehds/core';
import { appendIn } from '../audit/service';
import type { Principal } from '../auth/roles';
import type { HubConfig } from '../config';
import { applicationFor } from './service';
import {
  appendEvent,
  applicationHistory,
  loadApplication,
  type ApplicationRecord,
  type ApplicationEventRecord,
} from './store';

/** The clock input of a file: its status history, extension, publication and the HDAB's holidays. */
export function clockInput(
  app: ApplicationRecord,
  history: ApplicationEventRecord[],
  config: HubConfig,
): ClockInput {
  return {
    kind: app.kind,
    accelerated: app.accelerated,
    // Only status changes drive the clocks; an extension or a note leaves the status where it was.
    history: history
      .filter((e) => e.fromStatus !== e.toStatus)
      .map((e) => ({ status: e.toStatus, at: new Date(e.at) })),
    extension: app.extension ? { at: new Date(app.extension.at), reason: app.extension.reason } : undefined,
    publishedAt: app.publishedAt ? new Date(app.publishedAt) : undefined,
    holidays: new Set(config.holidays),
  };
}

/** The statutory clocks of a file now (EHDS.md §6), derived from its history, never stored. */
export async function clocksOf(
  db: Queryable,
  app: ApplicationRecord,
  config: HubConfig,
  now = new Date(),
): Promise<Clocks> {
  return computeClocks(clockInput(app, await applicationHistory(db, app.id), config), now);
}

/** The one extension of the decision period, with its reasons for the applicant (Art. 68(4), 68(6)). */
export async function extendDecisionPeriod(
  db: Db,
  p: Principal,
  id: string,
  reason: string,
  config: HubConfig,
): Promise<ApplicationRecord> {
  await db.transaction(async (tx) => {
    const app = await applicationFor(tx, p, id, true);
    const now = new Date();
    const plan = validateExtension(clockInput(app, await applicationHistory(tx, id), config), {
      at: now,
      reason,
    });
    await tx.query(
      'UPDATE application SET extension_reason = $2, extended_at = $3, updated_at = now() WHERE id = $1',
      [id, reason, now.toISOString()],
    );
    await appendEvent(tx, {
      applicationId: id,
      event: 'extend',
      from: app.status,
      to: app.status,
      actorId: p.accountId,
      actor: `account:${p.username}`,
      reason,
      details: { months: plan.months, dueAt: plan.dueAt.toISOString() },
    });
    await appendIn(tx, {
      actor: `account:${p.username}`,
      action: 'application.extend',
      object: `application:${id}`,
      outcome: 'success',
      details: { months: plan.months, dueAt: plan.dueAt.toISOString() },
    });
  });
  return loadApplication(db, id);
}
