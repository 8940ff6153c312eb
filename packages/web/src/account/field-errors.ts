import { ApiError, normalisePath } from '@openehds/client';

/**
 * The messages of a hub problem for the fields of one form, keyed by the first segment of each issue's
 * path (`scopes.0` → `scopes`), so each message is shown beside its field and tied to it with
 * aria-describedby. Issues for other paths stay in the error box.
 */
export function fieldErrorsOf<F extends string>(
  error: unknown,
  fields: readonly F[],
): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  if (!(error instanceof ApiError)) return out;
  for (const issue of error.issues) {
    const head = normalisePath(issue.path).split('.')[0] as F;
    if (!fields.includes(head)) continue;
    out[head] = out[head] ? `${out[head]} ${issue.message}` : issue.message;
  }
  return out;
}
