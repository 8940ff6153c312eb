import { compileCheck, type Join } from './templates';
import type { CheckDefinition } from './types';

/**
 * Batches the compiled checks so the whole suite costs one scan per table plus the few grouping queries:
 * every scan-mode check of a table becomes a pair of `count(*) FILTER (WHERE …)` aggregates in one SELECT.
 */

/** One statement of the plan and the checks whose counts it returns (`c<i>` checked, `f<i>` failed). */
export interface PlannedStatement {
  sql: string;
  outputs: { checkId: string; checked: string; failed: string }[];
}

interface ScanItem {
  id: string;
  checked: string;
  failed: string;
}

/** Plans the SQL for `checks` on the day `today` (YYYY-MM-DD). */
export function planChecks(checks: readonly CheckDefinition[], today: string): PlannedStatement[] {
  const scans = new Map<string, { joins: Map<string, Join>; items: ScanItem[] }>();
  const statements: PlannedStatement[] = [];
  for (const def of checks) {
    const spec = compileCheck(def, today);
    if (spec.mode === 'query') {
      statements.push({
        sql: spec.sql,
        outputs: [{ checkId: def.id, checked: 'rows_checked', failed: 'rows_failed' }],
      });
      continue;
    }
    const group = scans.get(spec.base) ?? { joins: new Map<string, Join>(), items: [] as ScanItem[] };
    for (const j of spec.joins) group.joins.set(j.alias, j);
    group.items.push({ id: def.id, checked: spec.checked, failed: spec.failed });
    scans.set(spec.base, group);
  }
  for (const [base, group] of scans) {
    const aggregates: string[] = [];
    const outputs: PlannedStatement['outputs'] = [];
    group.items.forEach((item, i) => {
      const checked = item.checked === 'TRUE' ? 'count(*)' : `count(*) FILTER (WHERE ${item.checked})`;
      const failedWhere = item.checked === 'TRUE' ? item.failed : `(${item.checked}) AND (${item.failed})`;
      aggregates.push(`${checked} AS c${i}`, `count(*) FILTER (WHERE ${failedWhere}) AS f${i}`);
      outputs.push({ checkId: item.id, checked: `c${i}`, failed: `f${i}` });
    });
    const joins = [...group.joins.values()].map((j) => j.sql).join('\n');
    statements.unshift({ sql: `SELECT ${aggregates.join(',\n  ')}\nFROM ${base} t\n${joins}`, outputs });
  }
  return statements;
}
