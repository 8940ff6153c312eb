import Fastify, { type FastifyInstance } from 'fastify';
import type { Db } from '@openehds/db';
import { registerProblemHandler } from '@openehds/core';
import type { HubConfig } from './config';
import { healthRoutes } from './health/routes';
import { authRoutes } from './auth/routes';
import { auditRoutes } from './audit/routes';
import { catalogueRoutes } from './catalogue/routes';
import { federationRoutes } from './federation/routes';
import { holderRoutes } from './holder/routes';
import { staticWeb } from './http/static-web';

/** What the hub needs from outside: the store (opened and migrated by the caller). */
export interface HubDeps {
  db: Db;
}

/**
 * Builds the hub's HTTP app (DESIGN.md §3): one feature folder per domain, each contributing routes
 * that authenticate, validate and call a service. Nothing listens until the caller says so, so tests
 * use `app.inject` without an open port.
 */
export async function createApp(config: HubConfig, deps: HubDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: process.env.EHDS_LOG_LEVEL ?? 'warn',
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    },
    bodyLimit: 10 * 1024 * 1024,
  });
  registerProblemHandler(app);
  const secure = config.publicUrl.startsWith('https://');
  const idle = config.sessionIdleMinutes;
  healthRoutes(app, deps.db);
  authRoutes(app, deps.db, idle, secure);
  auditRoutes(app, deps.db, idle);
  await federationRoutes(app, { db: deps.db, idleMinutes: idle, config });
  catalogueRoutes(app, { db: deps.db, idleMinutes: idle, config });
  holderRoutes(app, { db: deps.db, idleMinutes: idle, config });
  if (config.webDir) await staticWeb(app, config.webDir);
  return app;
}
