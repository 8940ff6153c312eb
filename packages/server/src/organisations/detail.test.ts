import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PUBLIC_BODY } from '../demo/seed';
import { createTestHub, type TestHub } from '../http/test-hub';
import type { Organisation } from './service';

// One organisation, for the administration page of an organisation (kind, country, Art. 53(2) flag).
describe('GET /api/organisations/:id', () => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await createTestHub();
  });
  afterAll(() => hub?.close());

  it('answers one organisation as the list has it, to staff and admins', async () => {
    const list = (
      (await hub.as('admin', { method: 'GET', url: '/api/organisations' })).json() as {
        organisations: Organisation[];
      }
    ).organisations;
    const thl = list.find((o) => o.name === DEMO_PUBLIC_BODY.name)!;
    const res = await hub.as('admin', { method: 'GET', url: `/api/organisations/${thl.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(thl);
    expect(thl).toMatchObject({ kind: 'public_body', publicBodyVerified: true });
    expect(thl.memberCount).toBeGreaterThanOrEqual(1);
    const staff = await hub.as('hdab', { method: 'GET', url: `/api/organisations/${thl.id}` });
    expect(staff.json()).toEqual(thl);
  });

  it('answers 404 for an unknown one, 400 for a malformed id, and refuses data users', async () => {
    expect(
      (await hub.as('admin', { method: 'GET', url: `/api/organisations/${randomUUID()}` })).statusCode,
    ).toBe(404);
    const bad = await hub.as('admin', { method: 'GET', url: '/api/organisations/not-a-uuid' });
    expect(bad.statusCode).toBe(400);
    const list = (await hub.as('admin', { method: 'GET', url: '/api/organisations' })).json() as {
      organisations: Organisation[];
    };
    const user = await hub.as('user', {
      method: 'GET',
      url: `/api/organisations/${list.organisations[0]!.id}`,
    });
    expect(user.statusCode).toBe(403);
  });
});
