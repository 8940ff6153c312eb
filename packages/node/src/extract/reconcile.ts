import type { NodeStore } from '@openehds/analytics';
import { listRegisteredPermits, type RegisteredPermit } from '../permits/registry';
import { dropExtractFiles, ensureExtractFiles } from './files';
import { prepareExtract } from './prepare';
import { serially } from './serial';
import {
  deleteExtractPersons,
  dropChainSecret,
  listExtracts,
  markReported,
  type ExtractRecipe,
} from './store';

/** The node message announcing a prepared extract (hub `opt-out/extracts.ts`): counts only. */
export const EXTRACT_PREPARED_MESSAGE = 'permit.extract-prepared';
/** The node message announcing a deleted extract. */
export const EXTRACT_DELETED_MESSAGE = 'permit.extract-deleted';

/** What the extract work needs: the store, how persons are identified, and a way to tell the hub. */
export interface ExtractContext {
  store: NodeStore;
  /** The identifier system of national identifiers among `person_identifier` (the unifying one). */
  identifierSystem: string;
  /** Sends a signed node message to the hub (`runtime.send`); null while the node cannot. */
  send: ((type: string, body: unknown) => Promise<unknown>) | null;
  clock?: () => Date;
  log?: (message: string) => void;
}

/** What one pass did. */
export interface ReconcileResult {
  prepared: string[];
  deferred: { permitId: string; reason: string }[];
  deleted: string[];
  reported: string[];
  /** Reports the hub did not take; sent again on the next pass. */
  reportErrors: string[];
}

const LIVE = new Set(['GRANTED', 'AMENDED', 'RENEWED']);

function ending(p: RegisteredPermit, all: readonly RegisteredPermit[]): ExtractRecipe['deletionReason'] {
  if (p.status === 'REVOKED') return 'revoked';
  if (p.status === 'EXPIRED') return 'expired';
  if (p.activeUntil !== null || all.some((q) => q.previousId === p.permitId)) return 'superseded';
  return null;
}

/**
 * Brings the extracts in line with the permits the node holds: prepares the extract of every current
 * version that has none (or says why it waits), deletes the persons of versions revoked or expired
 * (Art. 68(12); Art. 63) or superseded by a successor, forgets the secret of chains that ended, and
 * reports each of these to the hub as counts. Runs after every permit update and registry sync, one
 * pass at a time; idempotent.
 */
export function reconcileExtracts(ctx: ExtractContext): Promise<ReconcileResult> {
  return serially(ctx.store, () => reconcile(ctx));
}

async function reconcile(ctx: ExtractContext): Promise<ReconcileResult> {
  const now = (ctx.clock ?? (() => new Date()))();
  const result: ReconcileResult = { prepared: [], deferred: [], deleted: [], reported: [], reportErrors: [] };
  const permits = await listRegisteredPermits(ctx.store);
  let extracts = new Map((await listExtracts(ctx.store)).map((e) => [e.permitId, e]));
  for (const p of permits) {
    const extract = extracts.get(p.permitId);
    const reason = ending(p, permits);
    if (reason) {
      if (extract && !extract.deletedAt) {
        await deleteExtractPersons(ctx.store, p.permitId, reason, now);
        result.deleted.push(p.permitId);
      }
      // The jobs' data files go with the persons, before the deletion is reported (files.ts).
      await dropExtractFiles(ctx.store, p.permitId, ctx.log);
      continue;
    }
    if (extract && !extract.deletedAt) await ensureExtractFiles(ctx.store, extract, ctx.log);
    if (extract || !LIVE.has(p.status) || now.getTime() >= Date.parse(p.validUntil)) continue;
    const chain = permits.filter((q) => q.rootId === p.rootId);
    const prepared = await prepareExtract(ctx.store, p, chain, {
      identifierSystem: ctx.identifierSystem,
      now,
    });
    if ('deferred' in prepared) result.deferred.push({ permitId: p.permitId, reason: prepared.deferred });
    else {
      result.prepared.push(p.permitId);
      await ensureExtractFiles(ctx.store, prepared.recipe, ctx.log);
    }
  }
  // A chain none of whose versions is current any more has ended: its pseudonyms become unlinkable.
  for (const root of new Set(permits.map((p) => p.rootId))) {
    const chain = permits.filter((p) => p.rootId === root);
    if (chain.every((p) => ending(p, permits) !== null)) await dropChainSecret(ctx.store, root);
  }
  if (result.prepared.length || result.deleted.length)
    extracts = new Map((await listExtracts(ctx.store)).map((e) => [e.permitId, e]));
  await report(ctx, [...extracts.values()], result, now);
  return result;
}

/** Sends what the hub has not acknowledged yet: counts and dates only, never a person or a pseudonym. */
async function report(ctx: ExtractContext, extracts: ExtractRecipe[], result: ReconcileResult, now: Date) {
  if (!ctx.send) return;
  for (const e of extracts) {
    try {
      if (!e.reportedAt) {
        await ctx.send(EXTRACT_PREPARED_MESSAGE, {
          permitId: e.permitId,
          datasets: e.datasets,
          persons: e.persons,
          excludedByOptOut: e.excludedByOptOut,
          notMatchable: e.notMatchable,
          optOutApplied: e.optOutApplied,
          snapshotAt: e.snapshotAt,
          registryVersion: e.registryVersion,
          preparedAt: e.preparedAt,
        });
        await markReported(ctx.store, e.permitId, 'prepared', now);
        result.reported.push(`${e.permitId}: prepared`);
      }
      if (e.deletedAt && !e.deletionReportedAt) {
        await ctx.send(EXTRACT_DELETED_MESSAGE, {
          permitId: e.permitId,
          reason: e.deletionReason,
          deletedAt: e.deletedAt,
          persons: e.persons,
        });
        await markReported(ctx.store, e.permitId, 'deleted', now);
        result.reported.push(`${e.permitId}: deleted`);
      }
    } catch (err) {
      result.reportErrors.push(`${e.permitId}: ${(err as Error).message}`);
      ctx.log?.(`extract report for permit ${e.permitId} not taken by the hub: ${(err as Error).message}`);
    }
  }
}
