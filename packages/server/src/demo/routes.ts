import type { FastifyInstance } from 'fastify';
import { notFound } from '@openehds/core';
import type { HubConfig } from '../config';
import { requiresMfa } from '../auth/roles';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_SECRET } from './seed';

/**
 * Only in demo mode: the sign-in page lists the demo accounts to pick from, with the shared password
 * and, for roles that need a second factor, the documented demo TOTP secret so the page can compute
 * the code itself. Outside demo mode the route answers 404 and reveals nothing.
 */
export function demoRoutes(app: FastifyInstance, config: HubConfig): void {
  app.get('/api/demo/accounts', async () => {
    if (!config.seedDemo) throw notFound('route', '/api/demo/accounts');
    return {
      accounts: DEMO_ACCOUNTS.map(({ username, displayName, role }) => ({
        username,
        displayName,
        role,
        ...(requiresMfa(role) ? { totpSecret: DEMO_TOTP_SECRET } : {}),
      })),
      password: DEMO_PASSWORD,
    };
  });
}
