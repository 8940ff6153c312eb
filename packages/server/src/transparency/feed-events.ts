import type { Queryable } from '@openehds/db';
import type { RegisterEvent } from './atom';

/**
 * The register's events, newest first, gathered from the case files, permits and results: a file
 * received, a decision published, a permit amended, renewed, revoked or expired, a result reported.
 * Only what the register already shows: permit events of decisions not yet published are left out.
 */

const iso = (v: unknown) => new Date(v as string).toISOString();
const OUTCOME_WORDS: Record<string, string> = {
  GRANTED: 'data permit granted',
  PARTIALLY_GRANTED: 'data permit partially granted',
  REFUSED: 'refused',
  ANSWERED_AS_REQUEST: 'answered as a health data request',
};

const excerpt = (text: string, max = 400) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The newest `limit` register events as of `now`. */
export async function registerEvents(
  db: Queryable,
  baseUrl: string,
  limit: number,
  now = new Date(),
): Promise<RegisterEvent[]> {
  const base = baseUrl.replace(/\/$/, '');
  const fileLink = (reference: string) =>
    `${base}/api/register/applications?reference=${encodeURIComponent(reference)}`;
  const decisionLink = (reference: string) =>
    `${base}/api/register/permits?reference=${encodeURIComponent(reference)}`;

  const [received, decided, successors, ended, results] = await Promise.all([
    db.query<Record<string, unknown>>(
      `SELECT a.reference, a.kind, a.submitted_at, a.content->>'title' AS title, o.name AS org_name
       FROM application a LEFT JOIN organisation o ON o.id = a.organisation_id
       WHERE a.submitted_at IS NOT NULL ORDER BY a.submitted_at DESC LIMIT $1`,
      [limit],
    ),
    db.query<Record<string, unknown>>(
      `SELECT a.reference, a.kind, a.outcome, a.decided_at, a.published_at, d.signed->'document'->>'reasons' AS reasons
       FROM application a LEFT JOIN decision d ON d.application_id = a.id
       WHERE a.published_at IS NOT NULL AND a.decided_at IS NOT NULL ORDER BY a.published_at DESC LIMIT $1`,
      [limit],
    ),
    db.query<Record<string, unknown>>(
      `SELECT p.id, p.previous_id, p.active_from, p.valid_until, p.reason, p.renewals > prev.renewals AS renewed, a.reference
       FROM permit p JOIN permit prev ON prev.id = p.previous_id JOIN application a ON a.id = p.application_id
       WHERE a.published_at IS NOT NULL ORDER BY p.active_from DESC LIMIT $1`,
      [limit],
    ),
    // Ended versions; a live one past its end date has expired even if no scheduler marked it yet.
    db.query<Record<string, unknown>>(
      `SELECT p.id, p.status, COALESCE(p.active_until, p.valid_until) AS ended_at, p.reason, a.reference
       FROM permit p JOIN application a ON a.id = p.application_id
       WHERE a.published_at IS NOT NULL AND (p.status IN ('REVOKED', 'EXPIRED')
         OR (p.status IN ('GRANTED', 'AMENDED', 'RENEWED') AND p.active_until IS NULL AND p.valid_until <= $2))
       ORDER BY ended_at DESC LIMIT $1`,
      [limit, now.toISOString()],
    ),
    db.query<Record<string, unknown>>(
      `SELECT r.id, r.kind, r.title, r.doi, r.url, r.reported_at, a.reference
       FROM permit_result r JOIN application a ON a.id = r.application_id ORDER BY r.reported_at DESC LIMIT $1`,
      [limit],
    ),
  ]);

  const events: RegisterEvent[] = [
    ...received.map((r): RegisterEvent => {
      const request = r.kind === 'request';
      const reference = r.reference as string;
      return {
        type: request ? 'request-received' : 'application-received',
        key: reference,
        updated: iso(r.submitted_at),
        title: `${request ? 'Health data request' : 'Data access application'} received: ${reference}`,
        summary: `${(r.title as string | null) || 'Untitled'}, from ${(r.org_name as string | null) ?? 'a natural person'} (Art. 57(1)(j)(ii)).`,
        link: fileLink(reference),
      };
    }),
    ...decided.map((r): RegisterEvent => {
      const reference = r.reference as string;
      const outcome = r.outcome as string;
      return {
        type: 'decision-issued',
        key: reference,
        updated: iso(r.published_at),
        published: iso(r.decided_at),
        title: `Decision on ${reference}: ${OUTCOME_WORDS[outcome] ?? outcome}`,
        summary: excerpt((r.reasons as string | null) ?? `Decision: ${outcome}.`),
        link: decisionLink(reference),
      };
    }),
    ...successors.map((r): RegisterEvent => {
      const renewed = Boolean(r.renewed);
      return {
        type: renewed ? 'permit-renewed' : 'permit-amended',
        key: r.id as string,
        updated: iso(r.active_from),
        title: `Permit ${r.previous_id as string} ${renewed ? 'renewed' : 'amended'} as ${r.id as string}`,
        summary: excerpt(
          `${(r.reason as string | null) ?? ''} Valid until ${iso(r.valid_until).slice(0, 10)}.`.trim(),
        ),
        link: decisionLink(r.reference as string),
      };
    }),
    ...ended.map((r): RegisterEvent => {
      const revoked = r.status === 'REVOKED';
      return {
        type: revoked ? 'permit-revoked' : 'permit-expired',
        key: r.id as string,
        updated: iso(r.ended_at),
        title: `Permit ${r.id as string} ${revoked ? 'revoked' : 'expired'}`,
        summary: revoked
          ? excerpt(
              `Enforcement measure (Art. 63, 57(1)(j)(iv)): ${(r.reason as string | null) ?? 'no reason recorded'}`,
            )
          : 'The access period ended; the secure processing environment is closed and its data deleted within 6 months (Art. 68(12)).',
        link: decisionLink(r.reference as string),
      };
    }),
    ...results.map((r): RegisterEvent => {
      const doi = r.doi as string | null;
      return {
        type: 'result-reported',
        key: r.id as string,
        updated: iso(r.reported_at),
        title: `Result reported for ${r.reference as string}: ${r.title as string}`,
        summary: `${(r.kind as string).replace('_', ' ')} (Art. 61(4), 57(1)(j)(v))${doi ? `, DOI ${doi}` : ''}.`,
        link: doi ? `https://doi.org/${doi}` : (r.url as string),
      };
    }),
  ];
  return events.sort((a, b) => Date.parse(b.updated) - Date.parse(a.updated)).slice(0, limit);
}
