/**
 * Every node's disclosure-control outcome of an analysis, in full (issue 4 §2, §4; SATRE 3.3.09: a
 * machine-readable record per release): per node its status, how many of its outputs were released,
 * its checks by outcome, and each check that suppressed, rounded, noised or refused something with the
 * output and the cell it applied to — so a blank in a pooled table is never unexplained. Pure.
 */
import type { AnalysisNodeSdc } from '@openehds/client';

/** One check that changed or stopped an output. */
export interface MarkedCheck {
  /** The output's label (`table sex × diabetes`, `describe mean age (diabetes=1)`). */
  output: string;
  rule: string;
  /** The cell or group it applied to (`r0:c1`, `group=female`, `$` for the whole output). */
  target: string;
  outcome: string;
  note: string | null;
}

/** One node's part. */
export interface NodeSdcDetail {
  node: string;
  status: AnalysisNodeSdc['status'];
  message: string | null;
  released: number;
  records: number;
  /** Checks by outcome over every record: passed, suppressed, rounded… */
  counts: [string, number][];
  marked: MarkedCheck[];
}

/** Outcomes worth showing one by one (passed and skipped checks are counted only). */
const MARKED = new Set(['suppressed', 'rounded', 'noised', 'refused', 'flagged']);

/** The nodes' records as the page lists them. */
export function sdcDetails(sdc: readonly AnalysisNodeSdc[] | undefined): NodeSdcDetail[] {
  return (sdc ?? []).map((n) => {
    const counts = new Map<string, number>();
    const marked: MarkedCheck[] = [];
    for (const r of n.records)
      for (const rule of r.rules) {
        counts.set(rule.outcome, (counts.get(rule.outcome) ?? 0) + 1);
        if (MARKED.has(rule.outcome))
          marked.push({
            output: r.label ?? r.kind,
            rule: rule.rule,
            target: rule.target,
            outcome: rule.outcome,
            note: rule.note ?? null,
          });
      }
    return {
      node: n.nodeName || n.nodeId,
      status: n.status,
      message: n.message,
      released: n.records.filter((r) => r.outcome === 'released').length,
      records: n.records.length,
      counts: [...counts],
      marked,
    };
  });
}

/** How many nodes released their part. */
export function nodesPassed(details: readonly NodeSdcDetail[]): number {
  return details.filter((d) => d.status === 'ok').length;
}
