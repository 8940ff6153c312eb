import type { FastifyInstance } from 'fastify';

/**
 * Lists an app's routes as `METHOD /path` from `printRoutes` (the hub's routes are registered inside
 * `createApp`, before a test could add an `onRoute` hook). Each tree line is a path segment below its
 * parent, with its methods in parentheses. Used by the access matrix and the fuzz test, so both cover
 * every route, including routes added later.
 */
export function listRoutes(app: FastifyInstance): string[] {
  const routes: string[] = [];
  const parents: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const at = line.indexOf('── ');
    if (at < 0) continue;
    const depth = Math.round(at / 4);
    const m = /^(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line.slice(at + 3))!;
    const path = (parents[depth - 1] ?? '') + m[1]!;
    parents[depth] = path;
    parents.length = depth + 1;
    for (const method of m[2]?.split(', ') ?? []) routes.push(`${method} ${path}`);
  }
  return routes;
}
