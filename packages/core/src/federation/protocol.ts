import type { JsonValue } from './canonical';

/**
 * The node↔hub protocol's endpoints and message bodies, shared by hub and node so both sides name
 * the same paths and types. Every POST below takes a signed {@link Envelope}.
 */

/** API paths of the federation protocol (signed into each envelope). */
export const FEDERATION_PATHS = {
  /** POST, type `node.register`: signed with the key being registered (proof of possession). */
  register: '/api/federation/register',
  /** POST, type `task.pull`: long-poll for tasks; claims what it returns. */
  pull: '/api/federation/pull',
  /** POST, type `task.result`: the outcome of one claimed task. */
  result: '/api/federation/result',
  /** POST, type `node.heartbeat`: updates the node's last-seen time. */
  heartbeat: '/api/federation/heartbeat',
  /** POST, any type registered by a hub feature (e.g. `dataset.publish`). */
  messages: '/api/federation/messages',
  /** GET: the hub's public key, which nodes use to verify tasks. */
  hubKey: '/api/federation/hub-key',
} as const;

/** Why the hub refused a node message; each is answered with problem+json and audited. */
export const REJECTION_REASONS = [
  'unsigned',
  'malformed',
  'unknown-node',
  'bad-signature',
  'stale',
  'replayed',
  'not-approved',
  'wrong-type',
] as const;

/** One of {@link REJECTION_REASONS}. */
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** A node's standing at the hub; only APPROVED nodes may pull tasks or send messages. */
export type NodeStatus = 'PENDING' | 'APPROVED' | 'REJECTED' | 'REVOKED';

/** Body of `node.register`: who the node says it is; the key is checked against the signature. */
export interface RegisterBody {
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** The data holder's organisation, by name (linked to the hub's organisation on approval). */
  organisation: string;
  publicKey: string;
}

/** Body of `task.pull`. */
export interface PullBody {
  /** How long the hub may hold the request open when no task is queued (capped at the hub). */
  waitMs: number;
  /** At most this many tasks per answer. */
  max?: number;
}

/** Body of `task.result`: either a result or an error message. */
export type TaskResultBody =
  { taskId: string; ok: true; result: JsonValue } | { taskId: string; ok: false; error: string };
