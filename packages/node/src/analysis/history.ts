import type { NodeStore } from '@openehds/analytics';
import { decodeCohort, encodeCohort, type HistoryEntry, type QueryHistory } from '@openehds/privacy';

/**
 * The cohorts answered under each permit at this node, for the differencing guard and the repeat
 * lockout (issue 4 §2), kept in the node store so a restart forgets nothing. Person ids never leave
 * the node; the hub only sees the records.
 */
const DDL = `CREATE TABLE IF NOT EXISTS spe_query_history (
  permit_id VARCHAR NOT NULL, answered_at VARCHAR NOT NULL, digest VARCHAR NOT NULL, query_key VARCHAR, cohort VARCHAR NOT NULL)`;

const ready = new WeakMap<NodeStore, Promise<void>>();

function ensure(store: NodeStore): Promise<void> {
  let p = ready.get(store);
  if (!p) {
    p = store.run(DDL);
    p.catch(() => ready.delete(store));
    ready.set(store, p);
  }
  return p;
}

/** A QueryHistory over the node store. */
export function storeHistory(store: NodeStore): QueryHistory {
  return {
    async list(permitId) {
      await ensure(store);
      const rows = await store.all<{ at: string; digest: string; query_key: string | null; cohort: string }>(
        'SELECT answered_at AS at, digest, query_key, cohort FROM spe_query_history WHERE permit_id = $1 ORDER BY answered_at',
        [permitId],
      );
      return rows.map((r) => ({
        at: r.at,
        digest: r.digest,
        ...(r.query_key ? { queryKey: r.query_key } : {}),
        cohort: decodeCohort(Buffer.from(r.cohort, 'base64')),
      }));
    },
    async append(permitId, e) {
      await ensure(store);
      await store.run('INSERT INTO spe_query_history VALUES ($1, $2, $3, $4, $5)', [
        permitId,
        e.at,
        e.digest,
        e.queryKey ?? null,
        Buffer.from(encodeCohort(e.cohort)).toString('base64'),
      ]);
    },
  };
}

/**
 * One request's view of the history: every statistic of one describe over the same cohort is one
 * query, not several (else a describe of five variables would count five times towards the repeat
 * lockout). Reads the history as it was before the request; appends each new cohort once, on `commit`.
 */
export function requestHistory(base: QueryHistory): QueryHistory & { commit(): Promise<void> } {
  const pending = new Map<string, { permitId: string; entry: HistoryEntry }>();
  const before = new Map<string, Promise<readonly HistoryEntry[]>>();
  return {
    list(permitId) {
      let p = before.get(permitId);
      if (!p) before.set(permitId, (p = base.list(permitId)));
      return p;
    },
    async append(permitId, entry) {
      pending.set(`${permitId}\n${entry.digest}`, { permitId, entry });
    },
    async commit() {
      for (const { permitId, entry } of pending.values()) await base.append(permitId, entry);
      pending.clear();
    },
  };
}
