import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { NodeStore } from '@openehds/analytics';
import {
  awaitTaskResult,
  grantTestPermit,
  runOptOutSweep,
  runPermitSweep,
  signInDemoAccount,
  type PermitRecord,
} from '@openehds/server';
import { ingest } from '@openehds/node';
import type { TestWorld } from './world';

/** Tests only: helpers shared by the job suites (local sandbox and Slurm). */

const DAY = 86_400_000;
export const ID_SYSTEM = 'https://openehds.eu/sid/person';

/** The Python job of the suites: counts persons per condition code in the extract, writes a table. */
export const COUNT_SCRIPT = [
  'import csv, sys',
  'persons = {}',
  'for row in csv.DictReader(open("/data/condition_occurrence.csv")):',
  '    persons.setdefault(row["condition_source_value"], set()).add(row["person"])',
  'with open("/output/counts.csv", "w") as f:',
  '    f.write("condition,n\\n")',
  '    for code in sorted(persons):',
  '        f.write(f"{code},{len(persons[code])}\\n")',
  'print(f"counted {len(persons)} codes for {sys.argv[1]}", flush=True)',
].join('\n');

/**
 * Seeds a node store with `n` persons of `datasetId` (FHIR Patients through the real ingest) and
 * OMOP conditions: every person has E11.9 (2020), the first 15 also I10 (2021), and each one an old
 * condition (2001) outside any recent period.
 */
export async function seedPersons(store: NodeStore, datasetId: string, n: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ehds-jobs-seed-'));
  try {
    const lines = Array.from({ length: n }, (_, i) =>
      JSON.stringify({
        resourceType: 'Patient',
        id: `${datasetId}-p${i}`,
        gender: i % 2 ? 'male' : 'female',
        birthDate: '1960-01-01',
        identifier: [
          { system: ID_SYSTEM, value: `${datasetId.toUpperCase()}-${String(i).padStart(7, '0')}` },
        ],
      }),
    );
    writeFileSync(join(dir, 'Patient.ndjson'), lines.join('\n'));
    await ingest([join(dir, 'Patient.ndjson')], { store, datasetId, personIdentifierSystem: ID_SYSTEM });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const persons = await store.all<{ person_id: number; ehds_batch: string }>(
    `SELECT p.person_id, p.ehds_batch FROM person p JOIN ingest_batch b ON b.batch_id = p.ehds_batch
     WHERE b.dataset_id = $1 ORDER BY p.person_id`,
    [datasetId],
  );
  const [{ base } = { base: 0 }] = await store.all<{ base: number }>(
    'SELECT COALESCE(MAX(condition_occurrence_id), 0) AS base FROM condition_occurrence',
  );
  let id = Number(base);
  for (const [i, p] of persons.entries()) {
    const rows: [string, string][] = [
      ['E11.9', '2020-03-01'],
      ['Z99.9', '2001-01-01'],
    ];
    if (i < 15) rows.push(['I10', '2021-05-01']);
    for (const [code, date] of rows) {
      id += 1;
      await store.run(
        `INSERT INTO condition_occurrence (condition_occurrence_id, person_id, condition_concept_id,
           condition_start_date, condition_type_concept_id, condition_source_value, ehds_batch, ehds_key)
         VALUES ($1, $2, 0, $3::DATE, 32817, $4, $5, $6)`,
        [id, p.person_id, date, code, p.ehds_batch, `${datasetId}-c${id}`],
      );
    }
  }
}

/** Signs in a demo account and returns its bearer token. */
export async function tokenOf(world: TestWorld, username: string): Promise<string> {
  const { token } = await signInDemoAccount(async (path, payload) => {
    const res = await world.hub.app.inject({ method: 'POST', url: path, payload: payload as object });
    return { status: res.statusCode, body: res.json() as unknown };
  }, username);
  return token;
}

/** Calls the hub as someone; resolves with the status and JSON body. */
export async function call<T = Record<string, unknown>>(
  world: TestWorld,
  token: string,
  method: 'GET' | 'POST',
  url: string,
  payload?: object,
): Promise<{ status: number; body: T }> {
  const res = await world.hub.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}` },
    ...(payload ? { payload } : {}),
  });
  return { status: res.statusCode, body: (res.body ? res.json() : null) as T };
}

/** Runs the hub's permit and opt-out sweeps until the nodes answered every task they queued. */
export async function settle(world: TestWorld, nodeIds: string[], now = new Date()): Promise<void> {
  for (let round = 0; round < 6; round++) {
    await runPermitSweep(world.hub.db, now);
    await runOptOutSweep(world.hub.db, world.hub.config, now);
    const open = await world.hub.db.query<{ id: string }>(
      `SELECT id FROM task WHERE status IN ('QUEUED', 'CLAIMED') AND node_id = ANY($1::uuid[])
         AND type NOT IN ('job.run', 'job.cancel')`,
      [nodeIds],
    );
    if (!open.length) return;
    const done = await Promise.all(open.map((t) => awaitTaskResult(world.hub.db, t.id, 30_000)));
    expect(done.map((t) => t.error)).toEqual(done.map(() => null));
  }
}

/** Grants a permit naming the demo data user (Marie Dubois) on one dataset, valid for a year. */
export function grantPermit(
  world: TestWorld,
  datasetId: string,
  over: { validUntil?: string; validFrom?: string; gpuHours?: number } = {},
): Promise<PermitRecord> {
  const at = new Date(Date.now() - 3_600_000);
  return grantTestPermit(world.hub.db, world.hub.config, {
    applicant: 'user',
    datasets: [{ datasetId, country: 'FI' }],
    persons: [{ name: 'Marie Dubois', email: 'marie@bionova.example', role: 'principal_investigator' }],
    validFrom: over.validFrom ?? new Date(at.getTime() - DAY).toISOString(),
    validUntil: over.validUntil ?? new Date(at.getTime() + 365 * DAY).toISOString(),
    at,
  }).then(async (permit) => {
    if (over.gpuHours !== undefined)
      await world.hub.db.query(
        `UPDATE permit SET content = jsonb_set(content, '{spe,gpuHours}', to_jsonb($2::float8)) WHERE id = $1`,
        [permit.id, over.gpuHours],
      );
    return permit;
  });
}

/** Polls a job until it has ended (or fails the test after `timeoutMs`). */
export async function waitForJob(
  world: TestWorld,
  token: string,
  id: string,
  timeoutMs = 90_000,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await call(world, token, 'GET', `/api/jobs/${id}`);
    if (['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(body.status as string)) return body;
    if (Date.now() > deadline)
      throw new Error(`job ${id} still ${String(body.status)}: ${JSON.stringify(body)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A fetch that answers from the hub in process (`app.inject`), for the typed clients. */
export function injectFetch(world: TestWorld): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const res = await world.hub.app.inject({
      method: (init?.method ?? 'GET') as 'GET' | 'POST',
      url: `${url.pathname}${url.search}`,
      headers: init?.headers as Record<string, string>,
      ...(typeof init?.body === 'string' ? { payload: init.body } : {}),
    });
    return new Response(res.statusCode === 204 ? null : res.body, {
      status: res.statusCode,
      headers: { 'content-type': String(res.headers['content-type'] ?? 'application/json') },
    });
  }) as typeof fetch;
}
