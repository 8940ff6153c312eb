import { invalid, type Issue } from '@openehds/core';

// Keys a request body must never carry: they would let the client choose or cancel the noise
// (EHDS.md §11: no client-supplied vectors or seeds; DataSHIELD dsBase #250).
const FORBIDDEN =
  /^(seed|rng|random|randomness|noise|noiseVector|cellKey|cellKeySecret|epsilon|delta|budget|policy)$/i;

/**
 * Refuses a request body (any depth) that tries to supply randomness, noise or disclosure settings;
 * call it on analysis requests before building the ReleaseContext.
 */
export function rejectClientRandomness(body: unknown): void {
  const issues: Issue[] = [];
  const walk = (v: unknown, path: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        const p = path ? `${path}.${k}` : k;
        if (FORBIDDEN.test(k))
          issues.push({
            path: p,
            message: 'noise, seeds and disclosure settings are set by the HDAB, not the request',
          });
        walk(x, p);
      }
  };
  walk(body, '');
  if (issues.length)
    throw invalid('remove the fields that try to set randomness or disclosure control', issues);
}
