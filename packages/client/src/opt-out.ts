/**
 * Citizens' opt-out from secondary use (Art. 71; hub `packages/server/src/opt-out`): the citizen's own
 * status, opting out and back in with receipts; counts for HDAB staff; the nodes' extract counts per
 * permit. Shapes mirror the hub's without importing them (DESIGN.md §2).
 */
import { createHttp, type HttpOptions } from './http';

/** One change of a citizen's choice, with its receipt. */
export interface OptOutReceipt {
  action: 'opt-out' | 'reversal';
  at: string;
  receiptId: string;
}

/** A citizen's opt-out as they see it. */
export interface OptOutStatus {
  optedOut: boolean;
  since: string | null;
  /** Newest first. */
  history: OptOutReceipt[];
}

/** The answer to an opt-out or a reversal (both idempotent: `changed` false when nothing changed). */
export interface OptOutChange {
  changed: boolean;
  receipt: OptOutReceipt | null;
  status: OptOutStatus;
}

/** Registry counts for HDAB staff. */
export interface OptOutStatistics {
  currentOptedOut: number;
  registryVersion: number;
  months: { month: string; optOuts: number; reversals: number }[];
}

/** One node's extract for a permit version, in counts. */
export interface PermitExtract {
  nodeId: string;
  nodeName: string;
  country: string;
  status: 'prepared' | 'deleted';
  datasets: string[];
  persons: number;
  /** Null when a small count is withheld from the data user. */
  excludedByOptOut: number | null;
  notMatchable: number | null;
  optOutApplied: boolean;
  snapshotAt: string;
  registryVersion: number;
  preparedAt: string;
  deletedAt: string | null;
  deletionReason: string | null;
}

/** Opt-out calls to the hub. */
export interface OptOutClient {
  /** The signed-in citizen's status and history. */
  status(): Promise<OptOutStatus>;
  optOut(): Promise<OptOutChange>;
  /** Opts back in. */
  reverse(): Promise<OptOutChange>;
  statistics(): Promise<OptOutStatistics>;
  permitExtracts(
    permitId: string,
  ): Promise<{ permitId: string; optOutException: boolean; nodes: PermitExtract[] }>;
}

/** Creates the opt-out client (same options as `createHubClient`). */
export function createOptOutClient(options: HttpOptions): OptOutClient {
  const send = createHttp(options);
  return {
    status: () => send<OptOutStatus>({ method: 'GET', path: '/api/citizen/opt-out' }),
    optOut: () => send<OptOutChange>({ method: 'POST', path: '/api/citizen/opt-out', json: {} }),
    reverse: () => send<OptOutChange>({ method: 'POST', path: '/api/citizen/opt-out/reverse', json: {} }),
    statistics: () => send<OptOutStatistics>({ method: 'GET', path: '/api/opt-out/statistics' }),
    permitExtracts: (permitId) =>
      send({ method: 'GET', path: `/api/permits/${encodeURIComponent(permitId)}/extracts` }),
  };
}
