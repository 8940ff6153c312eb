import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIENCES, invalid, SdcPolicyOverride, zodIssues, type Issue, type SdcPolicy } from '@openehds/core';
import { effectivePolicy } from '@openehds/privacy';

/**
 * The disclosure-control policy a node applies: the HDAB's (sent inside the hub-signed task) with the
 * dataset's own override on top. The HDAB sets the rules (Art. 73(2); EHDS.md §11), so a data holder
 * may only make them stricter: an override that would loosen any rule is refused, naming each field.
 */

/** Where a node keeps its dataset's override (an `SdcPolicyOverride`), beside its store. */
export const NODE_SDC_POLICY_FILE = 'sdc-policy.json';

/** Reads the dataset's override from the node's data dir, or undefined when there is none. */
export function loadPolicyOverride(dataDir: string | undefined): SdcPolicyOverride | undefined {
  if (!dataDir) return undefined;
  const path = join(dataDir, NODE_SDC_POLICY_FILE);
  if (!existsSync(path)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw invalid(`${path} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = SdcPolicyOverride.safeParse(raw);
  if (!parsed.success) throw invalid(`${path} is not a disclosure-control override`, zodIssues(parsed.error));
  return parsed.data;
}

const ZERO_STRICTNESS = { release: 0, flag: 1, suppress: 2 } as const;

/** Every field where `tighter` is looser than `base` (empty when it only tightens or keeps). */
export function looserFields(base: SdcPolicy, tighter: SdcPolicy): Issue[] {
  const issues: Issue[] = [];
  const atLeast = (path: string, b: number, t: number) => {
    if (t < b) issues.push({ path, message: `${t} is below the HDAB's ${b}` });
  };
  const atMost = (path: string, b: number, t: number) => {
    if (t > b) issues.push({ path, message: `${t} is above the HDAB's ${b}` });
  };
  const keptOn = (path: string, b: boolean, t: boolean) => {
    if (b && !t) issues.push({ path, message: 'the HDAB turns this on; a dataset cannot turn it off' });
  };
  const keptOff = (path: string, b: boolean, t: boolean) => {
    if (!b && t) issues.push({ path, message: 'the HDAB does not allow this; a dataset cannot allow it' });
  };
  atLeast('threshold', base.threshold, tighter.threshold);
  if (ZERO_STRICTNESS[tighter.zeros] < ZERO_STRICTNESS[base.zeros])
    issues.push({ path: 'zeros', message: `${tighter.zeros} is looser than the HDAB's ${base.zeros}` });
  for (const a of AUDIENCES) {
    const b = base.audiences[a];
    const t = tighter.audiences[a];
    keptOff(`audiences.${a}.allowed`, b.allowed, t.allowed);
    atLeast(`audiences.${a}.minCount`, b.minCount, t.minCount);
    // Coarser rounding hides more; a base that is not a multiple of the HDAB's could reveal finer steps.
    if (t.roundTo % b.roundTo !== 0)
      issues.push({
        path: `audiences.${a}.roundTo`,
        message: `${t.roundTo} is not a multiple of the HDAB's ${b.roundTo}`,
      });
  }
  for (const rule of base.dominance.nk) {
    if (!tighter.dominance.nk.some((r) => r.n === rule.n && r.k <= rule.k))
      issues.push({
        path: 'dominance.nk',
        message: `the HDAB's (${rule.n}, ${rule.k}) rule must be kept (same n, k no higher)`,
      });
  }
  atLeast('dominance.pRatio', base.dominance.pRatio, tighter.dominance.pRatio);
  keptOn('secondary.enabled', base.secondary.enabled, tighter.secondary.enabled);
  atLeast('models.minResidualDof', base.models.minResidualDof, tighter.models.minResidualDof);
  atMost(
    'models.maxParamsPerObservation',
    base.models.maxParamsPerObservation,
    tighter.models.maxParamsPerObservation,
  );
  atLeast('models.minLevelCount', base.models.minLevelCount, tighter.models.minLevelCount);
  atLeast('models.minClassCount', base.models.minClassCount, tighter.models.minClassCount);
  atLeast('models.minSamplesLeaf', base.models.minSamplesLeaf, tighter.models.minSamplesLeaf);
  keptOn('cellKey.enabled', base.cellKey.enabled, tighter.cellKey.enabled);
  atLeast('cellKey.maxNoise', base.cellKey.maxNoise, tighter.cellKey.maxNoise);
  keptOn('dp.enabled', base.dp.enabled, tighter.dp.enabled);
  atMost('dp.epsilonPerCount', base.dp.epsilonPerCount, tighter.dp.epsilonPerCount);
  atMost('dp.epsilonPerStatistic', base.dp.epsilonPerStatistic, tighter.dp.epsilonPerStatistic);
  atMost('dp.deltaPerStatistic', base.dp.deltaPerStatistic, tighter.dp.deltaPerStatistic);
  atMost('dp.budget.epsilon', base.dp.budget.epsilon, tighter.dp.budget.epsilon);
  atMost('dp.budget.delta', base.dp.budget.delta, tighter.dp.budget.delta);
  keptOn('differencing.enabled', base.differencing.enabled, tighter.differencing.enabled);
  // Refusing is stricter than noising: a dataset may turn noise into refusal, not the other way.
  if (base.differencing.mode === 'refuse' && tighter.differencing.mode === 'noise')
    issues.push({
      path: 'differencing.mode',
      message: "the HDAB refuses; a dataset cannot switch to 'noise'",
    });
  atMost('repeats.maxRepeats', base.repeats.maxRepeats, tighter.repeats.maxRepeats);
  atLeast('repeats.windowDays', base.repeats.windowDays, tighter.repeats.windowDays);
  return issues;
}

/**
 * The policy in force at this node: `effectivePolicy(hub, override)`, refused (`invalid`, listing each
 * field) if the override would loosen the HDAB's policy anywhere.
 */
export function nodePolicy(hubPolicy: unknown, override?: SdcPolicyOverride): SdcPolicy {
  const hub = effectivePolicy(hubPolicy);
  if (!override) return hub;
  const merged = effectivePolicy(hub, override);
  const loose = looserFields(hub, merged);
  if (loose.length)
    throw invalid(
      `this node's disclosure-control override (${NODE_SDC_POLICY_FILE}) loosens the HDAB's policy; a dataset may only tighten it`,
      loose,
    );
  return merged;
}
