import type { NodeStore } from '@openehds/analytics';
import { reconcileExtracts, type ExtractContext } from './reconcile';

const contexts = new WeakMap<NodeStore, ExtractContext>();

/** Turns extract preparation on for a node store (`installOptOut` does this). */
export function enableExtracts(ctx: ExtractContext): void {
  contexts.set(ctx.store, ctx);
}

/**
 * Called by the permit registry after each `permit.update` (permits/guard.ts): prepares or deletes
 * extracts as the permits now stand. A node without extract preparation enabled does nothing; a
 * failure is logged and retried on the next update or registry sync, never failing the permit update.
 */
export async function afterPermitUpdate(store: NodeStore): Promise<void> {
  const ctx = contexts.get(store);
  if (!ctx) return;
  try {
    const r = await reconcileExtracts(ctx);
    for (const d of r.deferred) ctx.log?.(`extract for permit ${d.permitId} waits: ${d.reason}`);
  } catch (err) {
    ctx.log?.(`extract preparation failed (retried on the next update): ${(err as Error).message}`);
  }
}
