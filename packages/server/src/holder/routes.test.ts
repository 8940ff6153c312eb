import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicKeyObject, verifyAccessToken } from '@openehds/core';
import { createTestWorld, type TestWorld } from '@openehds/testing';
import { DEMO_HOLDERS } from '../demo/seed';
import { signInDemoAccount } from '../demo/demo-sign-in';
import { NODE_TOKEN_MINUTES } from './service';

interface HolderNode {
  id: string;
  name: string;
  country: string;
  url: string | null;
  token: string;
  tokenExpiresAt: string;
}

describe('holder routes', () => {
  let world: TestWorld;
  const tokens = new Map<string, string>();
  const as = async (username: string, url: string) => {
    if (!tokens.has(username)) {
      // Password, and the demo TOTP code for the roles that need one.
      const session = await signInDemoAccount(async (path, payload) => {
        const res = await world.hub.app.inject({ method: 'POST', url: path, payload: payload as object });
        return { status: res.statusCode, body: res.json() as unknown };
      }, username);
      tokens.set(username, session.token);
    }
    return world.hub.app.inject({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${tokens.get(username)}` },
    });
  };

  beforeAll(async () => {
    // Three approved nodes (FI, ES, DE), plus a second Finnish node still waiting for approval.
    world = await createTestWorld({ nodes: 3, start: false });
    await world.addNode({
      info: { name: 'Helsinki second node', organisation: DEMO_HOLDERS[0].name, country: 'FI' },
    });
    await world.nodes[0]!.runtime.send('node.local-api', { url: 'http://127.0.0.1:18181' });
  });
  afterAll(() => world?.close());

  it("gives a holder only their organisation's approved nodes, each with a token that verifies for it", async () => {
    // Prepare: the pending node belongs to the same organisation (so only its status keeps it out)
    const pending = await world.admin<{ status: string; organisationId: string }>(
      'GET',
      `/api/nodes/${world.nodes[3]!.identity.nodeId}`,
    );
    const approved = await world.admin<{ organisationId: string }>(
      'GET',
      `/api/nodes/${world.nodes[0]!.identity.nodeId}`,
    );
    expect(pending.body.status).toBe('PENDING');
    expect(pending.body.organisationId).toBe(approved.body.organisationId);
    // Execute
    const res = await as('holder-fi', '/api/holder/nodes');
    // Assert
    expect(res.statusCode).toBe(200);
    const { nodes } = res.json() as { nodes: HolderNode[] };
    const fi = world.nodes[0]!.identity.nodeId;
    expect(nodes.map((n) => n.id)).toEqual([fi]);
    expect(nodes[0]).toMatchObject({ country: 'FI', url: 'http://127.0.0.1:18181' });

    const hubKey = (await world.hub.app.inject({ method: 'GET', url: '/api/federation/hub-key' })).json() as {
      algorithm: string;
      publicKey: string;
    };
    expect(hubKey.algorithm).toBe('Ed25519');
    const key = publicKeyObject(hubKey.publicKey);
    const claims = verifyAccessToken(key, nodes[0]!.token, fi);
    expect(claims).toMatchObject({ sub: 'holder-fi', role: 'data_holder', aud: fi });
    expect(claims.exp - claims.iat).toBe(NODE_TOKEN_MINUTES * 60);
    expect(new Date(nodes[0]!.tokenExpiresAt).getTime()).toBe(claims.exp * 1000);
    // The token is bound to its node: another node refuses it.
    expect(() => verifyAccessToken(key, nodes[0]!.token, world.nodes[1]!.identity.nodeId)).toThrow(
      /another node/,
    );
  });

  it('keeps holders of other organisations to their own nodes', async () => {
    const res = await as('holder-es', '/api/holder/nodes');
    const { nodes } = res.json() as { nodes: HolderNode[] };
    expect(nodes.map((n) => n.id)).toEqual([world.nodes[1]!.identity.nodeId]);
    expect(nodes[0]!.url).toBeNull();
  });

  it('refuses every other role with 403', async () => {
    for (const username of ['user', 'hdab', 'admin']) {
      const res = await as(username, '/api/holder/nodes');
      expect(res.statusCode, username).toBe(403);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect((await world.hub.app.inject({ method: 'GET', url: '/api/holder/nodes' })).statusCode).toBe(401);
  });

  it("refuses a node's local API URL that is not http(s), listing the field", async () => {
    await expect(
      world.nodes[2]!.runtime.send('node.local-api', { url: 'javascript:alert(1)' }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/url/) });
    const res = await as('holder-de', '/api/holder/nodes');
    expect((res.json() as { nodes: HolderNode[] }).nodes[0]!.url).toBeNull();
  });
});
