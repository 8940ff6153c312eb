import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SaxesParser } from '@rubensworks/saxes';
import { createTestHub, type TestHub } from '../http/test-hub';
import { readPdf } from '../pdf/read-pdf';
import { seedCatalogue, walkFile, type WalkedFile } from './test-walk';

/**
 * The public register, the publication duty, results and the Art. 59 report, over HTTP in process:
 * files are walked to their decisions through the API, then the register is read as anyone would.
 */
describe('transparency: register, publication, results and the activity report', () => {
  let hub: TestHub;
  const headers = { 'x-requested-with': 'test' };
  const get = (who: string | null, url: string) => hub.as(who, { method: 'GET', url });
  const post = (who: string, url: string, payload?: object) =>
    hub.as(who, { method: 'POST', url, headers, ...(payload ? { payload } : {}) });

  // Files, by what happens to them.
  let expired: WalkedFile; // granted long ago, its permit ended over 18 months ago
  let refused: WalkedFile; // refused under manual publication
  let answered: WalkedFile; // a health data request, answered
  let pending: WalkedFile; // submitted, not decided
  let draft: WalkedFile; // never submitted
  let revoked: WalkedFile; // granted, then revoked (Art. 63)

  beforeAll(async () => {
    hub = await createTestHub({ holidays: ['2026-12-25'] });
    await seedCatalogue(hub);
    expired = await walkFile(hub, {
      until: 'GRANTED',
      validFrom: '2020-01-01',
      validUntil: '2021-01-01',
      content: { title: 'Diabetes progression, first cohort' },
    });
    answered = await walkFile(hub, { kind: 'request', until: 'ANSWERED_AS_REQUEST' });
    revoked = await walkFile(hub, {
      applicant: 'researcher-thl',
      until: 'GRANTED',
      content: {
        title: 'Cancer incidence surveillance',
        datasets: [{ datasetId: 'fi-registry', country: 'FI', variables: ['diagnosis'] }],
      },
    });
    pending = await walkFile(hub, { until: 'submitted', content: { title: 'Pending study' } });
    draft = await walkFile(hub, { until: 'draft', content: { title: 'Secret draft' } });
  }, 240_000);
  afterAll(() => hub?.close());

  it('lists every file received from submission on, with organisations but no persons', async () => {
    const res = await get(null, '/api/register/applications');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const refs = body.items.map((i: { reference: string }) => i.reference);
    expect(refs).toEqual([pending.reference, revoked.reference, answered.reference, expired.reference]);
    expect(refs).not.toContain(draft.reference);
    const first = body.items.find((i: { reference: string }) => i.reference === expired.reference);
    expect(first).toMatchObject({
      kind: 'application',
      title: 'Diabetes progression, first cohort',
      status: 'DECISION_ISSUED',
      outcome: 'GRANTED',
      applicant: { organisation: 'BioNova SAS (demo)', kind: 'biotech_company', country: 'FR' },
      purposes: [{ code: 'SCIENTIFIC_RESEARCH', article: 'Art. 53(1)(e)' }],
      datasets: [{ id: 'fi-biobank', title: 'Helsinki Biobank type 2 diabetes cohort', country: 'FI' }],
      receivedAt: expect.any(String),
      publishedAt: expect.any(String),
    });
    expect(body.items.find((i: { reference: string }) => i.reference === pending.reference)).toMatchObject({
      status: 'SUBMITTED',
      outcome: null,
    });
    // Art. 57(1)(j)(ii) publishes the file, not the people in it.
    expect(res.body).not.toMatch(/Marie Dubois|marie@bionova|Paul Martin|Mikko Laine/);
  });

  it('pages with limit and cursor or offset, filters by since and reference, and refuses bad cursors', async () => {
    const page1 = (await get(null, '/api/register/applications?limit=3')).json();
    expect(page1.items).toHaveLength(3);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = (await get(null, `/api/register/applications?limit=3&cursor=${page1.nextCursor}`)).json();
    expect(page2.items.map((i: { reference: string }) => i.reference)).toEqual([expired.reference]);
    expect(page2.nextCursor).toBeNull();
    const byOffset = (await get(null, '/api/register/applications?limit=2&offset=2')).json();
    expect(byOffset.items.map((i: { reference: string }) => i.reference)).toEqual([
      answered.reference,
      expired.reference,
    ]);
    const one = (await get(null, `/api/register/applications?reference=${answered.reference}`)).json();
    expect(one.items).toHaveLength(1);
    expect(one.items[0]).toMatchObject({ kind: 'request', outcome: 'ANSWERED_AS_REQUEST' });
    expect((await get(null, '/api/register/applications?since=2999-01-01')).json().items).toEqual([]);
    expect((await get(null, '/api/register/applications?since=2000-01-01')).json().items).toHaveLength(4);

    const bad = await get(null, '/api/register/applications?cursor=bm9wZQ&limit=0');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues.map((i: { path: string }) => i.path)).toEqual(['limit']);
    const forged = await get(null, '/api/register/applications?cursor=bm9wZQ');
    expect(forged.statusCode).toBe(400);
    expect(forged.json().issues[0].path).toBe('cursor');
    const both = await get(null, '/api/register/applications?cursor=x&offset=1');
    expect(both.statusCode).toBe(400);
  });

  it('publishes decisions at decision time by default, with reasons, permit versions and the results duty', async () => {
    const revocation = await post('hdab', `/api/permits/${revoked.permitId}/revoke`, {
      reason: 'Data were copied out of the secure processing environment.',
    });
    expect(revocation.statusCode).toBe(200);

    const body = (await get(null, '/api/register/permits')).json();
    const byRef = (ref: string) => body.items.find((i: { reference: string }) => i.reference === ref);
    expect(body.items.map((i: { reference: string }) => i.reference)).toEqual([
      revoked.reference,
      answered.reference,
      expired.reference,
    ]);
    expect(byRef(expired.reference)).toMatchObject({
      outcome: 'GRANTED',
      reasons: 'All criteria of Art. 68(1) were assessed; outcome GRANTED.',
      // Its end date passed: EXPIRED even though no scheduler marked it.
      permit: { id: expired.permitId, status: 'EXPIRED', validUntil: '2021-01-01T00:00:00.000Z' },
      results: {
        reported: 0,
        duty: { endedAt: '2021-01-01T00:00:00.000Z', dueAt: '2022-07-01T00:00:00.000Z' },
      },
      resultsOverdue: true,
    });
    expect(byRef(expired.reference).publishedAt).toBe(byRef(expired.reference).decidedAt);
    expect(byRef(revoked.reference)).toMatchObject({
      applicant: { organisation: 'Terveyden ja hyvinvoinnin laitos THL (demo)', kind: 'public_body' },
      datasets: [{ id: 'fi-registry', title: 'Finnish cancer registry extract' }],
      permit: {
        status: 'REVOKED',
        versions: [
          {
            permitId: revoked.permitId,
            status: 'REVOKED',
            reason: 'Data were copied out of the secure processing environment.',
            activeUntil: expect.any(String),
          },
        ],
      },
      resultsOverdue: false,
    });
    expect(byRef(answered.reference)).toMatchObject({
      kind: 'request',
      outcome: 'ANSWERED_AS_REQUEST',
      permit: null,
      results: { reported: 0, duty: { overdue: false } },
      resultsOverdue: false,
    });
  });

  it('under manual publication, lists the duty with its working-day deadline until staff publish', async () => {
    // The hub's `register.publishDecisions: manual` (the app reads the same config object).
    hub.config.register.publishDecisions = 'manual';
    refused = await walkFile(hub, {
      applicant: 'researcher-thl',
      until: 'REFUSED',
      reasons: 'The data requested are not necessary for the purpose stated (Art. 68(1)(b)).',
      content: { title: 'Broad registry linkage', purposes: ['PUBLIC_HEALTH'] },
    });
    const register = () =>
      get(null, `/api/register/permits?reference=${refused.reference}`).then((r) => r.json().items);
    expect(await register()).toEqual([]);
    const inList = (await get(null, `/api/register/applications?reference=${refused.reference}`)).json();
    expect(inList.items[0]).toMatchObject({ status: 'DECISION_ISSUED', outcome: null, publishedAt: null });

    expect((await get('user', '/api/register/publication-duties')).statusCode).toBe(403);
    const duties = (await get('hdab', '/api/register/publication-duties')).json();
    expect(duties.items).toHaveLength(1);
    const duty = duties.items[0];
    expect(duty).toMatchObject({
      reference: refused.reference,
      outcome: 'REFUSED',
      overdue: false,
      atRisk: false,
    });
    expect(duty.workingDaysLeft).toBeGreaterThanOrEqual(29);
    expect(duty.workingDaysLeft).toBeLessThanOrEqual(30);
    // 30 working days is at least six calendar weeks.
    expect(Date.parse(duty.dueAt) - Date.parse(duty.decidedAt)).toBeGreaterThanOrEqual(41 * 86_400_000);

    expect((await post('hdab', `/api/applications/${pending.id}/publish`)).statusCode).toBe(409);
    const published = await post('hdab', `/api/applications/${refused.id}/publish`);
    expect(published.json()).toMatchObject({ reference: refused.reference, alreadyPublished: false });
    expect((await post('hdab', `/api/applications/${refused.id}/publish`)).json().alreadyPublished).toBe(
      true,
    );
    expect((await get('hdab', '/api/register/publication-duties')).json().items).toEqual([]);
    expect(await register()).toEqual([
      expect.objectContaining({
        outcome: 'REFUSED',
        reasons: 'The data requested are not necessary for the purpose stated (Art. 68(1)(b)).',
        permit: null,
        resultsOverdue: false,
      }),
    ]);
    const history = (await get('hdab', `/api/applications/${refused.id}`)).json().history;
    expect(history.at(-1)).toMatchObject({ event: 'publish', actor: 'account:hdab' });
    hub.config.register.publishDecisions = 'on-decision';
  });

  it('takes results from the applicant of the permit only, and clears the overdue flag', async () => {
    const result = { kind: 'publication', title: 'Progression of type 2 diabetes', doi: '10.1234/t2d.2026' };
    expect(
      (await post('researcher-thl', `/api/permits/${expired.permitId}/results`, result)).statusCode,
    ).toBe(404);
    expect((await post('hdab', `/api/permits/${expired.permitId}/results`, result)).statusCode).toBe(403);
    const missing = await post('user', `/api/permits/${expired.permitId}/results`, {
      kind: 'thesis',
      title: '',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['kind', 'title']),
    );
    const noLink = await post('user', `/api/permits/${expired.permitId}/results`, {
      kind: 'other',
      title: 'x',
    });
    expect(noLink.json().issues).toEqual([expect.objectContaining({ path: 'doi' })]);

    const created = await post('user', `/api/permits/${expired.permitId}/results`, result);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      kind: 'publication',
      link: 'https://doi.org/10.1234/t2d.2026',
      isAiProduct: false,
      permitId: expired.permitId,
      organisation: 'BioNova SAS (demo)',
    });
    // A request has no permit: its results go to the file; a granted file sends them to its permit.
    const model = await post('user', `/api/applications/${answered.id}/results`, {
      kind: 'ai_model',
      title: 'Risk model trained on the answer',
      url: 'https://models.example.org/t2d-risk',
    });
    expect(model.statusCode).toBe(201);
    expect(model.json()).toMatchObject({ isAiProduct: true, permitId: null });
    expect((await post('user', `/api/applications/${expired.id}/results`, result)).statusCode).toBe(409);

    const results = (await get(null, '/api/register/results')).json();
    expect(results.items.map((r: { title: string }) => r.title)).toEqual([
      'Risk model trained on the answer',
      'Progression of type 2 diabetes',
    ]);
    expect(results.items[0]).toMatchObject({
      link: 'https://models.example.org/t2d-risk',
      application: { reference: answered.reference, kind: 'request' },
    });
    const permits = (await get(null, `/api/register/permits?reference=${expired.reference}`)).json();
    expect(permits.items[0]).toMatchObject({ results: { reported: 1 }, resultsOverdue: false });
  });

  it('serves the register as a valid Atom feed, newest first, one entry per event', async () => {
    const res = await get(null, '/register.atom');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/atom\+xml/);
    // Well-formed XML, checked by a strict parser; entries collected as it reads.
    const entries: { id: string; updated: string; term: string }[] = [];
    const stack: string[] = [];
    let current: { id: string; updated: string; term: string } | null = null;
    let root = '';
    const parser = new SaxesParser({ xmlns: true });
    parser.on('error', (e) => {
      throw e;
    });
    parser.on('opentag', (t) => {
      if (!root) root = `${t.uri} ${t.local}`;
      stack.push(t.local);
      if (t.local === 'entry') current = { id: '', updated: '', term: '' };
      if (t.local === 'category' && current) current.term = String(t.attributes.term?.value ?? '');
    });
    parser.on('text', (text) => {
      const el = stack.at(-1);
      if (current && el === 'id') current.id += text;
      if (current && el === 'updated') current.updated += text;
    });
    parser.on('closetag', (t) => {
      stack.pop();
      if (t.local === 'entry' && current) {
        entries.push(current);
        current = null;
      }
    });
    parser.write(res.body).close();
    expect(root).toBe('http://www.w3.org/2005/Atom feed');
    expect(res.body).toContain(
      '<link rel="self" type="application/atom+xml" href="http://hub.test/register.atom"/>',
    );
    const terms = entries.map((e) => e.term);
    expect(terms.filter((t) => t === 'application-received')).toHaveLength(4);
    expect(terms.filter((t) => t === 'request-received')).toHaveLength(1);
    expect(terms.filter((t) => t === 'decision-issued')).toHaveLength(4);
    expect(terms).toEqual(expect.arrayContaining(['permit-revoked', 'permit-expired', 'result-reported']));
    expect(terms.filter((t) => t === 'result-reported')).toHaveLength(2);
    const times = entries.map((e) => Date.parse(e.updated));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    expect(res.body).not.toContain(draft.reference);
    expect((await get(null, '/register.atom?limit=2')).body.match(/<entry>/g)).toHaveLength(2);
  });

  it('reports Art. 59(1) figures for a period as JSON, accessible HTML and PDF', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const url = `/api/reports/activity?from=2020-01-01&to=${today}`;
    expect((await get('user', url)).statusCode).toBe(403);
    expect((await get('hdab', '/api/reports/activity?from=2026-02-01&to=2026-01-01')).statusCode).toBe(400);

    const report = (await get('admin', url)).json();
    expect(report.received).toEqual({
      total: 5,
      byKind: { application: 4, request: 1 },
      byOrganisationKind: {
        biotech_company: { application: 2, request: 1 },
        public_body: { application: 2, request: 0 },
      },
    });
    expect(report.decisions).toEqual({
      total: 4,
      byOutcome: { GRANTED: 2, PARTIALLY_GRANTED: 0, REFUSED: 1, ANSWERED_AS_REQUEST: 1 },
    });
    expect(report.purposes).toMatchObject({ SCIENTIFIC_RESEARCH: 4, PUBLIC_HEALTH: 1, EDUCATION: 0 });
    // fi-biobank (EHRS, HGPD) was asked for by 4 files, fi-registry (PHDR) by the revoked one.
    expect(report.dataCategories).toEqual({ EHRS: 4, HGPD: 4, PHDR: 1 });
    expect(report.enforcement).toEqual({ permitsRevoked: 1 });
    expect(report.revenue).toMatchObject({
      currency: 'EUR',
      files: 2,
      total: Math.round((expired.feeTotal! + revoked.feeTotal!) * 100) / 100,
    });
    expect(report.durations.toDecision.count).toBe(4);
    expect(report.durations.toAccess.count).toBe(2);
    expect(report.durations.toDecision.averageDays).toBeGreaterThanOrEqual(0);
    expect(report.qualityLabels.byStars).toMatchObject({ '4': 1, '2': 1, unlabelled: 1, '5': 0 });
    expect(report.qualityLabels.byCategory.EHRS).toMatchObject({ '4': 1, unlabelled: 1 });
    expect(report.results).toEqual({
      total: 2,
      byKind: { publication: 1, ai_model: 1 },
      publications: 1,
      aiProducts: 1,
      products: 0,
      overdue: 0,
    });
    expect(report.notRecorded.map((m: { letter: string }) => m.letter)).toEqual(['b', 'c', 'd', 'e', 'f']);

    // A period before anything happened counts nothing, but still lists every figure.
    const empty = (await get('hdab', '/api/reports/activity?from=2019-01-01&to=2019-12-31')).json();
    expect(empty.received.total).toBe(0);
    expect(empty.decisions.byOutcome.GRANTED).toBe(0);

    const html = await get('hdab', `${url}&format=html`);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.body).toMatch(/^<!doctype html>\n<html lang="en">/);
    for (const letter of ['a', 'b', 'g', 'h', 'i', 'j', 'k'])
      expect(html.body).toContain(`Art. 59(1)(${letter})`);
    const tables = html.body.match(/<table>/g)!.length;
    expect(html.body.match(/<caption>/g)).toHaveLength(tables);
    expect(html.body).toContain('<th scope="col">Applications</th>');
    expect(html.body).toContain('<th scope="row">Data permits revoked</th>');
    expect(html.body).not.toMatch(/<script|https?:\/\/(?!hub\.test)/);

    const pdf = await hub.as('hdab', { method: 'GET', url: `${url}&format=pdf` });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const read = await readPdf(pdf.rawPayload);
    expect(read.pages).toBeGreaterThanOrEqual(1);
    expect(read.subject).toBe(`Art. 59(1) activity report 2020-01-01 to ${today}`);
    expect(read.text).toContain('Art. 59(1)(g): Revenue');
    expect(read.text).toContain('Data permits revoked');
  });
});
