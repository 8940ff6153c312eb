import type { Db } from '@openehds/db';
import type { TaskRecord } from './tasks';

/**
 * Per node, what this hub process knows of its task queue without reading the store. The store stays
 * the truth (a hub of several processes shares it); this view only lets a process skip statements whose
 * answer it already knows, which keeps a federated round's overhead low (issue 4 benchmarks).
 */
export interface QueueView {
  /** How often this process queued tasks for the node. */
  enqueued: number;
  /** The `enqueued` count at which this process last saw the node's queue empty. */
  emptyAt: number;
  /** Tasks this process handed to the node and has no result for. */
  claimed: Set<string>;
  /** When this process last compared `claimed` with the store. */
  reconciledAt: number;
  /** Pulls of the node waiting in this process right now. */
  waiting: number;
  /**
   * Tasks claimed for the node at the moment they were queued, because one of its pulls was waiting
   * here: the pull hands them out without a claim statement. CLAIMED in the store; should this process
   * die before handing them out, the node's next pull (to any process) puts them back in the queue.
   */
  handedOff: { task: TaskRecord; at: number }[];
}

const views = new WeakMap<Db, Map<string, QueueView>>();

/** This process's view of a node's queue. */
export function queueOf(db: Db, nodeId: string): QueueView {
  let m = views.get(db);
  if (!m) views.set(db, (m = new Map()));
  let q = m.get(nodeId);
  if (!q) {
    q = { enqueued: 0, emptyAt: -1, claimed: new Set(), reconciledAt: 0, waiting: 0, handedOff: [] };
    m.set(nodeId, q);
  }
  return q;
}

/** Handed-off tasks older than this are checked against the store before they go out. */
const FRESH_MS = 2_000;

/**
 * Takes up to `max` handed-off tasks for the node's pull. One normally goes out within a turn of the
 * event loop; one left behind (its pull ended while the task was being queued) may meanwhile have been
 * put back in the queue and handed out by another hub process, so it goes out only while the store
 * still has it CLAIMED by this first hand-off.
 */
export async function takeHandedOff(db: Db, q: QueueView, max: number): Promise<TaskRecord[]> {
  const taken = q.handedOff.splice(0, max);
  const stale = taken.filter((h) => Date.now() - h.at > FRESH_MS).map((h) => h.task.id);
  if (!stale.length) return taken.map((h) => h.task);
  const still = new Set(
    (
      await db.query<{ id: string }>(
        `SELECT id FROM task WHERE id = ANY($1::uuid[]) AND status = 'CLAIMED' AND attempts = 1`,
        [stale],
      )
    ).map((r) => r.id),
  );
  return taken.filter((h) => !stale.includes(h.task.id) || still.has(h.task.id)).map((h) => h.task);
}

/**
 * Whether tasks queued now for the node may be claimed at once for its waiting pull: one waits here,
 * and this process saw the queue empty and queued nothing since (so no older task would be overtaken).
 */
export function mayHandOff(q: QueueView): boolean {
  return q.waiting > 0 && q.emptyAt === q.enqueued;
}
