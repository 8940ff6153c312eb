/**
 * A refused search, shown where it belongs (issue 5 "Bad input"; WCAG 3.3.1): the Beacon names each
 * parameter at fault (`start`, `query.requestParameters.start`, `query.filters[1]`), and each goes
 * beside the form field it came from; a spent query budget (429, issue 5 §3) gets its own plain
 * message. Pure.
 */
import { ApiError, type BeaconFilterJson } from '@openehds/client';
import type { SearchField } from './search-request';
import { SEX_TERMS } from './search-request';

const VARIANT_PARAMETERS = new Set([
  'referenceName',
  'start',
  'end',
  'referenceBases',
  'alternateBases',
  'variantType',
  'geneId',
  'geneid',
  'variantMinLength',
  'variantMaxLength',
]);
const SEX_IDS = new Set<string>(Object.values(SEX_TERMS));

/** True for the 429 of a spent per-user query budget. */
export function isBudgetExhausted(err: unknown): err is ApiError {
  return err instanceof ApiError && err.status === 429;
}

/** The bare parameter name: `query.requestParameters.start` → `start`, `query.filters[1]` → `filters[1]`. */
export function bareParameter(parameter: string): string {
  return parameter.replace(/^query\.requestParameters\./, '').replace(/^query\./, '');
}

/** The form field a Beacon parameter belongs to, given the filters that were sent; null if none. */
export function fieldOfParameter(
  parameter: string,
  filters: readonly BeaconFilterJson[],
): SearchField | null {
  const bare = bareParameter(parameter);
  const name = bare.split(/[.[]/)[0]!;
  if (VARIANT_PARAMETERS.has(name)) return 'variant';
  if (name === 'assemblyId') return 'assembly';
  if (name === 'filters') {
    const index = /^filters\[(\d+)\]/.exec(bare)?.[1];
    const filter = index === undefined ? undefined : filters[Number(index)];
    return filter && SEX_IDS.has(filter.id) ? 'sex' : 'phenotypes';
  }
  return null;
}

/**
 * The Beacon's problems by field (`Beacon parameter start: …`), and those that fit no field. An
 * error that names no parameter is not sorted here (the page shows it whole).
 */
export function beaconFieldIssues(
  err: unknown,
  filters: readonly BeaconFilterJson[],
): { byField: Partial<Record<SearchField, string[]>>; other: string[] } {
  const byField: Partial<Record<SearchField, string[]>> = {};
  const other: string[] = [];
  if (!(err instanceof ApiError)) return { byField, other };
  for (const issue of err.issues) {
    const parameter = issue.path ?? '';
    const field = parameter ? fieldOfParameter(parameter, filters) : null;
    const text = parameter ? `${bareParameter(parameter)}: ${issue.message}` : issue.message;
    if (field) (byField[field] ??= []).push(text);
    else other.push(text);
  }
  return { byField, other };
}
