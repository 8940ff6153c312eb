import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openPglite, type Db } from '@openehds/db';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../app';
import { parseHubConfig } from '../config';
import { seedDemo } from '../demo/seed';
import { loadPermit } from './store';
import { grantTestPermit } from './test-support';

// Expiry runs by itself: the hub process sweeps on a timer (here every second) without any request.
describe('permit scheduler in the hub process', () => {
  let db: Db;
  let app: FastifyInstance;

  beforeAll(async () => {
    db = await openPglite();
    await migrate(db);
    const config = parseHubConfig({ seedDemo: true, permitSweepSeconds: 1 });
    await seedDemo(db, config.hdab);
    app = await createApp(config, { db });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('expires a permit past its end date with no one calling the sweep', async () => {
    // Prepare: a permit whose access period ended a moment ago, still GRANTED in the store
    const permit = await grantTestPermit(db, parseHubConfig({}), {
      applicant: 'user',
      datasets: [{ datasetId: 'fi-biobank', country: 'FI' }],
      persons: [{ name: 'Marie Dubois', email: 'marie@bionova.example', role: 'principal_investigator' }],
      validFrom: new Date(Date.now() - 86_400_000).toISOString(),
      validUntil: new Date(Date.now() - 1000).toISOString(),
      at: new Date(Date.now() - 86_400_000),
    });
    expect(permit.status).toBe('GRANTED');
    // Execute: wait for the timer (polling the store, no timing asserted)
    let status = permit.status;
    for (let i = 0; i < 100 && status !== 'EXPIRED'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = (await loadPermit(db, permit.id)).status;
    }
    // Assert
    expect(status).toBe('EXPIRED');
    expect((await loadPermit(db, permit.id)).activeUntil).toBe(permit.validUntil);
  });
});
