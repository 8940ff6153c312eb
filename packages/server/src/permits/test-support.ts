import { randomUUID } from 'node:crypto';
import type { Db } from '@openehds/db';
import { CRITERION_IDS, exampleApplication, signDocument } from '@openehds/core';
import type { HubConfig } from '../config';
import { hubKeyPair } from '../federation/hub-key';
import type { TestHub } from '../http/test-hub';
import { insertPermit, loadPermit, nextPermitNumber, type PermitContent, type PermitRecord } from './store';
import { PERMIT_DOCUMENT_TYPE } from './succession';

/** Options of {@link grantTestPermit}. */
export interface TestGrant {
  applicant: string;
  datasets: { datasetId: string; country: string }[];
  persons: PermitContent['persons'];
  validFrom: string;
  validUntil: string;
  /** The grant time (activeFrom); defaults to now. */
  at?: Date;
}

/**
 * Tests only: a granted permit (version 1, signed like `decide` signs it) on a minimal decided
 * application, without walking the whole procedure. One test per suite walks it for real
 * ({@link walkToGrant}).
 */
export async function grantTestPermit(db: Db, config: HubConfig, g: TestGrant): Promise<PermitRecord> {
  const key = await hubKeyPair(db);
  const at = g.at ?? new Date();
  const [account] = await db.query<{ id: string }>('SELECT id FROM account WHERE username = $1', [
    g.applicant,
  ]);
  if (!account) throw new Error(`no account ${g.applicant}`);
  const applicationId = randomUUID();
  const id = await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO application (id, reference, kind, status, outcome, applicant_id, content, submitted_at, decided_at)
       VALUES ($1, $2, 'application', 'DECISION_ISSUED', 'GRANTED', $3, '{}'::jsonb, $4, $4)`,
      [applicationId, `TEST-APP-${applicationId.slice(0, 8)}`, account.id, at.toISOString()],
    );
    const number = await nextPermitNumber(tx, config.hdab.country, at);
    const content: PermitContent = {
      permitNumber: number,
      applicationReference: `TEST-APP-${applicationId.slice(0, 8)}`,
      holder: { organisation: null, country: null },
      datasets: g.datasets,
      variables: [],
      period: {},
      dataForm: 'pseudonymised',
      purposes: ['SCIENTIFIC_RESEARCH'],
      optOutException: { granted: false, justification: null },
      persons: g.persons,
      validFrom: new Date(g.validFrom).toISOString(),
      validUntil: new Date(g.validUntil).toISOString(),
      spe: { tools: [], gpuHours: 0, cpuHours: 0, aiFactory: null },
      fees: null,
      conditions: [],
      issuedBy: { name: config.hdab.name, country: config.hdab.country, url: config.hdab.url },
      redress: 'This decision may be appealed under the national law of the issuing Member State.',
    };
    await insertPermit(tx, {
      id: number,
      rootId: number,
      previousId: null,
      version: 1,
      applicationId,
      status: 'GRANTED',
      validFrom: content.validFrom,
      validUntil: content.validUntil,
      activeFrom: at.toISOString(),
      renewals: 0,
      content,
      signed: signDocument(PERMIT_DOCUMENT_TYPE, content, key, at),
      reason: 'test grant',
      createdBy: null,
    });
    return number;
  });
  return loadPermit(db, id);
}

/**
 * Tests only: walks an application from draft to a grant over HTTP, as the applications' own route
 * test does (data user `user`, HDAB `hdab`, holder `holder-fi` for the dataset's costs). Returns the
 * permit id the decision issued.
 */
export async function walkToGrant(
  hub: TestHub,
  input: { datasetId: string; validFrom: string; validUntil: string },
): Promise<string> {
  const as = async (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
    const res = await hub.as(who, {
      method,
      url,
      headers: { 'x-requested-with': 'test' },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    if (res.statusCode >= 400) throw new Error(`${method} ${url} as ${who}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const { id } = await as('user', 'POST', '/api/applications', { kind: 'application' });
  const content = {
    ...exampleApplication(),
    datasets: [{ datasetId: input.datasetId, country: 'FI', variables: ['condition_occurrence'] }],
  };
  await as('user', 'PUT', `/api/applications/${id}/content`, { content, version: 1 });
  await as('user', 'POST', `/api/applications/${id}/submit`);
  await as('hdab', 'POST', `/api/applications/${id}/transitions`, { event: 'start-pre-screening' });
  await as('hdab', 'POST', `/api/applications/${id}/transitions`, { event: 'complete' });
  for (const criterion of CRITERION_IDS)
    await as('hdab', 'PUT', `/api/applications/${id}/assessment/${criterion}`, {
      verdict: 'met',
      justification: `Checked ${criterion}.`,
    });
  await as('hdab', 'POST', `/api/applications/${id}/holder-costs`);
  await as('holder-fi', 'PUT', `/api/holder/cost-requests/${id}`, { amount: 100 });
  await as('hdab', 'POST', `/api/applications/${id}/fee-estimate`);
  await as('user', 'POST', `/api/applications/${id}/fee-estimate/accept`);
  const decision = await as('hdab', 'POST', `/api/applications/${id}/decision`, {
    outcome: 'GRANTED',
    reasons: 'All criteria of Art. 68(1) are met.',
    validFrom: input.validFrom,
    validUntil: input.validUntil,
  });
  return decision.permitId as string;
}
