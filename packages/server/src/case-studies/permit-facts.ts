import type { Queryable } from '@openehds/db';
import { permitVersions, type PermitRecord } from '../permits/store';
import type { PermitFacts } from './prefill';
import type { ReleasedOutput } from './template';

/**
 * Gathers what the platform recorded about a permit chain for a case-study pre-fill (issue 6 §3):
 * its datasets with their catalogue titles, its purposes, the outputs the airlock released under any
 * of its versions (names and media types only), and the dates and counts its KPIs are computed from.
 */
export async function permitFacts(db: Queryable, permit: PermitRecord): Promise<PermitFacts> {
  const chain = await permitVersions(db, permit.rootId);
  const first = chain[0] ?? permit;
  const ids = chain.map((p) => p.id);
  const datasets = permit.content.datasets ?? [];
  const [catalogue, submitted, outputs, firstRelease, analyses, jobs] = await Promise.all([
    db.query<{ id: string; title: string | null; country: string | null }>(
      // The English title, else the first language given; the node's country when the permit has none.
      `SELECT d.id, COALESCE(d.description->'title'->>'en',
                (SELECT value FROM jsonb_each_text(d.description->'title') LIMIT 1)) AS title,
              n.country
       FROM dataset d LEFT JOIN node n ON n.id = d.node_id WHERE d.id = ANY($1::text[])`,
      [datasets.map((d) => d.datasetId)],
    ),
    db.query<{ submitted_at: string | null }>('SELECT submitted_at FROM application WHERE id = $1', [
      first.applicationId,
    ]),
    releasedOutputs(db, ids),
    db.query<{ at: string | null }>(
      `SELECT min(e.at) AS at FROM airlock_event e JOIN airlock_request r ON r.id = e.request_id
       WHERE e.action = 'release' AND r.permit_id = ANY($1::text[])`,
      [ids],
    ),
    db.query<{ n: string }>('SELECT count(*) AS n FROM spe_analysis WHERE permit_id = ANY($1::text[])', [
      ids,
    ]),
    db.query<{ n: string }>('SELECT count(*) AS n FROM job WHERE permit_root_id = $1', [permit.rootId]),
  ]);
  const known = new Map(catalogue.map((c) => [c.id, c]));
  const iso = (v: string | null | undefined) => (v ? new Date(v).toISOString() : null);
  return {
    permitId: permit.id,
    purposes: permit.content.purposes ?? [],
    datasets: datasets.map((d) => ({
      datasetId: d.datasetId,
      title: known.get(d.datasetId)?.title ?? d.title ?? null,
      country: d.country || known.get(d.datasetId)?.country || null,
    })),
    outputs,
    timeline: {
      applicationSubmittedAt: iso(submitted[0]?.submitted_at),
      grantedAt: first.activeFrom,
      firstReleaseAt: iso(firstRelease[0]?.at),
      analyses: Number(analyses[0]?.n ?? 0),
      jobs: Number(jobs[0]?.n ?? 0),
    },
  };
}

/** The released output requests of these permit versions, oldest release first, with their files. */
async function releasedOutputs(db: Queryable, permitIds: string[]): Promise<ReleasedOutput[]> {
  const rows = await db.query<{
    reference: string;
    origin: { kind: 'job' | 'analysis' };
    released_at: string | null;
    files: { name: string; mediaType: string }[] | null;
  }>(
    `SELECT r.reference, r.origin,
       (SELECT max(e.at) FROM airlock_event e WHERE e.request_id = r.id AND e.action = 'release') AS released_at,
       (SELECT jsonb_agg(jsonb_build_object('name', f.name, 'mediaType', f.media_type) ORDER BY f.name)
          FROM airlock_file f WHERE f.request_id = r.id) AS files
     FROM airlock_request r
     WHERE r.permit_id = ANY($1::text[]) AND r.status = 'RELEASED'
     ORDER BY released_at, r.reference`,
    [permitIds],
  );
  return rows.map((r) => ({
    reference: r.reference,
    origin: r.origin?.kind === 'analysis' ? 'analysis' : 'job',
    releasedAt: r.released_at ? new Date(r.released_at).toISOString() : null,
    files: r.files ?? [],
  }));
}
