import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Db, Queryable } from '@openehds/db';
import type { HubConfig } from '../config';
import { hubKeyPair } from '../federation/hub-key';
import { planDelivery, retryDelayMs } from './delivery-plan';
import { HUB_MESSAGE_PATH, signHubMessage, type HubMessage, type HubMessageType } from './message';
import { listPeers } from './peers';

/**
 * The outbox of messages to peer hubs (EHDS.md §15: idempotent outbox messaging). A message is
 * written in the transaction of the change it reports, then sent by `deliverOutbox` (a timer in the
 * hub, or a test) as a signed envelope; it is marked delivered on a 2xx answer and retried with
 * backoff otherwise. The message id stays the same across retries and the peer de-duplicates on
 * it, so delivery is at least once and its effect exactly once.
 */

/** A message written to the outbox. */
export interface OutboxInput {
  peerCountry: string;
  type: HubMessageType;
  body: unknown;
  applicationId: string | null;
}

/** Writes a message to send (in the caller's transaction); returns its message id. */
export async function enqueueMessage(tx: Queryable, m: OutboxInput): Promise<string> {
  const id = randomUUID();
  await tx.query(
    `INSERT INTO cross_border_outbox (id, peer_country, type, body, application_id) VALUES ($1, $2, $3, $4::jsonb, $5)`,
    [id, m.peerCountry, m.type, JSON.stringify(m.body), m.applicationId],
  );
  return id;
}

/** One outbox message as stored. */
export interface OutboxMessage {
  id: string;
  seq: number;
  peerCountry: string;
  type: HubMessageType;
  body: unknown;
  applicationId: string | null;
  createdAt: string;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  deliveredAt: string | null;
}

const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);

const toMessage = (r: Record<string, unknown>): OutboxMessage => ({
  id: r.id as string,
  seq: Number(r.seq),
  peerCountry: String(r.peer_country),
  type: r.type as HubMessageType,
  body: r.body,
  applicationId: (r.application_id as string | null) ?? null,
  createdAt: iso(r.created_at)!,
  attempts: Number(r.attempts),
  nextAttemptAt: iso(r.next_attempt_at)!,
  lastError: (r.last_error as string | null) ?? null,
  deliveredAt: iso(r.delivered_at),
});

/** Outbox messages, newest first; `pending` limits to those not yet delivered. */
export async function listOutbox(
  db: Queryable,
  filter: { pending?: boolean; applicationId?: string } = {},
): Promise<OutboxMessage[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT * FROM cross_border_outbox
     WHERE (NOT $1::boolean OR delivered_at IS NULL) AND ($2::uuid IS NULL OR application_id = $2)
     ORDER BY seq DESC LIMIT 500`,
    [filter.pending ?? false, filter.applicationId ?? null],
  );
  return rows.map(toMessage);
}

/** The signed envelope of an outbox message, as it is posted to the peer (fresh time and nonce). */
export async function envelopeOf(
  db: Db,
  config: HubConfig,
  m: OutboxMessage,
  now = new Date(),
): Promise<HubMessage> {
  const key = await hubKeyPair(db);
  return signHubMessage(
    key.privateKey,
    { sender: config.hdab.country, recipient: m.peerCountry, messageId: m.id, type: m.type, body: m.body },
    now,
  );
}

/** What one delivery round did. */
export interface DeliveryReport {
  delivered: string[];
  failed: { id: string; error: string }[];
}

/** The `fetch` the sender uses; tests may pass their own (e.g. one that records what was sent). */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

const rounds = new WeakMap<Db, Promise<unknown>>();

/**
 * Sends every due outbox message to its peer. Rounds on one store run one after another, so a test's
 * call made while the timer's round is running waits for it and then sends what is still due.
 */
export function deliverOutbox(
  db: Db,
  config: HubConfig,
  fetchImpl: FetchLike = fetch,
  now: () => Date = () => new Date(),
): Promise<DeliveryReport> {
  const previous = rounds.get(db) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => deliverRound(db, config, fetchImpl, now()));
  rounds.set(db, next);
  return next;
}

async function deliverRound(
  db: Db,
  config: HubConfig,
  fetchImpl: FetchLike,
  now: Date,
): Promise<DeliveryReport> {
  const pending = (
    await db.query<Record<string, unknown>>(
      'SELECT * FROM cross_border_outbox WHERE delivered_at IS NULL ORDER BY seq LIMIT 500',
    )
  ).map(toMessage);
  const report: DeliveryReport = { delivered: [], failed: [] };
  if (pending.length === 0) return report;
  const byId = new Map(pending.map((m) => [m.id, m]));
  const peers = new Map((await listPeers(db)).map((p) => [p.country, p]));
  const plan = planDelivery(
    pending.map((m) => ({
      id: m.id,
      orderKey: m.applicationId ?? m.id,
      nextAttemptAt: new Date(m.nextAttemptAt),
    })),
    now,
  );
  const failedKeys = new Set<string>();
  for (const { id, orderKey } of plan) {
    if (failedKeys.has(orderKey)) continue;
    const m = byId.get(id)!;
    const peer = peers.get(m.peerCountry);
    let error: string | null = null;
    if (!peer) {
      error = `no peer is configured for ${m.peerCountry}; add it (PUT /api/cross-border/peers or the peers config key)`;
    } else {
      try {
        const envelope = await envelopeOf(db, config, m, now);
        const res = await fetchImpl(`${peer.url}${HUB_MESSAGE_PATH}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify(envelope),
          signal: AbortSignal.timeout(15_000),
        });
        if (!res.ok) error = `HTTP ${res.status}: ${(await res.text()).slice(0, 500)}`;
      } catch (err) {
        error = `not reached: ${(err as Error).message}`;
      }
    }
    if (error === null) {
      await db.query(
        'UPDATE cross_border_outbox SET delivered_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1',
        [m.id],
      );
      report.delivered.push(m.id);
    } else {
      const next = new Date(now.getTime() + retryDelayMs(m.attempts + 1));
      await db.query(
        'UPDATE cross_border_outbox SET attempts = attempts + 1, last_error = $2, next_attempt_at = $3 WHERE id = $1',
        [m.id, error, next.toISOString()],
      );
      failedKeys.add(orderKey);
      report.failed.push({ id: m.id, error });
    }
  }
  return report;
}

/**
 * Delivers the outbox every `crossBorderDeliverySeconds` while the hub runs (0: never; tests then
 * call `deliverOutbox`). Closing the app stops the timer and waits for a round in progress.
 */
export function scheduleOutboxDelivery(app: FastifyInstance, db: Db, config: HubConfig): void {
  const seconds = config.crossBorderDeliverySeconds;
  if (seconds <= 0) return;
  let running = false;
  const timer = setInterval(() => {
    // A round slower than the interval (a peer timing out) is not stacked up behind.
    if (running) return;
    running = true;
    deliverOutbox(db, config)
      .catch((err: unknown) => app.log.error({ err }, 'the cross-border outbox delivery failed'))
      .finally(() => {
        running = false;
      });
  }, seconds * 1000);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await rounds.get(db)?.catch(() => undefined);
  });
}
