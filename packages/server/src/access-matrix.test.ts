import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HTTPMethods } from 'fastify';
import { createTestHub, ROLE_ACCOUNTS, type TestHub } from './http/test-hub';
import { listRoutes } from './http/list-routes';
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
/** Accounts acting for an organisation: every role but citizen. */
const MEMBERS: readonly Role[] = ['data_holder', 'data_user', 'hdab_staff', 'admin'];

const POLICY: Record<string, Access> = {
  'GET /health': 'public',
  'POST /api/auth/sign-in': 'public',
  'POST /api/auth/sign-out': 'signed-in',
  'GET /api/auth/me': 'signed-in',
  'GET /api/auth/account': 'signed-in',
  'GET /api/audit': STAFF,
  'GET /api/audit/verify': STAFF,
  'GET /api/audit/checkpoints': STAFF,
  'GET /api/audit/export': STAFF,
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
  'POST /api/auth/sign-in/totp': 'public',
  'POST /api/auth/sign-in/enrol': 'public',
  'POST /api/auth/sign-in/enrol/confirm': 'public',
  'GET /api/auth/providers': 'public',
  'GET /api/auth/oidc/:provider/start': 'public',
  'GET /api/auth/oidc/:provider/callback': 'public',
  'GET /api/auth/totp': MEMBERS,
  'POST /api/auth/totp/enrol': MEMBERS,
  'POST /api/auth/totp/confirm': MEMBERS,
  'GET /api/auth/memberships': MEMBERS,
  'POST /api/auth/acting-organisation': MEMBERS,
  'GET /api/tokens': MEMBERS,
  'POST /api/tokens': MEMBERS,
  'DELETE /api/tokens/:id': MEMBERS,
  'GET /api/organisations': STAFF,
  'POST /api/organisations': ADMIN,
  'POST /api/organisations/:id/public-body': ADMIN,
  'GET /api/organisations/:id': STAFF,
  'GET /api/organisations/:id/members': STAFF,
  'POST /api/organisations/:id/members': ADMIN,
  'DELETE /api/organisations/:id/members/:accountId': ADMIN,
  'GET /api/accounts': ADMIN,
  'POST /api/accounts': ADMIN,
  'POST /api/accounts/:id/totp-reset': ADMIN,
  'GET /api/holder/nodes': ['data_holder'],
  'GET /catalogue': 'public',
  'GET /catalogue/datasets/:id': 'public',
  'POST /api/applications': ['data_user'],
  'GET /api/applications': ['data_user', 'hdab_staff'],
  'GET /api/applications/:id': ['data_user', 'hdab_staff'],
  'PUT /api/applications/:id/content': ['data_user'],
  'POST /api/applications/:id/submit': ['data_user'],
  'POST /api/applications/:id/withdraw': ['data_user'],
  'POST /api/applications/:id/information': ['data_user'],
  'POST /api/applications/:id/anonymised-answer': ['data_user'],
  'POST /api/applications/:id/fee-estimate/accept': ['data_user'],
  'POST /api/applications/:id/transitions': ['hdab_staff'],
  'POST /api/applications/:id/extension': ['hdab_staff'],
  'PUT /api/applications/:id/assessment/:criterion': ['hdab_staff'],
  'POST /api/applications/:id/assessment/:criterion/confirm': ['hdab_staff'],
  'POST /api/applications/:id/holder-costs': ['hdab_staff'],
  'POST /api/applications/:id/fee-estimate': ['hdab_staff'],
  'POST /api/applications/:id/decision': ['hdab_staff'],
  'GET /api/applications/:id/decision': ['data_user', 'hdab_staff'],
  // Cross-border (Art. 67(3)): peer hubs authenticate by their hub-key signature, like nodes.
  'POST /api/cross-border/messages': 'node-signed',
  'GET /api/cross-border/peers': ADMIN,
  'PUT /api/cross-border/peers': ADMIN,
  'GET /api/cross-border/outbox': ADMIN,
  'POST /api/cross-border/outbox/deliver': ADMIN,
  'GET /api/applications/:id/cross-border': ['data_user', 'hdab_staff'],
  'POST /api/applications/:id/cross-border/:country/information': ['data_user'],
  'POST /api/applications/:id/cross-border/:country/fee-estimate/accept': ['data_user'],
  'GET /api/holder/cost-requests': ['data_holder'],
  'PUT /api/holder/cost-requests/:id': ['data_holder'],
  'GET /api/applications/:id/export': ['data_user', 'hdab_staff'],
  'GET /api/register/applications': 'public',
  'GET /api/register/permits': 'public',
  'GET /api/register/results': 'public',
  'GET /register.atom': 'public',
  'GET /api/register/publication-duties': ['hdab_staff'],
  'POST /api/applications/:id/publish': ['hdab_staff'],
  'POST /api/permits/:id/results': ['data_user'],
  'POST /api/applications/:id/results': ['data_user'],
  'GET /api/reports/activity': STAFF,
  'GET /api/kpi': 'signed-in',
  'GET /api/kpi/export.csv': 'signed-in',
  'GET /api/kpi/report.pdf': 'signed-in',
  'GET /api/kpi/manual': 'signed-in',
  'POST /api/kpi/manual': STAFF,
  'PUT /api/kpi/manual/:id': STAFF,
  'DELETE /api/kpi/manual/:id': STAFF,
  'PUT /api/kpi/manual/:id/values/:date': STAFF,
  'DELETE /api/kpi/manual/:id/values/:date': STAFF,
  'GET /api/kpi/ai-products': 'signed-in',
  'POST /api/kpi/ai-products': ['data_user', 'hdab_staff', 'admin'],
  'GET /api/permits': ['data_user', 'hdab_staff'],
  'GET /api/permits/:id': ['data_user', 'hdab_staff'],
  'GET /api/permits/:id/end-notice': ['data_user', 'hdab_staff'],
  'GET /api/airlock': ['data_user', 'hdab_staff'],
  'GET /api/airlock/:id': ['data_user', 'hdab_staff'],
  'GET /api/airlock/:id/files/:name': ['data_user', 'hdab_staff'],
  'POST /api/airlock/:id/submit': ['data_user'],
  'POST /api/airlock/:id/withdraw': ['data_user'],
  'POST /api/airlock/:id/reviews': ['hdab_staff'],
  'POST /api/airlock/:id/decision': ['hdab_staff'],
  'POST /api/airlock/:id/release': ['hdab_staff'],
  'POST /api/workspaces/:id/jobs': ['data_user'],
  'GET /api/workspaces/:id/jobs': ['data_user', 'hdab_staff'],
  'GET /api/jobs/:id': ['data_user', 'hdab_staff'],
  'GET /api/jobs/:id/logs': ['data_user', 'hdab_staff'],
  'POST /api/jobs/:id/cancel': ['data_user', 'hdab_staff'],
  'POST /api/permits/:id/amend': ['hdab_staff'],
  'POST /api/permits/:id/renewal-request': ['data_user'],
  'POST /api/permits/:id/renew': ['hdab_staff'],
  'POST /api/permits/:id/revoke': ['hdab_staff'],
  'GET /api/permits/visas/revoked': 'public',
  'GET /.well-known/jwks.json': 'public',
  'GET /api/passport': ['data_user'],
  'GET /api/citizen/opt-out': ['citizen'],
  'POST /api/citizen/opt-out': ['citizen'],
  'POST /api/citizen/opt-out/reverse': ['citizen'],
  'GET /api/opt-out/statistics': ['hdab_staff'],
  'GET /api/permits/:id/extracts': ['data_user', 'hdab_staff'],
  // The permit-bound workspace (issue 4 §3–4): named persons work, HDAB staff read.
  'GET /api/workspaces': ['data_user', 'hdab_staff'],
  'GET /api/workspaces/:id': ['data_user', 'hdab_staff'],
  'GET /api/workspaces/:id/analyses': ['data_user', 'hdab_staff'],
  'GET /api/workspaces/:id/analyses/:analysisId': ['data_user', 'hdab_staff'],
  'POST /api/workspaces/:id/analyses': ['data_user'],
  // Feasibility counts before a permit (issue 4 §1): open to all; the HDAB's policy says what each sees.
  'POST /api/feasibility': 'public',
  'GET /api/feasibility/schema': 'public',
  'GET /api/feasibility/example': 'public',
  'GET /api/feasibility/queries': ['hdab_staff'],
  // The Beacon network (issue 5 §2-3): public like feasibility; sign-in only raises the granularity.
  'GET /api/beacon': 'public',
  'POST /api/beacon': 'public',
  'GET /api/beacon/': 'public',
  'POST /api/beacon/': 'public',
  'GET /api/beacon/info': 'public',
  'POST /api/beacon/info': 'public',
  'GET /api/beacon/service-info': 'public',
  'POST /api/beacon/service-info': 'public',
  'GET /api/beacon/map': 'public',
  'POST /api/beacon/map': 'public',
  'GET /api/beacon/configuration': 'public',
  'POST /api/beacon/configuration': 'public',
  'GET /api/beacon/entry_types': 'public',
  'POST /api/beacon/entry_types': 'public',
  'GET /api/beacon/filtering_terms': 'public',
  'POST /api/beacon/filtering_terms': 'public',
  'GET /api/beacon/datasets': 'public',
  'POST /api/beacon/datasets': 'public',
  'GET /api/beacon/cohorts': 'public',
  'POST /api/beacon/cohorts': 'public',
  'GET /api/beacon/g_variants': 'public',
  'POST /api/beacon/g_variants': 'public',
  'GET /api/beacon/g_variants/:id': 'public',
  'POST /api/beacon/g_variants/:id': 'public',
  'GET /api/beacon/individuals': 'public',
  'POST /api/beacon/individuals': 'public',
  'GET /api/beacon/biosamples': 'public',
  'POST /api/beacon/biosamples': 'public',
  // The stakeholder registry (issue 6 §1): every signed-in account reads, HDAB staff and admins write.
  'GET /api/stakeholders/organisations': 'signed-in',
  'POST /api/stakeholders/organisations': STAFF,
  'GET /api/stakeholders/organisations/:id': 'signed-in',
  'PUT /api/stakeholders/organisations/:id': STAFF,
  'DELETE /api/stakeholders/organisations/:id': STAFF,
  'GET /api/stakeholders/people': 'signed-in',
  'POST /api/stakeholders/people': STAFF,
  'PUT /api/stakeholders/people/:id': STAFF,
  'DELETE /api/stakeholders/people/:id': STAFF,
  'GET /api/stakeholders/relationships': 'signed-in',
  'POST /api/stakeholders/relationships': STAFF,
  'PUT /api/stakeholders/relationships/:id': STAFF,
  'DELETE /api/stakeholders/relationships/:id': STAFF,
  'GET /api/stakeholders/stats': 'signed-in',
  'GET /api/stakeholders/export/organisations.csv': 'signed-in',
  'GET /api/stakeholders/export/people.csv': 'signed-in',
  'POST /api/stakeholders/import/organisations': STAFF,
  // Case studies (issue 6 §3): the library and published ones are public lessons; writing needs a
  // sign-in (who may move what is the service's: author, staff, four eyes); the queue is staff's.
  'GET /api/case-studies': 'public',
  'GET /api/case-studies/:id': 'public',
  'GET /api/case-studies/mine': 'signed-in',
  'GET /api/case-studies/review': ['hdab_staff'],
  'POST /api/case-studies': 'signed-in',
  'POST /api/case-studies/prefill': 'signed-in',
  'PUT /api/case-studies/:id': 'signed-in',
  'POST /api/case-studies/:id/transitions': 'signed-in',
  // AI use cases (issue 6 §2): every signed-in stakeholder proposes, scores, comments, votes and ranks;
  // the proposer or staff link (the service's check); HDAB staff move stages and store default weights.
  'GET /api/use-cases': 'signed-in',
  'POST /api/use-cases': 'signed-in',
  'GET /api/use-cases/weights': 'signed-in',
  'PUT /api/use-cases/weights': ['hdab_staff'],
  'POST /api/use-cases/ranking': 'signed-in',
  'GET /api/use-cases/:id': 'signed-in',
  'PUT /api/use-cases/:id/score': 'signed-in',
  'POST /api/use-cases/:id/comments': 'signed-in',
  'POST /api/use-cases/:id/vote': 'signed-in',
  'POST /api/use-cases/:id/stage': ['hdab_staff'],
  'POST /api/use-cases/:id/links': 'signed-in',
  // Recommendations and roadmap (issue 6 §5): every signed-in account reads, HDAB staff and admins write.
  'GET /api/roadmap/recommendations': 'signed-in',
  'GET /api/roadmap/recommendations/:id': 'signed-in',
  'POST /api/roadmap/recommendations': STAFF,
  'PUT /api/roadmap/recommendations/:id': STAFF,
  'GET /api/roadmap/milestones': 'signed-in',
  'POST /api/roadmap/milestones': STAFF,
  'PUT /api/roadmap/milestones/:id': STAFF,
  // Regulatory pathway navigator (issue 6 §4): public guidance; saved reports are their owner's.
  'GET /api/pathway/questionnaire': 'public',
  'POST /api/pathway/evaluate': 'public',
  'GET /api/pathway/reports': 'signed-in',
  'GET /api/pathway/reports/:id': 'signed-in',
  'POST /api/pathway/reports': 'signed-in',
};

const CALLERS = ['anonymous', ...(Object.keys(ROLE_ACCOUNTS) as Role[])] as const;
type Caller = (typeof CALLERS)[number];

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
          // Beacon routes answer in Beacon's own error model (issue 5 §2), not problem+json.
          const model = path.startsWith('/api/beacon') ? /^application\/json/ : /^application\/problem\+json/;
          expect(res.headers['content-type'], outcome).toMatch(model);
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
      // A fresh session of a role the route allows, each time (sign-out ends its session).
      const access = policyOf(route)!;
      const role: Role = Array.isArray(access) ? access[0]! : 'admin';
      const cookie = (await hub.signIn(ROLE_ACCOUNTS[role])).setCookie.split(';')[0]!;
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
