import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findNode } from '../federation/nodes';
import { createTestHub, type TestHub } from '../http/test-hub';
import { recordExtractPrepared } from '../opt-out/extracts';
import { readPdf } from '../pdf/read-pdf';
import { seedCatalogue, walkFile } from '../transparency/test-walk';
import type { KpiDashboard, KpiFigure } from './figure';
import { seedKpiDemo } from './seed';

const headers = { 'x-requested-with': 'test' };
const today = new Date().toISOString().slice(0, 10);

// KPI monitoring over HTTP, on a hub where files are walked to a decision through the real routes.
describe('KPI routes', () => {
  let hub: TestHub;
  let permitId: string;
  const call = (
    who: string | null,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
  ) => hub.as(who, { method, url, headers, ...(payload ? { payload } : {}) });
  const dashboard = async (who = 'user'): Promise<Map<string, KpiFigure>> => {
    const res = await call(who, 'GET', '/api/kpi?months=3');
    expect(res.statusCode, res.body).toBe(200);
    return new Map((res.json() as KpiDashboard).kpis.map((k) => [k.key, k]));
  };

  beforeAll(async () => {
    // Prepare: one application granted (access from today), one refused, a node's extract of the permit
    // with 10 of 100 persons excluded by opt-outs, a citizen's opt-out, an analysis refused by
    // disclosure control.
    hub = await createTestHub();
    await seedCatalogue(hub);
    const granted = await walkFile(hub, { until: 'GRANTED', validFrom: today, validUntil: '2030-12-31' });
    await walkFile(hub, { until: 'REFUSED' });
    permitId = granted.permitId!;

    const nodeId = randomUUID();
    await hub.db.query(
      `INSERT INTO node (id, name, country, public_key, status) VALUES ($1, 'fi-node', 'FI', 'kpi-key', 'APPROVED')`,
      [nodeId],
    );
    await hub.db.query('INSERT INTO permit_delivery (permit_id, node_id, revision) VALUES ($1, $2, 1)', [
      permitId,
      nodeId,
    ]);
    const at = new Date().toISOString();
    await recordExtractPrepared(hub.db, (await findNode(hub.db, nodeId))!, {
      permitId,
      datasets: ['fi-biobank'],
      persons: 90,
      excludedByOptOut: 10,
      notMatchable: 0,
      optOutApplied: true,
      snapshotAt: at,
      registryVersion: 1,
      preparedAt: at,
    });
    expect((await call('citizen-test', 'POST', '/api/citizen/opt-out', {})).statusCode).toBe(201);
    const [user] = await hub.db.query<{ id: string }>(`SELECT id FROM account WHERE username = 'user'`);
    await hub.db.query(
      `INSERT INTO spe_analysis (id, permit_id, kind, request, status, created_by, finished_at)
       VALUES ($1, $2, 'table', '{}'::jsonb, 'REFUSED', $3, now())`,
      [randomUUID(), permitId, user!.id],
    );
  });
  afterAll(() => hub?.close());

  it('computes the live KPIs from the files, permits, extracts and registry of the hub', async () => {
    const k = await dashboard();
    expect(k.get('applications.days-to-decision')!.current).toBe(0); // walked within seconds, rounded
    expect(k.get('applications.days-to-decision')!.series.filter((s) => s.value !== null)).toHaveLength(1);
    expect(k.get('permits.days-to-access')!.current).not.toBeNull();
    const granted = k.get('permits.granted')!;
    expect(granted.current).toBe(1);
    expect(granted.breakdown).toEqual([{ label: 'SCIENTIFIC_RESEARCH', value: 1 }]);
    expect(k.get('datasets.labelled')!.current).toBe(2); // fi-unlabelled has no label
    expect(k.get('datasets.labelled')!.breakdown).toEqual(
      expect.arrayContaining([
        { label: 'EHRS', value: 1 },
        { label: 'HGPD', value: 1 },
        { label: 'PHDR', value: 1 },
      ]),
    );
    expect(k.get('opt-out.rate')!.current).toBe(10);
    expect(k.get('opt-out.in-force')!.current).toBe(1);
    expect(k.get('outputs.blocked')!).toMatchObject({
      current: 1,
      breakdown: [{ label: 'analysis', value: 1 }],
    });
    expect(k.get('analyses.run')!.breakdown).toEqual([{ label: 'REFUSED', value: 1 }]);
  });

  it('counts an AI product once whether reported against the permit or not, and checks who reports it', async () => {
    const before = (await dashboard()).get('ai-products.reported')!.current!;
    const ok = await call('user', 'POST', '/api/kpi/ai-products', {
      name: 'Retinopathy triage',
      organisation: 'Example Research Institute',
      permitId,
      reportedOn: today,
      regulatoryStatus: 'in_development',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ permitId, reportedBy: 'user', regulatoryStatus: 'in_development' });
    const after = (await dashboard()).get('ai-products.reported')!;
    expect(after.current).toBe(before + 1);
    expect(after.breakdown).toEqual(expect.arrayContaining([{ label: 'in_development', value: 1 }]));

    const bad = await call('user', 'POST', '/api/kpi/ai-products', {
      name: '',
      organisation: 'X',
      permitId: 'P-NONE',
      reportedOn: '2026-02-30',
      regulatoryStatus: 'approved',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['name', 'regulatoryStatus', 'reportedOn']);
    const unknown = await call('hdab', 'POST', '/api/kpi/ai-products', {
      name: 'Y',
      organisation: 'X',
      permitId: 'P-NONE',
      reportedOn: today,
      regulatoryStatus: 'on_market',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().issues).toEqual([expect.objectContaining({ path: 'permitId' })]);
    const listed = await call('holder-fi', 'GET', '/api/kpi/ai-products');
    expect(listed.json().items.map((p: { name: string }) => p.name)).toContain('Retinopathy triage');
  });

  it('lets staff create, change and record manual KPIs, judged against their target, and audits it', async () => {
    const created = await call('hdab', 'POST', '/api/kpi/manual', {
      key: 'stakeholder.meetings',
      title: 'Stakeholder meetings held',
      unit: 'meetings',
      target: 3,
      direction: 'higher',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const month = today.slice(0, 7);
    expect(
      (await call('hdab', 'PUT', `/api/kpi/manual/${id}/values/${month}-01`, { value: 2 })).statusCode,
    ).toBe(200);
    let k = (await dashboard('holder-fi')).get('stakeholder.meetings')!;
    expect(k).toMatchObject({ source: 'manual', id, current: 2, target: 3, met: false });

    // Recording the same date again replaces the value; lowering the target makes it met.
    await call('hdab', 'PUT', `/api/kpi/manual/${id}/values/${month}-01`, {
      value: 4,
      note: 'two workshops more',
    });
    k = (await dashboard()).get('stakeholder.meetings')!;
    expect(k).toMatchObject({ current: 4, met: true });
    expect(k.series.at(-1)).toEqual({ month, value: 4 });
    const patched = await call('admin', 'PUT', `/api/kpi/manual/${id}`, { target: 5, direction: 'higher' });
    expect(patched.json()).toMatchObject({ key: 'stakeholder.meetings', target: 5 });
    expect((await dashboard()).get('stakeholder.meetings')!.met).toBe(false);

    const audit = await hub.db.query<{ action: string; actor: string }>(
      `SELECT action, actor FROM audit_event WHERE object = 'kpi:stakeholder.meetings' ORDER BY seq`,
    );
    expect(audit.map((a) => a.action)).toEqual(['kpi.create', 'kpi.value', 'kpi.value', 'kpi.update']);
    expect(audit[3]!.actor).toBe('account:admin');

    expect((await call('hdab', 'DELETE', `/api/kpi/manual/${id}/values/${month}-01`)).json().values).toEqual(
      [],
    );
    expect((await call('hdab', 'DELETE', `/api/kpi/manual/${id}`)).statusCode).toBe(204);
    expect((await dashboard()).has('stakeholder.meetings')).toBe(false);
    expect((await call('hdab', 'DELETE', `/api/kpi/manual/${id}`)).statusCode).toBe(404);
  });

  it('refuses data users writing manual KPIs, and lists every bad field, a taken key and a live key', async () => {
    const body = { key: 'x.y', title: 'T', unit: 'u', direction: 'higher' };
    expect((await call('user', 'POST', '/api/kpi/manual', body)).statusCode).toBe(403);
    const bad = await call('hdab', 'POST', '/api/kpi/manual', {
      key: 'Bad Key',
      title: '',
      unit: 'u',
      direction: 'up',
      target: 'high',
      colour: 'red',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(
      bad
        .json()
        .issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['', 'direction', 'key', 'target', 'title'].sort());
    const live = await call('hdab', 'POST', '/api/kpi/manual', { ...body, key: 'opt-out.rate' });
    expect(live.json().issues).toEqual([expect.objectContaining({ path: 'key' })]);
    expect((await call('hdab', 'POST', '/api/kpi/manual', body)).statusCode).toBe(201);
    expect((await call('hdab', 'POST', '/api/kpi/manual', body)).statusCode).toBe(409);
    const noKeyChange = await call('hdab', 'PUT', `/api/kpi/manual/${randomUUID()}`, { key: 'z' });
    expect(noKeyChange.statusCode).toBe(400);
    expect((await call('hdab', 'PUT', `/api/kpi/manual/${randomUUID()}`, { title: 'Z' })).statusCode).toBe(
      404,
    );
    expect((await call(null, 'GET', '/api/kpi')).statusCode).toBe(401);
    expect((await call('user', 'GET', '/api/kpi?months=0')).statusCode).toBe(400);
  });

  it('exports the dashboard as RFC 4180 CSV and as a PDF report with the seeded manual KPIs', async () => {
    await seedKpiDemo(hub.db);
    await seedKpiDemo(hub.db); // idempotent
    const manual = await call('user', 'GET', '/api/kpi/manual');
    const keys = manual.json().items.map((k: { key: string }) => k.key);
    expect(keys.filter((k: string) => k === 'stakeholder.satisfaction')).toHaveLength(1);

    const csv = await call('user', 'GET', '/api/kpi/export.csv?months=6');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="kpi-\d{4}-\d{2}\.csv"$/);
    const lines = csv.body.split('\r\n');
    expect(lines[0]).toBe('key,title,source,unit,direction,target,met,period,value');
    expect(lines.at(-1)).toBe('');
    expect(lines).toContain('permits.granted,"Permits granted, by purpose",live,count,,,,current,1');
    // 1 current row + 6 months per KPI.
    expect(lines.filter((l) => l.startsWith('stakeholder.satisfaction,'))).toHaveLength(7);
    expect(lines).toContain(
      'stakeholder.satisfaction,Stakeholder satisfaction,manual,score,higher,4,true,current,4.1',
    );

    const pdf = await call('citizen-test', 'GET', '/api/kpi/report.pdf?months=6');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const read = await readPdf(pdf.rawPayload);
    expect(read.title).toMatch(/^KPI report of /);
    expect(read.text).toContain('Median days from application to decision (Art. 59(1)(h), 68(4))');
    expect(read.text).toContain('Stakeholder satisfaction');
    expect(read.text).toContain('>= 4 score: met');
    expect(read.text).toContain('<= 2 days: met');
    expect(read.text).toContain('10 % (over the period)');
  });
});
