import type { FastifyInstance } from 'fastify';
import type { Db } from '@openehds/db';
import { runPermitSweep } from './sweep';

/**
 * Runs {@link runPermitSweep} every `seconds` inside the hub process, so expiry happens by itself and
 * permit changes reach the nodes without anyone asking. Starts when the app is ready and stops (after
 * the pass in flight, so the store is not closed under it) when the app closes; 0 turns it off. The
 * timer is unref'd: it never keeps a process alive on its own.
 */
export function schedulePermitSweep(app: FastifyInstance, db: Db, seconds: number): void {
  if (seconds <= 0) return;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = runPermitSweep(db)
      .catch((err: Error) => app.log.error({ err }, 'permit sweep failed'))
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
