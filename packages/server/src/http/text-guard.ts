import type { FastifyInstance, FastifyRequest } from 'fastify';
import { invalid, type Issue } from '@openehds/core';

/**
 * Refuses text containing U+0000 (NUL) anywhere in a request's path parameters, query or JSON body,
 * naming each field. PostgreSQL cannot store NUL in TEXT or JSONB, so such a value can never be valid
 * input, yet reaching a query it fails there as an internal error (found by fuzz.test.ts:
 * `GET /api/permits/%00`). Checked once at the edge, so routes added later are covered too.
 */

const MAX_ISSUES = 20;

/** A place in the value: its parent and its own segment; the path is spelled out only for a hit. */
interface Place {
  parent: Place | null;
  segment: string;
}

const spell = (place: Place): string => {
  const parts: string[] = [];
  for (let p: Place | null = place; p; p = p.parent) parts.push(p.segment);
  const path = parts.reverse().join('').split('\u0000').join('\\u0000');
  return path.length > 200 ? `${path.slice(0, 60)}…${path.slice(-120)}` : path;
};

/** Paths (`body.content.title`, `params.id`) of every string or key that contains U+0000 (as `\u0000`). */
export function nulPaths(value: unknown, root: string): string[] {
  const found: string[] = [];
  // Iterative and linear: a body nested thousands of levels deep neither overflows the stack nor
  // costs a path string per level.
  const stack: [unknown, Place][] = [[value, { parent: null, segment: root }]];
  while (stack.length && found.length < MAX_ISSUES) {
    const [v, place] = stack.pop()!;
    if (place.segment.includes('\u0000') || (typeof v === 'string' && v.includes('\u0000'))) {
      found.push(spell(place));
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], { parent: place, segment: `[${i}]` }]);
    } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
      for (const [k, child] of Object.entries(v as Record<string, unknown>).reverse()) {
        stack.push([child, { parent: place, segment: `.${k}` }]);
      }
    }
  }
  return found;
}

/** Adds the check to every route registered after it (call it on the root instance before any route). */
export function registerTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request: FastifyRequest) => {
    const paths = [
      ...nulPaths(request.params, 'params'),
      ...nulPaths(request.query, 'query'),
      ...nulPaths(request.body, 'body'),
    ];
    if (!paths.length) return;
    const issues: Issue[] = paths.map((path) => ({
      path,
      message: 'contains the NUL character (U+0000), which text cannot hold; remove it',
    }));
    throw invalid('the request contains the NUL character (U+0000)', issues);
  });
}
