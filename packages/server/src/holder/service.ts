import type { Db } from '@openehds/db';
import { invalid, signAccessToken } from '@openehds/core';
import { hubKeyPair } from '../federation';
import type { Principal } from '../auth/roles';

/** Node access tokens live this long; the UI fetches a fresh one when a page loads. */
export const NODE_TOKEN_MINUTES = 15;

/** Records the URL of a node's local API (from its signed `node.local-api` message). */
export async function setLocalApiUrl(db: Db, nodeId: string, url: unknown): Promise<{ ok: true }> {
  if (typeof url !== 'string' || !/^https?:\/\/[^\s]+$/.test(url)) {
    throw invalid('node.local-api needs { url: "http(s)://…" }', [
      { path: 'url', message: 'an http(s) URL' },
    ]);
  }
  await db.query('UPDATE node SET local_api_url = $1 WHERE id = $2', [url, nodeId]);
  return { ok: true };
}

/**
 * The approved nodes of the holder's organisation, each with its local API URL and a short-lived
 * token signed by the hub's key and scoped to that node, so the browser talks to the node directly and
 * data never passes through the hub.
 */
export async function holderNodes(db: Db, principal: Principal, now = new Date()) {
  if (!principal.organisationId) return [];
  const rows = await db.query<{ id: string; name: string; country: string; local_api_url: string | null }>(
    `SELECT id, name, country, local_api_url FROM node
     WHERE organisation_id = $1 AND status = 'APPROVED' ORDER BY name`,
    [principal.organisationId],
  );
  const { privateKey } = await hubKeyPair(db);
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + NODE_TOKEN_MINUTES * 60;
  return rows.map((n) => ({
    id: n.id,
    name: n.name,
    country: n.country,
    url: n.local_api_url,
    token: signAccessToken(privateKey, {
      sub: principal.username,
      role: principal.role,
      aud: n.id,
      iat,
      exp,
    }),
    tokenExpiresAt: new Date(exp * 1000).toISOString(),
  }));
}
