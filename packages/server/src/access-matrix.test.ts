import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, HTTPMethods } from 'fastify';
import { createTestHub, ROLE_ACCOUNTS, type TestHub } from './http/test-hub';
import type { Role } from './auth/roles';

/**
 * Every hub route, called as every role: each one authenticates and checks the role (TEHDAS2: access
 * on a need-to-know basis; EHDS Art. 50 security of the access infrastructure). The table is the
 * policy; a route added without an entry here fails the test, so nobody ships an unguarded route.
 */
type Access =
  /** Open to everyone, signed in or not (discovery is free: TEHDAS2 M4.1.1). */
  | 'public'
  /** Any signed-in account. */
  | 'signed-in'
  /** Federation endpoints: authenticated by the node's signature, never by a session. */
  | 'node-signed'
  /** These roles only. */
  | readonly Role[];

const STAFF: readonly Role[] = ['hdab_staff', 'admin'];
const ADMIN: readonly Role[] = ['admin'];

const POLICY: Record<string, Access> = {
  'GET /health': 'public',
  'POST /api/auth/sign-in': 'public',
  'POST /api/auth/sign-out': 'signed-in',
  'GET /api/auth/me': 'signed-in',
  'GET /api/audit': STAFF,
  'GET /api/audit/verify': STAFF,
  'GET /api/federation/hub-key': 'public',
  'POST /api/federation/register': 'node-signed',
  'POST /api/federation/heartbeat': 'node-signed',
  'POST /api/federation/pull': 'node-signed',
  'POST /api/federation/result': 'node-signed',
  'POST /api/federation/messages': 'node-signed',
  'GET /api/federation/tasks/:id': ADMIN,
  'GET /api/nodes': ADMIN,
  'GET /api/nodes/:id': ADMIN,
  'POST /api/nodes/:id/approve': ADMIN,
  'POST /api/nodes/:id/reject': ADMIN,
  'POST /api/nodes/:id/revoke': ADMIN,
  'POST /api/nodes/:id/tasks': ADMIN,
  'GET /api/datasets': 'public',
  'GET /api/datasets/:id': 'public',
  'GET /api/demo/accounts': 'public',
  'GET /api/holder/nodes': ['data_holder'],
  'GET /catalogue': 'public',
  'GET /catalogue/datasets/:id': 'public',
};

const CALLERS = ['anonymous', ...(Object.keys(ROLE_ACCOUNTS) as Role[])] as const;
type Caller = (typeof CALLERS)[number];

/**
 * Lists the app's routes as `METHOD /path` from `printRoutes` (the routes are registered inside
 * `createApp`, before a test could add an `onRoute` hook). Each tree line is a path segment below
 * its parent, with its methods in parentheses.
 */
function listRoutes(app: FastifyInstance): string[] {
  const routes: string[] = [];
  const parents: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const at = line.indexOf('── ');
    if (at < 0) continue;
    const depth = Math.round(at / 4);
    const m = /^(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line.slice(at + 3))!;
    const path = (parents[depth - 1] ?? '') + m[1]!;
    parents[depth] = path;
    parents.length = depth + 1;
    for (const method of m[2]?.split(', ') ?? []) routes.push(`${method} ${path}`);
  }
  return routes;
}

/** The policy entry of a route; HEAD is answered by the GET route, with the same guard. */
const policyOf = (route: string): Access | undefined => POLICY[route.replace(/^HEAD /, 'GET ')];

describe('access matrix: every hub route authenticates and checks the role', () => {
  let hub: TestHub;
  let routes: string[];

  beforeAll(async () => {
    hub = await createTestHub();
    await hub.app.ready();
    routes = listRoutes(hub.app);
  });
  afterAll(() => hub?.close());

  it('has a policy entry for every route, and a route for every entry', () => {
    expect(routes.length).toBeGreaterThanOrEqual(Object.keys(POLICY).length);
    expect(routes.filter((r) => !policyOf(r))).toEqual([]);
    const served = new Set(routes);
    expect(Object.keys(POLICY).filter((r) => !served.has(r))).toEqual([]);
  });

  it('answers each route as each role according to the policy', async () => {
    const seen: string[] = [];
    for (const route of routes) {
      const access = policyOf(route);
      if (!access) continue; // reported by the test above
      const [method, path] = route.split(' ') as [HTTPMethods, string];
      const url = path.replace(/:id/g, randomUUID());
      for (const caller of CALLERS) {
        const res = await call(hub, caller, method, url, route === 'POST /api/auth/sign-out');
        const outcome = `${route} as ${caller} → ${res.statusCode}`;
        seen.push(outcome);
        const expected = expectedOutcome(access, caller);
        if (expected === 'allowed') expect([401, 403], outcome).not.toContain(res.statusCode);
        else if (expected === 'node-signature') expect([400, 401], outcome).toContain(res.statusCode);
        else expect(res.statusCode, outcome).toBe(expected);
        if (res.statusCode >= 400 && method !== 'HEAD') {
          expect(res.headers['content-type'], outcome).toMatch(/^application\/problem\+json/);
        }
        // An allowed caller reached the handler: a 404 there is the handler's, never "no route".
        if (res.statusCode === 404 && method !== 'HEAD') {
          expect(res.json().detail, outcome).not.toMatch(/^no route/);
        }
      }
    }
    expect(seen).toHaveLength(routes.length * CALLERS.length);
  });

  it('refuses every state-changing session route from a browser cookie without X-Requested-With (CSRF)', async () => {
    const changing = routes.filter((r) => {
      const access = policyOf(r);
      return !/^(GET|HEAD) /.test(r) && access !== 'public' && access !== 'node-signed';
    });
    expect(changing.length).toBeGreaterThan(0);
    for (const route of changing) {
      const [method, path] = route.split(' ') as [HTTPMethods, string];
      const url = path.replace(/:id/g, randomUUID());
      // A fresh admin session each time (admin may call every one of them; sign-out ends its session).
      const cookie = (await hub.signIn(ROLE_ACCOUNTS.admin)).setCookie.split(';')[0]!;
      const bare = await hub.app.inject({ method, url, payload: {}, headers: { cookie } });
      expect(bare.statusCode, route).toBe(403);
      expect(bare.json().detail, route).toMatch(/X-Requested-With/);
      const fromApp = await hub.app.inject({
        method,
        url,
        payload: {},
        headers: { cookie, 'x-requested-with': 'fetch' },
      });
      expect([401, 403], route).not.toContain(fromApp.statusCode);
    }
  });
});

function expectedOutcome(access: Access, caller: Caller): 'allowed' | 'node-signature' | 401 | 403 {
  if (access === 'public') return 'allowed';
  if (access === 'node-signed') return 'node-signature';
  if (caller === 'anonymous') return 401;
  if (access === 'signed-in') return 'allowed';
  return access.includes(caller) ? 'allowed' : 403;
}

/** One request as `caller`; signing out ends the session, so that route gets a session of its own. */
async function call(hub: TestHub, caller: Caller, method: HTTPMethods, url: string, fresh: boolean) {
  const payload = method === 'POST' ? {} : undefined;
  const options = { method, url, ...(payload ? { payload } : {}) };
  if (caller === 'anonymous') return hub.app.inject(options);
  if (fresh) {
    const { token } = await hub.signIn(ROLE_ACCOUNTS[caller]);
    return hub.app.inject({ ...options, headers: { authorization: `Bearer ${token}` } });
  }
  return hub.as(ROLE_ACCOUNTS[caller], options);
}
