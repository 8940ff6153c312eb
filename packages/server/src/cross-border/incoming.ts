import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '@openehds/db';
import {
  AppError,
  conflict,
  invalid,
  nextStatus,
  notFound,
  verifyDocument,
  type ApplicationStatus,
} from '@openehds/core';
import { appendIn } from '../audit/service';
import { appendEvent } from '../applications/store';
import type { HubConfig } from '../config';
import { acceptHubMessage, rejectHubMessage } from './accept';
import type { DecisionBody, ForwardBody, StatusBody, WithdrawBody } from './bodies';
import { forwardRow, hubActor, sameRemote } from './forward-row';
import type { HubMessage, HubMessageType } from './message';
import { crossBorderAfterTransition } from './outgoing';
import type { StoredPeer } from './peers';
import {
  receiveFeeAccept,
  receiveFeeEstimate,
  receiveInformationAnswer,
  receiveInformationRequest,
} from './relay-incoming';
import { FINAL_STATUSES, isNewerReport } from './routing';

/**
 * What a hub does with a verified message from a peer. Each message is handled in one transaction
 * with the record of its id, so it acts once: a retry or replay of a message already handled is
 * answered 200 `{ duplicate: true }` and changes nothing. A message that cannot be applied (an
 * unknown application, a decision whose signature fails) is refused and audited; the sender retries.
 */

/** The answer to a peer. */
export interface ReceiveResult {
  messageId: string;
  duplicate: boolean;
  applied: boolean;
  /** This hub's reference of the case file the message concerned. */
  reference: string | null;
  /** Why an authentic message changed nothing (e.g. the request it answers is no longer open). */
  note?: string;
}

type Handler = (
  tx: Queryable,
  peer: StoredPeer,
  body: never,
  ctx: { config: HubConfig; message: HubMessage },
) => Promise<{ applied: boolean; reference: string | null; note?: string }>;

/** Verifies, de-duplicates and handles one message from a peer hub. */
export async function receiveHubMessage(
  db: Db,
  config: HubConfig,
  raw: unknown,
  now = new Date(),
): Promise<ReceiveResult> {
  const { peer, message, body } = await acceptHubMessage(db, config, raw, now);
  try {
    return await db.transaction(async (tx) => {
      const fresh = await tx.query(
        `INSERT INTO cross_border_inbox (sender_country, message_id, type) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING message_id`,
        [peer.country, message.messageId, message.type],
      );
      if (fresh.length === 0) {
        return { messageId: message.messageId, duplicate: true, applied: false, reference: null };
      }
      const handler = HANDLERS[message.type] as Handler;
      const result = await handler(tx, peer, body as never, { config, message });
      await appendIn(tx, {
        actor: hubActor(peer),
        action: `cross-border.receive`,
        object: `message:${message.messageId}`,
        outcome: 'success',
        details: {
          type: message.type,
          applied: result.applied,
          reference: result.reference,
          ...(result.note ? { note: result.note } : {}),
        },
      });
      return { messageId: message.messageId, duplicate: false, ...result };
    });
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    throw await rejectHubMessage(db, raw, 'refused', err.message, err.issues, err.kind);
  }
}

const HANDLERS: Record<HubMessageType, Handler> = {
  'application.forward': receiveForward as Handler,
  'application.status': receiveStatus as Handler,
  'application.decision': receiveDecision as Handler,
  'application.withdraw': receiveWithdraw as Handler,
  'application.information-request': receiveInformationRequest as Handler,
  'application.information-answer': receiveInformationAnswer as Handler,
  'application.fee-estimate': receiveFeeEstimate as Handler,
  'application.fee-accept': receiveFeeAccept as Handler,
};

/**
 * The account a peer's applicants act through here: one per peer, role data_user, with no password
 * (nobody signs in as it; its files are handled by the HDAB and answered through the peer).
 */
async function peerAccount(tx: Queryable, peer: StoredPeer): Promise<string> {
  const username = `peer-${peer.country.toLowerCase()}`;
  await tx.query(
    `INSERT INTO account (id, username, display_name, role, organisation_id, password_hash)
     VALUES ($1, $2, $3, 'data_user', NULL, NULL) ON CONFLICT (username) DO NOTHING`,
    [randomUUID(), username, `Applicant forwarded by ${peer.name} (${peer.country})`],
  );
  const [row] = await tx.query<{ id: string; role: string }>(
    'SELECT id, role FROM account WHERE username = $1',
    [username],
  );
  if (!row || row.role !== 'data_user') {
    throw conflict(
      `the account ${username} exists with role ${row?.role}; it is reserved for the peer ${peer.country}`,
    );
  }
  return row.id;
}

/**
 * The applicant's organisation, as the origin HDAB knows it: the organisation of that name, kind and
 * country if this hub has it, else a new one (unverified: Art. 53(2) standing is not taken on trust).
 */
async function applicantOrganisation(
  tx: Queryable,
  o: NonNullable<ForwardBody['applicant']['organisation']>,
): Promise<string> {
  const [known] = await tx.query<{ id: string }>(
    'SELECT id FROM organisation WHERE name = $1 AND kind = $2 AND country = $3 ORDER BY created_at LIMIT 1',
    [o.name, o.kind, o.country],
  );
  if (known) return known.id;
  const id = randomUUID();
  await tx.query('INSERT INTO organisation (id, name, kind, country) VALUES ($1, $2, $3, $4)', [
    id,
    o.name,
    o.kind,
    o.country,
  ]);
  return id;
}

async function newReference(tx: Queryable, kind: string, country: string): Promise<string> {
  const [row] = await tx.query<{ n: string }>(`SELECT nextval('application_reference_seq') AS n`);
  const year = new Date().getUTCFullYear();
  return `${country}-${kind === 'application' ? 'APP' : 'REQ'}-${year}-${String(row!.n).padStart(6, '0')}`;
}

/** A forwarded application becomes a local case file, SUBMITTED (it was submitted at the origin). */
async function receiveForward(
  tx: Queryable,
  peer: StoredPeer,
  body: ForwardBody,
  { config, message }: { config: HubConfig; message: HubMessage },
) {
  const [existing] = await tx.query<{ reference: string }>(
    'SELECT reference FROM application WHERE origin_hub = $1 AND origin_reference = $2',
    [peer.country, body.originReference],
  );
  if (existing) return { applied: false, reference: existing.reference };
  const foreign = (body.content.datasets ?? []).filter((d) => d.country !== config.hdab.country);
  if ((body.content.datasets ?? []).length === 0 || foreign.length > 0) {
    throw invalid(
      `a forwarded application names datasets of ${config.hdab.country} only, the country this hub decides for (Art. 68(5))`,
      foreign.map((d) => ({ path: 'body.content.datasets', message: `${d.datasetId} is in ${d.country}` })),
    );
  }
  const id = randomUUID();
  const applicantId = await peerAccount(tx, peer);
  const organisationId = body.applicant.organisation
    ? await applicantOrganisation(tx, body.applicant.organisation)
    : null;
  const reference = await newReference(tx, body.kind, config.hdab.country);
  await tx.query(
    `INSERT INTO application (id, reference, kind, status, applicant_id, organisation_id, content, accelerated,
                              submitted_at, origin_hub, origin_reference)
     VALUES ($1, $2, $3, 'SUBMITTED', $4, $5, $6::jsonb, $7, now(), $8, $9)`,
    [
      id,
      reference,
      body.kind,
      applicantId,
      organisationId,
      JSON.stringify(body.content),
      body.accelerated,
      peer.country,
      body.originReference,
    ],
  );
  await appendEvent(tx, {
    applicationId: id,
    event: 'forward-received',
    from: null,
    to: 'SUBMITTED',
    actorId: null,
    actor: hubActor(peer),
    details: {
      originHub: { country: peer.country, name: peer.name, url: peer.url },
      originReference: body.originReference,
      originSubmittedAt: body.submittedAt,
      applicant: body.applicant,
      messageId: message.messageId,
    },
  });
  await appendIn(tx, {
    actor: hubActor(peer),
    action: 'application.forward-received',
    object: `application:${id}`,
    outcome: 'success',
    details: { reference, originReference: body.originReference, origin: peer.country },
  });
  // The origin learns this hub's reference and that the copy is SUBMITTED here.
  await crossBorderAfterTransition(tx, id, 'forward-received', null);
  return { applied: true, reference };
}

/** At the origin: a peer's copy changed status. */
async function receiveStatus(tx: Queryable, peer: StoredPeer, body: StatusBody) {
  const row = await forwardRow(tx, peer, body.originReference);
  sameRemote(row, body.remoteReference, peer);
  if (!isNewerReport(Number(row.remote_seq), body.seq)) {
    return { applied: false, reference: body.originReference };
  }
  await tx.query(
    `UPDATE cross_border_forward
     SET remote_reference = $3, remote_status = $4, remote_outcome = $5, remote_reason = $6, remote_seq = $7,
         last_sync_at = now()
     WHERE application_id = $1 AND peer_country = $2`,
    [
      row.application_id,
      peer.country,
      body.remoteReference,
      body.status,
      body.outcome,
      body.reason,
      body.seq,
    ],
  );
  return { applied: true, reference: body.originReference };
}

/**
 * At the origin: a peer's decision. Its document must verify under the peer's key (it is the same
 * key that signs the peer's messages) and be the decision on the copy the peer reported.
 */
async function receiveDecision(tx: Queryable, peer: StoredPeer, body: DecisionBody) {
  const row = await forwardRow(tx, peer, body.originReference);
  sameRemote(row, body.remoteReference, peer);
  const check = verifyDocument(body.signed, peer.publicKey);
  if (!check.valid) {
    throw invalid(`the decision of ${peer.country} does not verify: ${check.reason}`, [
      { path: 'body.signed', message: check.reason },
    ]);
  }
  const doc = body.signed.document as
    { application?: { reference?: unknown }; outcome?: unknown } | undefined;
  const issues: { path: string; message: string }[] = [];
  if (check.type !== 'openehds.decision/v1')
    issues.push({ path: 'body.signed.type', message: `${check.type} is not a decision` });
  if (doc?.application?.reference !== body.remoteReference)
    issues.push({
      path: 'body.signed.document.application.reference',
      message: `not ${body.remoteReference}`,
    });
  if (doc?.outcome !== body.outcome)
    issues.push({ path: 'body.signed.document.outcome', message: `not ${body.outcome}` });
  if (issues.length) throw invalid(`the decision document does not match the message`, issues);
  if (row.decision_signed) {
    const same = JSON.stringify(row.decision_signed) === JSON.stringify(body.signed);
    if (same) return { applied: false, reference: body.originReference };
    // A decision is final (EHDS.md §5); a second, different one is a fault at the peer.
    throw conflict(`${peer.country} already sent a decision on ${body.remoteReference}`);
  }
  await tx.query(
    `UPDATE cross_border_forward
     SET remote_reference = $3, remote_status = 'DECISION_ISSUED', remote_outcome = $4, remote_seq = GREATEST(remote_seq, $5),
         decision_signed = $6::jsonb, decision_signed_at = $7, last_sync_at = now()
     WHERE application_id = $1 AND peer_country = $2`,
    [
      row.application_id,
      peer.country,
      body.remoteReference,
      body.outcome,
      body.seq,
      JSON.stringify(body.signed),
      check.signedAt,
    ],
  );
  return { applied: true, reference: body.originReference };
}

/** At a receiving hub: the applicant withdrew at the origin, so the copy is withdrawn (Art. 62(5)). */
async function receiveWithdraw(tx: Queryable, peer: StoredPeer, body: WithdrawBody) {
  const [copy] = await tx.query<{ id: string; reference: string; status: ApplicationStatus }>(
    'SELECT id, reference, status FROM application WHERE origin_hub = $1 AND origin_reference = $2 FOR UPDATE',
    [peer.country, body.originReference],
  );
  if (!copy) throw notFound(`application forwarded by ${peer.country}`, body.originReference);
  // A copy already decided or withdrawn stays as it is; the origin has its status.
  if (FINAL_STATUSES.has(copy.status)) return { applied: false, reference: copy.reference };
  const to = nextStatus(copy.status, 'withdraw');
  await tx.query(
    `UPDATE application SET status = $2, resume_status = NULL, updated_at = now() WHERE id = $1`,
    [copy.id, to],
  );
  const reason = body.reason ?? `withdrawn by the applicant at ${peer.name}`;
  await appendEvent(tx, {
    applicationId: copy.id,
    event: 'withdraw',
    from: copy.status,
    to,
    actorId: null,
    actor: hubActor(peer),
    reason,
  });
  await appendIn(tx, {
    actor: hubActor(peer),
    action: 'application.withdraw',
    object: `application:${copy.id}`,
    outcome: 'success',
    details: { from: copy.status, to, reason },
  });
  await crossBorderAfterTransition(tx, copy.id, 'withdraw', reason);
  return { applied: true, reference: copy.reference };
}
