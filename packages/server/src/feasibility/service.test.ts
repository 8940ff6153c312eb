import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SDC_POLICY, parseCohortDefinition } from '@openehds/core';
import { createTestHub, type TestHub } from '../http/test-hub';
import { completeTask, pullTasks } from '../federation/tasks';
import { askFeasibility, COHORT_COUNT_TASK } from './service';

const cohort = parseCohortDefinition({ inclusion: [{ criteria: [{ type: 'sex', values: ['female'] }] }] });
const anonymous = { audience: 'anonymous' as const, accountId: null, username: null };
const record = (outcome: 'released' | 'refused') => ({
  schema: 'openehds.sdc-record/1',
  kind: 'count',
  at: new Date().toISOString(),
  policy: { id: 'openehds-default', version: '1', hash: 'a'.repeat(64) },
  audience: 'anonymous',
  outcome,
  rules: [],
  outputHash: outcome === 'released' ? 'b'.repeat(64) : null,
});

// How the hub turns each node's task outcome into its part of the answer (nodes played by hand here).
describe('askFeasibility', () => {
  let hub: TestHub;
  const nodes: Record<string, string> = {};

  /** Plays a node: claims its cohort.count task and answers with `answer` (or lets it time out). */
  const play = async (name: string, answer: ((taskId: string) => Promise<unknown>) | null) => {
    if (!answer) return;
    for (;;) {
      const [task] = await pullTasks(hub.db, nodes[name]!, { waitMs: 5_000 });
      if (!task) continue;
      expect(task.type).toBe(COHORT_COUNT_TASK);
      // The hub signs the HDAB's policy and the audience into the task, next to the validated cohort.
      expect(task.payload).toMatchObject({ audience: 'anonymous', policy: { id: 'openehds-default' } });
      expect((task.payload as { queryKey: string }).queryKey).toMatch(/^[0-9a-f]{64}$/);
      await answer(task.taskId);
      return;
    }
  };

  beforeAll(async () => {
    hub = await createTestHub();
    for (const [i, name] of ['ok', 'refused', 'failed', 'odd', 'silent'].entries()) {
      const id = randomUUID();
      nodes[name] = id;
      await hub.db.query(
        `INSERT INTO node (id, name, country, public_key, status) VALUES ($1, $2, 'FI', $3, 'APPROVED')`,
        [id, `node ${name}`, `key-${i}`],
      );
      await hub.db.query(
        `INSERT INTO dataset (id, node_id, status, description) VALUES ($1, $2, 'PUBLISHED', '{}')`,
        [`ds-${name}`, id],
      );
    }
    // A pending node's dataset is never asked.
    await hub.db.query(
      `INSERT INTO node (id, name, country, public_key, status) VALUES ($1, 'pending', 'FI', 'key-p', 'PENDING')`,
      [randomUUID()],
    );
  });
  afterAll(() => hub?.close());

  it('reports each node as ok, refused, error or timeout, and totals only what was released', async () => {
    const asked = askFeasibility(hub.db, {
      cohort,
      asker: anonymous,
      policy: DEFAULT_SDC_POLICY,
      timeoutMs: 3_000,
    });
    await Promise.all([
      play('ok', (taskId) =>
        completeTask(hub.db, nodes.ok!, {
          taskId,
          ok: true,
          result: { status: 'ok', value: 30, suppressed: false, record: record('released') },
        }),
      ),
      play('refused', (taskId) =>
        completeTask(hub.db, nodes.refused!, {
          taskId,
          ok: true,
          result: {
            status: 'refused',
            value: null,
            suppressed: false,
            refusal: 'forbidden',
            message: 'no counts for you',
            record: record('refused'),
          },
        }),
      ),
      play('failed', (taskId) =>
        completeTask(hub.db, nodes.failed!, { taskId, ok: false, error: 'the store is down' }),
      ),
      // A raw count in place of a released one: not passed on.
      play('odd', (taskId) =>
        completeTask(hub.db, nodes.odd!, { taskId, ok: true, result: { count: 3, personIds: [1, 2, 3] } }),
      ),
      play('silent', null),
    ]);
    const answer = await asked;
    const by = Object.fromEntries(answer.nodes.map((n) => [n.nodeName, n]));
    expect(Object.keys(by).sort()).toEqual([
      'node failed',
      'node odd',
      'node ok',
      'node refused',
      'node silent',
    ]);
    expect(by['node ok']).toMatchObject({ status: 'ok', value: 30, suppressed: false, datasets: ['ds-ok'] });
    expect(by['node refused']).toMatchObject({
      status: 'refused',
      value: null,
      message: 'no counts for you',
    });
    expect(by['node failed']).toMatchObject({
      status: 'error',
      value: null,
      message: 'the store is down',
      record: null,
    });
    expect(by['node odd']).toMatchObject({ status: 'error', value: null, record: null });
    expect(JSON.stringify(by['node odd'])).not.toContain('personIds');
    expect(by['node silent']).toMatchObject({ status: 'timeout', value: null, record: null });
    expect(answer.total).toEqual({ value: 30, atLeast: true });
  });
});
