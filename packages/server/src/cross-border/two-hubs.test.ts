import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CRITERION_IDS, exampleApplication, generateFederationKeyPair, verifyDocument } from '@openehds/core';
import { parseHubConfig, type HubConfig } from '../config';
import { signInDemoAccount } from '../demo/demo-sign-in';
import { hubKeyPair } from '../federation/hub-key';
import { startHub, type RunningHub } from '../start-hub';
import { HUB_MESSAGE_PATH, signHubMessage } from './message';
import { deliverOutbox, envelopeOf, listOutbox, type FetchLike } from './outbox';

// Two real hubs in this process, each listening on its own port with its own store: FI, where the
// applicant applies, and DE, whose HDAB decides on the German dataset (Art. 67(3), 68(5)).

interface Hub extends RunningHub {
  config: HubConfig;
  dir: string;
  tokens: Map<string, string>;
}

async function startCountryHub(country: string): Promise<Hub> {
  const dir = await mkdtemp(join(tmpdir(), `ehds-cross-border-${country.toLowerCase()}-`));
  const config = parseHubConfig({
    host: '127.0.0.1',
    port: 0,
    dataDir: dir,
    seedDemo: true,
    hdab: {
      name: `Health Data Access Body ${country} (test)`,
      country,
      email: `hdab@${country.toLowerCase()}.example`,
      url: `https://hdab.${country.toLowerCase()}.example`,
    },
    // Deliveries happen when the test says so, so each step sees exactly what it sent.
    crossBorderDeliverySeconds: 0,
    signInRateLimit: { perIp: 100_000, perUsername: 100_000, windowSeconds: 60 },
  });
  const hub = await startHub(config);
  return { ...hub, config, dir, tokens: new Map() };
}

/** One JSON request over HTTP, as `who` (a demo account, signed in once per hub), or anonymous. */
async function call(hub: Hub, who: string | null, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { 'x-requested-with': 'test' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (who) {
    let token = hub.tokens.get(who);
    if (!token) {
      const session = await signInDemoAccount(async (p, b) => {
        const r = await fetch(`${hub.url}${p}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(b),
        });
        return { status: r.status, body: await r.json() };
      }, who);
      token = session.token;
      hub.tokens.set(who, token);
    }
    headers.authorization = `Bearer ${token}`;
  }
  const res = await fetch(`${hub.url}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    body: (text ? JSON.parse(text) : null) as any, // eslint-disable-line @typescript-eslint/no-explicit-any
  };
}

async function addDataset(hub: Hub, id: string, holder: string): Promise<void> {
  const [h] = await hub.db.query<{ organisation_id: string }>(
    'SELECT organisation_id FROM account WHERE username = $1',
    [holder],
  );
  await hub.db.query(
    `INSERT INTO dataset (id, organisation_id, status, description) VALUES ($1, $2, 'PUBLISHED', '{}'::jsonb)`,
    [id, h!.organisation_id],
  );
}

describe('cross-border applications between two hubs', () => {
  let fi: Hub;
  let de: Hub;
  let fiKey: string;
  let deKey: string;

  beforeAll(async () => {
    [fi, de] = await Promise.all([startCountryHub('FI'), startCountryHub('DE')]);
    // Each hub's key as it publishes it; each admin then names the other hub as its peer.
    fiKey = (await call(fi, null, 'GET', '/api/federation/hub-key')).body.publicKey;
    deKey = (await call(de, null, 'GET', '/api/federation/hub-key')).body.publicKey;
    const peerFi = await call(de, 'admin', 'PUT', '/api/cross-border/peers', {
      peers: [{ country: 'FI', name: 'Findata (test)', url: fi.url, publicKey: fiKey }],
    });
    expect(peerFi.status).toBe(200);
    const peerDe = await call(fi, 'admin', 'PUT', '/api/cross-border/peers', {
      peers: [{ country: 'DE', name: 'FDZ Gesundheit (test)', url: de.url, publicKey: deKey }],
    });
    expect(peerDe.body.peers).toEqual([expect.objectContaining({ country: 'DE', url: de.url })]);
    await addDataset(fi, 'fi-biobank', 'holder-fi');
    await addDataset(de, 'de-heidelberg', 'holder-de');
  }, 60_000);

  afterAll(async () => {
    for (const hub of [fi, de]) {
      if (!hub) continue;
      await hub.stop();
      await rm(hub.dir, { recursive: true, force: true });
    }
  });

  const content = (datasets: { datasetId: string; country: string }[]) => ({
    ...exampleApplication(),
    datasets: datasets.map((d) => ({ ...d, variables: ['condition_occurrence'] })),
  });

  async function submitAtFi(datasets: { datasetId: string; country: string }[]) {
    const draft = await call(fi, 'user', 'POST', '/api/applications', {
      kind: 'application',
      content: content(datasets),
    });
    expect(draft.status).toBe(201);
    const submitted = await call(fi, 'user', 'POST', `/api/applications/${draft.body.id}/submit`);
    expect(submitted.status).toBe(200);
    return submitted.body as { id: string; reference: string; crossBorder: unknown[] };
  }

  const deCopyOf = async (originReference: string) => {
    const rows = await de.db.query<{ id: string; reference: string }>(
      'SELECT id, reference FROM application WHERE origin_hub = $1 AND origin_reference = $2',
      ['FI', originReference],
    );
    return rows;
  };

  const fiView = async (id: string) => (await call(fi, 'user', 'GET', `/api/applications/${id}`)).body;

  it('forwards the German part, lets DE decide, and shows the verified signed decision at FI', async () => {
    // Submit at FI an application naming a Finnish and a German dataset.
    const submitted = await submitAtFi([
      { datasetId: 'fi-biobank', country: 'FI' },
      { datasetId: 'de-heidelberg', country: 'DE' },
    ]);
    expect(submitted.crossBorder).toEqual([
      expect.objectContaining({
        country: 'DE',
        peer: { name: 'FDZ Gesundheit (test)', url: de.url },
        datasets: ['de-heidelberg'],
        remoteReference: null,
        remoteStatus: null,
        decision: null,
        forward: expect.objectContaining({ deliveredAt: null, attempts: 0 }),
      }),
    ]);
    expect(await deCopyOf(submitted.reference)).toEqual([]);

    // FI delivers: DE now has a SUBMITTED copy with the German dataset only, from the FI hub.
    const sent = await deliverOutbox(fi.db, fi.config);
    expect(sent.failed).toEqual([]);
    expect(sent.delivered).toHaveLength(1);
    const [copy] = await deCopyOf(submitted.reference);
    expect(copy!.reference).toMatch(/^DE-APP-\d{4}-\d{6}$/);
    const atDe = (await call(de, 'hdab', 'GET', `/api/applications/${copy!.id}`)).body;
    expect(atDe).toMatchObject({
      status: 'SUBMITTED',
      kind: 'application',
      applicant: { username: 'peer-fi' },
      organisation: { name: 'BioNova SAS (demo)', kind: 'biotech_company', country: 'FR' },
      completeness: [],
    });
    expect(atDe.content.datasets.map((d: { datasetId: string }) => d.datasetId)).toEqual(['de-heidelberg']);
    expect(atDe.content.persons).toEqual(exampleApplication().persons);
    expect(atDe.history).toEqual([
      expect.objectContaining({ event: 'forward-received', toStatus: 'SUBMITTED', actor: 'hub:FI' }),
    ]);
    const origin = (await call(de, 'hdab', 'GET', `/api/applications/${copy!.id}/cross-border`)).body;
    expect(origin.origin).toMatchObject({ country: 'FI', reference: submitted.reference });
    // The peer's service account has no password: nobody signs in as it.
    const [account] = await de.db.query<{ role: string; password_hash: string | null }>(
      `SELECT role, password_hash FROM account WHERE username = 'peer-fi'`,
    );
    expect(account).toEqual({ role: 'data_user', password_hash: null });

    // A retry of the forward (same message id, signed anew) is answered 200 and makes no second copy.
    const [forward] = (await listOutbox(fi.db)).filter((m) => m.type === 'application.forward');
    const retry = await fetch(`${de.url}${HUB_MESSAGE_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(await envelopeOf(fi.db, fi.config, forward!)),
    });
    expect(retry.status).toBe(200);
    expect(await retry.json()).toMatchObject({ messageId: forward!.id, duplicate: true, applied: false });
    expect(await deCopyOf(submitted.reference)).toHaveLength(1);

    // DE reports back: FI learns DE's reference and status.
    await deliverOutbox(de.db, de.config);
    let remote = (await fiView(submitted.id)).crossBorder[0];
    expect(remote).toMatchObject({
      remoteReference: copy!.reference,
      remoteStatus: 'SUBMITTED',
      forward: expect.objectContaining({ deliveredAt: expect.any(String), attempts: 1, lastError: null }),
    });
    expect(remote.lastSyncAt).toEqual(expect.any(String));

    // DE's back office handles the copy as any other file; each step goes back to FI.
    const path = `/api/applications/${copy!.id}`;
    await call(de, 'hdab', 'POST', `${path}/transitions`, { event: 'start-pre-screening' });
    await deliverOutbox(de.db, de.config);
    expect((await fiView(submitted.id)).crossBorder[0].remoteStatus).toBe('PRE_SCREENING');
    const processing = await call(de, 'hdab', 'POST', `${path}/transitions`, { event: 'complete' });
    expect(processing.body.status).toBe('PROCESSING');
    for (const criterion of CRITERION_IDS) {
      const verdict = criterion === '68(1)(b)' ? 'not_met' : 'met';
      const r = await call(de, 'hdab', 'PUT', `${path}/assessment/${criterion}`, {
        verdict,
        justification: `Checked ${criterion} for the German data.`,
      });
      expect(r.status, criterion).toBe(200);
    }
    const decided = await call(de, 'hdab', 'POST', `${path}/decision`, {
      outcome: 'REFUSED',
      reasons: 'The variables asked for exceed what the purpose needs (Art. 68(1)(b)).',
    });
    expect(decided.status).toBe(200);
    const deFile = (await call(de, 'hdab', 'GET', `${path}/decision`)).body;

    // DE delivers the status and the signed decision; the test keeps what went over the wire.
    const wire: { url: string; body: string }[] = [];
    const recording: FetchLike = async (url, init) => {
      wire.push({ url, body: String(init.body) });
      return fetch(url, init);
    };
    const back = await deliverOutbox(de.db, de.config, recording);
    expect(back.failed).toEqual([]);
    remote = (await fiView(submitted.id)).crossBorder[0];
    expect(remote).toMatchObject({
      country: 'DE',
      remoteReference: copy!.reference,
      remoteStatus: 'DECISION_ISSUED',
      remoteOutcome: 'REFUSED',
      decision: { outcome: 'REFUSED', signedAt: deFile.signature.signedAt },
    });
    // The decision at FI is DE's signed document, verifiable with DE's published key alone.
    expect(remote.decision.signed).toEqual(deFile);
    expect(verifyDocument(remote.decision.signed, deKey)).toMatchObject({
      valid: true,
      type: 'openehds.decision/v1',
    });
    expect(verifyDocument(remote.decision.signed, fiKey).valid).toBe(false);
    // The same view for HDAB staff at FI, and the dedicated route.
    const staffView = (await call(fi, 'hdab', 'GET', `/api/applications/${submitted.id}/cross-border`)).body;
    expect(staffView).toMatchObject({
      origin: null,
      copies: [expect.objectContaining({ remoteStatus: 'DECISION_ISSUED' })],
    });
    // FI's own file is untouched by DE's refusal: FI decides for the Finnish data.
    expect((await fiView(submitted.id)).status).toBe('SUBMITTED');

    // Replaying what went over the wire changes nothing.
    const decisionSent = wire.find((w) => JSON.parse(w.body).type === 'application.decision')!;
    expect(decisionSent.url).toBe(`${fi.url}${HUB_MESSAGE_PATH}`);
    const before = await fiView(submitted.id);
    const replay = await fetch(decisionSent.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: decisionSent.body,
    });
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({ duplicate: true, applied: false });
    expect((await fiView(submitted.id)).crossBorder).toEqual(before.crossBorder);
    // An older status report arriving late (a new message id, signed by DE) does not move FI back.
    const [deSecret] = [await hubKeyPair(de.db)];
    const late = signHubMessage(deSecret.privateKey, {
      sender: 'DE',
      recipient: 'FI',
      messageId: randomUUID(),
      type: 'application.status',
      body: {
        originReference: submitted.reference,
        remoteReference: copy!.reference,
        status: 'PROCESSING',
        outcome: null,
        event: 'complete',
        reason: null,
        seq: 1,
      },
    });
    const lateRes = await call(fi, null, 'POST', HUB_MESSAGE_PATH, late);
    expect(lateRes.body).toMatchObject({ duplicate: false, applied: false });
    expect((await fiView(submitted.id)).crossBorder[0].remoteStatus).toBe('DECISION_ISSUED');
  }, 120_000);

  it('walks a grant at DE: information asked and fee estimate accepted through FI, replays change nothing', async () => {
    // The wire of one delivery round, kept so the test can replay what was sent.
    const wire: { type: string; url: string; body: string }[] = [];
    const recording: FetchLike = async (url, init) => {
      wire.push({ type: JSON.parse(String(init.body)).type, url, body: String(init.body) });
      return fetch(url, init);
    };
    const replay = async (type: string) => {
      const sent = wire.filter((w) => w.type === type).at(-1)!;
      const res = await fetch(sent.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: sent.body,
      });
      return { status: res.status, body: await res.json() };
    };
    const fiToDe = async () => expect((await deliverOutbox(fi.db, fi.config, recording)).failed).toEqual([]);
    const deToFi = async () => expect((await deliverOutbox(de.db, de.config, recording)).failed).toEqual([]);

    // Prepare: an application naming the German dataset, forwarded; DE starts pre-screening.
    const submitted = await submitAtFi([{ datasetId: 'de-heidelberg', country: 'DE' }]);
    await fiToDe();
    const [copy] = await deCopyOf(submitted.reference);
    const path = `/api/applications/${copy!.id}`;
    await call(de, 'hdab', 'POST', `${path}/transitions`, { event: 'start-pre-screening' });

    // DE asks for information; the request reaches FI, where the applicant sees it open.
    const asked = await call(de, 'hdab', 'POST', `${path}/transitions`, {
      event: 'request-information',
      reason: 'State how long the German data will be kept after the study.',
    });
    expect(asked.body.status).toBe('AWAITING_ADDITIONAL_INFORMATION');
    await deToFi();
    let remote = (await fiView(submitted.id)).crossBorder[0];
    expect(remote).toMatchObject({
      remoteStatus: 'AWAITING_ADDITIONAL_INFORMATION',
      informationRequest: {
        seq: asked.body.history.at(-1).seq,
        reason: 'State how long the German data will be kept after the study.',
        open: true,
        answer: null,
      },
      feeEstimate: null,
    });
    // Only the applicant answers, and only an open request of a peer the file was forwarded to.
    const answerPath = `/api/applications/${submitted.id}/cross-border/DE/information`;
    const answerText = 'The German data is deleted six months after the study ends.';
    expect((await call(fi, 'researcher-thl', 'POST', answerPath, { answer: answerText })).status).toBe(404);
    const noCopy = `/api/applications/${submitted.id}/cross-border/SE/information`;
    expect((await call(fi, 'user', 'POST', noCopy, { answer: answerText })).status).toBe(404);
    expect((await call(fi, 'user', 'POST', answerPath, { answer: ' ' })).status).toBe(400);

    // The applicant answers at FI; the answer goes to DE, where the copy resumes, acted by hub:FI.
    const answered = await call(fi, 'user', 'POST', answerPath, { answer: answerText });
    expect(answered.status).toBe(200);
    expect(answered.body.copies[0].informationRequest).toMatchObject({
      open: false,
      answer: { text: answerText, delivery: { deliveredAt: null, attempts: 0 } },
    });
    expect((await call(fi, 'user', 'POST', answerPath, { answer: answerText })).status).toBe(409);
    await fiToDe();
    let atDe = (await call(de, 'hdab', 'GET', path)).body;
    expect(atDe.status).toBe('PRE_SCREENING');
    expect(atDe.history.at(-1)).toMatchObject({
      event: 'provide-information',
      fromStatus: 'AWAITING_ADDITIONAL_INFORMATION',
      toStatus: 'PRE_SCREENING',
      actor: 'hub:FI',
      reason: answerText,
    });
    const [peerAccount] = await de.db.query<{ id: string }>(
      `SELECT id FROM account WHERE username = 'peer-fi'`,
    );
    const [answerEvent] = await de.db.query<{ actor_id: string }>(
      `SELECT actor_id FROM application_event WHERE application_id = $1 AND event = 'provide-information'`,
      [copy!.id],
    );
    expect(answerEvent!.actor_id).toBe(peerAccount!.id);
    const deAudit = async (action: string) =>
      de.db.query<{ actor: string }>(
        `SELECT actor FROM audit_event WHERE action = $1 AND object = $2 ORDER BY seq`,
        [action, `application:${copy!.id}`],
      );
    expect(await deAudit('application.provide-information')).toEqual([{ actor: 'hub:FI' }]);
    // A replayed answer is a duplicate; the same answer under a new message id finds no open request.
    expect(await replay('application.information-answer')).toMatchObject({
      status: 200,
      body: { duplicate: true, applied: false },
    });
    const fiSecret = await hubKeyPair(fi.db);
    const sentAnswer = JSON.parse(wire.find((w) => w.type === 'application.information-answer')!.body);
    const again = signHubMessage(fiSecret.privateKey, {
      sender: 'FI',
      recipient: 'DE',
      messageId: randomUUID(),
      type: 'application.information-answer',
      body: sentAnswer.body,
    });
    expect((await call(de, null, 'POST', HUB_MESSAGE_PATH, again)).body).toMatchObject({
      duplicate: false,
      applied: false,
      note: expect.stringMatching(/PRE_SCREENING/),
    });
    atDe = (await call(de, 'hdab', 'GET', path)).body;
    expect(atDe.history.filter((e: { event: string }) => e.event === 'provide-information')).toHaveLength(1);
    expect(atDe.status).toBe('PRE_SCREENING');

    // DE completes, assesses, asks the German holder its cost, and sends the estimate.
    await call(de, 'hdab', 'POST', `${path}/transitions`, { event: 'complete' });
    for (const criterion of CRITERION_IDS) {
      const r = await call(de, 'hdab', 'PUT', `${path}/assessment/${criterion}`, {
        verdict: 'met',
        justification: `Checked ${criterion} for the German data.`,
      });
      expect(r.status, criterion).toBe(200);
    }
    expect((await call(de, 'hdab', 'POST', `${path}/holder-costs`)).status).toBe(200);
    const cost = await call(de, 'holder-de', 'PUT', `/api/holder/cost-requests/${copy!.id}`, {
      amount: 850,
      note: 'Extraction from the Heidelberg registry',
    });
    expect(cost.status).toBe(200);
    const sentEstimate = await call(de, 'hdab', 'POST', `${path}/fee-estimate`);
    expect(sentEstimate.status).toBe(200);
    const grant = {
      outcome: 'GRANTED',
      reasons: 'Every point of Art. 68(1) and 68(2) is met for the German data.',
      validFrom: '2027-01-01',
      validUntil: '2029-12-31',
    };
    // Not yet: the applicant has not accepted the estimate (Art. 62).
    expect((await call(de, 'hdab', 'POST', `${path}/decision`, grant)).status).toBe(409);

    // The estimate reaches FI, itemised, with the holder's cost; the applicant accepts it there.
    await deToFi();
    remote = (await fiView(submitted.id)).crossBorder[0];
    expect(remote.remoteStatus).toBe('PROCESSING');
    expect(remote.informationRequest.open).toBe(false);
    expect(remote.feeEstimate).toMatchObject({
      id: sentEstimate.body.id,
      estimate: sentEstimate.body.estimate,
      accepted: false,
      acceptedAt: null,
      delivery: null,
    });
    expect(remote.feeEstimate.estimate.lines).toContainEqual(
      expect.objectContaining({ phase: 'holder', amount: 850 }),
    );
    const acceptPath = `/api/applications/${submitted.id}/cross-border/DE/fee-estimate/accept`;
    expect((await call(fi, 'researcher-thl', 'POST', acceptPath)).status).toBe(404);
    const accepted = await call(fi, 'user', 'POST', acceptPath);
    expect(accepted.status).toBe(200);
    expect(accepted.body.copies[0].feeEstimate).toMatchObject({
      accepted: true,
      acceptedAt: expect.any(String),
    });
    // Accepting again is answered with the same state and sends nothing more.
    expect((await call(fi, 'user', 'POST', acceptPath)).status).toBe(200);
    const accepts = (await listOutbox(fi.db, { applicationId: submitted.id })).filter(
      (m) => m.type === 'application.fee-accept',
    );
    expect(accepts).toHaveLength(1);
    await fiToDe();
    const deEstimate = (await call(de, 'hdab', 'GET', path)).body.feeEstimate;
    expect(deEstimate).toMatchObject({ id: sentEstimate.body.id, acknowledgedAt: expect.any(String) });
    expect(await deAudit('application.fee-accept')).toEqual([{ actor: 'hub:FI' }]);
    expect(await replay('application.fee-accept')).toMatchObject({
      status: 200,
      body: { duplicate: true, applied: false },
    });
    expect((await call(de, 'hdab', 'GET', path)).body.feeEstimate).toEqual(deEstimate);
    expect(await deAudit('application.fee-accept')).toHaveLength(1);
    // An acceptance of another total than the one DE sent is refused, even signed by FI.
    const sentAccept = JSON.parse(wire.find((w) => w.type === 'application.fee-accept')!.body);
    const otherTotal = signHubMessage(fiSecret.privateKey, {
      sender: 'FI',
      recipient: 'DE',
      messageId: randomUUID(),
      type: 'application.fee-accept',
      body: { ...sentAccept.body, total: sentAccept.body.total - 100 },
    });
    const refused = await call(de, null, 'POST', HUB_MESSAGE_PATH, otherTotal);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/not the .* EUR accepted/);
    remote = (await fiView(submitted.id)).crossBorder[0];
    expect(remote.feeEstimate.delivery).toMatchObject({ deliveredAt: expect.any(String), lastError: null });

    // DE grants; FI shows DE's signed GRANTED decision with the permit number, checked with DE's key.
    const decided = await call(de, 'hdab', 'POST', `${path}/decision`, grant);
    expect(decided.status).toBe(200);
    expect(decided.body.permitId).toMatch(/^DE-/);
    await deToFi();
    remote = (await fiView(submitted.id)).crossBorder[0];
    expect(remote).toMatchObject({
      remoteStatus: 'DECISION_ISSUED',
      remoteOutcome: 'GRANTED',
      decision: { outcome: 'GRANTED' },
    });
    expect(remote.decision.signed).toEqual(decided.body.signed);
    expect(remote.decision.signed.document.permit.permitNumber).toBe(decided.body.permitId);
    expect(verifyDocument(remote.decision.signed, deKey)).toMatchObject({
      valid: true,
      type: 'openehds.decision/v1',
    });
    // The decided copy takes no more answers.
    expect((await call(fi, 'user', 'POST', answerPath, { answer: answerText })).status).toBe(409);
  }, 120_000);

  it('refuses messages signed by a third key, from unknown senders, stale or misaddressed, and audits them', async () => {
    const third = generateFederationKeyPair();
    const deSecret = await hubKeyPair(de.db);
    const status = {
      originReference: 'FI-APP-2027-999999',
      remoteReference: 'DE-APP-2027-999999',
      status: 'PROCESSING',
      outcome: null,
      event: 'complete',
      reason: null,
      seq: 1,
    };
    const message = (over: Partial<{ sender: string; recipient: string }> = {}) => ({
      sender: 'DE',
      recipient: 'FI',
      messageId: randomUUID(),
      type: 'application.status' as const,
      body: status,
      ...over,
    });
    const cases = [
      { reason: 'bad-signature', status: 401, envelope: signHubMessage(third.privateKey, message()) },
      {
        reason: 'unknown-sender',
        status: 401,
        envelope: signHubMessage(third.privateKey, message({ sender: 'SE' })),
      },
      {
        reason: 'stale',
        status: 401,
        envelope: signHubMessage(deSecret.privateKey, message(), new Date(Date.now() - 10 * 60_000)),
      },
      {
        reason: 'wrong-recipient',
        status: 400,
        envelope: signHubMessage(deSecret.privateKey, message({ recipient: 'SE' })),
      },
      { reason: 'unsigned', status: 401, envelope: { ...message(), signature: '' } },
    ];
    for (const c of cases) {
      const res = await call(fi, null, 'POST', HUB_MESSAGE_PATH, c.envelope);
      expect(res.status, c.reason).toBe(c.status);
      expect(res.type, c.reason).toMatch(/^application\/problem\+json/);
      expect(res.body.issues[0], c.reason).toEqual({ path: 'reason', message: c.reason });
    }
    // An authentic message about an application FI never forwarded is refused too (404), and audited.
    const unknown = await call(
      fi,
      null,
      'POST',
      HUB_MESSAGE_PATH,
      signHubMessage(deSecret.privateKey, message()),
    );
    expect(unknown.status).toBe(404);
    const audit = await fi.db.query<{ actor: string; details: { reason: string } }>(
      `SELECT actor, details FROM audit_event WHERE action = 'cross-border.reject' ORDER BY seq`,
    );
    expect(audit.map((a) => a.details.reason)).toEqual([
      'bad-signature',
      'unknown-sender',
      'stale',
      'wrong-recipient',
      'unsigned',
      'refused',
    ]);
    expect(audit[0]!.actor).toBe('hub:DE');
  });

  it('withdraws the copy when the applicant withdraws at the origin, in order even if sent together', async () => {
    const submitted = await submitAtFi([{ datasetId: 'de-heidelberg', country: 'DE' }]);
    // Withdrawn before the forward went out: one delivery round sends the forward, then the withdrawal.
    const withdrawn = await call(fi, 'user', 'POST', `/api/applications/${submitted.id}/withdraw`, {
      reason: 'Funding ended.',
    });
    expect(withdrawn.body.status).toBe('WITHDRAWN');
    const round = await deliverOutbox(fi.db, fi.config);
    expect(round.delivered).toHaveLength(2);
    const [copy] = await deCopyOf(submitted.reference);
    const atDe = (await call(de, 'hdab', 'GET', `/api/applications/${copy!.id}`)).body;
    expect(atDe.status).toBe('WITHDRAWN');
    expect(atDe.history.map((e: { event: string; actor: string }) => `${e.event} ${e.actor}`)).toEqual([
      'forward-received hub:FI',
      'withdraw hub:FI',
    ]);
    expect(atDe.history[1].reason).toBe('Funding ended.');
    await deliverOutbox(de.db, de.config);
    expect((await fiView(submitted.id)).crossBorder[0]).toMatchObject({
      remoteReference: copy!.reference,
      remoteStatus: 'WITHDRAWN',
    });
  }, 60_000);

  it('keeps a message for a peer that cannot be reached and retries it with backoff', async () => {
    const saved = (await call(fi, 'admin', 'GET', '/api/cross-border/peers')).body.peers;
    // DE moves to an address where nothing listens.
    await call(fi, 'admin', 'PUT', '/api/cross-border/peers', {
      peers: [{ country: 'DE', name: 'FDZ Gesundheit (test)', url: 'http://127.0.0.1:9', publicKey: deKey }],
    });
    try {
      const submitted = await submitAtFi([{ datasetId: 'de-heidelberg', country: 'DE' }]);
      const first = await deliverOutbox(fi.db, fi.config);
      expect(first.failed).toEqual([
        { id: expect.any(String), error: expect.stringMatching(/^not reached/) },
      ]);
      const [pending] = (await listOutbox(fi.db, { pending: true })).filter(
        (m) => m.applicationId === submitted.id,
      );
      expect(pending).toMatchObject({
        attempts: 1,
        deliveredAt: null,
        lastError: expect.stringMatching(/not reached/),
      });
      expect(Date.parse(pending!.nextAttemptAt)).toBeGreaterThan(Date.now());
      // Not due yet: the next round leaves it alone.
      expect((await deliverOutbox(fi.db, fi.config)).failed).toEqual([]);
      // DE is back and the retry is due: it goes through, once.
      await call(fi, 'admin', 'PUT', '/api/cross-border/peers', {
        peers: saved.map(({ country, name, url, publicKey }: Record<string, string>) => ({
          country,
          name,
          url,
          publicKey,
        })),
      });
      const later = () => new Date(Date.now() + 60_000);
      const retried = await deliverOutbox(fi.db, fi.config, fetch, later);
      expect(retried.delivered).toEqual([pending!.id]);
      expect(await deCopyOf(submitted.reference)).toHaveLength(1);
      const view = (await fiView(submitted.id)).crossBorder[0];
      expect(view.forward).toMatchObject({ attempts: 2, lastError: null, deliveredAt: expect.any(String) });
    } finally {
      await call(fi, 'admin', 'PUT', '/api/cross-border/peers', {
        peers: saved.map(({ country, name, url, publicKey }: Record<string, string>) => ({
          country,
          name,
          url,
          publicKey,
        })),
      });
    }
  }, 60_000);
});
