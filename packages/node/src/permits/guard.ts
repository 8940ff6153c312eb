import type { NodeStore } from '@openehds/analytics';
import type { JsonValue } from '@openehds/core';
import type { NodeRuntime } from '../federation/runtime';
import { permitState } from './state';
import { applyPermitUpdate, PERMIT_UPDATE_TASK } from './update';
import { afterPermitUpdate } from '../extract/hook';

/** The permit a task payload names (`payload.permitId`), if any. */
export function permitIdOf(payload: JsonValue): string | null | undefined {
  if (!payload || typeof payload !== 'object' || Array.isArray(payload) || !('permitId' in payload))
    return undefined;
  const id = payload.permitId;
  return typeof id === 'string' && id.trim() ? id : null;
}

/** A task refused because of its permit; its message is the failure reason the hub records. */
export class PermitRefusal extends Error {
  constructor(message: string) {
    super(`refused by the node's permit check: ${message}`);
    this.name = 'PermitRefusal';
  }
}

/**
 * Throws a {@link PermitRefusal} unless the task may run: a payload that names a `permitId` runs only
 * while that permit is active at this node (the permit is policy: DESIGN.md §1). Payloads without
 * one are left to their handler (e.g. `ping`).
 */
export async function checkTaskPermit(store: NodeStore, payload: JsonValue, now = new Date()): Promise<void> {
  const id = permitIdOf(payload);
  if (id === undefined) return;
  if (id === null) throw new PermitRefusal('permitId must be a non-empty string');
  const state = await permitState(store, id, now);
  if (!state.active) throw new PermitRefusal(state.reason);
}

/**
 * Wires permits into a node runtime: registers the `permit.update` handler (verifies and stores what
 * the hub sends) and a guard before every other handler, so any task naming a permit that is not
 * active (revoked, expired, superseded, unknown) fails with the reason instead of running.
 */
export function installPermits(
  runtime: NodeRuntime,
  store: NodeStore,
  options: { clock?: () => Date } = {},
): NodeRuntime {
  const clock = options.clock ?? (() => new Date());
  runtime.on(PERMIT_UPDATE_TASK, async (payload) => {
    const result = await applyPermitUpdate(store, payload, runtime.hubPublicKey, clock());
    // Art. 71(3), 68(12): prepare or delete the permit's extract now that the version changed (extract/).
    await afterPermitUpdate(store);
    return result;
  });
  // The update carries permits that may already be revoked: it is never refused by the guard.
  return runtime.guard(async (type, payload) => {
    if (type !== PERMIT_UPDATE_TASK) await checkTaskPermit(store, payload, clock());
  });
}
