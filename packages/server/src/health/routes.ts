import type { FastifyInstance } from 'fastify';
import type { Db } from '@openehds/db';

/** `GET /health`: each dependency with its state; 503 when any is down (for load balancers). */
export function healthRoutes(
  app: FastifyInstance,
  db: Db,
  extra: () => Record<string, unknown> = () => ({}),
): void {
  app.get('/health', async (_request, reply) => {
    const started = performance.now();
    let store: Record<string, unknown>;
    try {
      await db.ping();
      store = { status: 'up', driver: db.driver, ms: Math.round(performance.now() - started) };
    } catch (err) {
      store = { status: 'down', driver: db.driver, error: (err as Error).message };
    }
    const dependencies = { store, ...extra() };
    const up = Object.values(dependencies).every((d) => (d as { status?: string }).status !== 'down');
    reply.status(up ? 200 : 503);
    return { status: up ? 'up' : 'down', service: 'hub', dependencies };
  });
}
