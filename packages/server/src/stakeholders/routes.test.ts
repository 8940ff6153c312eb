import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from '../http/test-hub';
import { parseCsv } from './csv';
import { seedStakeholdersDemo } from './seed';

const P = '/api/stakeholders';
const org = (over: Record<string, unknown> = {}) => ({
  name: 'Helix Test Bio',
  type: 'biotech',
  country: 'DE',
  ehdsRoles: ['data_user'],
  interest: 4,
  influence: 2,
  ...over,
});

// The stakeholder registry at the HTTP edge (issue 6 §1), on a real PGlite hub.
describe('stakeholder routes', () => {
  let hub: TestHub;
  const as = (
    user: string | null,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
  ) => hub.as(user, { method, url, ...(payload !== undefined ? { payload: payload as object } : {}) });

  beforeAll(async () => {
    hub = await createTestHub();
  });
  afterAll(() => hub?.close());

  it('lets any signed-in account read and only HDAB staff and admins write', async () => {
    expect((await as(null, 'GET', `${P}/organisations`)).statusCode).toBe(401);
    expect((await as('citizen-test', 'GET', `${P}/organisations`)).statusCode).toBe(200);
    const refused = await as('user', 'POST', `${P}/organisations`, org());
    expect(refused.statusCode).toBe(403);
    const created = await as(
      'hdab',
      'POST',
      `${P}/organisations`,
      org({ country: 'de', website: 'https://helix.example.eu' }),
    );
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      name: 'Helix Test Bio',
      country: 'DE',
      peopleCount: 0,
      aiCapabilities: null,
    });
    const listed = await as('user', 'GET', `${P}/organisations?q=helix%20test`);
    expect(listed.json().organisations.map((o: { name: string }) => o.name)).toEqual(['Helix Test Bio']);
    const audit = await hub.db.query<{ actor: string }>(
      `SELECT actor FROM audit_event WHERE action = 'stakeholder.org-create' AND object = $1`,
      [`stakeholder-org:${created.json().id}`],
    );
    expect(audit).toEqual([{ actor: 'account:hdab' }]);
    // A second organisation of the same name, whatever its case, is a conflict.
    expect(
      (await as('admin', 'POST', `${P}/organisations`, org({ name: 'helix test bio' }))).statusCode,
    ).toBe(409);
  });

  it('lists every field at fault as problem+json', async () => {
    const bad = await as('hdab', 'POST', `${P}/organisations`, {
      name: ' ',
      type: 'pharma',
      country: 'XX',
      interest: 9,
      influence: 1.5,
      website: 'javascript:alert(1)',
      aiCapabilities: { gpus: [{ model: 'H100', count: 8 }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    const issues = bad.json().issues as { path: string; message: string }[];
    expect(issues.map((i) => i.path).sort()).toEqual([
      'country',
      'influence',
      'interest',
      'name',
      'type',
      'website',
    ]);
    expect(issues.find((i) => i.path === 'type')!.message).toMatch(/unknown type "pharma"/);
    // Only an AI Factory has compute capabilities (checked once the fields themselves are right).
    const notFactory = await as(
      'hdab',
      'POST',
      `${P}/organisations`,
      org({ name: 'X', aiCapabilities: { gpus: [] } }),
    );
    expect(notFactory.json().issues).toEqual([expect.objectContaining({ path: 'aiCapabilities' })]);
  });

  it('shows people’s emails to staff only: lists, organisation detail and CSV export', async () => {
    const o = (await as('hdab', 'POST', `${P}/organisations`, org({ name: 'Email Test Org' }))).json();
    const badPerson = await as('hdab', 'POST', `${P}/people`, { orgId: o.id, name: '', email: 'nope' });
    expect(badPerson.json().issues.map((i: { path: string }) => i.path)).toEqual(['name', 'email']);
    const person = await as('hdab', 'POST', `${P}/people`, {
      orgId: o.id,
      name: 'Erika Muster',
      title: 'CSO',
      email: 'erika@example.eu',
    });
    expect(person.statusCode, person.body).toBe(201);
    const staff = (await as('admin', 'GET', `${P}/people?orgId=${o.id}`)).json().people;
    expect(staff).toEqual([expect.objectContaining({ name: 'Erika Muster', email: 'erika@example.eu' })]);
    const user = (await as('user', 'GET', `${P}/people?orgId=${o.id}`)).json().people;
    expect(user).toEqual([expect.objectContaining({ name: 'Erika Muster', title: 'CSO' })]);
    expect(user[0]).not.toHaveProperty('email');
    const detail = (await as('researcher-thl', 'GET', `${P}/organisations/${o.id}`)).json();
    expect(detail.people[0]).not.toHaveProperty('email');
    expect(detail.peopleCount).toBe(1);
    const userCsv = await as('user', 'GET', `${P}/export/people.csv`);
    expect(userCsv.body).not.toContain('erika@example.eu');
    expect(userCsv.body.split('\r\n')[0]).toBe('name,organisation,title');
    const staffCsv = await as('hdab', 'GET', `${P}/export/people.csv`);
    expect(staffCsv.body.split('\r\n')[0]).toBe('name,organisation,title,email');
    expect(staffCsv.body).toContain('Erika Muster,Email Test Org,CSO,erika@example.eu\r\n');
  });

  it('records relationships, refuses self-links, unknown ends and duplicates, and cascades deletes', async () => {
    const a = (
      await as('hdab', 'POST', `${P}/organisations`, org({ name: 'Rel A', type: 'hdab', country: 'FI' }))
    ).json();
    const b = (
      await as('hdab', 'POST', `${P}/organisations`, org({ name: 'Rel B', type: 'data_holder' }))
    ).json();
    const self = await as('hdab', 'POST', `${P}/relationships`, {
      fromOrgId: a.id,
      toOrgId: a.id,
      kind: 'regulates',
    });
    expect(self.json().issues).toEqual([expect.objectContaining({ path: 'toOrgId' })]);
    const ghost = await as('hdab', 'POST', `${P}/relationships`, {
      fromOrgId: a.id,
      toOrgId: '00000000-0000-4000-8000-000000000000',
      kind: 'regulates',
    });
    expect(ghost.statusCode).toBe(400);
    expect(ghost.json().issues).toEqual([expect.objectContaining({ path: 'toOrgId' })]);
    const rel = await as('hdab', 'POST', `${P}/relationships`, {
      fromOrgId: a.id,
      toOrgId: b.id,
      kind: 'regulates',
    });
    expect(rel.statusCode, rel.body).toBe(201);
    expect(rel.json()).toMatchObject({
      fromOrgName: 'Rel A',
      toOrgName: 'Rel B',
      kind: 'regulates',
      note: null,
    });
    const again = await as('admin', 'POST', `${P}/relationships`, {
      fromOrgId: a.id,
      toOrgId: b.id,
      kind: 'regulates',
    });
    expect(again.statusCode).toBe(409);
    const edited = await as('hdab', 'PUT', `${P}/relationships/${rel.json().id}`, {
      fromOrgId: a.id,
      toOrgId: b.id,
      kind: 'collaborates',
      note: 'joint pilot',
    });
    expect(edited.json()).toMatchObject({ kind: 'collaborates', note: 'joint pilot' });
    expect((await as('user', 'GET', `${P}/organisations/${b.id}`)).json().relationships).toHaveLength(1);
    expect((await as('hdab', 'DELETE', `${P}/organisations/${a.id}`)).statusCode).toBe(200);
    expect((await as('user', 'GET', `${P}/organisations/${b.id}`)).json().relationships).toEqual([]);
    expect((await as('user', 'GET', `${P}/organisations/${a.id}`)).statusCode).toBe(404);
  });

  it('imports the good rows of a CSV and reports each bad one with its line, or nothing when atomic', async () => {
    const csv = [
      'name,type,country,interest,influence,ehds_roles',
      'Import Good One,research,SE,3,3,data_user',
      'Import Bad Type,pharma,SE,3,3,',
      '"Import Good, Two",patient_organisation,EE,5,1,',
      'Import Bad Range,research,SE,0,3,',
      'helix test bio,biotech,DE,3,3,',
    ].join('\r\n');
    const count = async () =>
      (await as('user', 'GET', `${P}/organisations?q=import`)).json().organisations.length;

    const atomic = await as('hdab', 'POST', `${P}/import/organisations?atomic=true`, { csv });
    expect(atomic.statusCode).toBe(400);
    expect(atomic.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(atomic.json().detail).toMatch(/^3 of 5 rows are bad, so nothing was imported/);
    expect(atomic.json().issues.map((i: { line: number }) => i.line)).toEqual([3, 5, 6]);
    expect(await count()).toBe(0);

    const partial = await as('hdab', 'POST', `${P}/import/organisations`, { csv });
    expect(partial.statusCode, partial.body).toBe(200);
    const report = partial.json();
    expect(report).toMatchObject({ atomic: false, committed: true });
    expect(report.imported.map((r: { line: number; name: string }) => [r.line, r.name])).toEqual([
      [2, 'Import Good One'],
      [4, 'Import Good, Two'],
    ]);
    expect(report.rejected.map((r: { line: number; reasons: string[] }) => [r.line, r.reasons[0]])).toEqual([
      [3, expect.stringMatching(/^type: unknown type "pharma"/)],
      [5, expect.stringMatching(/^interest: interest is a whole number from 1/)],
      [6, expect.stringMatching(/^name: duplicate name; "helix test bio" is already in the registry/)],
    ]);
    expect(await count()).toBe(2);

    expect((await as('user', 'POST', `${P}/import/organisations`, { csv })).statusCode).toBe(403);
    const header = await as('hdab', 'POST', `${P}/import/organisations`, { csv: 'name,colour\nx,blue' });
    expect(header.statusCode).toBe(400);
    expect(header.json().issues.map((i: { message: string }) => i.message)).toContain(
      'the column "type" is missing',
    );
  });

  it('exports the filtered organisations as RFC 4180 CSV that imports back', async () => {
    const res = await as('user', 'GET', `${P}/export/organisations.csv?q=import%20good`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="stakeholder-organisations\.csv"/,
    );
    const rows = parseCsv(res.body);
    expect(rows.map((r) => ('fields' in r ? r.fields[0] : r.error))).toEqual([
      'name',
      'Import Good One',
      'Import Good, Two',
    ]);
    expect(res.body).toContain('"Import Good, Two",patient_organisation,EE,,5,1');
  });

  it('seeds the demo landscape once, with AI Factory capacity in the statistics', async () => {
    // The hub's demo seed may already have run it; either way a second run adds nothing.
    await seedStakeholdersDemo(hub.db);
    expect(await seedStakeholdersDemo(hub.db)).toBe(0);
    const demo = await hub.db.query(`SELECT 1 FROM stakeholder_org WHERE name LIKE '%(demo)'`);
    expect(demo.length).toBeGreaterThanOrEqual(15);
    const stats = (await as('user', 'GET', `${P}/stats?type=ai_factory`)).json();
    expect(stats.organisations).toBe(2);
    expect(stats.aiFactories).toMatchObject({ count: 2, gpuTotal: 22000, partitions: 5 });
    const all = (await as('user', 'GET', `${P}/stats`)).json();
    expect(all.relationships).toBeGreaterThanOrEqual(20);
    expect(all.byType.find((t: { key: string }) => t.key === 'hdab').count).toBeGreaterThanOrEqual(2);
    const fi = (await as('user', 'GET', `${P}/stats?country=FI`)).json();
    expect(fi.byCountry).toEqual([{ key: 'FI', count: fi.organisations }]);
    // A demo stakeholder is linked to the platform organisation of the same name.
    const biobank = (await as('user', 'GET', `${P}/organisations?q=Helsinki%20Biobank`)).json()
      .organisations[0];
    expect(biobank.organisationName).toBe('Helsinki Biobank (demo)');
    expect((await as('user', 'GET', `${P}/stats?type=robot`)).statusCode).toBe(400);
  });
});
