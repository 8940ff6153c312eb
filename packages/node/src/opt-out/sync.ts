import { z } from 'zod';
import type { NodeStore } from '@openehds/analytics';
import { zodIssues, type JsonValue } from '@openehds/core';
import { applyPeriods, registryState, storeOptOutKey } from './store';

/** The task that brings the pseudonym key (hub `opt-out/distribution.ts`). */
export const OPT_OUT_KEY_TASK = 'opt-out.key';
/** The task that brings registry changes. */
export const OPT_OUT_SYNC_TASK = 'opt-out.sync';

const Instant = z.iso.datetime({ offset: true });
const KeySchema = z.object({
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  algorithm: z.literal('HMAC-SHA256'),
  format: z.literal('national-id-v1'),
  key: z.string().min(32).max(500),
});
const SyncSchema = z.object({
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  full: z.boolean(),
  fromSeq: z.number().int().min(0),
  toSeq: z.number().int().min(0),
  asOf: Instant,
  periods: z.array(
    z.object({
      pseudonym: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/),
      optedOutAt: Instant,
      reversedAt: Instant.nullable(),
    }),
  ),
});

function parse<S extends z.ZodType>(schema: S, payload: JsonValue, type: string): z.infer<S> {
  const r = schema.safeParse(payload);
  if (!r.success)
    throw new Error(
      `malformed ${type}: ${zodIssues(r.error)
        .map((i) => `${i.path}: ${i.message}`)
        .join('; ')}`,
    );
  return r.data;
}

const norm = (v: string) => new Date(v).toISOString();

/** Keeps the key the hub sent (the task is hub-signed, checked by the runtime). Answers no secret. */
export async function applyOptOutKey(
  store: NodeStore,
  payload: JsonValue,
  now = new Date(),
): Promise<{ keyId: string; replaced: boolean }> {
  const k = parse(KeySchema, payload, OPT_OUT_KEY_TASK);
  return { keyId: k.keyId, replaced: await storeOptOutKey(store, k.keyId, k.key, now) };
}

/**
 * Applies registry changes in order. A sync made with another key than the one held, or one that
 * skips changes the node never received, fails with the reason: the hub then sends the key again or
 * the whole registry (its answer to a failed sync). The answer carries the version only.
 */
export async function applyOptOutSync(
  store: NodeStore,
  payload: JsonValue,
  now = new Date(),
): Promise<{ version: number; periods: number }> {
  const s = parse(SyncSchema, payload, OPT_OUT_SYNC_TASK);
  const state = await registryState(store);
  if (state.keyId !== s.keyId)
    throw new Error(
      `this node holds no opt-out key ${s.keyId} (it holds ${state.keyId ?? 'none'}); the hub must send the key again`,
    );
  if (!s.full && s.fromSeq > state.version)
    throw new Error(
      `opt-out registry gap: this node is at version ${state.version}, the sync starts after ${s.fromSeq}; send the whole registry`,
    );
  await applyPeriods(store, {
    full: s.full,
    periods: s.periods.map((p) => ({
      pseudonym: p.pseudonym,
      optedOutAt: norm(p.optedOutAt),
      reversedAt: p.reversedAt ? norm(p.reversedAt) : null,
    })),
    version: s.full ? s.toSeq : Math.max(state.version, s.toSeq),
    asOf: norm(s.asOf),
    now,
  });
  return { version: s.full ? s.toSeq : Math.max(state.version, s.toSeq), periods: s.periods.length };
}
