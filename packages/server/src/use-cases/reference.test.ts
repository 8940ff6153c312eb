import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openPglite, openPostgres, type Db } from '@openehds/db';
import { createAccount } from '../auth/service';
import type { Principal } from '../auth/roles';
import { proposeUseCase } from './service';

// Proposals made at the same moment get distinct references: on PostgreSQL two transactions used to
// count the same proposals, take the same number and fail the second on the UNIQUE reference (a 500).
// Run on PostgreSQL when DATABASE_URL is set (CI), in a database of its own; on PGlite always.
const url = process.env.DATABASE_URL;
const stores: [string, () => Promise<{ db: Db; drop: () => Promise<void> }>][] = [
  [
    'pglite',
    async () => {
      const db = await openPglite();
      return { db, drop: () => db.close() };
    },
  ],
];
if (url) {
  stores.push([
    'postgres',
    async () => {
      const admin = await openPostgres(url);
      const name = `ehds_use_case_${randomUUID().replaceAll('-', '')}`;
      await admin.exec(`CREATE DATABASE ${name}`);
      const target = new URL(url);
      target.pathname = `/${name}`;
      const db = await openPostgres(target.toString());
      return {
        db,
        drop: async () => {
          await db.close();
          await admin.exec(`DROP DATABASE IF EXISTS ${name}`);
          await admin.close();
        },
      };
    },
  ]);
}

describe.each(stores)('use-case references on %s', (_driver, open) => {
  let db: Db;
  let drop: () => Promise<void>;
  let principal: Principal;

  beforeAll(async () => {
    ({ db, drop } = await open());
    await migrate(db);
    const username = `proposer-${randomUUID().slice(0, 8)}`;
    const accountId = await createAccount(db, {
      username,
      displayName: 'Proposer',
      role: 'data_user',
      organisationId: null,
    });
    principal = {
      accountId,
      username,
      displayName: 'Proposer',
      role: 'data_user',
      organisationId: null,
      organisationName: null,
      organisationKind: null,
    } as Principal;
  });
  afterAll(async () => {
    await drop?.();
  });

  it('gives proposals made at the same moment distinct references', async () => {
    const proposal = {
      title: 'Sepsis early warning',
      problem: 'Sepsis is recognised late on general wards.',
      benefit: 'Earlier antibiotics.',
      dataCategories: ['electronic_health_records'],
      keywords: ['sepsis'],
      aiMethod: 'gradient boosting',
      aiActClass: 'high' as const,
      deviceClass: 'mdr_iia' as const,
    };
    const made = await Promise.all(
      Array.from({ length: 8 }, (_, i) => proposeUseCase(db, principal, { ...proposal, title: `UC ${i}` })),
    );
    const year = new Date().getUTCFullYear();
    expect(new Set(made.map((m) => m.reference)).size).toBe(8);
    expect(made.map((m) => m.reference).sort()).toEqual(
      Array.from({ length: 8 }, (_, i) => `UC-${year}-${String(i + 1).padStart(4, '0')}`),
    );
  });
});
