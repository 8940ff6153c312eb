import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '@openehds/db';
import { conflict, forbidden, notFound } from '@openehds/core';
import { appendIn } from '../audit/service';
import type { Principal } from '../auth/roles';
import { identityOf, isPermitStaff, matchingPersons, permitFor } from '../permits/access';
import { permitVersions } from '../permits/store';
import { isEditable, nextCaseStudyStatus, type CaseStudyAction, type CaseStudyStatus } from './lifecycle';
import { permitFacts } from './permit-facts';
import { draftFromPermit } from './prefill';
import {
  appendCaseStudyEvent,
  historyOf,
  insertCaseStudy,
  listCaseStudies,
  loadCaseStudy,
  updateContent,
  type CaseStudyEvent,
  type CaseStudyRecord,
} from './store';
import type { CaseStudyContent, PrefillFacts } from './template';

/**
 * Case studies (issue 6 §3): written by any signed-in user on the template, pre-filled from a permit
 * they are named in, reviewed and published by HDAB staff who did not write them (four eyes), then
 * read by anyone in the library. Every write is in the case study's history and the audit log.
 */

/** HDAB staff review case studies. */
export const isReviewer = (p: Principal | null) => p?.role === 'hdab_staff';

/** A case study as its reader sees it: the history only for the author and staff. */
export interface CaseStudyView extends CaseStudyRecord {
  history: CaseStudyEvent[] | null;
  /** What this reader may do now. */
  can: { edit: boolean; submit: boolean; withdraw: boolean; review: boolean; unpublish: boolean };
}

const actorOf = (p: Principal) => `account:${p.username}`;

/**
 * A case study for a reader (null: an anonymous visitor). Published ones are public lessons; drafts
 * and those in review only their author and HDAB staff see; for anyone else they do not exist (404).
 */
export async function caseStudyView(db: Queryable, p: Principal | null, id: string): Promise<CaseStudyView> {
  const c = await loadCaseStudy(db, id);
  const isAuthor = p !== null && c.authorId === p.accountId;
  const insider = isAuthor || isReviewer(p);
  if (c.status !== 'PUBLISHED' && !insider) throw notFound('case study', id);
  const staffNotAuthor = isReviewer(p) && !isAuthor;
  return {
    ...c,
    // The reviewer's reason is for the author; the public reads the published text only.
    returnReason: insider ? c.returnReason : null,
    history: insider ? await historyOf(db, id) : null,
    can: {
      edit: isAuthor && isEditable(c.status),
      submit: isAuthor && c.status === 'DRAFT',
      withdraw: isAuthor && c.status === 'IN_REVIEW',
      review: staffNotAuthor && c.status === 'IN_REVIEW',
      unpublish: staffNotAuthor && c.status === 'PUBLISHED',
    },
  };
}

/** The signed-in user's own case studies, in every status. */
export function myCaseStudies(db: Queryable, p: Principal): Promise<CaseStudyRecord[]> {
  return listCaseStudies(db, { authorId: p.accountId });
}

/** The review queue: case studies waiting for HDAB staff (default) or in another status. */
export function caseStudiesForReview(
  db: Queryable,
  p: Principal,
  status: CaseStudyStatus = 'IN_REVIEW',
): Promise<CaseStudyRecord[]> {
  if (!isReviewer(p)) throw forbidden('only HDAB staff review case studies');
  return listCaseStudies(db, { status });
}

/** Starts a draft with the given text (and the facts of a pre-fill). Audited. */
export async function createCaseStudy(
  db: Db,
  p: Principal,
  content: CaseStudyContent,
  facts: PrefillFacts = { sourcePermitId: null, outputs: [], kpis: null },
  action: 'create' | 'prefill' = 'create',
): Promise<CaseStudyRecord> {
  const id = randomUUID();
  await db.transaction(async (tx) => {
    const reference = await insertCaseStudy(tx, { id, authorId: p.accountId, content, facts });
    await appendCaseStudyEvent(tx, {
      caseStudyId: id,
      action,
      from: null,
      to: 'DRAFT',
      actor: actorOf(p),
      reason: null,
    });
    await appendIn(tx, {
      actor: actorOf(p),
      action: `case-study.${action}`,
      object: `case-study:${reference}`,
      outcome: 'success',
      details: {
        title: content.title,
        ...(facts.sourcePermitId ? { permit: facts.sourcePermitId } : {}),
        ...(content.useCaseId ? { useCase: content.useCaseId } : {}),
      },
    });
  });
  return loadCaseStudy(db, id);
}

/** The author replaces a draft's text; a stale version (edited elsewhere since) gets 409. Audited. */
export async function updateCaseStudy(
  db: Db,
  p: Principal,
  id: string,
  content: CaseStudyContent,
  version: number,
): Promise<CaseStudyRecord> {
  await db.transaction(async (tx) => {
    const c = await loadCaseStudy(tx, id, true);
    if (c.authorId !== p.accountId) {
      if (c.status !== 'PUBLISHED' && !isReviewer(p)) throw notFound('case study', id);
      throw forbidden('only the author edits a case study; reviewers return it with a reason instead');
    }
    if (!isEditable(c.status))
      throw conflict(
        `case study ${c.reference} is ${c.status}; withdraw it from review (or ask staff to unpublish it) to edit it`,
      );
    if (c.version !== version)
      throw conflict(
        `case study ${c.reference} was changed since you opened it (version ${c.version}, yours ${version}); reload it`,
      );
    await updateContent(tx, id, content);
    await appendCaseStudyEvent(tx, {
      caseStudyId: id,
      action: 'edit',
      from: c.status,
      to: c.status,
      actor: actorOf(p),
      reason: null,
    });
    await appendIn(tx, {
      actor: actorOf(p),
      action: 'case-study.edit',
      object: `case-study:${c.reference}`,
      outcome: 'success',
      details: { version: version + 1 },
    });
  });
  return loadCaseStudy(db, id);
}

/**
 * Moves a case study through review (lifecycle.ts): submit and withdraw by the author; publish, return
 * (with a reason) and unpublish by HDAB staff other than the author. Audited with the reason.
 */
export async function moveCaseStudy(
  db: Db,
  p: Principal,
  id: string,
  action: CaseStudyAction,
  reason: string | null,
): Promise<CaseStudyRecord> {
  await db.transaction(async (tx) => {
    const c = await loadCaseStudy(tx, id, true);
    const isAuthor = c.authorId === p.accountId;
    // Those who cannot see a draft are not told it exists.
    if (c.status !== 'PUBLISHED' && !isAuthor && !isReviewer(p)) throw notFound('case study', id);
    const to = nextCaseStudyStatus(c.status, action, { isAuthor, isStaff: isReviewer(p) }, reason);
    const why = reason?.trim() || null;
    await tx.query(
      `UPDATE case_study SET status = $2, updated_at = now(),
         submitted_at = CASE WHEN $3 = 'submit' THEN now() ELSE submitted_at END,
         published_at = CASE WHEN $2 = 'PUBLISHED' THEN now() WHEN $2 = 'DRAFT' THEN NULL ELSE published_at END,
         reviewer_id = CASE WHEN $3 IN ('publish', 'return', 'unpublish') THEN $4::uuid ELSE reviewer_id END,
         return_reason = CASE WHEN $3 IN ('return', 'unpublish') THEN $5 WHEN $3 IN ('submit', 'publish') THEN NULL
           ELSE return_reason END
       WHERE id = $1`,
      [id, to, action, p.accountId, why],
    );
    await appendCaseStudyEvent(tx, {
      caseStudyId: id,
      action,
      from: c.status,
      to,
      actor: actorOf(p),
      reason: why,
    });
    await appendIn(tx, {
      actor: actorOf(p),
      action: `case-study.${action}`,
      object: `case-study:${c.reference}`,
      outcome: 'success',
      details: { from: c.status, to, ...(why ? { reason: why } : {}) },
    });
  });
  return loadCaseStudy(db, id);
}

/**
 * Starts a draft pre-filled from a permit chain: its datasets (titled from the catalogue), purposes,
 * countries, released outputs and KPIs (prefill.ts). Only HDAB staff and the persons named in the
 * permit (Art. 68(10)(d)) may; for anyone who cannot read the permit it does not exist (404).
 */
export async function prefillCaseStudy(
  db: Db,
  p: Principal,
  permitId: string,
  useCaseId: string | null,
): Promise<CaseStudyRecord> {
  const permit = await permitFor(db, p, permitId);
  if (!isPermitStaff(p)) {
    const who = await identityOf(db, p);
    const chain = await permitVersions(db, permit.rootId);
    if (!chain.some((v) => matchingPersons(v.content, who).length > 0))
      throw forbidden(
        `only the persons named in permit ${permit.id} (Art. 68(10)(d)) and HDAB staff pre-fill a case study from it`,
      );
  }
  const { content, facts } = draftFromPermit(await permitFacts(db, permit), useCaseId);
  return createCaseStudy(db, p, content, facts, 'prefill');
}
