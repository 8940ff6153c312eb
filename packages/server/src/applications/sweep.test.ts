import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDocument } from '@openehds/core';
import { hubKeyPair } from '../federation/hub-key';
import { createTestHub, type TestHub } from '../http/test-hub';
import { lapseOverdue } from './sweep';
import { submittedApplication } from './test-files';

// Art. 68(4): no answer to a request for information within 4 weeks refuses the application.
describe('lapse of files awaiting information', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await createTestHub();
  });
  afterAll(() => hub?.close());

  it('refuses a file only once its 4 weeks have passed, recording the system as actor', async () => {
    const id = await submittedApplication(hub);
    const headers = { 'x-requested-with': 'test' };
    const staff = (payload: object) =>
      hub.as('hdab', { method: 'POST', url: `/api/applications/${id}/transitions`, headers, payload });
    await staff({ event: 'start-pre-screening' });
    await staff({ event: 'request-information', reason: 'Which ethics committee?' });

    const day = 24 * 3600_000;
    expect(await lapseOverdue(hub.db, hub.config, new Date(Date.now() + 27 * day))).toEqual([]);
    expect(await lapseOverdue(hub.db, hub.config, new Date(Date.now() + 29 * day))).toEqual([id]);

    const file = (await hub.as('user', { method: 'GET', url: `/api/applications/${id}` })).json();
    expect(file).toMatchObject({ status: 'DECISION_ISSUED', outcome: 'REFUSED' });
    expect(file.history.at(-1)).toMatchObject({
      event: 'lapse',
      actor: 'system',
      reason: expect.stringMatching(/68\(4\)/),
    });
    // The refusal is a signed decision like the staff's, for the applicant to keep and verify.
    const signed = (await hub.as('user', { method: 'GET', url: `/api/applications/${id}/decision` })).json();
    const { publicKey } = await hubKeyPair(hub.db);
    expect(verifyDocument(signed, publicKey)).toMatchObject({ valid: true, type: 'openehds.decision/v1' });
    expect(signed.document).toMatchObject({
      outcome: 'REFUSED',
      reasons: expect.stringMatching(/68\(4\)/),
      permit: null,
      decidedBy: hub.config.hdab.name,
    });
    // A second sweep finds nothing more to do.
    expect(await lapseOverdue(hub.db, hub.config, new Date(Date.now() + 30 * day))).toEqual([]);
  });
});
