/**
 * How the register of feasibility queries reads (issue 4 §2): a cohort definition summarised in one
 * line, and each node's release with its disclosure-control outcome. The stored cohort is read
 * defensively — it is what was asked, kept as JSON. Pure, no React.
 */
import type { NodeFeasibility } from '@openehds/client';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {};
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** One criterion in a few words: `condition ICD10 E11*`, `age 18–80`, `sex female`. */
export function criterionSummary(c: unknown): string {
  const o = obj(c);
  const type = typeof o.type === 'string' ? o.type : '?';
  const codes = obj(o.codes);
  if (Array.isArray(codes.codes)) {
    const list = codes.codes.slice(0, 3).map(String).join(', ') + (codes.codes.length > 3 ? ', …' : '');
    return `${type} ${String(codes.vocabulary ?? '')} ${list}${codes.descendants ? '*' : ''}`.replace(
      /\s+/g,
      ' ',
    );
  }
  if (type === 'age') return `age ${o.min ?? ''}–${o.max ?? ''}`;
  if (type === 'sex') return `sex ${arr(o.values).join('/')}`;
  if (type === 'phenotype')
    return `phenotype ${arr(o.terms).slice(0, 3).join(', ')}${o.status === 'excluded' ? ' (excluded)' : ''}`;
  if (type === 'variant') return `variant ${o.gene ?? `${o.chrom ?? ''}:${o.pos ?? ''}`}`;
  return type;
}

/** A cohort definition in one line: its name, index event, inclusion and exclusion groups. */
export function cohortSummary(cohort: unknown): string {
  const d = obj(cohort);
  const parts: string[] = [];
  if (typeof d.name === 'string' && d.name.trim()) parts.push(`“${d.name.trim()}”`);
  const index = obj(obj(d.index).event);
  if (Object.keys(index).length) parts.push(`index: ${criterionSummary(index)}`);
  for (const side of ['inclusion', 'exclusion'] as const) {
    const groups = arr(d[side]).map(obj);
    if (!groups.length) continue;
    const text = groups
      .map((g) => {
        const criteria = arr(g.criteria).map(criterionSummary);
        return criteria.join(g.match === 'any' ? ' or ' : ' and ');
      })
      .join('; ');
    parts.push(`${side === 'inclusion' ? 'with' : 'without'} ${text}`);
  }
  return parts.length ? parts.join(' · ') : 'everyone';
}

/** A node's part: what it released (or why nothing) and its disclosure-control record's outcome. */
export interface NodeRelease {
  node: string;
  /** The released count as text: the number, "suppressed", or the status when it did not answer. */
  released: string;
  status: NodeFeasibility['status'];
  /** The record's outcome ('released' | 'refused'), or null when there is no record. */
  outcome: string | null;
  /** The rules that changed or stopped the count: `threshold suppressed`, `rounding rounded`… */
  marked: string[];
  message: string | null;
}

/** Each node of a query, as the register lists it. */
export function nodeReleases(nodes: readonly NodeFeasibility[]): NodeRelease[] {
  return nodes.map((n) => ({
    node: n.nodeName || n.nodeId,
    released:
      n.status !== 'ok' ? n.status : n.suppressed || n.value === null ? 'suppressed' : String(n.value),
    status: n.status,
    outcome: n.record?.outcome ?? null,
    marked: (n.record?.rules ?? [])
      .filter((r) => !['passed', 'skipped'].includes(r.outcome))
      .map((r) => `${r.rule} ${r.outcome}`),
    message: n.message ?? null,
  }));
}
