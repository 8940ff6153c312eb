import { sign, verify } from 'node:crypto';
import { canonicalJson, toJsonValue, type JsonValue } from './canonical';
import { checkFreshness } from './freshness';
import { privateKeyObject, publicKeyObject } from './keys';

/**
 * A hub→node task, signed by the hub's own Ed25519 key so a node runs only what its hub sent: a
 * task altered on the way, forged, or addressed to another node is refused before any handler runs.
 */

/** A task as a node receives it. */
export interface SignedTask<P = JsonValue> {
  taskId: string;
  nodeId: string;
  type: string;
  payload: P;
  issuedAt: string;
  signature: string;
}

/** Domain tag, distinct from node messages, so neither kind of signature can stand in for the other. */
export const TASK_DOMAIN = 'OPENEHDS-FEDERATION-TASK-1';

/** The exact bytes a task's signature covers. */
export function taskSigningInput(t: Omit<SignedTask<unknown>, 'signature'>): Buffer {
  const members = canonicalJson({
    issuedAt: t.issuedAt,
    nodeId: t.nodeId,
    payload: t.payload,
    taskId: t.taskId,
    type: t.type,
  });
  return Buffer.from(`${TASK_DOMAIN}\n${members}`, 'utf8');
}

/** Signs a task with the hub's private key (PKCS#8 PEM). */
export function signTask(
  privateKey: string,
  task: { taskId: string; nodeId: string; type: string; payload: unknown },
  now = new Date(),
): SignedTask {
  const unsigned = { ...task, payload: toJsonValue(task.payload ?? null), issuedAt: now.toISOString() };
  const signature = sign(null, taskSigningInput(unsigned), privateKeyObject(privateKey));
  return { ...unsigned, signature: signature.toString('base64url') };
}

/** Why a node refuses a task. */
export type TaskCheck =
  { ok: true } | { ok: false; reason: 'bad-signature' | 'wrong-node' | 'stale'; message: string };

/** Checks a received task: hub signature, addressee and replay window, in that order. */
export function checkTask(
  hubPublicKey: string,
  task: SignedTask<unknown>,
  ownNodeId: string,
  now = new Date(),
): TaskCheck {
  let valid = false;
  try {
    const { signature, ...rest } = task;
    valid =
      typeof signature === 'string' &&
      verify(
        null,
        taskSigningInput(rest),
        publicKeyObject(hubPublicKey),
        Buffer.from(signature, 'base64url'),
      );
  } catch {
    valid = false;
  }
  if (!valid) {
    return {
      ok: false,
      reason: 'bad-signature',
      message: `task ${String(task.taskId)}: the hub signature does not verify; the task was not run`,
    };
  }
  if (task.nodeId !== ownNodeId) {
    return {
      ok: false,
      reason: 'wrong-node',
      message: `task ${task.taskId} is addressed to node ${task.nodeId}, not this node`,
    };
  }
  const fresh = checkFreshness(task.issuedAt, now);
  if (!fresh.ok) return { ok: false, reason: 'stale', message: `task ${task.taskId}: ${fresh.message}` };
  return { ok: true };
}
