import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from '../http/test-hub';
import { listAudit } from '../audit/service';
import { runPermitSweep } from '../permits';
import { ANALYSIS_MAX_RUN_MS } from './interrupted';
import { insertAnalysis, loadAnalysis } from './store';
import { grantWorkspacePermit } from './test-support';

const DAY = 86_400_000;

// An analysis left RUNNING by a hub that stopped is failed by the housekeeping sweep, saying why.
describe('analyses a stopped hub left running', () => {
  let hub: TestHub;
  let permitId: string;
  let accountId: string;

  beforeAll(async () => {
    hub = await createTestHub();
    permitId = (
      await grantWorkspacePermit(hub.db, hub.config, {
        applicant: 'user',
        datasets: [{ datasetId: 'nowhere', country: 'FI' }],
        persons: [{ name: 'Marie Dubois', email: 'marie@bionova.example', role: 'principal_investigator' }],
        validFrom: new Date(Date.now() - 10 * DAY).toISOString(),
        validUntil: new Date(Date.now() + 300 * DAY).toISOString(),
        at: new Date(Date.now() - 5 * DAY),
        variables: ['person'],
      })
    ).id;
    [{ id: accountId }] = (await hub.db.query<{ id: string }>(
      `SELECT id FROM account WHERE username = 'user'`,
    )) as [{ id: string }];
  });
  afterAll(() => hub?.close());

  const analysis = async (startedMsAgo: number) => {
    const id = randomUUID();
    await insertAnalysis(hub.db, {
      id,
      permitId,
      kind: 'table',
      request: { kind: 'table', rows: 'sex' },
      nodes: [],
      createdBy: accountId,
    });
    await hub.db.query(`UPDATE spe_analysis SET created_at = $2 WHERE id = $1`, [
      id,
      new Date(Date.now() - startedMsAgo).toISOString(),
    ]);
    return id;
  };

  it('fails one running longer than any can, audited; leaves one that may still be running', async () => {
    const lost = await analysis(ANALYSIS_MAX_RUN_MS + 60_000);
    const recent = await analysis(60_000);
    const sweep = await runPermitSweep(hub.db, new Date());
    expect(sweep.interrupted).toEqual([lost]);
    expect(await loadAnalysis(hub.db, permitId, lost)).toMatchObject({
      status: 'FAILED',
      error: expect.stringMatching(/^interrupted: the hub stopped/),
      finishedAt: expect.any(String),
    });
    expect((await loadAnalysis(hub.db, permitId, recent)).status).toBe('RUNNING');
    const audit = (await listAudit(hub.db, { limit: 50 })).filter((e) => e.action === 'spe.analysis');
    expect(audit).toMatchObject([
      { actor: 'system', object: `permit:${permitId}`, outcome: 'failure', details: { analysis: lost } },
    ]);
    // Once failed, it is not failed again.
    expect((await runPermitSweep(hub.db, new Date())).interrupted).toEqual([]);
  });
});
