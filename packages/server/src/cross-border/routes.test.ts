import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFederationKeyPair, keyFingerprint } from '@openehds/core';
import { createTestHub, type TestHub } from '../http/test-hub';
import { submittedApplication } from '../applications/test-files';
import { HUB_MESSAGE_PATH, signHubMessage, type HubMessageType } from './message';
import { listOutbox } from './outbox';
import { peersFromEnv } from './peer-config';
import { listPeers, loadConfiguredPeers } from './peers';

// The admin side of cross-border exchange (peers, outbox) and the case-file view, in process.
describe('cross-border peers, outbox and views', () => {
  let hub: TestHub;
  const de = generateFederationKeyPair();
  const json = { 'x-requested-with': 'test' };
  const hdab = { name: 'Findata (test)', country: 'FI', email: 'hdab@fi.example', url: 'https://fi.example' };
  const peerDe = {
    country: 'DE',
    name: 'FDZ Gesundheit',
    url: 'http://127.0.0.1:9/',
    publicKey: de.publicKey,
  };

  beforeAll(async () => {
    // DE is a peer from the configuration; its address has nobody listening, and the timer runs each second.
    hub = await createTestHub({ hdab, peers: [peerDe], crossBorderDeliverySeconds: 1 });
  });
  afterAll(() => hub?.close());

  const as = (who: string, method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown) =>
    hub.as(who, {
      method,
      url,
      headers: json,
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });

  it('starts with the configured peers, which an admin can replace, never with the hub’s own country', async () => {
    const listed = (await as('admin', 'GET', '/api/cross-border/peers')).json();
    expect(listed).toEqual({
      country: 'FI',
      peers: [
        expect.objectContaining({
          country: 'DE',
          url: 'http://127.0.0.1:9',
          fingerprint: keyFingerprint(de.publicKey),
        }),
      ],
    });

    const own = await as('admin', 'PUT', '/api/cross-border/peers', {
      peers: [peerDe, { ...peerDe, country: 'FI' }],
    });
    expect(own.statusCode).toBe(400);
    expect(own.json().issues).toEqual([{ path: 'peers[1].country', message: expect.stringMatching(/FI/) }]);
    const bad = await as('admin', 'PUT', '/api/cross-border/peers', {
      peers: [peerDe, { ...peerDe, url: 'not a url', publicKey: 'abc' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['peers[1].country', 'peers[1].publicKey', 'peers[1].url']);
    const es = generateFederationKeyPair();
    const replaced = await as('admin', 'PUT', '/api/cross-border/peers', {
      peers: [peerDe, { country: 'ES', name: 'IACS', url: 'http://127.0.0.1:9', publicKey: es.publicKey }],
    });
    expect(replaced.json().peers.map((p: { country: string }) => p.country)).toEqual(['DE', 'ES']);
    const audit = await hub.db.query<{ actor: string }>(
      `SELECT actor FROM audit_event WHERE action = 'cross-border.peers'`,
    );
    expect(audit).toEqual([{ actor: 'account:admin' }]);
    await as('admin', 'PUT', '/api/cross-border/peers', { peers: [peerDe] });
  });

  it('refuses a configured peer for the hub’s own country at start', async () => {
    // What crossBorderRoutes runs at start with the `peers` config key.
    await expect(loadConfiguredPeers(hub.db, [{ ...peerDe, country: 'FI' }], 'FI')).rejects.toThrow(
      /own country/,
    );
    expect((await listPeers(hub.db)).map((p) => p.country)).toEqual(['DE']);
  });

  it('reads peers from EHDS_PEERS', () => {
    expect(peersFromEnv({ EHDS_PEERS: JSON.stringify([peerDe]) })).toEqual([peerDe]);
    expect(peersFromEnv({})).toEqual([]);
  });

  it('forwards only datasets of peer countries; the timer retries an unreachable peer', async () => {
    // The demo application names a Finnish dataset only: nothing to forward.
    const local = await submittedApplication(hub);
    expect((await as('user', 'GET', `/api/applications/${local}`)).json().crossBorder).toEqual([]);

    const draft = (
      await as('user', 'POST', '/api/applications', {
        kind: 'application',
        content: {
          ...(await as('user', 'GET', `/api/applications/${local}`)).json().content,
          datasets: [
            { datasetId: 'fi-biobank', country: 'FI' },
            { datasetId: 'de-heidelberg', country: 'DE' },
            { datasetId: 'se-registry', country: 'SE' },
          ],
        },
      })
    ).json();
    const submitted = (await as('user', 'POST', `/api/applications/${draft.id}/submit`)).json();
    expect(submitted.crossBorder.map((c: { country: string }) => c.country)).toEqual(['DE']);

    // The hub's own timer tries the delivery, fails (nobody at DE's address) and keeps the message.
    let pending = (await listOutbox(hub.db, { pending: true }))[0];
    for (let i = 0; i < 100 && (pending?.attempts ?? 0) === 0; i++) {
      await new Promise((r) => setTimeout(r, 200));
      pending = (await listOutbox(hub.db, { pending: true }))[0];
    }
    expect(pending).toMatchObject({
      type: 'application.forward',
      applicationId: draft.id,
      deliveredAt: null,
      lastError: expect.stringMatching(/not reached/),
    });
    expect(pending!.attempts).toBeGreaterThanOrEqual(1);
    const outbox = (await as('admin', 'GET', '/api/cross-border/outbox?pending=true')).json();
    expect(outbox.items.map((m: { id: string }) => m.id)).toContain(pending!.id);
  }, 30_000);

  it('shows the cross-border part to the applicant and HDAB staff only', async () => {
    const id = await submittedApplication(hub);
    const mine = await as('user', 'GET', `/api/applications/${id}/cross-border`);
    expect(mine.json()).toMatchObject({ origin: null, copies: [] });
    expect((await as('hdab', 'GET', `/api/applications/${id}/cross-border`)).statusCode).toBe(200);
    expect((await as('researcher-thl', 'GET', `/api/applications/${id}/cross-border`)).statusCode).toBe(404);
    expect((await as('holder-fi', 'GET', `/api/applications/${id}/cross-border`)).statusCode).toBe(403);
  });

  it('relays a request and an estimate from DE to the applicant, whose answer and acceptance go to DE', async () => {
    // Prepare: a file forwarded to DE (unreachable here: the test signs DE's messages with DE's key).
    const content = (await as('user', 'GET', `/api/applications/${await submittedApplication(hub)}`)).json()
      .content;
    const draft = (
      await as('user', 'POST', '/api/applications', {
        kind: 'application',
        content: { ...content, datasets: [{ datasetId: 'de-heidelberg', country: 'DE' }] },
      })
    ).json();
    const file = (await as('user', 'POST', `/api/applications/${draft.id}/submit`)).json();
    const fromDe = (type: HubMessageType, body: unknown) =>
      hub.app.inject({
        method: 'POST',
        url: HUB_MESSAGE_PATH,
        payload: signHubMessage(de.privateKey, {
          sender: 'DE',
          recipient: 'FI',
          messageId: randomUUID(),
          type,
          body,
        }),
      });
    const answerUrl = `/api/applications/${draft.id}/cross-border/DE/information`;
    const acceptUrl = `/api/applications/${draft.id}/cross-border/DE/fee-estimate/accept`;
    const answer = { answer: 'Kept for five years, then deleted.' };

    // Nothing to answer or accept before DE confirmed the copy and asked.
    expect((await as('user', 'POST', answerUrl, answer)).statusCode).toBe(409);
    expect((await as('user', 'POST', acceptUrl)).json().detail).toMatch(/not sent a fee estimate/);

    // DE confirms, asks for information and sends an estimate.
    const ids = { originReference: file.reference, remoteReference: 'DE-APP-2027-000042' };
    const status = await fromDe('application.status', {
      ...ids,
      status: 'AWAITING_ADDITIONAL_INFORMATION',
      outcome: null,
      event: 'request-information',
      reason: 'How long is the data kept?',
      seq: 3,
    });
    expect(status.statusCode).toBe(200);
    const request = {
      ...ids,
      requestSeq: 3,
      reason: 'How long is the data kept?',
      requestedAt: new Date().toISOString(),
    };
    expect((await fromDe('application.information-request', request)).json()).toMatchObject({
      applied: true,
    });
    const estimate = {
      lines: [{ phase: 'assessment', description: 'Assessment', payee: 'FDZ Gesundheit', amount: 500 }],
      reduction: null,
      total: 500,
      currency: 'EUR',
    };
    const estimateId = randomUUID();
    const sent = { ...ids, estimateId, estimate, sentAt: new Date().toISOString() };
    // An estimate that is not an Art. 62 estimate of this shape is refused as malformed.
    const bad = await fromDe('application.fee-estimate', {
      ...sent,
      estimate: { ...estimate, currency: 'USD' },
    });
    expect(bad.statusCode).toBe(400);
    expect((await fromDe('application.fee-estimate', sent)).json()).toMatchObject({ applied: true });
    const copy = (await as('user', 'GET', `/api/applications/${draft.id}`)).json().crossBorder[0];
    expect(copy).toMatchObject({
      informationRequest: { seq: 3, reason: 'How long is the data kept?', open: true, answer: null },
      feeEstimate: { id: estimateId, estimate, accepted: false },
    });

    // Staff and other users do not answer for the applicant.
    expect((await as('hdab', 'POST', answerUrl, answer)).statusCode).toBe(403);
    expect((await as('researcher-thl', 'POST', acceptUrl)).statusCode).toBe(404);

    // The applicant answers and accepts: one message each for DE, naming the request and the estimate.
    expect((await as('user', 'POST', answerUrl, answer)).json().copies[0].informationRequest.open).toBe(
      false,
    );
    expect((await as('user', 'POST', acceptUrl)).json().copies[0].feeEstimate.accepted).toBe(true);
    const outbox = (await listOutbox(hub.db, { applicationId: draft.id })).filter((m) =>
      ['application.information-answer', 'application.fee-accept'].includes(m.type),
    );
    expect(outbox.map((m) => [m.type, m.peerCountry, m.body])).toEqual([
      ['application.fee-accept', 'DE', { ...ids, estimateId, total: 500, acceptedAt: expect.any(String) }],
      [
        'application.information-answer',
        'DE',
        { ...ids, requestSeq: 3, answer: answer.answer, answeredAt: expect.any(String) },
      ],
    ]);
    const audit = await hub.db.query<{ action: string; actor: string }>(
      `SELECT action, actor FROM audit_event WHERE object = $1 AND action LIKE 'cross-border.%' ORDER BY seq`,
      [`application:${draft.id}`],
    );
    expect(audit).toEqual([
      { action: 'cross-border.information-answer', actor: 'account:user' },
      { action: 'cross-border.fee-accept', actor: 'account:user' },
    ]);
  });

  it('refuses unsigned and malformed hub messages as problem+json', async () => {
    const unsigned = await hub.app.inject({ method: 'POST', url: '/api/cross-border/messages', payload: {} });
    expect(unsigned.statusCode).toBe(401);
    const malformed = await hub.app.inject({
      method: 'POST',
      url: '/api/cross-border/messages',
      payload: { sender: 'de', signature: 'x' },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(malformed.json().issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['reason', 'sender', 'messageId', 'signature']),
    );
  });
});
