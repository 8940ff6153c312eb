import { AppError, type AppErrorKind } from '@openehds/core';
import {
  FEDERATION_PATHS,
  signEnvelope,
  type NodeStatus,
  type RegisterBody,
  type SignedTask,
  type TaskResultBody,
  type Transport,
} from '@openehds/core';
import type { NodeIdentity } from './identity';

/** What the hub answers to a registration. */
export interface RegistrationStatus {
  nodeId: string;
  status: NodeStatus;
  fingerprint: string;
  decisionReason: string | null;
  hubPublicKey: string;
}

const KIND_BY_STATUS: Record<number, AppErrorKind> = {
  400: 'invalid',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  503: 'unavailable',
};

/** A hub refusal as an AppError carrying the hub's problem+json detail. */
export class HubRefusal extends AppError {
  readonly httpStatus: number;
  /** The hub's reason code for a refused message (`replayed`, `not-approved`, …), when given. */
  readonly reason: string | undefined;

  constructor(httpStatus: number, problem: unknown) {
    const p = (problem && typeof problem === 'object' ? problem : {}) as {
      detail?: string;
      issues?: { path?: string; message: string }[];
    };
    super(
      KIND_BY_STATUS[httpStatus] ?? 'internal',
      `hub answered ${httpStatus}: ${p.detail ?? String(problem)}`,
      p.issues ?? [],
    );
    this.name = 'HubRefusal';
    this.httpStatus = httpStatus;
    this.reason = p.issues?.find((i) => i.path === 'reason')?.message;
  }
}

/**
 * Signs and sends the node's messages over a transport. Every call carries a fresh nonce and the
 * current time, signed with the node's key over the method and API path it goes to.
 */
export class FederationClient {
  constructor(
    private readonly transport: Transport,
    private readonly identity: NodeIdentity,
  ) {}

  /** Sends one signed message and returns the hub's JSON answer; throws HubRefusal on refusal. */
  async send<T = unknown>(path: string, type: string, body: unknown, signal?: AbortSignal): Promise<T> {
    const envelope = signEnvelope(
      this.identity.privateKey,
      { method: 'POST', path },
      { nodeId: this.identity.nodeId, type, body },
    );
    const res = await this.transport.request({ method: 'POST', path, body: envelope, signal });
    if (res.status < 200 || res.status >= 300) throw new HubRefusal(res.status, res.body);
    return res.body as T;
  }

  /** Registers this node (or asks a registered node's status). */
  register(info: Omit<RegisterBody, 'publicKey'>, signal?: AbortSignal): Promise<RegistrationStatus> {
    return this.send(
      FEDERATION_PATHS.register,
      'node.register',
      { ...info, publicKey: this.identity.publicKey },
      signal,
    );
  }

  /**
   * Long-polls for tasks (the hub holds the call up to `waitMs` when none is queued). `held` names
   * the tasks this node has received and not yet seen acknowledged; the hub hands out again any
   * other task it thinks the node claimed.
   */
  async pull(waitMs: number, max: number, held: string[], signal?: AbortSignal): Promise<SignedTask[]> {
    const answer = await this.send<{ tasks: SignedTask[] }>(
      FEDERATION_PATHS.pull,
      'task.pull',
      { waitMs, max, held },
      signal,
    );
    return answer.tasks;
  }

  /** Reports the outcome of a task. */
  postResult(result: TaskResultBody, signal?: AbortSignal): Promise<{ taskId: string; status: string }> {
    return this.send(FEDERATION_PATHS.result, 'task.result', result, signal);
  }

  /** Tells the hub the node is alive. */
  heartbeat(signal?: AbortSignal): Promise<{ nodeId: string; status: NodeStatus }> {
    return this.send(FEDERATION_PATHS.heartbeat, 'node.heartbeat', {}, signal);
  }

  /** Sends a message a hub feature registered (e.g. `dataset.publish`) and returns its answer. */
  message<T = unknown>(type: string, body: unknown, signal?: AbortSignal): Promise<T> {
    return this.send<T>(FEDERATION_PATHS.messages, type, body, signal);
  }

  /** Fetches the hub's public key (unsigned GET; pin it on first use). */
  async hubKey(signal?: AbortSignal): Promise<string> {
    const res = await this.transport.request({ method: 'GET', path: FEDERATION_PATHS.hubKey, signal });
    if (res.status !== 200) throw new HubRefusal(res.status, res.body);
    return (res.body as { publicKey: string }).publicKey;
  }
}
