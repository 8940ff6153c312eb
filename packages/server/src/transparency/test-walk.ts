import { CRITERION_IDS, exampleApplication, type ApplicationContent } from '@openehds/core';
import type { TestHub } from '../http/test-hub';

/**
 * Test helper: walks a case file through the HTTP API as the applicant, HDAB staff and the data
 * holder do (applications/routes.test.ts), up to the status or decision asked for.
 */
export interface WalkOptions {
  applicant?: string;
  kind?: 'application' | 'request';
  content?: Partial<ApplicationContent>;
  /** Stop after submission, or decide with this outcome. */
  until: 'draft' | 'submitted' | 'GRANTED' | 'REFUSED' | 'ANSWERED_AS_REQUEST';
  reasons?: string;
  validFrom?: string;
  validUntil?: string;
}

export interface WalkedFile {
  id: string;
  reference: string;
  permitId: string | null;
  feeTotal: number | null;
}

const headers = { 'x-requested-with': 'test' };

/** Two holders' datasets that tests request, published in the catalogue with categories and labels. */
export async function seedCatalogue(hub: TestHub): Promise<void> {
  const [fi] = await hub.db.query<{ organisation_id: string }>(
    `SELECT organisation_id FROM account WHERE username = 'holder-fi'`,
  );
  const add = (
    id: string,
    title: string,
    categories: string[],
    quality: object | null,
    label: number | null,
  ) =>
    hub.db.query(
      `INSERT INTO dataset (id, organisation_id, status, description, quality, published_at)
       VALUES ($1, $2, 'PUBLISHED', $3::jsonb, $4::jsonb, now())`,
      [
        id,
        fi!.organisation_id,
        JSON.stringify({
          identifier: id,
          title: { en: title },
          healthCategories: categories,
          ...(label === null ? {} : { qualityLabel: { stars: label, score: 50 } }),
        }),
        quality === null ? null : JSON.stringify(quality),
      ],
    );
  await add(
    'fi-biobank',
    'Helsinki Biobank type 2 diabetes cohort',
    ['EHRS', 'HGPD'],
    { stars: 4, score: 82 },
    null,
  );
  await add('fi-registry', 'Finnish cancer registry extract', ['PHDR'], null, 2);
  await add('fi-unlabelled', 'Unlabelled dataset', ['EHRS'], null, null);
}

/** Walks one file; throws with the response body when a step is refused. */
export async function walkFile(hub: TestHub, o: WalkOptions): Promise<WalkedFile> {
  const who = o.applicant ?? 'user';
  const call = async (as: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
    const res = await hub.as(as, { method, url, headers, ...(payload ? { payload } : {}) });
    if (res.statusCode >= 300) throw new Error(`${method} ${url} as ${as}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const kind = o.kind ?? 'application';
  const content: ApplicationContent = {
    ...exampleApplication(),
    datasets: [{ datasetId: 'fi-biobank', country: 'FI', variables: ['condition_occurrence'] }],
    ...(kind === 'request'
      ? {
          statisticalContent: {
            description: 'Counts of type 2 diabetes by age band and sex.',
            tables: [{ measure: 'persons', dimensions: ['age band', 'sex'] }],
          },
        }
      : {}),
    ...o.content,
  };
  const draft = await call(who, 'POST', '/api/applications', { kind, content });
  const file: WalkedFile = { id: draft.id, reference: draft.reference, permitId: null, feeTotal: null };
  if (o.until === 'draft') return file;
  await call(who, 'POST', `/api/applications/${file.id}/submit`);
  if (o.until === 'submitted') return file;

  await call('hdab', 'POST', `/api/applications/${file.id}/transitions`, { event: 'start-pre-screening' });
  await call('hdab', 'POST', `/api/applications/${file.id}/transitions`, { event: 'complete' });
  for (const criterion of CRITERION_IDS) {
    await call('hdab', 'PUT', `/api/applications/${file.id}/assessment/${criterion}`, {
      verdict: 'met',
      justification: `Checked ${criterion}.`,
    });
  }
  if (o.until === 'GRANTED') {
    // Art. 62: holder costs, the estimate, the applicant's acknowledgement, then the grant.
    await call('hdab', 'POST', `/api/applications/${file.id}/holder-costs`);
    await call('holder-fi', 'PUT', `/api/holder/cost-requests/${file.id}`, { amount: 300 });
    const estimate = await call('hdab', 'POST', `/api/applications/${file.id}/fee-estimate`);
    file.feeTotal = estimate.estimate.total;
    await call(who, 'POST', `/api/applications/${file.id}/fee-estimate/accept`);
  }
  const decision = await call('hdab', 'POST', `/api/applications/${file.id}/decision`, {
    outcome: o.until,
    reasons: o.reasons ?? `All criteria of Art. 68(1) were assessed; outcome ${o.until}.`,
    ...(o.until === 'GRANTED'
      ? { validFrom: o.validFrom ?? '2027-01-01', validUntil: o.validUntil ?? '2029-12-31' }
      : {}),
  });
  file.permitId = decision.permitId ?? null;
  return file;
}
