import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { HTTPMethods, InjectOptions, LightMyRequestResponse } from 'fastify';
import { AppError, exampleApplication, invalid } from '@openehds/core';
import { finnishT2dCohort } from '@openehds/standards';
import { createTestHub, ROLE_ACCOUNTS, type TestHub } from './http/test-hub';
import { listRoutes } from './http/list-routes';
import { bodyOf, headersOf, paramOf, queryOf, type Body } from './http/fuzz-requests';
import { createAccount, hashToken, startSession } from './auth/service';
import type { Role } from './auth/roles';

/**
 * Bad input and attacks (Art. 50(1): the access infrastructure is secure): every route, called as
 * anonymous and as every role, gets fast-check-generated requests — random and malformed JSON, wrong
 * types for known fields, huge strings, deep nesting, unicode, prototype-pollution keys, random path
 * parameters and query strings, wrong content types, and an application with one field broken.
 * Whatever arrives, the hub answers below 500, as problem+json when it refuses, and a refused (4xx)
 * request changes nothing in the store. Routes come from the app itself, so routes added later are
 * fuzzed too. The requests are fixed by a base seed (printed; FUZZ_SEED changes it, FUZZ_RUNS the count
 * per route and caller); each failure names its route, caller, fast-check seed and counterexample.
 * A refusal that wrote is found by write-counting triggers per request and by a content hash of every
 * table (`SELECT *`, ordered) per route.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20_250_327);
/** Requests per route and caller that reaches the handler, and per caller the guard refuses. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 10);
const RUNS_REFUSED = 2;

/**
 * Tables left out of the "no state change" check, each because a refused request rightly writes there:
 * - audit_event: refusals are audited on purpose (failed sign-ins, denied access; Art. 50(1)(d)).
 * - audit_checkpoint: signed checkpoints derived from audit_event.
 * - session: every authenticated request touches last_seen_at (the idle timeout, TEHDAS2 TIR-24),
 *   and this harness starts sessions of its own between requests.
 * - idempotency_key: a key is claimed before the handler runs and a handler's 4xx answer is kept, so
 *   that a retry gets the same answer (draft-ietf-httpapi-idempotency-key-header).
 * Refusals that write by design but that random input does not reach (it knows no password, challenge
 * or node key) are still checked: auth_challenge (a wrong TOTP code counts against its challenge; a
 * staff password without an authenticator yields a 403 with an enrolment challenge), oidc_login and
 * message_nonce (purges, spent nonces). Should the fuzzer ever reach them, list them here with why.
 * Rate-limit counters live in memory, not in the store.
 */
const TECHNICAL_TABLES = ['audit_event', 'audit_checkpoint', 'session', 'idempotency_key'];

/** Where the planted faults live (see beforeAll). */
const CANARY = '/api/fuzz-canary';

const CALLERS = ['anonymous', ...(Object.keys(ROLE_ACCOUNTS) as Role[])] as const;
type Caller = (typeof CALLERS)[number];

describe('fuzzing every route as every caller', () => {
  let hub: TestHub;
  let routes: string[];
  let tables: string[];
  const known: string[] = [];
  const errors: string[] = [];
  const tokens = new Map<Caller, string>();
  const accountIds = new Map<Caller, string>();

  /** A digest of each business table: a hash of all its rows (`SELECT *`), in a stable order. */
  const digest = async (): Promise<Map<string, string>> => {
    const sql = tables
      .map(
        (t) =>
          `SELECT '${t}' AS t, md5(coalesce(string_agg(r::text, E'\\n' ORDER BY r::text), '')) AS h FROM "${t}" r`,
      )
      .join(' UNION ALL ');
    const rows = await hub.db.query<{ t: string; h: string }>(sql);
    return new Map(rows.map((r) => [r.t, r.h]));
  };

  /** Rows written so far, per business table, as counted by the triggers of `countChanges`. */
  const changes = async (): Promise<Map<string, number>> => {
    const rows = await hub.db.query<{ table_name: string; n: number }>(
      'SELECT table_name, n::int AS n FROM fuzz_change',
    );
    return new Map(rows.map((r) => [r.table_name, r.n]));
  };

  /** A live session of the caller (started directly: sign-in itself is fuzzed like any route). */
  const tokenOf = async (caller: Caller): Promise<string | undefined> => {
    if (caller === 'anonymous') return undefined;
    const token = tokens.get(caller);
    if (token) return token;
    // The roles that need a second factor act only through sessions that proved one.
    const session = await startSession(hub.db, accountIds.get(caller)!, 'totp');
    tokens.set(caller, session.token);
    return session.token;
  };

  beforeAll(async () => {
    hub = await createTestHub();
    // Stack traces of internal errors, for the report.
    hub.app.addHook('onError', async (request, _reply, err) => {
      if (err instanceof AppError || (err.statusCode ?? 500) < 500) return;
      errors.push(`${request.method} ${request.url}: ${err.stack ?? String(err)}`);
    });
    // Two planted faults prove that the harness finds what it looks for: a refusal that wrote to the
    // store, and an internal error. They must be the only findings.
    hub.app.post(`${CANARY}/writes-then-refuses`, async () => {
      await hub.db.query(
        `UPDATE organisation SET name = name || '.' WHERE name = 'Fuzz Org' OR name LIKE 'Fuzz Org.%'`,
      );
      throw invalid('refused after writing');
    });
    hub.app.get(`${CANARY}/fails`, async () => {
      throw new Error('planted internal error');
    });
    await hub.app.ready();
    // HEAD is answered by the GET route's handler, without a body to check; the GET is fuzzed.
    routes = listRoutes(hub.app).filter((r) => !r.startsWith('HEAD '));
    const rows = await hub.db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
       WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    tables = rows.map((r) => r.table_name).filter((t) => !TECHNICAL_TABLES.includes(t));
    await countChanges(hub, tables);
    for (const caller of CALLERS) {
      if (caller === 'anonymous') continue;
      const [row] = await hub.db.query<{ id: string }>('SELECT id FROM account WHERE username = $1', [
        ROLE_ACCOUNTS[caller],
      ]);
      accountIds.set(caller, row!.id);
    }

    // Prepare: real things for path parameters to hit — a dataset, a draft and a submitted application,
    // and an organisation and account of their own, so a fuzzed success cannot disable a demo caller.
    const [holder] = await hub.db.query<{ organisation_id: string }>(
      `SELECT organisation_id FROM account WHERE username = 'holder-fi'`,
    );
    const description = { ...finnishT2dCohort('NON_PUBLIC'), identifier: 'fi-biobank' };
    await hub.db.query(
      `INSERT INTO dataset (id, organisation_id, status, description) VALUES ('fi-biobank', $1, 'PUBLISHED', $2::jsonb)`,
      [holder!.organisation_id, JSON.stringify(description)],
    );
    const [org] = await hub.db.query<{ id: string }>(
      `INSERT INTO organisation (id, name, kind, country) VALUES (gen_random_uuid(), 'Fuzz Org', 'biotech_company', 'FI') RETURNING id`,
    );
    const victim = await createAccount(hub.db, {
      username: 'fuzz-victim',
      displayName: 'Fuzz',
      role: 'data_user',
      organisationId: org!.id,
    });
    const user = { authorization: `Bearer ${await tokenOf('data_user')}` };
    const content = {
      ...exampleApplication(),
      datasets: [{ datasetId: 'fi-biobank', country: 'FI', variables: ['x'] }],
    };
    const create = () =>
      hub.app.inject({
        method: 'POST',
        url: '/api/applications',
        headers: user,
        payload: { kind: 'application', content },
      });
    const draft = (await create()).json().id as string;
    const submitted = (await create()).json().id as string;
    await hub.app.inject({ method: 'POST', url: `/api/applications/${submitted}/submit`, headers: user });
    known.push(draft, submitted, org!.id, victim, 'fi-biobank');
  }, 120_000);
  afterAll(() => hub?.close());

  it('answers every generated request below 500, as problem+json when refused, and a refusal changes nothing', async () => {
    const findings: string[] = [];
    let sent = 0;
    /** Responses by status class: statuses[2] counts the 2xx, and so on. */
    const statuses = [0, 0, 0, 0, 0, 0];
    const started = Date.now();
    let counted = await changes();
    let hashed = await digest();

    /** Sends one request as the caller and checks the answer; returns its status. */
    const attempt = async (
      route: string,
      caller: Caller,
      options: InjectOptions,
    ): Promise<LightMyRequestResponse> => {
      const token = await tokenOf(caller);
      const headers = { ...options.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) };
      const res = await hub.app.inject({ ...options, headers });
      sent++;
      statuses[Math.floor(res.statusCode / 100)]! += 1;
      if (process.env.FUZZ_DEBUG) console.log(`FZ ${route} ${caller} ${res.statusCode}`);
      const at = `${route} as ${caller} → ${res.statusCode}`;
      const now = await changes();
      const changed = [...now].filter(([t, n]) => counted.get(t) !== n).map(([t]) => t);
      counted = now; // a success may change state by design: it becomes the new baseline
      if (res.statusCode >= 500) throw new Error(`${at}: ${res.body.slice(0, 300)}`);
      if (res.statusCode >= 400) {
        // Beacon routes refuse in Beacon's own error model (issue 5 §2): JSON with error.errorCode.
        const beacon = route.split(' ')[1]!.startsWith('/api/beacon');
        const type = String(res.headers['content-type']);
        if (beacon ? !/^application\/json/.test(type) : !/^application\/problem\+json/.test(type))
          throw new Error(`${at}: content-type ${type}`);
        if (
          beacon &&
          (JSON.parse(res.body) as { error?: { errorCode?: number } }).error?.errorCode !== res.statusCode
        )
          throw new Error(`${at}: not a Beacon error response: ${res.body.slice(0, 300)}`);
      }
      if (res.statusCode >= 400 && changed.length) {
        throw new Error(`${at} wrote to ${changed.join(', ')}: ${res.body.slice(0, 300)}`);
      }
      if (res.statusCode < 400 && token) {
        // A success may have ended the caller's session (sign-out): start another if so.
        const [live] = await hub.db.query('SELECT 1 FROM session WHERE token_hash = $1', [hashToken(token)]);
        if (!live) tokens.delete(caller);
      }
      return res;
    };
    const isRefusal = (status: number) => status >= 400 && status < 500;

    for (const route of routes) {
      const [method, path] = route.split(' ') as [HTTPMethods, string];
      const params = [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      let allRefused = true;
      for (const caller of CALLERS) {
        // A first plain request tells whether the guard lets this caller in, and which fields the
        // route wants (from the paths of its 400 problem).
        let probe: LightMyRequestResponse | undefined;
        try {
          probe = await attempt(route, caller, {
            method,
            url: path.replace(/:(\w+)/g, () => known[0]!),
            ...(method === 'GET' ? {} : { payload: {} }),
          });
        } catch (err) {
          findings.push(`${err instanceof Error ? err.message : String(err)}\n  (the plain first request)`);
        }
        const fields = probe?.statusCode === 400 ? issuePaths(probe) : [];
        const guarded = probe?.statusCode === 401 || probe?.statusCode === 403;
        allRefused &&= probe !== undefined && isRefusal(probe.statusCode);
        const request = fc.record({
          params: fc.tuple(...params.map((p) => paramOf(p, known))),
          query: queryOf,
          body: method === 'GET' ? fc.constant<Body>({}) : bodyOf(fields),
          headers: headersOf(caller === 'anonymous'),
        });
        const property = fc.asyncProperty(request, async ({ params: values, query, body, headers }) => {
          let i = 0;
          const url = path.replace(/:(\w+)/g, () => values[i++]!) + (query ? `?${query}` : '');
          const res = await attempt(route, caller, {
            method,
            url,
            headers: {
              ...headers,
              ...(body.contentType !== undefined ? { 'content-type': body.contentType } : {}),
            },
            ...(body.payload !== undefined ? { payload: body.payload } : {}),
          });
          allRefused &&= isRefusal(res.statusCode);
        });
        try {
          await fc.assert(property, {
            seed: seedOf(route, caller),
            numRuns: guarded ? RUNS_REFUSED : RUNS,
            endOnFailure: true,
          });
        } catch (err) {
          findings.push(describeFailure(err));
          allRefused = false;
        }
      }
      // An independent check by content: when nothing for this route succeeded, every table hashes
      // as before (this also covers writes the triggers cannot see, such as TRUNCATE).
      const after = await digest();
      if (allRefused) {
        const changed = tables.filter((t) => hashed.get(t) !== after.get(t));
        if (changed.length)
          findings.push(`${route}: every request was refused, yet ${changed.join(', ')} changed`);
      }
      hashed = after;
    }

    const seconds = (Date.now() - started) / 1000;
    console.log(
      `fuzz: ${sent} requests over ${routes.length} routes × ${CALLERS.length} callers in ${seconds.toFixed(1)} s ` +
        `(2xx ${statuses[2]}, 3xx ${statuses[3]}, 4xx ${statuses[4]}, 5xx ${statuses[5]}), base seed ${SEED}`,
    );
    const unplanted = errors.filter((e) => !e.includes(CANARY));
    if (unplanted.length) console.log(`internal errors:\n${unplanted.join('\n\n')}`);
    expect(sent).toBeGreaterThan(routes.length * CALLERS.length * RUNS_REFUSED);
    // The detector is not blind: the successes along the way were counted as writes.
    expect([...(await changes()).values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    const planted = findings.filter((f) => f.startsWith(`POST ${CANARY}/`) || f.startsWith(`GET ${CANARY}/`));
    for (const caller of CALLERS) {
      const of = (fault: string) => planted.filter((f) => f.includes(`${fault} as ${caller} `));
      expect(
        of('writes-then-refuses').some((f) => / → 400 wrote to organisation/.test(f)),
        caller,
      ).toBe(true);
      expect(
        of('fails').some((f) => / → 500/.test(f)),
        caller,
      ).toBe(true);
    }
    expect(findings.filter((f) => !planted.includes(f))).toEqual([]);
    // No request polluted Object.prototype through a `__proto__` or `constructor` key.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 600_000);
});

/**
 * Counts the rows each business table gets written (insert, delete, or an update that changes the
 * row), through a trigger per table. A per-request hash of every table costs tens of milliseconds on
 * PGlite, too slow for thousands of requests; the triggers see every write at once, and a content
 * hash per route cross-checks them.
 */
async function countChanges(hub: TestHub, tables: string[]): Promise<void> {
  await hub.db.exec(`
    CREATE TABLE fuzz_change (table_name TEXT PRIMARY KEY, n BIGINT NOT NULL);
    CREATE FUNCTION fuzz_count_change() RETURNS trigger AS $$
    BEGIN
      IF TG_OP = 'UPDATE' AND OLD IS NOT DISTINCT FROM NEW THEN RETURN NULL; END IF;
      INSERT INTO fuzz_change VALUES (TG_TABLE_NAME, 1)
        ON CONFLICT (table_name) DO UPDATE SET n = fuzz_change.n + 1;
      RETURN NULL;
    END $$ LANGUAGE plpgsql;
    ${tables
      .map(
        (t) =>
          `CREATE TRIGGER fuzz_count_change AFTER INSERT OR UPDATE OR DELETE ON "${t}" FOR EACH ROW EXECUTE FUNCTION fuzz_count_change();`,
      )
      .join('\n')}
  `);
}

/** A failure as the seed line, the error and the start of the counterexample (bodies can be huge). */
function describeFailure(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const lines = err.message.split('\n');
  const seed = lines.find((l) => l.includes('seed:')) ?? '';
  const example = (lines.find((l) => l.startsWith('Counterexample:')) ?? '').slice(0, 800);
  const cause =
    err.cause instanceof Error ? err.cause.message : (lines.find((l) => l.startsWith('Got error')) ?? '');
  if (!seed) return err.message.slice(0, 1_500);
  return `${cause}\n  ${seed}\n  ${example}`;
}

/** Top-level field names named by a 400 problem's issues. */
function issuePaths(res: LightMyRequestResponse): string[] {
  const issues = (res.json() as { issues?: { path?: string }[] }).issues ?? [];
  return issues.map((i) => i.path?.split(/[.[]/)[0] ?? '').filter((p) => /^\w+$/.test(p));
}

/** A stable seed per route and caller, so adding a route does not change the others' requests. */
function seedOf(route: string, caller: string): number {
  return SEED ^ createHash('sha256').update(`${route} ${caller}`).digest().readInt32BE(0);
}
