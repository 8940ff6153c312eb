import type { Db } from '@openehds/db';
import type { BeaconFilteringTerm } from '@openehds/core';
import { beaconTargets, fanOut, type BeaconTarget } from './network';

/** The node task that lists a node's filtering terms (packages/node/src/beacon/install.ts). */
export const BEACON_TERMS_TASK = 'beacon.filtering-terms';

/**
 * The network's `/filtering_terms`: the union of the terms the nodes hold. Fetched from the nodes
 * through a hub-signed task rather than reported by them unasked: a node's terms change with every
 * ingest, and the node stays the only source of what its data holds (the hub keeps no copy of node
 * data). Kept per node for `cacheSeconds`, so the public endpoint and the parse of every query do not
 * ask the nodes each time; a node that does not answer keeps its last known terms. A query's filters
 * are checked against the union only once every node has reported (else a term of a silent node
 * would be refused); until then each node's engine refuses what it cannot apply.
 */
export class NetworkTerms {
  private readonly byNode = new Map<string, { terms: BeaconFilteringTerm[]; at: number }>();
  /** When each node was last asked, answered or not: a silent node is asked again only after the cache time. */
  private readonly asked = new Map<string, number>();
  private refreshing: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly options: { cacheSeconds: number; timeoutMs: number; offlineAfterMs?: number },
  ) {}

  /** The union, refreshed from the nodes whose terms are older than the cache time. */
  async union(): Promise<{ terms: BeaconFilteringTerm[]; complete: boolean }> {
    const targets = await beaconTargets(this.db);
    const maxAge = this.options.cacheSeconds * 1000;
    const stale = targets.filter((t) => Date.now() - (this.asked.get(t.nodeId) ?? 0) > maxAge);
    if (stale.length) {
      this.refreshing ??= this.refresh(stale).finally(() => {
        this.refreshing = null;
      });
      await this.refreshing;
    }
    const terms: BeaconFilteringTerm[] = [];
    let complete = true;
    for (const t of targets) {
      const known = this.byNode.get(t.nodeId);
      if (!known) complete = false;
      else terms.push(...known.terms);
    }
    const unique = new Map<string, BeaconFilteringTerm>();
    for (const t of terms) if (!unique.has(t.id)) unique.set(t.id, t);
    return { terms: [...unique.values()].sort((a, b) => a.id.localeCompare(b.id)), complete };
  }

  /** Forgets every node's terms (tests; an operator after a large ingest). */
  clear(): void {
    this.byNode.clear();
    this.asked.clear();
  }

  private async refresh(targets: BeaconTarget[]): Promise<void> {
    // An offline node is not asked (fanOut); it keeps its last known terms, or none yet.
    const answers = await fanOut(this.db, targets, BEACON_TERMS_TASK, () => ({}), {
      createdBy: null,
      timeoutMs: this.options.timeoutMs,
      ...(this.options.offlineAfterMs !== undefined ? { offlineAfterMs: this.options.offlineAfterMs } : {}),
    });
    for (const a of answers) {
      // Not asked at all: asked again as soon as it is back, at no cost meanwhile (no task is queued).
      if (a.failure === 'offline') continue;
      this.asked.set(a.target.nodeId, Date.now());
      const terms = termsOf(a.task?.status === 'DONE' ? a.task.result : null);
      if (terms) this.byNode.set(a.target.nodeId, { terms, at: Date.now() });
    }
  }
}

const TYPES = new Set(['ontologyTerm', 'alphanumeric', 'custom']);

/** A node's answer, keeping only well-formed terms. */
function termsOf(result: unknown): BeaconFilteringTerm[] | null {
  const list = (result as { terms?: unknown } | null)?.terms;
  if (!Array.isArray(list)) return null;
  return list.flatMap((t): BeaconFilteringTerm[] => {
    if (typeof t !== 'object' || t === null) return [];
    const { id, type, label, scopes } = t as Record<string, unknown>;
    if (typeof id !== 'string' || !id || id.length > 200 || typeof type !== 'string' || !TYPES.has(type))
      return [];
    return [
      {
        id,
        type: type as BeaconFilteringTerm['type'],
        ...(typeof label === 'string' ? { label } : {}),
        ...(Array.isArray(scopes)
          ? {
              scopes: scopes.filter(
                (s): s is NonNullable<BeaconFilteringTerm['scopes']>[number] => typeof s === 'string',
              ),
            }
          : {}),
      },
    ];
  });
}
