import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from '../http/test-hub';
import { listAudit } from '../audit/service';
import { queueOf, takeHandedOff } from './queue-view';
import { claimTasks, enqueueTask, pullTasks } from './tasks';

// A task queued while its node's pull waits in this process is claimed as it is queued (queue-view.ts).
describe('tasks handed to a waiting pull', () => {
  let hub: TestHub;
  let nodeId: string;

  beforeAll(async () => {
    hub = await createTestHub();
    nodeId = randomUUID();
    await hub.db.query(
      `INSERT INTO node (id, name, country, public_key, status) VALUES ($1, 'n', 'FI', 'key-h', 'APPROVED')`,
      [nodeId],
    );
  });
  afterAll(() => hub?.close());

  const row = async (id: string) =>
    (
      await hub.db.query<{ status: string; attempts: number; same: boolean }>(
        'SELECT status, attempts, claimed_at = created_at AS same FROM task WHERE id = $1',
        [id],
      )
    )[0]!;

  it('claims it in the queuing transaction and audits the claim right after the queuing', async () => {
    // A first pull finds the queue empty, so the view knows nothing older is waiting.
    expect(await pullTasks(hub.db, nodeId, { waitMs: 0 })).toEqual([]);
    const pull = pullTasks(hub.db, nodeId, { waitMs: 5_000 });
    await new Promise((r) => setTimeout(r, 20));
    const task = await enqueueTask(hub.db, { nodeId, type: 'ping', payload: { n: 1 }, createdBy: null });
    const got = await pull;
    expect(got.map((t) => t.taskId)).toEqual([task.id]);
    expect(got[0]!.payload).toEqual({ n: 1 });
    // Claimed at the instant it was created: in the same transaction, not by a later claim.
    expect(await row(task.id)).toEqual({ status: 'CLAIMED', attempts: 1, same: true });
    const events = (await listAudit(hub.db, { limit: 50 })).filter((e) => e.object === `task:${task.id}`);
    expect(events.map((e) => e.action).sort()).toEqual(['task.claim', 'task.enqueue']);
    const [a, b] = events.sort((x, y) => x.seq - y.seq);
    expect([a!.action, b!.action, b!.seq - a!.seq]).toEqual(['task.enqueue', 'task.claim', 1]);
    // The node holds it: a later pull does not hand it out again.
    expect(await pullTasks(hub.db, nodeId, { waitMs: 0, held: [task.id] })).toEqual([]);
  });

  it('queues it as before when no pull waits', async () => {
    const task = await enqueueTask(hub.db, { nodeId, type: 'ping', payload: null, createdBy: null });
    expect(await row(task.id)).toMatchObject({ status: 'QUEUED', attempts: 0 });
    const got = await pullTasks(hub.db, nodeId, { waitMs: 0, held: [] });
    expect(got.map((t) => t.taskId)).toContain(task.id);
    expect(await row(task.id)).toMatchObject({ status: 'CLAIMED', attempts: 1, same: false });
  });

  it('hands out a task left behind only while the store still has it from this hand-off', async () => {
    const q = queueOf(hub.db, nodeId);
    const old = Date.now() - 60_000;
    const kept = await enqueueTask(hub.db, { nodeId, type: 'ping', payload: 'kept', createdBy: null });
    const moved = await enqueueTask(hub.db, { nodeId, type: 'ping', payload: 'moved', createdBy: null });
    const claimed = await claimTasks(hub.db, nodeId, 10);
    expect(claimed.map((t) => t.taskId)).toEqual([kept.id, moved.id]);
    // Another hub process put `moved` back in the queue and handed it out again meanwhile.
    await hub.db.query(`UPDATE task SET attempts = 2 WHERE id = $1`, [moved.id]);
    q.handedOff.push({ task: kept, at: old }, { task: moved, at: old });
    expect((await takeHandedOff(hub.db, q, 10)).map((t) => t.id)).toEqual([kept.id]);
    expect(q.handedOff).toEqual([]);
  });
});
