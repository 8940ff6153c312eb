import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { migrate, openPglite, type Db } from '@openehds/db';
import { createApp } from '../app';
import { parseHubConfig, type HubConfig } from '../config';
import { DEMO_PASSWORD, seedDemo } from '../demo/seed';

/** The demo account of each role, for route tests. */
export const ROLE_ACCOUNTS = {
  data_holder: 'holder-fi',
  data_user: 'user',
  hdab_staff: 'hdab',
  admin: 'admin',
} as const;

/** A hub under test: the app (never listening), its store and helpers to call it as someone. */
export interface TestHub {
  app: FastifyInstance;
  db: Db;
  config: HubConfig;
  /** Signs in a demo account; returns the session token and the `Set-Cookie` header it got. */
  signIn(username: string): Promise<{ token: string; setCookie: string }>;
  /** `app.inject` with `Authorization: Bearer <token of username>` (signed in once, then cached). */
  as(username: string | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/**
 * Builds a hub for HTTP-level tests (DESIGN.md §3 `routes.test.ts`): in-memory PGlite, migrated, the
 * demo seed, `createApp` with `app.inject` only, so no port is opened.
 */
export async function createTestHub(raw: Record<string, unknown> = {}): Promise<TestHub> {
  const db = await openPglite();
  await migrate(db);
  const config = parseHubConfig({ seedDemo: true, publicUrl: 'http://hub.test', ...raw });
  await seedDemo(db, config.hdab);
  const app = await createApp(config, { db });
  const tokens = new Map<string, string>();

  const signIn: TestHub['signIn'] = async (username) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username, password: DEMO_PASSWORD },
    });
    if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.body}`);
    return { token: (res.json() as { token: string }).token, setCookie: String(res.headers['set-cookie']) };
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
    async close() {
      await app.close();
      await db.close();
    },
  };
}
