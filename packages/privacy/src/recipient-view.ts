import type { SdcRecord, SdcRule } from '@openehds/core';

// Which primary rule hid a cell says how small it is (a zero, 1..k−1, a dominated sum), and a
// complementary suppression says the cell is NOT small; the HDAB sees these, the recipient must not.
const HIDING_RULES: ReadonlySet<SdcRule> = new Set([
  'zeros',
  'threshold',
  'dominance-nk',
  'p-ratio',
  'secondary',
]);

/**
 * The record as the data user may see it: every suppression reads `suppression / suppressed`, and
 * per-cell "passed" entries of the hiding rules are dropped (their presence beside a suppression would
 * tell which rule hid the cell). The policy hash, output hash, rounding and noise notes stay.
 */
export function recipientView(record: SdcRecord): SdcRecord {
  const suppressed = new Set<string>();
  const rules = record.rules.flatMap((r) => {
    if (!HIDING_RULES.has(r.rule) || r.target === '$') return [r];
    if (r.outcome !== 'suppressed' || suppressed.has(r.target)) return [];
    suppressed.add(r.target);
    return [{ rule: 'suppression' as const, target: r.target, outcome: 'suppressed' as const, params: {} }];
  });
  const visible = rules.filter((r) => !(r.rule === 'secondary' && r.target === '$'));
  return { ...record, rules: visible };
}
