import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeStore, type NodeStore } from '@openehds/analytics';
import {
  awaitTaskResult,
  createTestCitizen,
  grantOptOutException,
  grantTestPermit,
  runOptOutSweep,
  runPermitSweep,
  signInDemoAccount,
  type ExtractReport,
  type OptOutChange,
} from '@openehds/server';
import {
  extractPseudonyms,
  findExtract,
  ingest,
  installOptOut,
  installPermits,
  permitPseudonym,
} from '@openehds/node';
import { createTestWorld, type TestWorld } from './world';

const DAY = 86_400_000;
const ID_SYSTEM = 'https://openehds.eu/sid/person';
/** The citizen's synthetic national identifier, as the node holds it for one of its persons. */
const MATTI = 'FI-S5-0000001';

// Citizens' opt-out end to end (Art. 71): a citizen at the hub, a person at a node. Permits approved
// after the opt-out leave the person out of the node's extract, earlier ones and exception permits do
// not, a reversal brings them back for later permits, and the hub only ever sees counts.
describe('opt-out: a later permit’s extract leaves the citizen out', () => {
  let world: TestWorld;
  let store: NodeStore;
  let citizen: { token: string; pseudonym: string };
  let staffToken: string;
  let userToken: string;
  const permits: Record<'A' | 'B' | 'C' | 'D', string> = { A: '', B: '', C: '', D: '' };
  let mattiId: number;

  const call = async (token: string, method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await world.hub.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload ? { payload } : {}),
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json();
  };
  const tokenOf = async (username: string) =>
    (
      await signInDemoAccount(async (path, payload) => {
        const res = await world.hub.app.inject({ method: 'POST', url: path, payload: payload as object });
        return { status: res.statusCode, body: res.json() as unknown };
      }, username)
    ).token;
  /** Runs the hub's sweeps as of `now` until the node has answered every task they queued. */
  const settle = async (now: Date) => {
    for (let round = 0; round < 6; round++) {
      await runPermitSweep(world.hub.db, now);
      await runOptOutSweep(world.hub.db, world.hub.config, now);
      const open = await world.hub.db.query<{ id: string }>(
        `SELECT id FROM task WHERE status IN ('QUEUED', 'CLAIMED')`,
      );
      if (!open.length) return;
      const done = await Promise.all(open.map((t) => awaitTaskResult(world.hub.db, t.id, 20_000)));
      expect(done.map((t) => t.error)).toEqual(done.map(() => null));
    }
  };
  const grant = (at: Date) =>
    grantTestPermit(world.hub.db, world.hub.config, {
      applicant: 'user',
      datasets: [{ datasetId: 'fi-biobank', country: 'FI' }],
      persons: [{ name: 'Marie Dubois', email: 'marie@bionova.example', role: 'principal_investigator' }],
      validFrom: new Date(at.getTime() - DAY).toISOString(),
      validUntil: new Date(at.getTime() + 365 * DAY).toISOString(),
      at,
    });
  const extracts = (token: string, permitId: string) =>
    call(token, 'GET', `/api/permits/${permitId}/extracts`) as Promise<{
      optOutException: boolean;
      nodes: ExtractReport[];
    }>;
  /** Whether Matti is in a permit's extract at the node (recomputed with the chain's secret). */
  const holdsMatti = async (permitId: string) => {
    const [secret] = await store.all<{ secret: string }>(
      'SELECT secret FROM permit_extract_secret WHERE root_id = $1',
      [permitId],
    );
    return (await extractPseudonyms(store, permitId)).includes(permitPseudonym(secret!.secret, mattiId));
  };
  const later = (iso: string, ms: number) => new Date(Date.parse(iso) + ms);

  beforeAll(async () => {
    world = await createTestWorld({ nodes: 1, start: false, hubConfig: { permitSweepSeconds: 0 } });
    // Prepare the node: four persons of the Finnish biobank, one without a national identifier.
    store = await openNodeStore(':memory:');
    const dir = mkdtempSync(join(tmpdir(), 'ehds-opt-out-'));
    const people = [
      { id: 'matti', nid: MATTI },
      { id: 'aino', nid: 'FI-S5-0000002' },
      { id: 'eero', nid: 'FI-S5-0000003' },
      { id: 'nn' },
    ];
    writeFileSync(
      join(dir, 'Patient.ndjson'),
      people
        .map((p) =>
          JSON.stringify({
            resourceType: 'Patient',
            id: p.id,
            gender: 'male',
            birthDate: '1952-10-13',
            ...(p.nid ? { identifier: [{ system: ID_SYSTEM, value: p.nid }] } : {}),
          }),
        )
        .join('\n'),
    );
    await ingest([join(dir, 'Patient.ndjson')], {
      store,
      datasetId: 'fi-biobank',
      personIdentifierSystem: ID_SYSTEM,
    });
    rmSync(dir, { recursive: true, force: true });
    [{ person_id: mattiId }] = (await store.all<{ person_id: number }>(
      'SELECT person_id FROM person_identifier WHERE system = $1 AND value = $2',
      [ID_SYSTEM, MATTI],
    )) as [{ person_id: number }];
    const node = world.nodes[0]!;
    installPermits(node.runtime, store);
    installOptOut(node.runtime, store, { identifierSystem: ID_SYSTEM });
    await node.runtime.start();
    await world.hub.db.query(
      `INSERT INTO dataset (id, node_id, status, description) VALUES ('fi-biobank', $1, 'PUBLISHED', '{}')`,
      [node.identity.nodeId],
    );
    // The citizen signs in with a national eID carrying the same identifier (typed in lower case).
    citizen = await createTestCitizen(world.hub.db, world.hub.config, {
      username: 'matti-eid',
      nationalId: MATTI.toLowerCase(),
    });
    staffToken = await tokenOf('hdab');
    userToken = await tokenOf('user');
    await settle(new Date());
  });
  afterAll(async () => {
    await world?.close();
    store?.close();
  });

  it('sends the node the key once and the registry, and prepares a permit granted before any opt-out', async () => {
    const tasks = await world.hub.db.query<{ type: string }>(
      `SELECT type FROM task WHERE type LIKE 'opt-out.%' ORDER BY created_at`,
    );
    expect(tasks.map((t) => t.type)).toEqual(['opt-out.key', 'opt-out.sync']);

    permits.A = (await grant(new Date(Date.now() - 3_600_000))).id;
    await settle(new Date());

    const a = await extracts(staffToken, permits.A);
    expect(a.nodes).toEqual([
      expect.objectContaining({
        status: 'prepared',
        persons: 4,
        excludedByOptOut: 0,
        notMatchable: 1,
        optOutApplied: true,
      }),
    ]);
    expect(await holdsMatti(permits.A)).toBe(true);
  });

  it('leaves the citizen out of a permit approved after the opt-out, not out of the earlier one', async () => {
    // Execute: the citizen opts out; permit B is approved a second later
    const opted = (await call(citizen.token, 'POST', '/api/citizen/opt-out', {})) as OptOutChange;
    const b = await grant(later(opted.receipt!.at, 1_000));
    permits.B = b.id;
    await settle(later(b.activeFrom, 1_000));

    // Assert: B excludes Matti, A still holds him (Art. 71(3)); the hub has counts
    expect(await holdsMatti(permits.B)).toBe(false);
    expect(await holdsMatti(permits.A)).toBe(true);
    const staffView = await extracts(staffToken, permits.B);
    expect(staffView.nodes[0]).toMatchObject({
      persons: 3,
      excludedByOptOut: 1,
      notMatchable: 1,
      snapshotAt: b.activeFrom,
      registryVersion: 1,
    });
    expect(await findExtract(store, permits.B)).toMatchObject({
      snapshotAt: b.activeFrom,
      registryVersion: 1,
    });
    // The applicant sees the extract, but not a small count of persons who opted out.
    const applicantView = await extracts(userToken, permits.B);
    expect(applicantView.nodes[0]).toMatchObject({ persons: 3, excludedByOptOut: null, notMatchable: null });
  });

  it('includes the citizen again in a permit approved after the reversal', async () => {
    const back = (await call(citizen.token, 'POST', '/api/citizen/opt-out/reverse', {})) as OptOutChange;
    expect(back.status.optedOut).toBe(false);
    const c = await grant(later(back.receipt!.at, 1_000));
    permits.C = c.id;
    await settle(later(c.activeFrom, 1_000));

    expect(await holdsMatti(permits.C)).toBe(true);
    expect((await extracts(staffToken, permits.C)).nodes[0]).toMatchObject({
      persons: 4,
      excludedByOptOut: 0,
    });
    expect(await holdsMatti(permits.B)).toBe(false);
  });

  it('includes an opted-out citizen in a permit that grants the exception (Art. 71(4))', async () => {
    const again = (await call(citizen.token, 'POST', '/api/citizen/opt-out', {})) as OptOutChange;
    const d = await grant(later(again.receipt!.at, 1_000));
    permits.D = d.id;
    await grantOptOutException(
      world.hub.db,
      d.id,
      'Public health surveillance by a public body; no other way.',
    );
    await settle(later(d.activeFrom, 1_000));

    expect(await holdsMatti(permits.D)).toBe(true);
    const view = await extracts(staffToken, permits.D);
    expect(view.optOutException).toBe(true);
    expect(view.nodes[0]).toMatchObject({ persons: 4, excludedByOptOut: 0, optOutApplied: false });
  });

  it('deletes an extract when its permit is revoked, and the hub records and audits the deletion', async () => {
    await call(staffToken, 'POST', `/api/permits/${permits.A}/revoke`, {
      reason: 'Data used outside the permit.',
    });
    await settle(new Date(Date.now() + 10 * 60_000));

    expect(await extractPseudonyms(store, permits.A)).toEqual([]);
    expect((await extracts(staffToken, permits.A)).nodes[0]).toMatchObject({
      status: 'deleted',
      deletionReason: 'revoked',
      persons: 4,
    });
    const audit = await world.hub.db.query<{ action: string; object: string }>(
      `SELECT action, object FROM audit_event WHERE action LIKE 'permit.extract-%' ORDER BY seq`,
    );
    expect(audit).toContainEqual({ action: 'permit.extract-deleted', object: `permit:${permits.A}` });
    expect(audit.filter((x) => x.action === 'permit.extract-prepared')).toHaveLength(4);
  });

  it('never lets a person’s pseudonym or identifier reach the hub beyond the registry', async () => {
    // Every hub table as text
    const tables = await world.hub.db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    const dump = new Map<string, string>();
    for (const { table_name } of tables)
      dump.set(table_name, JSON.stringify(await world.hub.db.query(`SELECT * FROM "${table_name}"`)));

    // No extract pseudonym of any permit, and no national identifier, anywhere at the hub
    const extractPseudonymsAll = (
      await store.all<{ pseudonym: string }>('SELECT pseudonym FROM permit_extract_person')
    ).map((r) => r.pseudonym);
    expect(extractPseudonymsAll.length).toBeGreaterThan(8);
    for (const [table, text] of dump) {
      expect(text.toUpperCase(), table).not.toContain(MATTI);
      for (const p of extractPseudonymsAll) expect(text, table).not.toContain(p);
    }
    // The registry pseudonym only in the registry itself (and the citizen's own account)
    const holding = [...dump]
      .filter(([, text]) => text.includes(citizen.pseudonym))
      .map(([t]) => t)
      .sort();
    expect(holding).toEqual(['account', 'opt_out_event', 'opt_out_period']);
    // The opt-out tasks were redacted once answered
    const payloads = await world.hub.db.query<{ payload: Record<string, unknown> }>(
      `SELECT payload FROM task WHERE type LIKE 'opt-out.%'`,
    );
    expect(payloads.every((t) => t.payload.redacted === true && !('key' in t.payload))).toBe(true);
  });
});
