import type { FastifyInstance } from 'fastify';
import type { Db } from '@openehds/db';
import { clockOf } from '@openehds/core';
import type { HubConfig } from '../config';
import { clocksOf } from './clocks';
import { lapse } from './service';
import { listApplications } from './store';

/**
 * Art. 68(4): an applicant asked for more information has 4 weeks to answer; after that the file is
 * refused. The sweep finds files whose additional-information clock is overdue and lapses them.
 */
export async function lapseOverdue(db: Db, config: HubConfig, now = new Date()): Promise<string[]> {
  const lapsed: string[] = [];
  for (const app of await listApplications(db, { status: 'AWAITING_ADDITIONAL_INFORMATION' })) {
    const info = clockOf(await clocksOf(db, app, config, now), 'additional-information');
    if (info?.state === 'overdue') {
      await lapse(db, app.id, config);
      lapsed.push(app.id);
    }
  }
  return lapsed;
}

/** Runs the sweep every few minutes while the hub runs; stops when the app closes. */
export function scheduleLapseSweep(
  app: FastifyInstance,
  db: Db,
  config: HubConfig,
  everyMs = 5 * 60_000,
): void {
  const timer = setInterval(() => {
    lapseOverdue(db, config).catch((err: unknown) => app.log.error({ err }, 'the lapse sweep failed'));
  }, everyMs);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}
