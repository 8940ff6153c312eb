import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '@openehds/core';
import { createTestWorld, type TestWorld } from '@openehds/testing';
import { awaitTaskResult, enqueueTask } from '../federation/tasks';
import { toFhirAuditEvent } from './fhir';
import { listAudit, verifyAudit } from './service';

// Issue 3 §7: "task sent" and "result received" are in the chain, with the task id and the node.
describe('audit of federated tasks', () => {
  let world: TestWorld;
  beforeAll(async () => {
    world = await createTestWorld({
      nodes: 1,
      handlers: { ping: async (payload) => ({ pong: payload, rows: [1, 2, 3] }) },
    });
  });
  afterAll(() => world?.close());

  it('records the task sent, handed to the node, and its result received with a digest', async () => {
    // Prepare
    const nodeId = world.nodes[0]!.identity.nodeId;
    // Execute
    const task = await enqueueTask(world.hub.db, {
      nodeId,
      type: 'ping',
      payload: { n: 1 },
      createdBy: null,
    });
    const done = await awaitTaskResult(world.hub.db, task.id, 20_000);
    // Assert
    expect(done.status).toBe('DONE');
    const events = (await listAudit(world.hub.db, { object: `task:${task.id}` })).reverse();
    expect(events.map((e) => [e.action, e.actor])).toEqual([
      ['task.enqueue', 'system'],
      ['task.claim', `node:${nodeId}`],
      ['task.complete', `node:${nodeId}`],
    ]);
    expect(events.every((e) => e.details.nodeId === nodeId)).toBe(true);
    const digest = createHash('sha256').update(canonicalJson(done.result)).digest('hex');
    expect(events[2]!.details).toMatchObject({ status: 'DONE', type: 'ping', resultSha256: digest });
    // As FHIR: a query sent (DICOM 110112), a result imported (110107)
    expect(events.map((e) => toFhirAuditEvent(e).type.code)).toEqual(['110112', '110112', '110107']);
    expect((await verifyAudit(world.hub.db)).intact).toBe(true);
  });
});
