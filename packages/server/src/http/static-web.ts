import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

/** Serves the built web UI; unknown non-API paths get index.html so client-side routes work on reload. */
export async function staticWeb(app: FastifyInstance, dir: string): Promise<void> {
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`web UI not built in ${dir}: run npm run build`);
  await app.register(fastifyStatic, { root: dir, wildcard: false });
  app.get('/*', (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    // API paths never fall back to the UI; `/catalogue` and `/catalogue/datasets/:id` have their own
    // routes (RDF by content negotiation), so `/catalogue/<id>` here is the UI's dataset page.
    if (path.startsWith('/api/')) return reply.callNotFound();
    // A file (it has an extension) is read from disk now, so a rebuilt UI is served without a
    // restart; a missing one is a 404, never index.html.
    if (/\.[a-z0-9]+$/i.test(path)) return reply.sendFile(decodeURIComponent(path.slice(1)));
    return reply.sendFile('index.html');
  });
}
