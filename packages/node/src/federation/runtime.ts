import {
  checkTask,
  keyFingerprint,
  type JsonValue,
  type NodeStatus,
  type SignedTask,
  type TaskResultBody,
  type Transport,
} from '@openehds/core';
import { FederationClient, HubRefusal, type RegistrationStatus } from './client';
import { pinHubKey, type NodeIdentity } from './identity';
import { sleep } from './sleep';

/** What a task handler gets besides the payload. */
export interface TaskContext {
  taskId: string;
  nodeId: string;
  type: string;
  /** Aborted when the node stops; long handlers should give up then. */
  signal: AbortSignal;
}

/** Runs one task type; its return value (JSON) is the result sent to the hub. */
export type TaskHandler = (payload: JsonValue, ctx: TaskContext) => Promise<unknown>;

/** A check before dispatch: throws to refuse the task. */
export type TaskGuard = (type: string, payload: JsonValue) => Promise<void>;

/** Things the runtime reports (for logs and tests). */
export type RuntimeEvent =
  | { kind: 'status'; status: NodeStatus }
  | { kind: 'task.done'; taskId: string; type: string; ok: boolean }
  | { kind: 'task.refused'; taskId: string; reason: string; message: string }
  | { kind: 'error'; error: Error; during: string };

/** Options of {@link createNodeRuntime}. */
export interface NodeRuntimeOptions {
  transport: Transport;
  identity: NodeIdentity;
  /** How the node introduces itself at registration. */
  info: { name: string; country: string; organisation: string };
  /** The node's data dir: the hub key learned at first registration is pinned in its identity file. */
  dataDir?: string;
  /** Long-poll wait asked of the hub (the hub caps it at 25 s). */
  pollWaitMs?: number;
  heartbeatMs?: number;
  /** How often a pending node asks whether it was approved. */
  approvalPollMs?: number;
  /** First back-off after a failed call; doubles up to a minute. */
  retryMs?: number;
  /** At most this many tasks run at once. */
  concurrency?: number;
  onEvent?: (event: RuntimeEvent) => void;
}

/** A running (or stoppable) node. */
export interface NodeRuntime {
  readonly nodeId: string;
  /** The last status the hub gave (undefined before the first registration). */
  readonly status: NodeStatus | undefined;
  /** The hub key tasks must be signed with (undefined until learned). */
  readonly hubPublicKey: string | undefined;
  /** Registers the handler for a task type (`runtime.on('ping', async (payload, ctx) => result)`). */
  on(type: string, handler: TaskHandler): NodeRuntime;
  /**
   * Adds a check that runs before every handler (e.g. the permit check); when it throws, the task
   * fails with its message and no handler runs.
   */
  guard(check: TaskGuard): NodeRuntime;
  /** Registers (or re-registers to learn the status) and pins the hub key. */
  register(): Promise<RegistrationStatus>;
  /** Registers, then in the background waits for approval, pulls and runs tasks, sends heartbeats. */
  start(): Promise<RegistrationStatus>;
  /** Aborts the long poll and running handlers and waits until everything has ended. */
  stop(): Promise<void>;
  /** Sends a signed message to a hub feature (e.g. `dataset.publish`). */
  send<T = unknown>(type: string, body: unknown): Promise<T>;
  /** Sends `node.heartbeat` now. */
  heartbeat(): Promise<void>;
}

/** Builds a node's federation runtime over any transport (HTTP, or in memory in tests). */
export function createNodeRuntime(options: NodeRuntimeOptions): NodeRuntime {
  const client = new FederationClient(options.transport, options.identity);
  const handlers = new Map<string, TaskHandler>();
  const guards: TaskGuard[] = [];
  // Tasks received whose result the hub has not acknowledged yet; named in every pull (see client.ts).
  const held = new Set<string>();
  const running = new Set<Promise<void>>();
  const emit = (e: RuntimeEvent) => options.onEvent?.(e);
  const pollWaitMs = options.pollWaitMs ?? 25_000;
  const retryMs = options.retryMs ?? 1_000;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  let hubPublicKey = options.identity.hubPublicKey;
  let status: NodeStatus | undefined;
  let stopper: AbortController | null = null;
  let loops: Promise<void>[] = [];

  const setStatus = (s: NodeStatus) => {
    if (s !== status) emit({ kind: 'status', status: s });
    status = s;
  };

  async function register(signal?: AbortSignal): Promise<RegistrationStatus> {
    const answer = await client.register(options.info, signal);
    if (hubPublicKey && hubPublicKey !== answer.hubPublicKey) {
      throw new Error(
        `the hub presents key ${keyFingerprint(answer.hubPublicKey)}, but this node trusts ${keyFingerprint(hubPublicKey)}; refusing to work with it`,
      );
    }
    if (!hubPublicKey) {
      // Trust on first use, pinned: later tasks must carry this key's signature.
      if (options.dataDir) pinHubKey(options.dataDir, answer.hubPublicKey);
      hubPublicKey = answer.hubPublicKey;
    }
    setStatus(answer.status);
    return answer;
  }

  async function report(result: TaskResultBody, signal: AbortSignal): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await client.postResult(result);
        held.delete(result.taskId);
        return;
      } catch (err) {
        // A refusal will not change by retrying; a network failure may.
        if (err instanceof HubRefusal || attempt >= 4 || signal.aborted) {
          // Given up: no longer held, so the hub hands the task out again (at-least-once delivery).
          held.delete(result.taskId);
          emit({ kind: 'error', error: err as Error, during: `reporting task ${result.taskId}` });
          return;
        }
        await sleep(retryMs * 2 ** attempt, signal);
      }
    }
  }

  async function runTask(task: SignedTask, signal: AbortSignal): Promise<void> {
    const check = checkTask(hubPublicKey ?? '', task, options.identity.nodeId);
    if (!check.ok) {
      emit({
        kind: 'task.refused',
        taskId: String(task.taskId),
        reason: check.reason,
        message: check.message,
      });
      // Tell the hub, so a task altered in transit does not stay CLAIMED; a forged id is simply unknown there.
      await report(
        { taskId: task.taskId, ok: false, error: `refused by the node (${check.reason}): ${check.message}` },
        signal,
      );
      return;
    }
    const handler = handlers.get(task.type);
    let result: TaskResultBody;
    if (!handler) {
      result = {
        taskId: task.taskId,
        ok: false,
        error: `this node has no handler for task type ${task.type}; it handles: ${[...handlers.keys()].sort().join(', ') || 'nothing yet'}`,
      };
    } else {
      try {
        for (const check of guards) await check(task.type, task.payload);
        const value = await handler(task.payload, {
          taskId: task.taskId,
          nodeId: options.identity.nodeId,
          type: task.type,
          signal,
        });
        result = { taskId: task.taskId, ok: true, result: (value ?? null) as JsonValue };
      } catch (err) {
        result = { taskId: task.taskId, ok: false, error: err instanceof Error ? err.message : String(err) };
      }
    }
    await report(result, signal);
    emit({ kind: 'task.done', taskId: task.taskId, type: task.type, ok: result.ok });
  }

  async function waitForApproval(signal: AbortSignal): Promise<boolean> {
    while (!signal.aborted && status === 'PENDING') {
      await sleep(options.approvalPollMs ?? 15_000, signal);
      if (signal.aborted) break;
      try {
        await register(signal);
      } catch (err) {
        if (!signal.aborted) emit({ kind: 'error', error: err as Error, during: 'waiting for approval' });
      }
    }
    return status === 'APPROVED' && !signal.aborted;
  }

  async function pullLoop(signal: AbortSignal): Promise<void> {
    if (!(await waitForApproval(signal))) return;
    let failures = 0;
    while (!signal.aborted) {
      if (running.size >= concurrency) {
        await Promise.race(running);
        continue;
      }
      try {
        const tasks = await client.pull(pollWaitMs, concurrency - running.size, [...held], signal);
        failures = 0;
        for (const task of tasks) {
          if (typeof task.taskId !== 'string' || held.has(task.taskId)) continue;
          held.add(task.taskId);
          const p = runTask(task, signal).finally(() => running.delete(p));
          running.add(p);
        }
      } catch (err) {
        if (signal.aborted) return;
        if (err instanceof HubRefusal && err.reason === 'not-approved') {
          // Revoked or rejected while running: learn the status and stop pulling.
          await register(signal).catch(() => undefined);
          if (status !== 'APPROVED') return;
        }
        emit({ kind: 'error', error: err as Error, during: 'pulling tasks' });
        await sleep(Math.min(retryMs * 2 ** failures++, 60_000), signal);
      }
    }
  }

  async function heartbeatLoop(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      await sleep(options.heartbeatMs ?? 60_000, signal);
      if (signal.aborted || status !== 'APPROVED') continue;
      await client
        .heartbeat(signal)
        .catch((err) => signal.aborted || emit({ kind: 'error', error: err as Error, during: 'heartbeat' }));
    }
  }

  const runtime: NodeRuntime = {
    nodeId: options.identity.nodeId,
    get status() {
      return status;
    },
    get hubPublicKey() {
      return hubPublicKey;
    },
    on(type, handler) {
      handlers.set(type, handler);
      return runtime;
    },
    guard(check) {
      guards.push(check);
      return runtime;
    },
    register: () => register(),
    async start() {
      if (stopper) throw new Error('the node runtime is already running');
      const answer = await register();
      if (answer.status === 'REJECTED' || answer.status === 'REVOKED') {
        throw new Error(
          `the hub ${answer.status.toLowerCase()} this node${answer.decisionReason ? `: ${answer.decisionReason}` : ''}; it cannot start`,
        );
      }
      stopper = new AbortController();
      loops = [pullLoop(stopper.signal), heartbeatLoop(stopper.signal)];
      return answer;
    },
    async stop() {
      if (!stopper) return;
      stopper.abort();
      await Promise.allSettled([...loops, ...running]);
      stopper = null;
      loops = [];
    },
    send: (type, body) => client.message(type, body),
    async heartbeat() {
      await client.heartbeat();
    },
  };
  return runtime;
}
