import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTask, generateFederationKeyPair, verifyDocument } from '@openehds/core';
import { migrate, openPglite, type Db } from '@openehds/db';
import { parseHubConfig, type HubConfig } from '../config';
import { seedDemo } from '../demo/seed';
import { hubKeyPair } from '../federation/hub-key';
import { claimTasks, completeTask } from '../federation/tasks';
import { deliverPermitUpdates, type PermitUpdatePayload } from './delivery';
import { revokePermit } from './revoke';
import { grantTestPermit } from './test-support';

const DAY = 86_400_000;

// The permit outbox: every state of every version reaches each node holding one of its datasets.
describe('permit delivery to nodes', () => {
  let db: Db;
  let config: HubConfig;
  const approved = randomUUID();
  const pending = randomUUID();
  const named = randomUUID();

  const addNode = async (id: string, status: string) =>
    db.query(`INSERT INTO node (id, name, country, public_key, status) VALUES ($1, $2, 'FI', $3, $4)`, [
      id,
      `node ${id.slice(0, 4)}`,
      generateFederationKeyPair().publicKey,
      status,
    ]);
  const grant = (datasets: { datasetId: string; country: string; nodeId?: string }[]) =>
    grantTestPermit(db, config, {
      applicant: 'user',
      datasets,
      persons: [{ name: 'Marie Dubois', email: 'marie@bionova.example', role: 'principal_investigator' }],
      validFrom: new Date(Date.now() - DAY).toISOString(),
      validUntil: new Date(Date.now() + 365 * DAY).toISOString(),
    });
  const staff = async () => {
    const [a] = await db.query<{ id: string }>(`SELECT id FROM account WHERE username = 'hdab'`);
    return {
      accountId: a!.id,
      username: 'hdab',
      displayName: 'HDAB',
      role: 'hdab_staff' as const,
      organisationId: null,
      organisationName: null,
      organisationKind: null,
      publicBodyVerified: false,
      nodeIds: [],
    };
  };

  beforeAll(async () => {
    db = await openPglite();
    await migrate(db);
    config = parseHubConfig({ seedDemo: true });
    await seedDemo(db, config.hdab);
    await addNode(approved, 'APPROVED');
    await addNode(pending, 'PENDING');
    await addNode(named, 'APPROVED');
    await db.query(
      `INSERT INTO dataset (id, node_id, status, description) VALUES ('ds-a', $1, 'PUBLISHED', '{}'), ('ds-p', $2, 'PUBLISHED', '{}')`,
      [approved, pending],
    );
  });
  afterAll(() => db?.close());

  it('sends each permit state once to the approved nodes that hold its data, signed by the hub', async () => {
    // Prepare: one permit over a dataset of the approved node, one of the pending node
    const permit = await grant([{ datasetId: 'ds-a', country: 'FI' }]);
    const other = await grant([{ datasetId: 'ds-p', country: 'FI' }]);

    // Execute
    const first = await deliverPermitUpdates(db);
    const second = await deliverPermitUpdates(db);

    // Assert: one task to the approved node; nothing for a pending node; nothing twice
    expect(first.queued).toBe(1);
    expect(second).toEqual({ queued: 0, delivered: 0 });
    const [task] = await claimTasks(db, approved, 10);
    expect(task).toMatchObject({ type: 'permit.update' });
    const hub = await hubKeyPair(db);
    expect(checkTask(hub.publicKey, task!, approved)).toMatchObject({ ok: true });
    const payload = task!.payload as unknown as PermitUpdatePayload;
    expect(payload.permit).toMatchObject({
      permitId: permit.id,
      revision: 1,
      status: 'GRANTED',
      activeUntil: null,
    });
    expect(verifyDocument(payload.signed, hub.publicKey)).toMatchObject({ valid: true });
    expect(await claimTasks(db, pending, 10).catch(() => [])).toEqual([]);
    const rows = await db.query('SELECT * FROM permit_delivery WHERE permit_id = $1', [other.id]);
    expect(rows).toEqual([]);

    // The node answers: the delivery is confirmed on the next pass.
    await completeTask(db, approved, { taskId: task!.taskId, ok: true, result: { stored: true } });
    expect(await deliverPermitUpdates(db)).toEqual({ queued: 0, delivered: 1 });
    const [row] = await db.query<{ delivered_at: string | null }>(
      'SELECT delivered_at FROM permit_delivery WHERE permit_id = $1',
      [permit.id],
    );
    expect(row!.delivered_at).not.toBeNull();

    // A revocation is a new state (revision 2): sent again.
    await revokePermit(db, await staff(), permit.id, 'Breach of the permit conditions.');
    expect((await deliverPermitUpdates(db)).queued).toBe(1);
    const [revoked] = await claimTasks(db, approved, 10);
    expect((revoked!.payload as unknown as PermitUpdatePayload).permit).toMatchObject({
      permitId: permit.id,
      revision: 2,
      status: 'REVOKED',
      activeUntil: expect.any(String),
    });

    // A failed delivery of the latest state is queued again.
    await completeTask(db, approved, { taskId: revoked!.taskId, ok: false, error: 'disk full' });
    expect((await deliverPermitUpdates(db)).queued).toBe(1);
    const [retry] = await db.query<{ attempts: number; task_id: string }>(
      'SELECT attempts, task_id FROM permit_delivery WHERE permit_id = $1 AND revision = 2',
      [permit.id],
    );
    expect(Number(retry!.attempts)).toBe(2);
    expect(retry!.task_id).not.toBe(revoked!.taskId);
  });

  it('also reaches a node the permit names for a dataset, and a node approved later', async () => {
    const permit = await grant([{ datasetId: 'not-in-catalogue', country: 'FI', nodeId: named }]);
    await deliverPermitUpdates(db);
    const [task] = await claimTasks(db, named, 10);
    expect((task!.payload as unknown as PermitUpdatePayload).permit.permitId).toBe(permit.id);

    await db.query(`UPDATE node SET status = 'APPROVED' WHERE id = $1`, [pending]);
    expect((await deliverPermitUpdates(db)).queued).toBeGreaterThanOrEqual(1);
    const tasks = await claimTasks(db, pending, 10);
    expect(tasks.map((t) => (t.payload as unknown as PermitUpdatePayload).permit.status)).toContain(
      'GRANTED',
    );
  });
});
