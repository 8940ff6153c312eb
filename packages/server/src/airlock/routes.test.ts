import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from '@openehds/testing';
import { signInDemoAccount } from '../demo/demo-sign-in';
import { grantTestPermit } from '../permits/test-support';
import type { PermitRecord } from '../permits/store';

const DAY = 86_400_000;
const csv = (rows: string[]) => Buffer.from(`${rows.join('\n')}\n`).toString('base64');

// The airlock end to end over the hub's API: a node hands in a job's outputs under a permit, the
// author submits them, two output checkers (never the author) review, one approves, one releases,
// and only then does the author get the files (Art. 73(2)). Every step is audited.
describe('the airlock', () => {
  let world: TestWorld;
  let permit: PermitRecord;
  const tokens = new Map<string, string>();
  const as = async (username: string, method: 'GET' | 'POST', url: string, payload?: object) => {
    let token = tokens.get(username);
    if (!token) {
      const post = async (path: string, body: unknown) => {
        const res = await world.hub.app.inject({ method: 'POST', url: path, payload: body as object });
        return { status: res.statusCode, body: res.json() as unknown, setCookie: undefined };
      };
      token = (await signInDemoAccount(post, username)).token;
      tokens.set(username, token);
    }
    return world.hub.app.inject({ method, url, payload, headers: { authorization: `Bearer ${token}` } });
  };
  const handIn = (files: { name: string; mediaType: string; contentBase64: string }[], author = 'user') =>
    world.nodes[0]!.runtime.send('airlock.outputs', {
      permitId: permit.id,
      origin: { kind: 'job', id: 'job-1' },
      author,
      files,
    }) as Promise<{ id: string; reference: string; status: string }>;

  beforeAll(async () => {
    world = await createTestWorld({ nodes: 2, start: false });
    await world.hub.db.query(
      `INSERT INTO dataset (id, node_id, status, description) VALUES ('fi-biobank', $1, 'PUBLISHED', '{}')`,
      [world.nodes[0]!.identity.nodeId],
    );
    permit = await grantTestPermit(world.hub.db, world.hub.config, {
      applicant: 'user',
      datasets: [{ datasetId: 'fi-biobank', country: 'FI' }],
      persons: [{ name: 'Marie Dubois', email: 'marie@bionova.example', role: 'principal_investigator' }],
      validFrom: new Date(Date.now() - DAY).toISOString(),
      validUntil: new Date(Date.now() + 365 * DAY).toISOString(),
    });
  });
  afterAll(() => world?.close());

  it('walks outputs from the node through two reviews to release, and only then to the author', async () => {
    // Prepare: a job's outputs arrive from the node that holds the permit's data
    const received = await handIn([
      { name: 'table.csv', mediaType: 'text/csv', contentBase64: csv(['group,n', 'a,40', 'b,55']) },
      { name: 'plot.png', mediaType: 'image/png', contentBase64: Buffer.from('PNG…').toString('base64') },
    ]);
    expect(received).toMatchObject({
      status: 'PENDING',
      reference: expect.stringMatching(/^OUT-\d{4}-\d{6}$/),
    });
    const id = received.id;
    const view = (await as('user', 'GET', `/api/airlock/${id}`)).json();
    expect(
      view.files.map((f: { name: string; autoCheck: { outcome: string } }) => [f.name, f.autoCheck.outcome]),
    ).toEqual([
      ['plot.png', 'review'],
      ['table.csv', 'pass'],
    ]);

    // Execute: submit, two reviews, decision, release
    expect((await as('user', 'GET', `/api/airlock/${id}/files/table.csv`)).statusCode).toBe(409);
    expect(
      (await as('user', 'POST', `/api/airlock/${id}/submit`, { note: 'Counts by group.' })).json().status,
    ).toBe('SUBMITTED');
    const votes = { 'table.csv': 'approve', 'plot.png': 'approve' };
    const unjustified = await as('hdab', 'POST', `/api/airlock/${id}/reviews`, { votes });
    expect(unjustified.statusCode).toBe(400);
    expect(unjustified.json().errors ?? unjustified.json().issues).toBeDefined();
    const comments = { 'plot.png': 'A bar chart of the two counts above; nothing else in it.' };
    expect((await as('hdab', 'POST', `/api/airlock/${id}/reviews`, { votes, comments })).json().status).toBe(
      'PARTIALLY_REVIEWED',
    );
    const again = await as('hdab', 'POST', `/api/airlock/${id}/reviews`, { votes, comments });
    expect(again.statusCode).toBe(409);
    expect((await as('hdab', 'POST', `/api/airlock/${id}/decision`, { action: 'approve' })).statusCode).toBe(
      409,
    );
    expect(
      (await as('hdab-checker', 'POST', `/api/airlock/${id}/reviews`, { votes, comments })).json().status,
    ).toBe('REVIEWED');
    expect(
      (await as('hdab', 'POST', `/api/airlock/${id}/decision`, { action: 'approve' })).json().status,
    ).toBe('APPROVED');
    expect((await as('user', 'GET', `/api/airlock/${id}/files/table.csv`)).statusCode).toBe(409);
    expect((await as('hdab-checker', 'POST', `/api/airlock/${id}/release`)).json().status).toBe('RELEASED');

    // Assert: the author gets the bytes as made; the history and the audit log name every step
    const file = await as('user', 'GET', `/api/airlock/${id}/files/table.csv`);
    expect(file.statusCode).toBe(200);
    expect(file.body).toBe('group,n\na,40\nb,55\n');
    const final = (await as('user', 'GET', `/api/airlock/${id}`)).json();
    expect(final.history.map((e: { action: string }) => e.action)).toEqual([
      'receive',
      'submit',
      'review',
      'review',
      'approve',
      'release',
    ]);
    const audited = await world.hub.db.query<{ action: string }>(
      `SELECT action FROM audit_event WHERE object = $1 ORDER BY seq`,
      [`airlock:${received.reference}`],
    );
    expect(audited.map((a) => a.action)).toEqual([
      'airlock.receive',
      'airlock.submit',
      'airlock.review',
      'airlock.review',
      'airlock.approve',
      'airlock.release',
      'airlock.download',
    ]);
  });

  it('returns outputs for changes and refuses outputs that do not belong to the permit', async () => {
    const { id } = await handIn([
      { name: 'table.csv', mediaType: 'text/csv', contentBase64: csv(['group,n', 'a,40', 'b,55']) },
    ]);
    await as('user', 'POST', `/api/airlock/${id}/submit`, {});
    const changes = { votes: { 'table.csv': 'request-changes' }, comments: { 'table.csv': 'Round to 5.' } };
    await as('hdab', 'POST', `/api/airlock/${id}/reviews`, changes);
    await as('hdab-checker', 'POST', `/api/airlock/${id}/reviews`, {
      votes: { 'table.csv': 'approve' },
    });
    const approve = await as('hdab', 'POST', `/api/airlock/${id}/decision`, { action: 'approve' });
    expect(approve.json().detail).toMatch(/both checkers must approve every file/);
    const returned = await as('hdab', 'POST', `/api/airlock/${id}/decision`, {
      action: 'return',
      reason: 'Round.',
    });
    expect(returned.json().status).toBe('RETURNED');
    // A resubmission starts a fresh pair of reviews.
    expect((await as('user', 'POST', `/api/airlock/${id}/submit`, {})).json()).toMatchObject({
      status: 'SUBMITTED',
      submission: 2,
    });
    expect((await as('user', 'GET', `/api/airlock/${id}`)).json().reviews).toEqual([]);

    // The author must be a named person; the node must hold the permit's data.
    await expect(
      handIn([{ name: 'x.csv', mediaType: 'text/csv', contentBase64: csv(['a,b']) }], 'researcher-thl'),
    ).rejects.toThrow(/not a person named in permit/);
    await expect(
      world.nodes[1]!.runtime.send('airlock.outputs', {
        permitId: permit.id,
        origin: { kind: 'job', id: 'job-2' },
        author: 'user',
        files: [{ name: 'x.csv', mediaType: 'text/csv', contentBase64: csv(['a,b']) }],
      }),
    ).rejects.toThrow(/holds none of the datasets/);
    // A data user sees only their own requests; staff see them all.
    expect((await as('researcher-thl', 'GET', '/api/airlock')).json().items).toEqual([]);
    expect((await as('hdab', 'GET', '/api/airlock?status=SUBMITTED')).json().items.length).toBe(1);
  });
});
