import type { Db, Queryable } from '@openehds/db';
import { conflict, notFound } from '@openehds/core';
import { appendIn } from '../audit/service';
import { organisationByName } from '../demo/seed';
import { randomUUID } from 'node:crypto';
import { keyFingerprint, type NodeStatus } from '@openehds/core';
import { decideStatus, type NodeDecision } from './lifecycle';

/** A registered node as the hub knows it. */
export interface FederatedNode {
  id: string;
  name: string;
  country: string;
  organisationId: string | null;
  organisationName: string | null;
  publicKey: string;
  /** SHA-256 fingerprint of the public key, for the admin to compare with the node's operator. */
  fingerprint: string;
  status: NodeStatus;
  registeredAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  lastSeenAt: string | null;
}

const COLUMNS = `id, name, country, organisation_id, organisation_name, public_key, status, registered_at,
  decided_by, decided_at, decision_reason, last_seen_at`;

const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());

function toNode(r: Record<string, unknown>): FederatedNode {
  return {
    id: r.id as string,
    name: r.name as string,
    country: r.country as string,
    organisationId: (r.organisation_id as string | null) ?? null,
    organisationName: (r.organisation_name as string | null) ?? null,
    publicKey: r.public_key as string,
    fingerprint: keyFingerprint(r.public_key as string),
    status: r.status as NodeStatus,
    registeredAt: iso(r.registered_at)!,
    decidedBy: (r.decided_by as string | null) ?? null,
    decidedAt: iso(r.decided_at),
    decisionReason: (r.decision_reason as string | null) ?? null,
    lastSeenAt: iso(r.last_seen_at),
  };
}

/** One node by id, or null. */
export async function findNode(db: Queryable, id: string): Promise<FederatedNode | null> {
  const [row] = await db.query<Record<string, unknown>>(`SELECT ${COLUMNS} FROM node WHERE id = $1`, [id]);
  return row ? toNode(row) : null;
}

// Every signed message and every queued task reads its node's row, several a second in a federated
// round. An approved node's row a second old is as good: a decision in this process drops it at once
// (one in another process of the hub takes effect within the second); rows of other statuses are
// read every time, so an approval is seen by the very next message.
const APPROVED_CACHE_MS = 1_000;
const approved = new WeakMap<Db, Map<string, { node: FederatedNode; until: number }>>();

/** {@link findNode} for the hot paths (node messages, queuing tasks), approved nodes kept for a second. */
export async function findNodeCached(db: Db, id: string): Promise<FederatedNode | null> {
  let cache = approved.get(db);
  if (!cache) approved.set(db, (cache = new Map()));
  const now = Date.now();
  const hit = cache.get(id);
  if (hit && hit.until > now) return hit.node;
  const node = await findNode(db, id);
  if (node?.status === 'APPROVED') cache.set(id, { node, until: now + APPROVED_CACHE_MS });
  else cache.delete(id);
  return node;
}

/** Nodes, oldest registration first, optionally only those with one status. */
export async function listNodes(db: Queryable, status?: NodeStatus): Promise<FederatedNode[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM node WHERE ($1::text IS NULL OR status = $1) ORDER BY registered_at, id`,
    [status ?? null],
  );
  return rows.map(toNode);
}

/** Stores a new PENDING node; the signature proving key possession was checked by the caller. */
export async function insertNode(
  db: Db,
  input: { id: string; name: string; country: string; organisation: string; publicKey: string },
): Promise<FederatedNode> {
  return db.transaction(async (tx) => {
    const [clash] = await tx.query<{ id: string }>('SELECT id FROM node WHERE public_key = $1', [
      input.publicKey,
    ]);
    if (clash)
      throw conflict(`this public key is already registered for node ${clash.id}; a node needs its own key`);
    // Link to a known organisation now; an unknown one is only created when an admin approves.
    const organisationId = await organisationByName(tx as Db, input.organisation);
    await tx.query(
      `INSERT INTO node (id, name, country, organisation_id, organisation_name, public_key, status)
       VALUES ($1, $2, $3, $4, $5, $6, 'PENDING')`,
      [input.id, input.name, input.country, organisationId, input.organisation, input.publicKey],
    );
    await appendIn(tx, {
      actor: `node:${input.id}`,
      action: 'node.register',
      object: `node:${input.id}`,
      outcome: 'success',
      details: {
        name: input.name,
        country: input.country,
        organisation: input.organisation,
        fingerprint: keyFingerprint(input.publicKey),
      },
    });
    return (await findNode(tx, input.id))!;
  });
}

/**
 * Approves, rejects or revokes a node. Approval links the node to the organisation it named,
 * creating it as a data holder when the hub does not know it yet.
 */
export async function decideNode(
  db: Db,
  input: {
    nodeId: string;
    decision: NodeDecision;
    actor: { accountId: string; username: string };
    reason?: string;
  },
): Promise<FederatedNode> {
  approved.get(db)?.delete(input.nodeId);
  const decided = await db.transaction(async (tx) => {
    const [row] = await tx.query<Record<string, unknown>>(
      `SELECT ${COLUMNS} FROM node WHERE id = $1 FOR UPDATE`,
      [input.nodeId],
    );
    if (!row) throw notFound('node', input.nodeId);
    const node = toNode(row);
    const next = decideStatus(node.status, input.decision);
    if (!next.ok) throw conflict(`node ${node.id} (${node.name}): ${next.message}`);
    let organisationId = node.organisationId;
    let createdOrganisation = false;
    if (input.decision === 'approve' && !organisationId && node.organisationName) {
      organisationId = await organisationByName(tx as Db, node.organisationName);
      if (!organisationId) {
        organisationId = randomUUID();
        createdOrganisation = true;
        await tx.query(
          `INSERT INTO organisation (id, name, kind, country) VALUES ($1, $2, 'data_holder', $3)`,
          [organisationId, node.organisationName, node.country],
        );
      }
    }
    await tx.query(
      `UPDATE node SET status = $2, decided_by = $3, decided_at = now(), decision_reason = $4, organisation_id = $5 WHERE id = $1`,
      [node.id, next.status, input.actor.accountId, input.reason ?? null, organisationId],
    );
    await appendIn(tx, {
      actor: `account:${input.actor.username}`,
      action: `node.${input.decision}`,
      object: `node:${node.id}`,
      outcome: 'success',
      details: {
        name: node.name,
        status: next.status,
        organisationId,
        createdOrganisation,
        ...(input.reason ? { reason: input.reason } : {}),
      },
    });
    return (await findNode(tx, node.id))!;
  });
  approved.get(db)?.delete(input.nodeId);
  return decided;
}

/** Notes that the node was heard from (every accepted signed message counts). */
export async function touchNode(db: Db, id: string): Promise<void> {
  await db.query('UPDATE node SET last_seen_at = now() WHERE id = $1', [id]);
  const hit = approved.get(db)?.get(id);
  if (hit) hit.node = { ...hit.node, lastSeenAt: new Date().toISOString() };
}
