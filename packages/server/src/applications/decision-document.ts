import { randomUUID } from 'node:crypto';
import type { Queryable } from '@openehds/db';
import { signDocument, type FederationKeyPair, type Outcome, type SignedDocument } from '@openehds/core';
import type { PermitContent } from '../permits/store';
import type { ApplicationRecord } from './store';

/**
 * The decision as a signed document (Art. 68(3), (9), (10)): what was decided on which file, why,
 * the assessment behind it and, for a grant, the permit content; signed with the hub's Ed25519 key
 * and time-stamped by the signature (`ehds verify FILE`). Every decision takes this form, the
 * staff's and the refusal by lapse of Art. 68(4) alike, and is kept in `decision`.
 */

/** What the document states beyond the file itself. */
export interface DecisionStatement {
  outcome: Outcome;
  reasons: string;
  assessment: { criterion: string; verdict: string; justification: string | null }[];
  permit: PermitContent | null;
  /** The HDAB's name. */
  decidedBy: string;
}

/** Signs the decision on `app` and stores it; returns the signed document. */
export async function issueDecision(
  tx: Queryable,
  app: ApplicationRecord,
  statement: DecisionStatement,
  key: FederationKeyPair,
  now: Date,
  decidedByAccount: string | null,
): Promise<SignedDocument> {
  const signed = signDocument(
    'openehds.decision/v1',
    {
      decisionId: randomUUID(),
      application: { reference: app.reference, kind: app.kind, submittedAt: app.submittedAt },
      applicant: { name: app.applicant.displayName, organisation: app.organisation?.name ?? null },
      outcome: statement.outcome,
      reasons: statement.reasons,
      assessment: statement.assessment,
      permit: statement.permit,
      decidedBy: statement.decidedBy,
    },
    key,
    now,
  );
  const decisionId = (signed.document as { decisionId: string }).decisionId;
  await tx.query(
    'INSERT INTO decision (id, application_id, outcome, signed, decided_by, decided_at) VALUES ($1, $2, $3, $4::jsonb, $5, $6)',
    [decisionId, app.id, statement.outcome, JSON.stringify(signed), decidedByAccount, now.toISOString()],
  );
  return signed;
}
