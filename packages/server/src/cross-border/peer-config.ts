import { z } from 'zod';
import { isPublicKey } from '@openehds/core';

/**
 * One other HDAB (or national contact point) this hub exchanges applications with (Art. 67(3), 75):
 * its country, a name people read, the URL its hub answers at, and its hub key (the Ed25519 key of
 * `GET /api/federation/hub-key` there), which signs its messages and its decisions.
 */
export const PeerSchema = z
  .object({
    country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as DE'),
    name: z.string().trim().min(1).max(200),
    url: z.url().max(500),
    publicKey: z.string().refine(isPublicKey, 'an Ed25519 public key: 43 base64url characters'),
  })
  .strict();

/** A configured peer hub. */
export type Peer = z.infer<typeof PeerSchema>;

/** A list of peers, one per country. */
export const PeersSchema = z
  .array(PeerSchema)
  .max(60)
  .superRefine((peers, ctx) => {
    const seen = new Set<string>();
    peers.forEach((p, i) => {
      if (seen.has(p.country)) {
        ctx.addIssue({ code: 'custom', path: [i, 'country'], message: `${p.country} is listed twice` });
      }
      seen.add(p.country);
    });
  });

/** Reads `EHDS_PEERS` (a JSON array of peers) for the hub configuration; validated there. */
export function peersFromEnv(env: Record<string, string | undefined>): unknown[] {
  const json = env.EHDS_PEERS?.trim();
  if (!json) return [];
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed : [parsed];
}
