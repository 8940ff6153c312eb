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
import { applicationRoutes } from './applications/routes';
import { applicationExportRoutes } from './applications/export';
import { transparencyRoutes } from './transparency/routes';
import { permitRoutes } from './permits/routes';
import { airlockRoutes } from './airlock/routes';
import { jobRoutes } from './jobs/routes';
import { crossBorderRoutes } from './cross-border/routes';
import { optOutRoutes } from './opt-out/routes';
import { workspaceRoutes } from './spe/routes';
import { scheduleLapseSweep } from './applications/sweep';
import { staticWeb } from './http/static-web';
import { organisationRoutes } from './organisations/routes';
import { demoRoutes } from './demo/routes';
import { registerIdempotency } from './http/idempotency';
import { frameworkErrorsFor } from './http/framework-errors';
import { registerTextGuard } from './http/text-guard';
import { registerPublicRateLimit } from './http/rate-limit';
import { feasibilityRoutes } from './feasibility/routes';
import { beaconRoutes, hubBeaconDescription, HUB_BEACON_ROOT } from './beacon/routes';
import { caseStudyRoutes } from './case-studies/routes';
import { kpiRoutes } from './kpi/routes';
import { useCaseRoutes } from './use-cases/routes';
import { stakeholderRoutes } from './stakeholders/routes';
import { roadmapRoutes } from './roadmap/routes';
import { pathwayRoutes } from './pathway/routes';

/** What the hub needs from outside: the store (opened and migrated by the caller). */
export interface HubDeps {
  db: Db;
  /** Milliseconds since the epoch for TOTP checks; defaults to Date.now (tests move it). */
  clock?: () => number;
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
    frameworkErrors: frameworkErrorsFor({
      root: HUB_BEACON_ROOT,
      beaconId: hubBeaconDescription(config, HUB_BEACON_ROOT).id,
    }),
  });
  registerProblemHandler(app);
  // Edge checks before any route, so they cover every route registered after them (http/README.md).
  registerTextGuard(app);
  registerIdempotency(app, deps.db);
  await registerPublicRateLimit(app, config.publicRateLimit);
  const idle = config.sessionIdleMinutes;
  healthRoutes(app, deps.db);
  await authRoutes(app, { db: deps.db, config, clock: deps.clock ?? Date.now });
  organisationRoutes(app, { db: deps.db, idleMinutes: idle });
  demoRoutes(app, config);
  auditRoutes(app, deps.db, idle, config.auditCheckpoints);
  await federationRoutes(app, { db: deps.db, idleMinutes: idle, config });
  catalogueRoutes(app, { db: deps.db, idleMinutes: idle, config });
  holderRoutes(app, { db: deps.db, idleMinutes: idle, config });
  applicationRoutes(app, { db: deps.db, idleMinutes: idle, config });
  applicationExportRoutes(app, { db: deps.db, idleMinutes: idle });
  await transparencyRoutes(app, { db: deps.db, idleMinutes: idle, config });
  permitRoutes(app, { db: deps.db, idleMinutes: idle, config });
  airlockRoutes(app, { db: deps.db, idleMinutes: idle });
  jobRoutes(app, { db: deps.db, idleMinutes: idle });
  optOutRoutes(app, { db: deps.db, idleMinutes: idle, config });
  workspaceRoutes(app, { db: deps.db, idleMinutes: idle, config });
  await crossBorderRoutes(app, { db: deps.db, idleMinutes: idle, config });
  feasibilityRoutes(app, { db: deps.db, idleMinutes: idle, config });
  await beaconRoutes(app, { db: deps.db, idleMinutes: idle, config });
  caseStudyRoutes(app, { db: deps.db, idleMinutes: idle });
  kpiRoutes(app, { db: deps.db, idleMinutes: idle, config });
  useCaseRoutes(app, { db: deps.db, idleMinutes: idle });
  stakeholderRoutes(app, { db: deps.db, idleMinutes: idle });
  roadmapRoutes(app, { db: deps.db, idleMinutes: idle });
  pathwayRoutes(app, { db: deps.db, idleMinutes: idle });
  scheduleLapseSweep(app, deps.db, config);
  if (config.webDir) await staticWeb(app, config.webDir);
  return app;
}
