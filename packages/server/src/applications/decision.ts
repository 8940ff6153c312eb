import type { Db, Queryable } from '@openehds/db';
import {
  AppError,
  conflict,
  invalid,
  nextStatus,
  signDocument,
  type ApplicationContent,
  type Outcome,
  type SignedDocument,
  validateDuration,
} from '@openehds/core';
import { appendIn } from '../audit/service';
import type { Principal } from '../auth/roles';
import type { HubConfig } from '../config';
import { hubKeyPair } from '../federation/hub-key';
import { publishesOnDecision } from '../transparency/publication';
import { insertPermit, nextPermitNumber, type PermitContent } from '../permits/store';
import { assessmentOf } from './assessment';
import { issueDecision } from './decision-document';
import { latestEstimate } from './fees';
import { applicationFor } from './service';
import { appendEvent, loadApplication, type ApplicationRecord } from './store';
import { crossBorderAfterDecision } from '../cross-border/outgoing';

/**
 * The HDAB's decision (Art. 68(3), (9), (10)): grant, partial grant, refusal, or an anonymised answer
 * instead (Art. 68(3), only with the applicant's agreement). The decision is a document signed with
 * the hub's Ed25519 key and time-stamped by the signature (decision-document.ts); a grant also
 * issues the first permit version with the Art. 68(10) content.
 */
export interface DecisionInput {
  outcome: Outcome;
  /** Reasons: required for a refusal or partial grant (Art. 68(9)), recorded for every decision. */
  reasons: string;
  /** Partial grant: the dataset ids granted, a subset of those requested. */
  grantedDatasets?: string[];
  validFrom?: string;
  validUntil?: string;
  /** (h) specific conditions of the permit. */
  conditions?: string[];
  /** (c) whether the opt-out exception asked for is granted. */
  optOutExceptionGranted?: boolean;
}

export interface StoredDecision {
  id: string;
  outcome: Outcome;
  signed: SignedDocument;
  decidedAt: string;
  permitId: string | null;
}

export async function decisionOf(db: Queryable, applicationId: string): Promise<StoredDecision | null> {
  const [r] = await db.query<Record<string, unknown>>(
    `SELECT d.*, (SELECT p.id FROM permit p WHERE p.application_id = d.application_id ORDER BY p.version LIMIT 1) AS permit_id
     FROM decision d WHERE d.application_id = $1`,
    [applicationId],
  );
  if (!r) return null;
  return {
    id: r.id as string,
    outcome: r.outcome as Outcome,
    signed: r.signed as SignedDocument,
    decidedAt: new Date(r.decided_at as string).toISOString(),
    permitId: (r.permit_id as string | null) ?? null,
  };
}

function checkInput(app: ApplicationRecord, input: DecisionInput, allowed: Outcome[]): void {
  const issues: { path: string; message: string }[] = [];
  if (!allowed.includes(input.outcome)) {
    issues.push({
      path: 'outcome',
      message: allowed.length
        ? `the assessment allows ${allowed.join(', ')}`
        : 'the assessment checklist is not complete (every point of Art. 68(1) and 68(2), confirmed where four eyes apply)',
    });
  }
  const grants = input.outcome === 'GRANTED' || input.outcome === 'PARTIALLY_GRANTED';
  if (app.kind === 'request' && grants) {
    issues.push({
      path: 'outcome',
      message: 'a health data request is answered, not granted a permit (Art. 69)',
    });
  }
  if (input.outcome === 'ANSWERED_AS_REQUEST' && app.kind === 'application' && !app.acceptsAnonymisedAnswer) {
    issues.push({
      path: 'outcome',
      message: 'an anonymised answer instead of a permit needs the applicant’s agreement (Art. 68(3))',
    });
  }
  if (grants && app.kind === 'application') {
    if (!input.validFrom)
      issues.push({ path: 'validFrom', message: 'give the start of the permit (Art. 68(10)(e))' });
    if (!input.validUntil)
      issues.push({ path: 'validUntil', message: 'give the end of the permit (Art. 68(10)(e))' });
    if (input.validFrom && input.validUntil) {
      try {
        validateDuration(new Date(input.validFrom), new Date(input.validUntil));
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        for (const i of err.issues) issues.push({ path: i.path ?? 'validUntil', message: err.message });
      }
    }
  }
  if (input.outcome === 'PARTIALLY_GRANTED') {
    const requested = new Set((app.content.datasets ?? []).map((d) => d.datasetId));
    const granted = input.grantedDatasets ?? [];
    if (granted.length === 0 || granted.length >= requested.size) {
      issues.push({
        path: 'grantedDatasets',
        message: 'a partial grant names some, not all, of the requested datasets',
      });
    }
    for (const d of granted) {
      if (!requested.has(d))
        issues.push({ path: 'grantedDatasets', message: `dataset ${d} was not requested` });
    }
  }
  if (issues.length)
    throw invalid(`the decision has ${issues.length} problem${issues.length === 1 ? '' : 's'}`, issues);
}

function permitContent(
  app: ApplicationRecord,
  c: ApplicationContent,
  input: DecisionInput,
  number: string,
  fees: PermitContent['fees'],
  config: HubConfig,
): PermitContent {
  const granted = input.outcome === 'PARTIALLY_GRANTED' ? new Set(input.grantedDatasets) : null;
  const persons = [...(c.persons ?? [])].sort(
    (a, b) => Number(b.role === 'principal_investigator') - Number(a.role === 'principal_investigator'),
  );
  return {
    permitNumber: number,
    applicationReference: app.reference,
    holder: { organisation: app.organisation?.name ?? null, country: app.organisation?.country ?? null },
    datasets: (c.datasets ?? []).filter((d) => !granted || granted.has(d.datasetId)),
    variables: c.variables ?? [],
    period: c.period ?? {},
    dataForm: c.dataForm ?? null,
    purposes: c.purposes ?? [],
    optOutException: {
      granted: Boolean(c.optOutException?.requested && input.optOutExceptionGranted),
      justification: c.optOutException?.requested ? (c.optOutException.justification ?? null) : null,
    },
    persons: persons.map(({ name, email, role, orcid }) => ({
      name,
      email,
      role,
      ...(orcid ? { orcid } : {}),
    })),
    validFrom: new Date(input.validFrom!).toISOString(),
    validUntil: new Date(input.validUntil!).toISOString(),
    spe: {
      tools: c.tools?.software ?? [],
      gpuHours: c.tools?.gpuHours ?? 0,
      cpuHours: c.tools?.cpuHours ?? 0,
      aiFactory: c.tools?.aiFactory ?? null,
    },
    fees,
    conditions: input.conditions ?? [],
    issuedBy: { name: config.hdab.name, country: config.hdab.country, url: config.hdab.url },
    redress: 'This decision may be appealed under the national law of the issuing Member State.',
  };
}

/** Issues the decision: checks the assessment and the fee estimate, signs, and grants the permit. */
export async function decide(
  db: Db,
  p: Principal,
  id: string,
  input: DecisionInput,
  config: HubConfig,
): Promise<StoredDecision> {
  const key = await hubKeyPair(db);
  await db.transaction(async (tx) => {
    const app = await applicationFor(tx, p, id, true);
    nextStatus(app.status, 'decide');
    const { items, state } = await assessmentOf(tx, id, config.fourEyes);
    checkInput(app, input, state.allowedOutcomes);
    if (
      (input.outcome === 'REFUSED' || input.outcome === 'PARTIALLY_GRANTED') &&
      input.reasons.trim().length < 10
    ) {
      throw invalid('a refusal or partial grant states its reasons (Art. 68(9))', [
        { path: 'reasons', message: 'give the reasons' },
      ]);
    }
    const estimate = await latestEstimate(tx, id);
    const grants = input.outcome === 'GRANTED' || input.outcome === 'PARTIALLY_GRANTED';
    if (grants && !estimate?.acknowledgedAt) {
      throw conflict(
        'send the fee estimate and wait for the applicant to accept it before granting (Art. 62)',
      );
    }
    const now = new Date();
    const permitNumber = grants ? await nextPermitNumber(tx, config.hdab.country, now) : null;
    const content = grants
      ? permitContent(
          app,
          app.content,
          input,
          permitNumber!,
          estimate ? { total: estimate.estimate.total, currency: 'EUR' } : null,
          config,
        )
      : null;
    const signed = await issueDecision(
      tx,
      app,
      {
        outcome: input.outcome,
        reasons: input.reasons,
        assessment: items.map(({ criterion, verdict, justification }) => ({
          criterion,
          verdict,
          justification,
        })),
        permit: content,
        decidedBy: config.hdab.name,
      },
      key,
      now,
      p.accountId,
    );
    await tx.query(
      `UPDATE application SET status = 'DECISION_ISSUED', resume_status = NULL, outcome = $2, decided_at = $3,
         published_at = CASE WHEN $4 THEN $3::timestamptz END, updated_at = now() WHERE id = $1`,
      [id, input.outcome, now.toISOString(), publishesOnDecision(config)],
    );
    await appendEvent(tx, {
      applicationId: id,
      event: 'decide',
      from: app.status,
      to: 'DECISION_ISSUED',
      actorId: p.accountId,
      actor: `account:${p.username}`,
      reason: input.reasons,
      details: { outcome: input.outcome, permit: permitNumber },
    });
    await crossBorderAfterDecision(tx, id, input.outcome, signed); // Art. 68(5): a forwarded file's decision goes back
    if (content) {
      await insertPermit(tx, {
        id: permitNumber!,
        rootId: permitNumber!,
        previousId: null,
        version: 1,
        applicationId: id,
        status: 'GRANTED',
        validFrom: content.validFrom,
        validUntil: content.validUntil,
        activeFrom: now.toISOString(),
        renewals: 0,
        content,
        signed: signDocument('openehds.permit/v1', content, key, now),
        reason: input.reasons,
        createdBy: p.accountId,
      });
    }
    await appendIn(tx, {
      actor: `account:${p.username}`,
      action: 'application.decide',
      object: `application:${id}`,
      outcome: 'success',
      details: { outcome: input.outcome, permit: permitNumber },
    });
    if (permitNumber) {
      await appendIn(tx, {
        actor: `account:${p.username}`,
        action: 'permit.grant',
        object: `permit:${permitNumber}`,
        outcome: 'success',
        details: { application: app.reference },
      });
    }
  });
  return (await decisionOf(db, id))!;
}

/** The applicant agrees to (or declines) an anonymised answer instead of a permit (Art. 68(3)). */
export async function setAnonymisedAnswerConsent(
  db: Db,
  p: Principal,
  id: string,
  accepts: boolean,
): Promise<ApplicationRecord> {
  await db.transaction(async (tx) => {
    const app = await applicationFor(tx, p, id, true);
    if (app.applicantId !== p.accountId)
      throw conflict('only the applicant can agree to an anonymised answer');
    await tx.query(
      'UPDATE application SET accepts_anonymised_answer = $2, updated_at = now() WHERE id = $1',
      [id, accepts],
    );
    await appendIn(tx, {
      actor: `account:${p.username}`,
      action: 'application.anonymised-answer-consent',
      object: `application:${id}`,
      outcome: 'success',
      details: { accepts },
    });
  });
  return loadApplication(db, id);
}
