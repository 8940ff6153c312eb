import type { Db, Queryable } from '@openehds/db';
import {
  assessmentState,
  conflict,
  forbidden,
  type AssessmentState,
  type CriterionAssessment,
  type CriterionId,
  type Verdict,
} from '@openehds/core';
import { appendIn } from '../audit/service';
import type { Principal } from '../auth/roles';
import { applicationFor } from './service';

/** The checklist as stored, with the assessors' usernames. */
export async function loadAssessment(db: Queryable, applicationId: string): Promise<CriterionAssessment[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT s.criterion, s.verdict, s.justification, a.username AS assessor, c.username AS confirmed_by
     FROM assessment s JOIN account a ON a.id = s.assessor_id LEFT JOIN account c ON c.id = s.confirmed_by
     WHERE s.application_id = $1 ORDER BY s.criterion`,
    [applicationId],
  );
  return rows.map((r) => ({
    criterion: r.criterion as CriterionId,
    verdict: r.verdict as Verdict,
    justification: r.justification as string,
    assessor: r.assessor as string,
    confirmedBy: (r.confirmed_by as string | null) ?? null,
  }));
}

export async function assessmentOf(
  db: Queryable,
  applicationId: string,
  fourEyes: boolean,
): Promise<{ items: CriterionAssessment[]; state: AssessmentState }> {
  const items = await loadAssessment(db, applicationId);
  return { items, state: assessmentState(items, fourEyes) };
}

/**
 * Records one point of the Art. 68(1)/(2) checklist while the file is being processed. A changed
 * verdict clears an earlier confirmation: the second pair of eyes must see what is now recorded.
 */
export async function assessCriterion(
  db: Db,
  p: Principal,
  id: string,
  input: { criterion: CriterionId; verdict: Verdict; justification: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const app = await applicationFor(tx, p, id, true);
    if (app.status !== 'PROCESSING')
      throw conflict(`assessment happens in PROCESSING; the application is ${app.status}`);
    await tx.query(
      `INSERT INTO assessment (application_id, criterion, verdict, justification, assessor_id)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (application_id, criterion) DO UPDATE SET verdict = $3, justification = $4, assessor_id = $5,
         assessed_at = now(), confirmed_by = NULL, confirmed_at = NULL`,
      [id, input.criterion, input.verdict, input.justification, p.accountId],
    );
    await appendIn(tx, {
      actor: `account:${p.username}`,
      action: 'application.assess',
      object: `application:${id}`,
      outcome: 'success',
      details: { criterion: input.criterion, verdict: input.verdict },
    });
  });
}

/** Four-eyes rule: a second member of staff, not the assessor, confirms a recorded verdict. */
export async function confirmCriterion(
  db: Db,
  p: Principal,
  id: string,
  criterion: CriterionId,
): Promise<void> {
  await db.transaction(async (tx) => {
    const app = await applicationFor(tx, p, id, true);
    if (app.status !== 'PROCESSING')
      throw conflict(`assessment happens in PROCESSING; the application is ${app.status}`);
    const [row] = await tx.query<{ assessor_id: string }>(
      'SELECT assessor_id FROM assessment WHERE application_id = $1 AND criterion = $2',
      [id, criterion],
    );
    if (!row) throw conflict(`criterion ${criterion} has not been assessed yet`);
    if (row.assessor_id === p.accountId)
      throw forbidden('the four-eyes rule needs a second member of staff, not the assessor');
    await tx.query(
      'UPDATE assessment SET confirmed_by = $3, confirmed_at = now() WHERE application_id = $1 AND criterion = $2',
      [id, criterion, p.accountId],
    );
    await appendIn(tx, {
      actor: `account:${p.username}`,
      action: 'application.assessment-confirm',
      object: `application:${id}`,
      outcome: 'success',
      details: { criterion },
    });
  });
}
