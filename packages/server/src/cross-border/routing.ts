import type { RequestedDataset } from '@openehds/core';

/**
 * Art. 67(3): an application naming datasets of several Member States is made once, at one HDAB,
 * and forwarded to the HDABs of the other countries, each deciding for the data in its country
 * (Art. 68(5)). This is the routing rule: which peers get a copy, and which datasets each copy names.
 * Only countries with a configured peer get a copy; the hub's own country is never a peer (refused
 * wherever peers are written), so its datasets stay here. A country with no peer is not forwarded:
 * the HDAB handles it by other means, and the case view shows no copy for it.
 */
export function forwardTargets(
  datasets: readonly RequestedDataset[],
  peerCountries: ReadonlySet<string>,
): Map<string, RequestedDataset[]> {
  const targets = new Map<string, RequestedDataset[]>();
  for (const d of datasets) {
    if (!peerCountries.has(d.country)) continue;
    const list = targets.get(d.country) ?? [];
    list.push(d);
    targets.set(d.country, list);
  }
  return targets;
}

/** Statuses after which a copy changes no more (EHDS.md §5). */
export const FINAL_STATUSES: ReadonlySet<string> = new Set(['DECISION_ISSUED', 'WITHDRAWN']);

/**
 * Whether a status report from a peer is newer than the one kept. Reports carry the peer's history
 * sequence number; deliveries of different messages may cross, so an older one arriving late is
 * ignored rather than moving the view backwards.
 */
export function isNewerReport(keptSeq: number, reportSeq: number): boolean {
  return reportSeq > keptSeq;
}
