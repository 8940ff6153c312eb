import type { FastifyInstance } from 'fastify';
import type { Db } from '@openehds/db';
import type { HubConfig } from '../config';
import { runOptOutSweep } from './distribution';

/**
 * Runs {@link runOptOutSweep} every `permitSweepSeconds` (the permit sweep's cadence: a registry change
 * matters to nodes when permits change) inside the hub process; 0 turns it off. Starts when the app is
 * ready, stops after the pass in flight when it closes; the timer never keeps the process alive.
 */
export function scheduleOptOutSweep(app: FastifyInstance, db: Db, config: HubConfig): void {
  const seconds = config.permitSweepSeconds;
  if (seconds <= 0) return;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = runOptOutSweep(db, config)
      .catch((err: Error) => app.log.error({ err }, 'opt-out sweep failed'))
      .finally(() => {
        running = null;
      });
  };
  app.addHook('onReady', async () => {
    timer = setInterval(tick, seconds * 1000);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    stopped = true;
    if (timer) clearInterval(timer);
    await running;
  });
}
