import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { migrate, openPglite, type Db } from '@openehds/db';
import { createApp } from '../app';
import { parseHubConfig, type HubConfig } from '../config';
import { seedDemo } from '../demo/seed';
import { signInDemoAccount, type PostJson } from '../demo/demo-sign-in';
import { sessionCookie } from '../auth/cookies';
import { citizenPseudonym, pseudonymKey } from '../auth/pseudonym';
import { createAccount, startSession } from '../auth/service';

/** The demo account of each role, for route tests (the citizen is seeded by `createTestHub`). */
export const ROLE_ACCOUNTS = {
  data_holder: 'holder-fi',
  data_user: 'user',
  hdab_staff: 'hdab',
  admin: 'admin',
  citizen: 'citizen-test',
} as const;

/** The test hub's citizen: an account as a national eID sign-in creates it (no password). */
export const TEST_CITIZEN = {
  username: 'citizen-test',
  givenName: 'Matti',
  nationalId: '131052-308T',
} as const;

/** A hub under test: the app (never listening), its store and helpers to call it as someone. */
export interface TestHub {
  app: FastifyInstance;
  db: Db;
  config: HubConfig;
  /**
   * Signs in a demo account (with the demo TOTP code where the role needs one) or the test citizen;
   * returns the session token and the `Set-Cookie` header it got.
   */
  signIn(username: string): Promise<{ token: string; setCookie: string }>;
  /** `app.inject` with `Authorization: Bearer <token of username>` (signed in once, then cached). */
  as(username: string | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  /** The hub's TOTP clock (ms); each MFA sign-in of `signIn` moves it on, so no code is replayed. */
  now(): number;
  /** Moves the TOTP clock on. */
  advanceClock(ms: number): void;
  close(): Promise<void>;
}

/**
 * Builds a hub for HTTP-level tests (DESIGN.md §3 `routes.test.ts`): in-memory PGlite, migrated, the
 * demo seed plus a citizen, `createApp` with `app.inject` only, so no port is opened. The sign-in rate
 * limit is raised and the public one is off, so that tests calling often do not trip them (a test of a
 * limit sets its own).
 */
export async function createTestHub(raw: Record<string, unknown> = {}): Promise<TestHub> {
  const db = await openPglite();
  await migrate(db);
  const config = parseHubConfig({
    seedDemo: true,
    publicUrl: 'http://hub.test',
    signInRateLimit: { perIp: 100_000, perUsername: 100_000, windowSeconds: 60 },
    publicRateLimit: { perIp: 0, windowSeconds: 60 },
    ...raw,
  });
  await seedDemo(db, config.hdab);
  const key = await pseudonymKey(db, config.citizenPseudonymKey);
  const citizenId = await createAccount(db, {
    username: TEST_CITIZEN.username,
    displayName: TEST_CITIZEN.givenName,
    role: 'citizen',
    organisationId: null,
    citizenPseudonym: citizenPseudonym(key, TEST_CITIZEN.nationalId),
  });
  let clockMs = Date.now();
  const app = await createApp(config, { db, clock: () => clockMs });
  const secure = config.publicUrl.startsWith('https://');
  const tokens = new Map<string, string>();

  const post: PostJson = async (url, payload) => {
    const res = await app.inject({ method: 'POST', url, payload: payload as object });
    const setCookie = res.headers['set-cookie'];
    return {
      status: res.statusCode,
      body: res.json(),
      ...(setCookie ? { setCookie: String(setCookie) } : {}),
    };
  };

  const signIn: TestHub['signIn'] = async (username) => {
    if (username === TEST_CITIZEN.username) {
      // Citizens sign in through their national eID (tested end to end in auth/oidc); here the
      // session is started directly, as the OIDC callback does.
      const session = await startSession(db, citizenId, 'direct');
      return { token: session.token, setCookie: sessionCookie(session.token, session.expiresAt, secure) };
    }
    // Three steps on, so the code of the step used is fresh whatever the previous sign-ins used.
    clockMs += 90_000;
    return signInDemoAccount(post, username, { nowMs: clockMs, offsets: [0] });
  };

  return {
    app,
    db,
    config,
    signIn,
    async as(username, options) {
      if (!username) return app.inject(options);
      let token = tokens.get(username);
      if (!token) {
        token = (await signIn(username)).token;
        tokens.set(username, token);
      }
      return app.inject({ ...options, headers: { ...options.headers, authorization: `Bearer ${token}` } });
    },
    now: () => clockMs,
    advanceClock(ms) {
      clockMs += ms;
    },
    async close() {
      await app.close();
      await db.close();
    },
  };
}
