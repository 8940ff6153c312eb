import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimTasks, completeTask } from '../federation/tasks';
import { pseudonymKey } from '../auth/pseudonym';
import { createTestHub, type TestHub } from '../http/test-hub';
import { keyIdOf, runOptOutSweep, type OptOutSyncPayload } from './distribution';
import { optOut, reverseOptOut } from './registry';

// The registry reaches approved nodes as the key once, then changes in order, one sync in flight; the
// task table keeps neither once the node has answered. The node's side is played by hand here (claim,
// answer); packages/testing/src/opt-out.test.ts runs real nodes.
describe('opt-out distribution to nodes', () => {
  let hub: TestHub;
  const nodeId = randomUUID();
  /** Claims the node's queued tasks and answers each with `ok` (as a node would). */
  const answer = async (ok = true, error?: string) => {
    const tasks = await claimTasks(hub.db, nodeId, 10);
    for (const t of tasks)
      await completeTask(hub.db, nodeId, { taskId: t.taskId, ok, ...(ok ? { result: {} } : { error }) });
    return tasks;
  };
  const sweep = (at: string) => runOptOutSweep(hub.db, hub.config, new Date(at));

  beforeAll(async () => {
    hub = await createTestHub();
    await hub.db.query(
      `INSERT INTO node (id, name, country, public_key, status) VALUES ($1, 'FI node', 'FI', $2, 'APPROVED')`,
      [nodeId, `test-key-${nodeId}`],
    );
    await hub.db.query(
      `INSERT INTO node (id, name, country, public_key, status) VALUES ($1, 'Pending', 'FI', $2, 'PENDING')`,
      [randomUUID(), `test-key-pending`],
    );
  });
  afterAll(() => hub?.close());

  it('sends the key once to approved nodes only, then the registry, then only changes', async () => {
    // Prepare: one opt-out before the node learns anything
    await optOut(hub.db, 'pseudonym-A-0123456789abcdef', new Date('2030-01-01T00:00:00Z'));

    // Execute + assert: the key first, and nothing else until the node took it
    expect(await sweep('2030-01-02T00:00:00Z')).toEqual({ keysQueued: 1, syncsQueued: 0, syncsConfirmed: 0 });
    expect(await sweep('2030-01-02T00:00:01Z')).toEqual({ keysQueued: 0, syncsQueued: 0, syncsConfirmed: 0 });
    const [keyTask] = await answer();
    const key = await pseudonymKey(hub.db, hub.config.citizenPseudonymKey);
    expect(keyTask!.payload).toEqual({
      keyId: keyIdOf(key),
      algorithm: 'HMAC-SHA256',
      format: 'national-id-v1',
      key,
    });

    expect((await sweep('2030-01-03T00:00:00Z')).syncsQueued).toBe(1);
    const [full] = await answer();
    expect(full!.payload).toEqual({
      keyId: keyIdOf(key),
      full: true,
      fromSeq: 0,
      toSeq: 1,
      asOf: '2030-01-03T00:00:00.000Z',
      periods: [
        {
          pseudonym: 'pseudonym-A-0123456789abcdef',
          optedOutAt: '2030-01-01T00:00:00.000Z',
          reversedAt: null,
        },
      ],
    } satisfies OptOutSyncPayload);

    // Nothing changed: nothing sent. Then a reversal and a new opt-out: one increment with both.
    expect(await sweep('2030-01-04T00:00:00Z')).toEqual({ keysQueued: 0, syncsQueued: 0, syncsConfirmed: 1 });
    await reverseOptOut(hub.db, 'pseudonym-A-0123456789abcdef', new Date('2030-01-05T00:00:00Z'));
    await optOut(hub.db, 'pseudonym-B-0123456789abcdef', new Date('2030-01-05T00:00:00Z'));
    await sweep('2030-01-06T00:00:00Z');
    const [increment] = await answer();
    expect(increment!.payload).toMatchObject({ full: false, fromSeq: 1, toSeq: 3 });
    expect((increment!.payload as unknown as OptOutSyncPayload).periods).toEqual([
      {
        pseudonym: 'pseudonym-A-0123456789abcdef',
        optedOutAt: '2030-01-01T00:00:00.000Z',
        reversedAt: '2030-01-05T00:00:00.000Z',
      },
      { pseudonym: 'pseudonym-B-0123456789abcdef', optedOutAt: '2030-01-05T00:00:00.000Z', reversedAt: null },
    ]);
  });

  it('stamps a later change after every snapshot already handed out, so a node never misses one', async () => {
    // The last sync said "complete as of 2030-01-06"; a change arriving with an earlier clock goes after it.
    const late = await optOut(hub.db, 'pseudonym-C-0123456789abcdef', new Date('2030-01-01T12:00:00Z'));
    expect(Date.parse(late.receipt!.at)).toBeGreaterThan(Date.parse('2030-01-06T00:00:00Z'));
  });

  it('answers a failed sync with the whole registry, and redacts answered tasks', async () => {
    await sweep('2030-01-07T00:00:00Z');
    await answer(false, 'opt-out registry gap: this node is at version 0');
    await sweep('2030-01-08T00:00:00Z');
    const [again] = await answer();
    expect(again!.payload).toMatchObject({ full: true, fromSeq: 0, toSeq: 4 });
    expect((again!.payload as unknown as OptOutSyncPayload).periods).toHaveLength(3);

    await sweep('2030-01-09T00:00:00Z');
    const rows = await hub.db.query<{ type: string; payload: Record<string, unknown> }>(
      `SELECT type, payload FROM task WHERE type LIKE 'opt-out.%' ORDER BY created_at`,
    );
    expect(rows.map((r) => r.type)).toEqual([
      'opt-out.key',
      'opt-out.sync',
      'opt-out.sync',
      'opt-out.sync',
      'opt-out.sync',
    ]);
    expect(rows.every((r) => r.payload.redacted === true)).toBe(true);
    const text = JSON.stringify(rows);
    expect(text).not.toContain('pseudonym-');
    expect(text).not.toContain(await pseudonymKey(hub.db, hub.config.citizenPseudonymKey));
    expect(rows[1]!.payload).toMatchObject({ fromSeq: 0, toSeq: 1, periods: 1 });
  });

  it('sends the key again, and then the whole registry, when a node lost it', async () => {
    await optOut(hub.db, 'pseudonym-D-0123456789abcdef', new Date('2030-01-10T00:00:00Z'));
    await sweep('2030-01-11T00:00:00Z');
    await answer(
      false,
      'this node holds no opt-out key 0123 (it holds none); the hub must send the key again',
    );
    expect((await sweep('2030-01-12T00:00:00Z')).keysQueued).toBe(1);
    await answer();
    await sweep('2030-01-13T00:00:00Z');
    const [full] = await answer();
    expect(full!.payload).toMatchObject({ full: true, fromSeq: 0, toSeq: 5 });
  });
});
