import { randomUUID } from 'node:crypto';
import type { Db } from '@openehds/db';
import { AppError, type Issue, type SdcRecord } from '@openehds/core';
import { enqueueTasks, watchTask, type TaskInput } from '../federation/tasks';
import type { PermitRecord } from '../permits/store';
import type { NodeSdc } from './store';

/** A node holding some of a permit's datasets. */
export interface NodeRef {
  id: string;
  name: string;
}

/** A node's answer to an analysis task (node `analysis/outcome.ts`), or why there is none. */
export type NodeAnswer =
  | ({ status: 'ok'; sdc: SdcRecord[] } & Record<string, unknown>)
  | { status: 'refused'; message: string; issues: Issue[]; sdc: SdcRecord[] }
  | { status: 'error' | 'unavailable'; message: string; issues: Issue[] };

/** The approved nodes that hold the permit's datasets (Art. 68(10)(a)), by name. */
export async function permitNodes(db: Db, permit: PermitRecord): Promise<NodeRef[]> {
  const datasets = permit.content.datasets.map((d) => d.datasetId);
  return db.query<NodeRef>(
    `SELECT DISTINCT n.id, n.name FROM dataset d JOIN node n ON n.id = d.node_id
     WHERE d.id = ANY($1::text[]) AND n.status = 'APPROVED' ORDER BY n.name, n.id`,
    [datasets],
  );
}

/** Ends an analysis early: a node refused (REFUSED) or the analysis cannot be computed (FAILED). */
export class AnalysisStop extends Error {
  constructor(
    readonly status: 'REFUSED' | 'FAILED',
    message: string,
  ) {
    super(message);
    this.name = 'AnalysisStop';
  }
}

/**
 * Sends analysis tasks to nodes and keeps each node's disclosure-control records. A refusal or a
 * failure at any node stops the analysis: a merged result without one node's part would not be the
 * pooled data's.
 */
export class NodeCalls {
  readonly sdc = new Map<string, NodeSdc>();
  private pending: { input: TaskInput; done: (err?: unknown) => void }[] = [];

  constructor(
    private readonly db: Db,
    readonly nodes: NodeRef[],
    private readonly options: { createdBy: string; timeoutMs: number },
  ) {
    for (const n of nodes)
      this.sdc.set(n.id, { nodeId: n.id, nodeName: n.name, status: 'ok', message: null, records: [] });
  }

  /** Asks one node; `replace` keeps only this answer's records (GLM rounds repeat one model record). */
  async ask(
    node: NodeRef,
    type: string,
    payload: unknown,
    replace = false,
  ): Promise<Record<string, unknown>> {
    const answer = await this.send(node, type, payload);
    const entry = this.sdc.get(node.id)!;
    if ('sdc' in answer) entry.records = replace ? [...answer.sdc] : [...entry.records, ...answer.sdc];
    if (answer.status !== 'ok') {
      entry.status = answer.status;
      entry.message = answer.message;
      const refused = answer.status === 'refused';
      throw new AnalysisStop(
        refused ? 'REFUSED' : 'FAILED',
        `${node.name} ${refused ? 'refused' : answer.status === 'unavailable' ? 'did not answer' : 'could not run'} it: ${answer.message}`,
      );
    }
    return answer;
  }

  /** Asks every node the same; answers in node order. */
  all(type: string, payload: unknown): Promise<Record<string, unknown>[]> {
    return Promise.all(this.nodes.map((n) => this.ask(n, type, payload)));
  }

  private async send(node: NodeRef, type: string, payload: unknown): Promise<NodeAnswer> {
    const id = randomUUID();
    const watch = watchTask(this.db, id);
    let done;
    try {
      await this.enqueue({ id, nodeId: node.id, type, payload, createdBy: this.options.createdBy });
      done = await watch.result(this.options.timeoutMs);
    } catch (err) {
      if (err instanceof AppError && err.kind === 'unavailable')
        return { status: 'unavailable', message: err.message, issues: [] };
      throw err;
    } finally {
      watch.stop();
    }
    if (done.status === 'FAILED') {
      const message = done.error ?? 'failed';
      // The node's permit check refuses work under a permit that is not active there.
      return {
        status: /^refused by the node/.test(message) ? 'refused' : 'error',
        message,
        issues: [],
        sdc: [],
      } as NodeAnswer;
    }
    const result = done.result as NodeAnswer | null;
    if (!result || typeof result !== 'object' || !('status' in result))
      return { status: 'error', message: 'the node answered without a status', issues: [] };
    return result;
  }

  /**
   * Queues a task together with the others asked in the same turn of the event loop (every node of
   * a GLM round): one transaction and one audit batch per round instead of one per node.
   */
  private enqueue(input: TaskInput): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ input, done: (err) => (err ? reject(err) : resolve()) });
      if (this.pending.length > 1) return;
      setImmediate(() => {
        const batch = this.pending;
        this.pending = [];
        enqueueTasks(
          this.db,
          batch.map((b) => b.input),
        ).then(
          () => batch.forEach((b) => b.done()),
          (err: unknown) => batch.forEach((b) => b.done(err)),
        );
      });
    });
  }
}
