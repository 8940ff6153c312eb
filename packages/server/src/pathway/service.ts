import { randomUUID } from 'node:crypto';
import type { Db } from '@openehds/db';
import { appendIn } from '../audit/service';
import { notFound, pathwayReport, type PathwayAnswers, type PathwayReport } from '@openehds/core';

/** A pathway report a user saved: the answers and the report as computed when saved. */
export interface SavedPathwayReport {
  id: string;
  title: string;
  answers: PathwayAnswers;
  report: PathwayReport;
  createdAt: string;
}

interface Row {
  id: string;
  title: string;
  answers: PathwayAnswers | string;
  report: PathwayReport | string;
  created_at: Date | string;
}

const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
const toSaved = (r: Row): SavedPathwayReport => ({
  id: r.id,
  title: r.title,
  answers: json(r.answers),
  report: json(r.report),
  createdAt: new Date(r.created_at).toISOString(),
});

/**
 * Saves the report for the account. The hub computes it from the answers (never trusts a report sent
 * in), so what is kept is what the rules advised on that day.
 */
export async function savePathwayReport(
  db: Db,
  owner: { accountId: string; username: string },
  input: { title: string; answers: PathwayAnswers },
): Promise<SavedPathwayReport> {
  const { accountId, username } = owner;
  const report = pathwayReport(input.answers);
  const id = randomUUID();
  return db.transaction(async (tx) => {
    const [row] = await tx.query<Row>(
      `INSERT INTO pathway_report (id, account_id, title, answers, report) VALUES ($1, $2, $3, $4, $5)
       RETURNING id, title, answers, report, created_at`,
      [id, accountId, input.title, JSON.stringify(input.answers), JSON.stringify(report)],
    );
    await appendIn(tx, {
      actor: `account:${username}`,
      action: 'pathway.report.save',
      object: `pathway-report:${id}`,
      outcome: 'success',
      details: { status: report.status },
    });
    return toSaved(row!);
  });
}

/** The account's saved reports, newest first. */
export async function listPathwayReports(db: Db, accountId: string): Promise<SavedPathwayReport[]> {
  const rows = await db.query<Row>(
    `SELECT id, title, answers, report, created_at FROM pathway_report WHERE account_id = $1
     ORDER BY created_at DESC, id LIMIT 200`,
    [accountId],
  );
  return rows.map(toSaved);
}

/** One of the account's saved reports; another account's is `notFound` (its existence is not told). */
export async function getPathwayReport(db: Db, accountId: string, id: string): Promise<SavedPathwayReport> {
  const [row] = await db.query<Row>(
    'SELECT id, title, answers, report, created_at FROM pathway_report WHERE id = $1 AND account_id = $2',
    [id, accountId],
  );
  if (!row) throw notFound('pathway report', id);
  return toSaved(row);
}
