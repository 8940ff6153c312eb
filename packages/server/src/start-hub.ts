import type { FastifyInstance } from 'fastify';
import { openDb, type Db } from '@openehds/db';
import { createApp } from './app';
import type { HubConfig } from './config';
import { seedDemo } from './demo/seed';
import { seedMultistakeholderDemo } from './demo/seed-multistakeholder';

/** A hub listening on its port, with a clean stop. */
export interface RunningHub {
  app: FastifyInstance;
  db: Db;
  url: string;
  stop(): Promise<void>;
}

/** Opens the store (PGlite or PostgreSQL), migrates, seeds the demo if asked, and listens. */
export async function startHub(config: HubConfig): Promise<RunningHub> {
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  if (config.seedDemo) {
    await seedDemo(db, config.hdab);
    await seedMultistakeholderDemo(db);
  }
  const app = await createApp(config, { db });
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    app,
    db,
    url: `http://${config.host}:${port}`,
    async stop() {
      await app.close();
      await db.close();
    },
  };
}
