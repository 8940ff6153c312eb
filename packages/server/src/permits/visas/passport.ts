import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Db } from '@openehds/db';
import { isActive } from '@openehds/core';
import { appendIn } from '../../audit/service';
import type { Principal } from '../../auth/roles';
import { datasetIri } from '../../catalogue/service';
import type { HubConfig } from '../../config';
import { identityOf, matchingPersons, personIdentifier } from '../access';
import { toPermit } from '../store';
import { toVersion } from '../versions';
import { VISA_ALG, visaKey } from './key';

/** A GA4GH Passport v1 claim as the UserInfo endpoint returns it: the visas, each a signed JWT. */
export interface Passport {
  ga4gh_passport_v1: string[];
}

/** The JWS `typ` the GA4GH AAI profile (v1.2) recommends for Visa Document Tokens. */
export const VISA_TYP = 'vnd.ga4gh.visa+jwt';

/** Where verifiers find the visa keys (the `jku` of every visa). */
export const jwksUrl = (config: HubConfig) => `${config.publicUrl}/.well-known/jwks.json`;

/**
 * The signed-in data user's passport: one `ControlledAccessGrants` visa (GA4GH Passport v1.2) per
 * dataset of every permit that is active now and names them as an authorised person (Art. 68(10)(d);
 * see access.ts for how an account is matched to a person). `by: dac` — the HDAB decided access.
 * Visas are short-lived (`visaLifetimeSeconds`, never past the permit's end) and recorded, so those
 * of a permit that stops granting access can be listed until they expire. Nothing is issued for a
 * revoked, expired, superseded or not yet valid permit.
 */
export async function issuePassport(
  db: Db,
  p: Principal,
  config: HubConfig,
  now = new Date(),
): Promise<Passport> {
  const who = await identityOf(db, p);
  if (!who.emails.length && !who.orcids.length) return { ga4gh_passport_v1: [] };
  const rows = await db.query<Record<string, unknown>>(
    `SELECT * FROM permit WHERE status IN ('GRANTED', 'AMENDED', 'RENEWED') AND active_until IS NULL
       AND EXISTS (SELECT 1 FROM jsonb_array_elements(content->'persons') x
                   WHERE lower(x->>'email') = ANY($1::text[]) OR x->>'orcid' = ANY($2::text[]))
     ORDER BY id`,
    [who.emails, who.orcids],
  );
  const key = await visaKey(db);
  const iat = Math.floor(now.getTime() / 1000);
  const visas: string[] = [];
  const issued: {
    jti: string;
    permitId: string;
    rootId: string;
    subject: string;
    datasetId: string;
    exp: number;
  }[] = [];
  for (const permit of rows.map(toPermit)) {
    if (!isActive(toVersion(permit), now)) continue;
    const exp = Math.min(Math.floor(Date.parse(permit.validUntil) / 1000), iat + config.visaLifetimeSeconds);
    if (exp <= iat) continue;
    const subjects = [...new Set(matchingPersons(permit.content, who).map(personIdentifier))];
    const datasets = [...new Set((permit.content.datasets ?? []).map((d) => d.datasetId))];
    for (const sub of subjects) {
      for (const datasetId of datasets) {
        const jti = randomUUID();
        visas.push(
          await new SignJWT({
            ga4gh_visa_v1: {
              type: 'ControlledAccessGrants',
              asserted: Math.floor(Date.parse(permit.activeFrom) / 1000),
              value: datasetIri(config, datasetId),
              source: config.hdab.url,
              by: 'dac',
            },
          })
            .setProtectedHeader({ alg: VISA_ALG, typ: VISA_TYP, kid: key.kid, jku: jwksUrl(config) })
            .setIssuer(config.publicUrl)
            .setSubject(sub)
            .setIssuedAt(iat)
            .setExpirationTime(exp)
            .setJti(jti)
            .sign(key.privateKey),
        );
        issued.push({ jti, permitId: permit.id, rootId: permit.rootId, subject: sub, datasetId, exp });
      }
    }
  }
  if (issued.length) {
    await db.transaction(async (tx) => {
      for (const v of issued) {
        await tx.query(
          `INSERT INTO visa_issued (jti, permit_id, root_id, account_id, subject, dataset_id, issued_at, expires_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [
            v.jti,
            v.permitId,
            v.rootId,
            p.accountId,
            v.subject,
            v.datasetId,
            new Date(iat * 1000).toISOString(),
            new Date(v.exp * 1000).toISOString(),
          ],
        );
      }
      await appendIn(tx, {
        actor: `account:${p.username}`,
        action: 'passport.issue',
        object: `account:${p.accountId}`,
        outcome: 'success',
        details: { visas: issued.length, permits: [...new Set(issued.map((v) => v.permitId))] },
      });
    });
  }
  return { ga4gh_passport_v1: visas };
}
