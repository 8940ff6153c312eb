import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleApplication, type ApplicationContent } from '@openehds/core';
import { finnishT2dCohort } from '@openehds/standards';
import { createTestHub, type TestHub } from '../http/test-hub';
import { dataUseFindings } from './data-use';

// DUO conditions of requested datasets against the stated use (EHDS.md §16), over a real hub store.
describe('data-use findings of an application', () => {
  let hub: TestHub;
  const json = { 'x-requested-with': 'test' };

  /** Publishes a catalogue row with a valid HealthDCAT-AP description and these conditions. */
  async function dataset(id: string, title: string, dataUse?: unknown[]) {
    const description = { ...finnishT2dCohort('NON_PUBLIC'), identifier: id, title: { en: title }, dataUse };
    await hub.db.query(`INSERT INTO dataset (id, status, description) VALUES ($1, 'PUBLISHED', $2::jsonb)`, [
      id,
      JSON.stringify(description),
    ]);
  }

  beforeAll(async () => {
    hub = await createTestHub();
    await dataset('fi-biobank-duo', 'Helsinki biobank cohort', [
      { code: 'DUO:0000006' },
      { code: 'DUO:0000021' },
      { code: 'DUO:0000046' },
    ]);
    await dataset('ds-diabetes', 'Diabetes registry', [
      { code: 'DUO:0000007', diseaseCodes: ['E11'] },
      { code: 'DUO:0000022', countries: ['EU'] },
      { code: 'DUO:0000025', months: 12 },
    ]);
    await dataset('no-conditions', 'Hospital records');
  });
  afterAll(() => hub?.close());

  const requesting = (ids: string[], over: Partial<ApplicationContent> = {}): ApplicationContent => ({
    ...exampleApplication(),
    datasets: ids.map((datasetId) => ({ datasetId, country: 'FI' })),
    ...over,
  });

  it('finds NCU in conflict with commercial use, and names the dataset', async () => {
    const [found, ...rest] = await dataUseFindings(
      hub.db,
      requesting(['fi-biobank-duo'], { commercial: true }),
    );
    expect(rest).toEqual([]);
    expect(found).toMatchObject({
      datasetId: 'fi-biobank-duo',
      title: 'Helsinki biobank cohort',
      verdict: 'incompatible',
      conditions: [{ code: 'DUO:0000006' }, { code: 'DUO:0000021' }, { code: 'DUO:0000046' }],
    });
    const ncu = found!.findings.find((f) => f.code === 'NCU');
    expect(ncu).toMatchObject({ id: 'DUO:0000046', label: 'non-commercial use only', outcome: 'conflict' });
    expect(ncu!.message).toMatch(/declares commercial use/);
  });

  it('is compatible for non-commercial health research with ethics approval', async () => {
    const [found] = await dataUseFindings(hub.db, requesting(['fi-biobank-duo'], { commercial: false }));
    expect(found!.verdict).toBe('compatible');
    expect(found!.findings.map((f) => [f.code, f.outcome])).toEqual([
      ['HMB', 'ok'],
      ['IRB', 'ok'],
      ['NCU', 'ok'],
    ]);
  });

  it('asks for the ethics approval while it is only pending', async () => {
    const [found] = await dataUseFindings(
      hub.db,
      requesting(['fi-biobank-duo'], { commercial: false, ethics: { status: 'pending' } }),
    );
    expect(found!.verdict).toBe('conditional');
    expect(found!.findings.find((f) => f.code === 'IRB')!.outcome).toBe('requires');
  });

  it('does not guess whether the use is commercial when the application does not say', async () => {
    const { commercial: _c, ...content } = requesting(['fi-biobank-duo']);
    const [found] = await dataUseFindings(hub.db, content);
    expect(found!.verdict).toBe('conditional');
    const ncu = found!.findings.find((f) => f.code === 'NCU')!;
    expect(ncu.outcome).toBe('requires');
    expect(ncu.message).toMatch(/does not yet say whether the use is commercial/);
  });

  it('checks diseases, the applicant country and the access period against DS, GS and TS', async () => {
    const content = requesting(['ds-diabetes'], {
      diseaseCodes: ['E11.9'],
      commercial: false,
      speMonths: 24,
    });
    const [inEu] = await dataUseFindings(hub.db, content, { country: 'FR' });
    expect(inEu!.findings.map((f) => [f.code, f.outcome])).toEqual([
      ['DS', 'ok'],
      ['GS', 'ok'],
      ['TS', 'conflict'],
    ]);
    expect(inEu!.verdict).toBe('incompatible');
    const [abroad] = await dataUseFindings(hub.db, { ...content, speMonths: 12 }, { country: 'US' });
    expect(abroad!.findings.map((f) => [f.code, f.outcome])).toEqual([
      ['DS', 'ok'],
      ['GS', 'conflict'],
      ['TS', 'ok'],
    ]);
  });

  it('lists the conditions without a verdict until a purpose is stated', async () => {
    const [found] = await dataUseFindings(hub.db, requesting(['fi-biobank-duo'], { purposes: [] }));
    expect(found).toMatchObject({ verdict: null, findings: [], conditions: expect.any(Array) });
    expect(found!.conditions).toHaveLength(3);
  });

  it('leaves out datasets without conditions and ids not in the catalogue', async () => {
    const found = await dataUseFindings(hub.db, requesting(['no-conditions', 'not-there', 'ds-diabetes']));
    expect(found.map((f) => f.datasetId)).toEqual(['ds-diabetes']);
    expect(await dataUseFindings(hub.db, { purposes: ['SCIENTIFIC_RESEARCH'] })).toEqual([]);
  });

  it('shows the same findings in the case file to the applicant and, once submitted, to the HDAB', async () => {
    const as = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
      hub.as(who, { method, url, headers: json, ...(payload ? { payload } : {}) });
    const created = (await as('user', 'POST', '/api/applications', { kind: 'application' })).json();
    // The demo applicant (BioNova SAS) is a French biotech company: commercial research.
    const content = requesting(['fi-biobank-duo', 'no-conditions'], { commercial: true });
    const saved = await as('user', 'PUT', `/api/applications/${created.id}/content`, { content, version: 1 });
    expect(saved.statusCode, saved.body).toBe(200);
    const mine = saved.json().dataUse;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ datasetId: 'fi-biobank-duo', verdict: 'incompatible' });

    const submitted = await as('user', 'POST', `/api/applications/${created.id}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    const staff = (await as('hdab', 'GET', `/api/applications/${created.id}`)).json();
    expect(staff.dataUse).toEqual(mine);
  });
});
