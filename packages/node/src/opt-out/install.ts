import type { NodeStore } from '@openehds/analytics';
import type { NodeRuntime } from '../federation/runtime';
import { enableExtracts } from '../extract/hook';
import { reconcileExtracts, type ExtractContext } from '../extract/reconcile';
import { serially } from '../extract/serial';
import { applyOptOutKey, applyOptOutSync, OPT_OUT_KEY_TASK, OPT_OUT_SYNC_TASK } from './sync';

/** Options of {@link installOptOut}. */
export interface OptOutOptions {
  /**
   * The identifier system whose values are national identifiers (the one ingest unifies persons by,
   * `personIdentifierSystem` of the node configuration). Persons without one are "not matchable".
   */
  identifierSystem: string;
  clock?: () => Date;
  log?: (message: string) => void;
}

/**
 * Wires the opt-out into a node (Art. 71): takes the pseudonym key and the registry from the hub
 * (`opt-out.key`, `opt-out.sync`, hub-signed tasks) and turns on extract preparation, which the
 * permit registry triggers after each permit update and which each sync may unblock. Call it after
 * `installPermits` (its handlers name no permit, so the permit guard lets them through).
 */
export function installOptOut(
  runtime: NodeRuntime,
  store: NodeStore,
  options: OptOutOptions,
): ExtractContext {
  const clock = options.clock ?? (() => new Date());
  const ctx: ExtractContext = {
    store,
    identifierSystem: options.identifierSystem,
    send: (type, body) => runtime.send(type, body),
    clock,
    ...(options.log ? { log: options.log } : {}),
  };
  enableExtracts(ctx);
  const thenReconcile = async () => {
    const r = await reconcileExtracts(ctx).catch((err: Error) => {
      options.log?.(`extract preparation failed (retried on the next update): ${err.message}`);
      return null;
    });
    return r ? { extractsPrepared: r.prepared.length, extractsWaiting: r.deferred.length } : {};
  };
  runtime.on(OPT_OUT_KEY_TASK, async (payload) => {
    const stored = await serially(store, () => applyOptOutKey(store, payload, clock()));
    return { ...stored, ...(await thenReconcile()) };
  });
  runtime.on(OPT_OUT_SYNC_TASK, async (payload) => {
    const applied = await serially(store, () => applyOptOutSync(store, payload, clock()));
    return { ...applied, ...(await thenReconcile()) };
  });
  return ctx;
}
