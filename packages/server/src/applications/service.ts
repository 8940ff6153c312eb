import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '@openehds/db';
import {
  ApplicationContent,
  completenessIssues,
  conflict,
  forbidden,
  invalid,
  isAccelerated,
  nextStatus,
  notFound,
  type ApplicantStanding,
  type ApplicationEvent,
  type ApplicationKind,
} from '@openehds/core';
import { appendIn } from '../audit/service';
import type { Principal } from '../auth/roles';
import { appendEvent, loadApplication, type ApplicationRecord } from './store';
import { crossBorderAfterDecision, crossBorderAfterTransition } from '../cross-border/outgoing';
import type { HubConfig } from '../config';
import { hubKeyPair } from '../federation/hub-key';
import { publishesOnDecision } from '../transparency/publication';
import { issueDecision } from './decision-document';

/**
 * The life of a case file up to the decision: drafts the applicant autosaves, submission with the
 * completeness check, the HDAB's pre-screening and requests for information, withdrawal. Every
 * change is one transaction with its history event and its audit event.
 */

export const isStaff = (p: Principal) => p.role === 'hdab_staff';
const actorOf = (p: Principal) => `account:${p.username}`;

/**
 * Loads a file for someone: the applicant sees theirs; HDAB staff see every submitted file but not
 * others' drafts. Anyone else gets 404, so a file's existence is not revealed.
 */
export async function applicationFor(db: Queryable, p: Principal, id: string, forUpdate = false) {
  const app = await loadApplication(db, id, forUpdate);
  if (app.applicantId === p.accountId) return app;
  if (isStaff(p) && app.status !== 'DRAFT') return app;
  throw notFound('application', id);
}

/** Whether the applicant's organisation is a public sector or EU body the HDAB verified (Art. 53(2)). */
export async function applicantStanding(
  db: Queryable,
  organisationId: string | null,
): Promise<ApplicantStanding> {
  if (!organisationId) return { verifiedPublicBody: false };
  const [o] = await db.query<{ kind: string; public_body_verified: boolean }>(
    'SELECT kind, public_body_verified FROM organisation WHERE id = $1',
    [organisationId],
  );
  return {
    verifiedPublicBody:
      Boolean(o?.public_body_verified) && (o?.kind === 'public_body' || o?.kind === 'eu_body'),
  };
}

async function newReference(tx: Queryable, kind: ApplicationKind, country: string): Promise<string> {
  const [row] = await tx.query<{ n: string }>(`SELECT nextval('application_reference_seq') AS n`);
  const year = new Date().getUTCFullYear();
  return `${country}-${kind === 'application' ? 'APP' : 'REQ'}-${year}-${String(row!.n).padStart(6, '0')}`;
}

/** Starts a draft; only data users apply (the HDAB's own staff do not assess their own files). */
export async function createDraft(
  db: Db,
  p: Principal,
  input: { kind: ApplicationKind; content: ApplicationContent },
  hdabCountry: string,
): Promise<ApplicationRecord> {
  const id = randomUUID();
  await db.transaction(async (tx) => {
    const reference = await newReference(tx, input.kind, hdabCountry);
    await tx.query(
      `INSERT INTO application (id, reference, kind, status, applicant_id, organisation_id, content)
       VALUES ($1, $2, $3, 'DRAFT', $4, $5, $6::jsonb)`,
      [id, reference, input.kind, p.accountId, p.organisationId, JSON.stringify(input.content)],
    );
    await appendEvent(tx, {
      applicationId: id,
      event: 'create',
      from: null,
      to: 'DRAFT',
      actorId: p.accountId,
      actor: actorOf(p),
    });
    await appendIn(tx, {
      actor: actorOf(p),
      action: 'application.create',
      object: `application:${id}`,
      outcome: 'success',
      details: { reference, kind: input.kind },
    });
  });
  return loadApplication(db, id);
}

/**
 * Autosave: replaces the content of a draft, or of a file awaiting the applicant's additional
 * information. `version` must be the one the editor loaded; a stale save is refused (409) so two
 * tabs cannot silently overwrite each other.
 */
export async function saveContent(
  db: Db,
  p: Principal,
  id: string,
  input: { content: ApplicationContent; version: number },
): Promise<ApplicationRecord> {
  await db.transaction(async (tx) => {
    const app = await applicationFor(tx, p, id, true);
    if (app.applicantId !== p.accountId) throw forbidden('only the applicant edits an application');
    if (app.status !== 'DRAFT' && app.status !== 'AWAITING_ADDITIONAL_INFORMATION') {
      throw conflict(`an application in status ${app.status} cannot be edited`);
    }
    if (app.version !== input.version) {
      throw conflict(
        `the application changed since you loaded it (version ${app.version}, yours ${input.version}); reload it`,
      );
    }
    await tx.query(
      `UPDATE application SET content = $2::jsonb, version = version + 1, updated_at = now() WHERE id = $1`,
      [id, JSON.stringify(input.content)],
    );
  });
  return loadApplication(db, id);
}

/** Runs one status event inside a transaction: checks the table, moves the file, records why. */
async function move(
  tx: Queryable,
  p: Principal | null,
  app: ApplicationRecord,
  event: ApplicationEvent,
  reason: string | null,
  details: Record<string, unknown> = {},
  set: Record<string, unknown> = {},
): Promise<void> {
  const to = nextStatus(app.status, event, app.resumeStatus);
  const resume = event === 'request-information' ? app.status : null;
  const columns = Object.keys(set);
  await tx.query(
    `UPDATE application SET status = $2, resume_status = $3, updated_at = now()${columns
      .map((c, i) => `, ${c} = $${i + 4}`)
      .join('')} WHERE id = $1`,
    [app.id, to, resume, ...columns.map((c) => set[c])],
  );
  const actor = p ? actorOf(p) : 'system';
  await appendEvent(tx, {
    applicationId: app.id,
    event,
    from: app.status,
    to,
    actorId: p?.accountId ?? null,
    actor,
    reason,
    details,
  });
  await appendIn(tx, {
    actor,
    action: `application.${event}`,
    object: `application:${app.id}`,
    outcome: 'success',
    details: { from: app.status, to, ...(reason ? { reason } : {}) },
  });
  await crossBorderAfterTransition(tx, app.id, event, reason); // Art. 67(3): forward, report back, withdraw copies
}

/**
 * Submits a draft: every field Art. 67(2)/69(2) asks for must be there (a 400 lists all that are
 * missing), and the accelerated procedure is fixed from the applicant's standing (Art. 68(6)).
 */
export async function submit(db: Db, p: Principal, id: string): Promise<ApplicationRecord> {
  await db.transaction(async (tx) => {
    const app = await applicationFor(tx, p, id, true);
    if (app.applicantId !== p.accountId) throw forbidden('only the applicant submits an application');
    if (app.status !== 'DRAFT') nextStatus(app.status, 'submit');
    const standing = await applicantStanding(tx, app.organisation?.id ?? null);
    const content = ApplicationContent.parse(app.content);
    const issues = completenessIssues(app.kind, content, standing);
    if (issues.length > 0) {
      throw invalid(
        `the ${app.kind} is not complete: ${issues.length} field${issues.length === 1 ? '' : 's'} to fill in`,
        issues,
      );
    }
    await move(
      tx,
      p,
      app,
      'submit',
      null,
      {},
      {
        submitted_at: new Date().toISOString(),
        accelerated: isAccelerated(content.purposes ?? [], standing),
      },
    );
  });
  return loadApplication(db, id);
}

/** The applicant withdraws a file that has no decision yet (Art. 62(5): incurred costs only). */
export async function withdraw(
  db: Db,
  p: Principal,
  id: string,
  reason: string | null,
): Promise<ApplicationRecord> {
  await db.transaction(async (tx) => {
    const app = await applicationFor(tx, p, id, true);
    if (app.applicantId !== p.accountId) throw forbidden('only the applicant withdraws an application');
    await move(tx, p, app, 'withdraw', reason);
  });
  return loadApplication(db, id);
}

/** Staff events before the decision: start pre-screening, ask for information, declare complete. */
export async function staffTransition(
  db: Db,
  p: Principal,
  id: string,
  input: { event: 'start-pre-screening' | 'request-information' | 'complete'; reason: string | null },
): Promise<ApplicationRecord> {
  if (input.event === 'request-information' && !input.reason) {
    throw invalid('say what information is needed', [
      { path: 'reason', message: 'required when asking for information' },
    ]);
  }
  await db.transaction(async (tx) => {
    const app = await applicationFor(tx, p, id, true);
    await move(tx, p, app, input.event, input.reason);
  });
  return loadApplication(db, id);
}

/** The applicant answers a request for information; the file returns where it was and its clock resumes. */
export async function provideInformation(
  db: Db,
  p: Principal,
  id: string,
  answer: string,
): Promise<ApplicationRecord> {
  await db.transaction(async (tx) => {
    const app = await applicationFor(tx, p, id, true);
    if (app.applicantId !== p.accountId)
      throw forbidden('only the applicant answers a request for information');
    const content = ApplicationContent.parse(app.content);
    const standing = await applicantStanding(tx, app.organisation?.id ?? null);
    const issues = completenessIssues(app.kind, content, standing);
    if (issues.length > 0) {
      throw invalid(
        `the ${app.kind} is not complete: ${issues.length} field${issues.length === 1 ? '' : 's'} to fill in`,
        issues,
      );
    }
    await move(tx, p, app, 'provide-information', answer);
  });
  return loadApplication(db, id);
}

/** The scheduler refuses a file whose applicant did not answer within 4 weeks (Art. 68(4)). */
export async function lapse(db: Db, id: string, config: HubConfig): Promise<void> {
  const key = await hubKeyPair(db);
  await db.transaction(async (tx) => {
    const app = await loadApplication(tx, id, true);
    if (app.status !== 'AWAITING_ADDITIONAL_INFORMATION') return;
    const now = new Date();
    const reasons = 'the additional information was not provided within 4 weeks (Art. 68(4))';
    await move(
      tx,
      null,
      app,
      'lapse',
      reasons,
      {},
      {
        outcome: 'REFUSED',
        decided_at: now.toISOString(),
        // Art. 57(1)(j)(iii): published at once when the hub publishes decisions as they are issued.
        published_at: publishesOnDecision(config) ? now.toISOString() : null,
      },
    );
    // The refusal is a decision like any other: signed, kept, and sent back to the origin's hub.
    const signed = await issueDecision(
      tx,
      app,
      { outcome: 'REFUSED', reasons, assessment: [], permit: null, decidedBy: config.hdab.name },
      key,
      now,
      null,
    );
    await crossBorderAfterDecision(tx, id, 'REFUSED', signed);
  });
}
