import { zodIssues } from '../config/parse-config';
import { invalid } from '../errors/app-error';
import { SdcPolicy, SdcPolicyOverride } from './policy';

/**
 * The effective policy for a dataset: its HDAB's policy with the dataset's overrides laid on top
 * (`{hdab} ⊕ {dataset}`). Objects merge field by field; arrays (the (n,k) rules) are replaced whole,
 * so a dataset can drop a rule as well as add one. Both inputs are HDAB-set policy data (EHDS.md §11:
 * thresholds are per-HDAB policy data), so an override may loosen as well as tighten; the result's
 * id and version name both parts so every SDC record shows which dataset rules were in force.
 */
export function mergeSdcPolicy(hdab: unknown, dataset?: unknown): SdcPolicy {
  const base = SdcPolicy.safeParse(hdab);
  if (!base.success) throw invalid('invalid HDAB disclosure-control policy', zodIssues(base.error));
  if (dataset === undefined || dataset === null) return base.data;
  const over = SdcPolicyOverride.safeParse(dataset);
  if (!over.success) throw invalid('invalid dataset disclosure-control override', zodIssues(over.error));
  const { id, version, ...changes } = over.data;
  const merged = deepMerge(base.data, changes) as Record<string, unknown>;
  merged.id = `${base.data.id}/${id}`;
  merged.version = `${base.data.version}/${version}`;
  const result = SdcPolicy.safeParse(merged);
  if (!result.success)
    throw invalid('the merged disclosure-control policy is invalid', zodIssues(result.error));
  return result.data;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function deepMerge(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = deepMerge(base[k], v);
  return out;
}
