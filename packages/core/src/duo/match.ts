/**
 * Matches a dataset's DUO data-use conditions against the use stated in an application (EHDS.md §16):
 * an aid for the HDAB's assessment (Art. 68(1)), never the decision itself. The primary permissions
 * are alternatives (the best one counts); every modifier must hold.
 */
import { invalid, type Issue } from '../errors/app-error';
import { checkModifier } from './modifiers';
import { checkPermission, PURPOSE_ARTICLE, type RuleResult } from './permissions';
import { resolveDuoCode } from './terms';
import type { DataUse, DataUseMatch, DuoCondition, DuoFinding, DuoTerm, FindingOutcome } from './types';

const RANK: Record<FindingOutcome, number> = { ok: 0, requires: 1, conflict: 2 };
const VERDICT = ['compatible', 'conditional', 'incompatible'] as const;

function assertInput(conditions: readonly DuoCondition[], use: DataUse): void {
  const issues: Issue[] = [];
  if (!use.purposes?.length)
    issues.push({ path: 'use.purposes', message: 'at least one Art. 53(1) purpose' });
  use.purposes?.forEach((p, i) => {
    if (!(p in PURPOSE_ARTICLE))
      issues.push({ path: `use.purposes[${i}]`, message: `${p} is not an Art. 53(1) purpose` });
  });
  conditions.forEach((c, i) => {
    if (!c.code?.trim()) issues.push({ path: `conditions[${i}].code`, message: 'a DUO id or shorthand' });
  });
  if (issues.length) throw invalid('cannot match data use', issues);
}

/**
 * Verdict and one finding per condition: `incompatible` if a modifier conflicts or every permission
 * does; `conditional` if something must be provided or confirmed; else `compatible`. Pass the parsed
 * `duo.csv` as `terms` to take labels from it.
 */
export function matchDataUse(
  conditions: readonly DuoCondition[],
  use: DataUse,
  terms?: readonly DuoTerm[],
): DataUseMatch {
  assertInput(conditions, use);
  const labels = new Map((terms ?? []).map((t) => [t.id, t.label]));
  const findings: DuoFinding[] = [];
  const permissions: FindingOutcome[] = [];
  const modifiers: FindingOutcome[] = [];
  const push = (code: string, id: string, label: string, r: RuleResult) => {
    findings.push({ code, id, label: labels.get(id) ?? label, outcome: r.outcome, message: r.message });
  };

  for (const cond of conditions) {
    const term = resolveDuoCode(cond.code);
    if (!term) {
      push(cond.code, cond.code, 'unknown term', {
        outcome: 'requires',
        message: `${cond.code} is not a DUO term we know; the HDAB reviews it by hand`,
      });
      modifiers.push('requires');
      continue;
    }
    const code = term.shorthand ?? term.id;
    if (term.role === 'class') {
      push(code, term.id, term.label, {
        outcome: 'requires',
        message: `${term.id} is an abstract DUO class, not a condition; ask the data holder for the actual term`,
      });
      modifiers.push('requires');
    } else if (term.role === 'permission') {
      const r = checkPermission(code, cond, use);
      push(code, term.id, term.label, r);
      permissions.push(r.outcome);
    } else {
      const r = checkModifier(code, cond, use);
      push(code, term.id, term.label, r);
      modifiers.push(r.outcome);
    }
  }

  if (!permissions.length) {
    const missing = {
      outcome: 'requires' as const,
      message:
        'no primary data use permission (NRES, GRU, HMB, DS, POA) is recorded; the HDAB assesses the purpose under Art. 53 alone',
    };
    findings.unshift({
      code: 'DUO:0000001',
      id: 'DUO:0000001',
      label: labels.get('DUO:0000001') ?? 'data use permission',
      ...missing,
    });
    permissions.push('requires');
  }
  // Permissions are alternatives (a dataset's consent may allow GRU or a named DS): the best one counts.
  const best = Math.min(...permissions.map((o) => RANK[o]));
  const rank = Math.max(best, ...modifiers.map((o) => RANK[o]));
  return { verdict: VERDICT[rank]!, findings };
}
