import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDocument } from '@openehds/core';
import { createAccount } from '../auth/service';
import { DEMO_PASSWORD } from '../demo/seed';
import { hubKeyPair } from '../federation/hub-key';
import { createTestHub, type TestHub } from '../http/test-hub';
import { runPermitSweep } from './sweep';
import { grantTestPermit, walkToGrant } from './test-support';

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

// The permit after the grant over HTTP: read, amend, renew once on request, revoke, expire.
describe('permit lifecycle routes', () => {
  let hub: TestHub;
  const json = { 'x-requested-with': 'test' };
  const as = (who: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    hub.as(who, {
      method,
      url,
      headers: json,
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
  const audit = async (object: string) =>
    (
      await hub.db.query<{ action: string }>(
        'SELECT action FROM audit_event WHERE object = $1 ORDER BY seq',
        [object],
      )
    ).map((a) => a.action);

  beforeAll(async () => {
    hub = await createTestHub();
    const [holder] = await hub.db.query<{ organisation_id: string }>(
      `SELECT organisation_id FROM account WHERE username = 'holder-fi'`,
    );
    await hub.db.query(
      `INSERT INTO dataset (id, organisation_id, status, description) VALUES ('fi-biobank', $1, 'PUBLISHED', '{}'::jsonb)`,
      [holder!.organisation_id],
    );
    // Accounts whose username is the e-mail address of a named person (access.ts documents the mapping).
    for (const username of ['paul@bionova.example', 'lena@bionova.example'])
      await createAccount(hub.db, {
        username,
        displayName: username,
        role: 'data_user',
        organisationId: null,
        password: DEMO_PASSWORD,
      });
  });
  afterAll(() => hub?.close());

  it('amends, renews once on request and revokes a permit granted by a real decision', async () => {
    // Prepare: a permit from the whole procedure, valid from today for two years
    const from = isoDay(Date.now());
    const until = isoDay(Date.now() + 730 * DAY);
    const first = await walkToGrant(hub, { datasetId: 'fi-biobank', validFrom: from, validUntil: until });

    // Readers: the applicant, a named person, HDAB staff; nobody else.
    const list = (await as('user', 'GET', '/api/permits')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(first);
    expect((await as('paul@bionova.example', 'GET', `/api/permits/${first}`)).statusCode).toBe(200);
    expect((await as('lena@bionova.example', 'GET', `/api/permits/${first}`)).statusCode).toBe(404);
    expect((await as('lena@bionova.example', 'GET', '/api/permits')).json().items).toEqual([]);
    const view = (await as('hdab', 'GET', `/api/permits/${first}`)).json();
    expect(view).toMatchObject({ id: first, status: 'GRANTED', version: 1, current: true, active: true });
    expect(view.versions).toHaveLength(1);

    // New variables or datasets are a new application (D6.3), whatever else the body says.
    const substantive = await as('hdab', 'POST', `/api/permits/${first}/amend`, {
      reason: 'more data',
      datasets: [{ datasetId: 'es-registry', country: 'ES' }],
      variables: ['measurement.value'],
    });
    expect(substantive.statusCode).toBe(400);
    expect(substantive.json().detail).toMatch(/new application \(TEHDAS2 D6\.3\)/);
    expect(substantive.json().issues.map((i: { path: string }) => i.path)).toEqual(['datasets', 'variables']);
    expect((await as('hdab', 'POST', `/api/permits/${first}/amend`, { reason: 'nothing' })).statusCode).toBe(
      400,
    );
    expect((await as('user', 'POST', `/api/permits/${first}/amend`, { reason: 'x' })).statusCode).toBe(403);

    // Execute: adding a person is an administrative amendment
    const persons = [
      ...view.content.persons,
      { name: 'Lena Berg', email: 'lena@bionova.example', role: 'researcher' },
    ];
    const amended = await as('hdab', 'POST', `/api/permits/${first}/amend`, {
      reason: 'Lena Berg joins the team.',
      persons,
    });
    expect(amended.statusCode).toBe(201);
    const second = amended.json();
    expect(second).toMatchObject({
      status: 'AMENDED',
      version: 2,
      rootId: first,
      previousId: first,
      current: true,
      content: {
        lineage: { previousPermitId: first, status: 'AMENDED', reason: 'Lena Berg joins the team.' },
      },
    });
    expect(second.id).not.toBe(first);
    expect(second.content.persons.map((x: { email: string }) => x.email)).toContain('lena@bionova.example');
    expect(
      second.versions.map((v: { id: string; activeUntil: string | null }) => [v.id, v.activeUntil]),
    ).toEqual([
      [first, second.activeFrom],
      [second.id, null],
    ]);
    const { publicKey } = await hubKeyPair(hub.db);
    expect(verifyDocument(second.signed, publicKey)).toMatchObject({
      valid: true,
      type: 'openehds.permit/v1',
    });
    expect(second.signed.document.permitNumber).toBe(second.id);
    // All versions are kept; only the current one can change.
    const old = (await as('hdab', 'GET', `/api/permits/${first}`)).json();
    expect(old).toMatchObject({ status: 'GRANTED', current: false, currentVersionId: second.id });
    const stale = await as('hdab', 'POST', `/api/permits/${first}/revoke`, { reason: 'x' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toMatch(/superseded/);
    expect((await as('lena@bionova.example', 'GET', `/api/permits/${second.id}`)).statusCode).toBe(200);

    // Renewal (Art. 68(12)): only on the applicant's request, once, at most 10 more years.
    expect(
      (await as('hdab', 'POST', `/api/permits/${second.id}/renew`, { validUntil: until, reason: 'x' }))
        .statusCode,
    ).toBe(409);
    expect(
      (await as('paul@bionova.example', 'POST', `/api/permits/${second.id}/renewal-request`, {})).statusCode,
    ).toBe(403);
    const asked = await as('user', 'POST', `/api/permits/${second.id}/renewal-request`, {
      reason: 'Follow-up cohort needs two more years.',
    });
    expect(asked.statusCode).toBe(201);
    expect((await as('user', 'POST', `/api/permits/${second.id}/renewal-request`, {})).statusCode).toBe(409);
    const tooLong = await as('hdab', 'POST', `/api/permits/${second.id}/renew`, {
      validUntil: isoDay(Date.parse(until) + 11 * 366 * DAY),
      reason: 'Renewed.',
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().detail).toMatch(/at most 10 years/);
    const renewed = await as('hdab', 'POST', `/api/permits/${second.id}/renew`, {
      validUntil: isoDay(Date.parse(until) + 730 * DAY),
      reason: 'Renewed for the follow-up.',
    });
    expect(renewed.statusCode).toBe(201);
    const third = renewed.json();
    expect(third).toMatchObject({ status: 'RENEWED', version: 3, renewals: 1, previousId: second.id });
    expect(third.renewal.request).toBeNull();
    const again = await as('user', 'POST', `/api/permits/${third.id}/renewal-request`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toMatch(/one renewal only/);

    // Revocation (Art. 63) ends the chain.
    expect((await as('hdab', 'POST', `/api/permits/${third.id}/revoke`, {})).statusCode).toBe(400);
    const revoked = await as('hdab', 'POST', `/api/permits/${third.id}/revoke`, {
      reason: 'Data used outside the permitted purpose.',
    });
    expect(revoked.json()).toMatchObject({ status: 'REVOKED', current: false, active: false });
    expect(revoked.json().activeUntil).not.toBeNull();
    expect(
      (await as('hdab', 'POST', `/api/permits/${third.id}/revoke`, { reason: 'again' })).statusCode,
    ).toBe(409);
    expect(
      (await as('hdab', 'POST', `/api/permits/${third.id}/amend`, { reason: 'x', conditions: ['y'] })).json()
        .detail,
    ).toMatch(/revoked/);

    // Assert: history and audit name every change
    const final = (await as('user', 'GET', `/api/permits/${third.id}`)).json();
    expect(final.versions.map((v: { status: string }) => v.status)).toEqual([
      'GRANTED',
      'AMENDED',
      'REVOKED',
    ]);
    expect(final.history.map((e: { event: string }) => e.event)).toEqual([
      'superseded',
      'amend',
      'renewal-request',
      'superseded',
      'renew',
      'revoke',
    ]);
    expect(await audit(`permit:${first}`)).toEqual(['permit.grant', 'permit.amend']);
    expect(await audit(`permit:${second.id}`)).toEqual(['permit.renewal-request', 'permit.renew']);
    expect(await audit(`permit:${third.id}`)).toEqual(['permit.revoke']);
    // The revocation is a signed notice, with the reason and the deletion date.
    const notice = final.history.at(-1).signed;
    const file = await as('user', 'GET', `/api/permits/${third.id}/end-notice`);
    expect(file.headers['content-disposition']).toContain(`permit-end-${third.id}.json`);
    expect(file.json()).toEqual(notice);
    expect((await as('user', 'GET', `/api/permits/${first}/end-notice`)).statusCode).toBe(404);
    expect(verifyDocument(notice, publicKey)).toMatchObject({ valid: true, type: 'openehds.permit-end/v1' });
    expect(notice.document).toMatchObject({
      permitNumber: third.id,
      status: 'REVOKED',
      reason: revoked.json().reason,
      deletionDueAt: final.history.at(-1).details.deletionDueAt,
    });
  });

  it('keeps a renewal request across a later amendment of the chain', async () => {
    const permit = await grantTestPermit(hub.db, hub.config, {
      applicant: 'user',
      datasets: [{ datasetId: 'fi-biobank', country: 'FI' }],
      persons: [{ name: 'Marie Dubois', email: 'marie@bionova.example', role: 'principal_investigator' }],
      validFrom: new Date(Date.now() - 100 * DAY).toISOString(),
      validUntil: new Date(Date.now() + 200 * DAY).toISOString(),
    });
    expect((await as('user', 'POST', `/api/permits/${permit.id}/renewal-request`, {})).statusCode).toBe(201);
    const amended = await as('hdab', 'POST', `/api/permits/${permit.id}/amend`, {
      reason: 'New condition.',
      conditions: ['No linkage with other sources.'],
    });
    expect(amended.json().renewal.request).toMatchObject({ permitId: permit.id });
    const renewed = await as('hdab', 'POST', `/api/permits/${amended.json().id}/renew`, {
      validUntil: isoDay(Date.now() + 900 * DAY),
      reason: 'Renewed as requested.',
    });
    expect(renewed.statusCode).toBe(201);
    expect(renewed.json()).toMatchObject({
      status: 'RENEWED',
      version: 3,
      content: { conditions: ['No linkage with other sources.'] },
    });
  });

  it('renews on a timely request even when the HDAB decides after the permit expired', async () => {
    const permit = await grantTestPermit(hub.db, hub.config, {
      applicant: 'user',
      datasets: [{ datasetId: 'fi-biobank', country: 'FI' }],
      persons: [{ name: 'Marie Dubois', email: 'marie@bionova.example', role: 'principal_investigator' }],
      validFrom: new Date(Date.now() - 100 * DAY).toISOString(),
      validUntil: new Date(Date.now() + 40 * DAY).toISOString(),
    });
    expect((await as('user', 'POST', `/api/permits/${permit.id}/renewal-request`, {})).statusCode).toBe(201);
    const later = new Date(Date.parse(permit.validUntil) + DAY);
    expect((await runPermitSweep(hub.db, later)).expired).toContain(permit.id);
    const renewed = await as('hdab', 'POST', `/api/permits/${permit.id}/renew`, {
      validUntil: isoDay(Date.now() + 900 * DAY),
      reason: 'Renewed as requested in time.',
    });
    expect(renewed.statusCode).toBe(201);
    expect(renewed.json()).toMatchObject({ status: 'RENEWED', version: 2, renewals: 1 });
    // The expired version keeps its end; the renewal cannot be repeated.
    const old = (await as('hdab', 'GET', `/api/permits/${permit.id}`)).json();
    expect(old).toMatchObject({ status: 'EXPIRED', activeUntil: permit.validUntil });
    const again = await as('hdab', 'POST', `/api/permits/${permit.id}/renew`, {
      validUntil: isoDay(Date.now() + 950 * DAY),
      reason: 'Again.',
    });
    expect(again.statusCode).toBe(409);
  });

  it('refuses a renewal asked less than a month before expiry (Art. 68(12))', async () => {
    const permit = await grantTestPermit(hub.db, hub.config, {
      applicant: 'user',
      datasets: [{ datasetId: 'fi-biobank', country: 'FI' }],
      persons: [{ name: 'Marie Dubois', email: 'marie@bionova.example', role: 'principal_investigator' }],
      validFrom: new Date(Date.now() - 300 * DAY).toISOString(),
      validUntil: new Date(Date.now() + 20 * DAY).toISOString(),
    });
    const late = await as('user', 'POST', `/api/permits/${permit.id}/renewal-request`, {});
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toMatch(/at least one month before expiry \(Art\. 68\(12\)\)/);
  });

  it('expires permits by itself at the end of their period, once, with an audit event', async () => {
    // Prepare: a permit ending in ten days
    const permit = await grantTestPermit(hub.db, hub.config, {
      applicant: 'user',
      datasets: [{ datasetId: 'fi-biobank', country: 'FI' }],
      persons: [{ name: 'Marie Dubois', email: 'marie@bionova.example', role: 'principal_investigator' }],
      validFrom: new Date(Date.now() - 100 * DAY).toISOString(),
      validUntil: new Date(Date.now() + 10 * DAY).toISOString(),
    });
    // Execute: a sweep before, then two after the end
    expect((await runPermitSweep(hub.db)).expired).not.toContain(permit.id);
    const later = new Date(Date.parse(permit.validUntil) + DAY);
    expect((await runPermitSweep(hub.db, later)).expired).toContain(permit.id);
    expect((await runPermitSweep(hub.db, later)).expired).toEqual([]);
    // Assert
    const view = (await as('hdab', 'GET', `/api/permits/${permit.id}`)).json();
    expect(view).toMatchObject({ status: 'EXPIRED', activeUntil: permit.validUntil, current: false });
    expect(view.history.map((e: { event: string }) => e.event)).toEqual(['expire']);
    const { publicKey } = await hubKeyPair(hub.db);
    expect(verifyDocument(view.history[0].signed, publicKey)).toMatchObject({ valid: true });
    expect(view.history[0].signed.document).toMatchObject({
      status: 'EXPIRED',
      endedAt: permit.validUntil,
      reason: null,
    });
    expect(await audit(`permit:${permit.id}`)).toEqual(['permit.expire']);
    const expired = (await as('hdab', 'GET', '/api/permits?status=EXPIRED')).json();
    expect(expired.items.map((i: { id: string }) => i.id)).toEqual([permit.id]);
    expect(
      (await as('hdab', 'POST', `/api/permits/${permit.id}/revoke`, { reason: 'x' })).json().detail,
    ).toMatch(/expired on/);
  });
});
