import type { NodeStatus } from '@openehds/core';

/** What an admin can decide about a node. */
export type NodeDecision = 'approve' | 'reject' | 'revoke';

const TARGET: Record<NodeDecision, NodeStatus> = {
  approve: 'APPROVED',
  reject: 'REJECTED',
  revoke: 'REVOKED',
};

// An admin decides on a pending node; an approved node can only be revoked (its key may be
// compromised, or the data holder left), and a revoked or rejected node must register anew with a
// new key, so a decision on a leaked key is never undone by mistake.
const ALLOWED: Record<NodeStatus, NodeDecision[]> = {
  PENDING: ['approve', 'reject'],
  APPROVED: ['revoke'],
  REJECTED: [],
  REVOKED: [],
};

/** The node's next status, or a message saying why the decision is not possible. */
export function decideStatus(
  current: NodeStatus,
  decision: NodeDecision,
): { ok: true; status: NodeStatus } | { ok: false; message: string } {
  if (ALLOWED[current].includes(decision)) return { ok: true, status: TARGET[decision] };
  const possible = ALLOWED[current];
  return {
    ok: false,
    message: `a ${current} node cannot be ${TARGET[decision].toLowerCase()}; ${
      possible.length
        ? `it can be: ${possible.map((d) => TARGET[d].toLowerCase()).join(', ')}`
        : 'the node must register again with a new key'
    }`,
  };
}
