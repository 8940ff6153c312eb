import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { AppError, invalid, registerProblemHandler } from '@openehds/core';
import { authenticate, type LocalAuth, type LocalCaller } from './auth';
import { reportUploadAs } from './upload-report';
import type { NodeServices } from './services';
import { isBeaconPath, registerBeaconRoutes, type BeaconRouteDeps } from '../beacon/routes';

declare module 'fastify' {
  interface FastifyRequest {
    caller?: LocalCaller;
  }
}

/**
 * The node's local API for its data holder: upload and ingest files, the quality label, the dataset
 * description and its publication. It is reached from the holder's own network (the browser, the CLI);
 * the hub never calls it — the node pulls from the hub instead.
 */
export async function createNodeApi(options: {
  services: NodeServices;
  auth: LocalAuth;
  allowedOrigins: string[];
  uploadDir: string;
  health: () => Promise<Record<string, unknown>>;
  /** The public GA4GH Beacon under /api/beacon (its own caller rules, beacon/auth-to-access.ts). */
  beacon?: BeaconRouteDeps;
}): Promise<FastifyInstance> {
  const { services, auth, allowedOrigins, uploadDir } = options;
  const app = Fastify({
    logger: { level: process.env.EHDS_LOG_LEVEL ?? 'warn', redact: ['req.headers.authorization'] },
    bodyLimit: 4 * 1024 ** 3,
  });
  // Uploads are streamed to disk as they arrive, never buffered whole.
  app.addContentTypeParser('application/octet-stream', (_req, payload, done) => done(null, payload));
  app.addContentTypeParser('application/gzip', (_req, payload, done) => done(null, payload));

  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (origin && allowedOrigins.includes(origin)) {
      reply.header('access-control-allow-origin', origin);
      reply.header('vary', 'origin');
      reply.header('access-control-allow-headers', 'authorization, content-type, x-requested-with');
      reply.header('access-control-allow-methods', 'GET, POST, PUT, OPTIONS');
      reply.header('access-control-max-age', '600');
    }
    if (request.method === 'OPTIONS') return reply.status(204).send();
    if (request.url.split('?')[0] === '/health' || isBeaconPath(request.url)) return;
    request.caller = authenticate(request, auth);
  });
  registerProblemHandler(app, {
    413: 'the upload is larger than this node accepts',
    415: 'send the file as the request body with Content-Type: application/octet-stream (or application/gzip)',
  });

  app.get('/health', async (_request, reply) => {
    const body = await options.health();
    reply.status(body.status === 'up' ? 200 : 503);
    return body;
  });

  app.post('/api/ingest', async (request) => {
    const name = basename(String((request.query as { filename?: string }).filename ?? ''));
    if (!name)
      throw invalid('name the uploaded file', [{ path: 'filename', message: 'required query parameter' }]);
    if (!request.body || typeof (request.body as NodeJS.ReadableStream).pipe !== 'function') {
      throw invalid('send the file as the request body with Content-Type: application/octet-stream');
    }
    const dir = join(uploadDir, randomUUID());
    await mkdir(dir, { recursive: true });
    const path = join(dir, name);
    try {
      await pipeline(request.body as NodeJS.ReadableStream, createWriteStream(path));
      // The holder knows the file by the name they uploaded, not by the node's temporary path.
      return reportUploadAs(await services.ingestFiles([path], request.caller!.subject), dir);
    } catch (err) {
      throw withoutUploadDir(err, dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  app.get('/api/ingest/batches', async () => ({ batches: await services.listBatches() }));
  app.get('/api/quality', async () => services.quality());
  app.post('/api/quality/run', async () => services.runQuality());
  app.get('/api/dataset', async () => services.dataset());
  app.put('/api/dataset', async (request) => services.saveDraft(request.body));
  app.post('/api/dataset/publish', async (request) => services.publish(request.caller!.subject));
  if (options.beacon) await registerBeaconRoutes(app, options.beacon);
  return app;
}

// An error about an upload names the file as the holder knows it, never the node's temporary path.
function withoutUploadDir(err: unknown, dir: string): unknown {
  if (!(err instanceof AppError)) return err;
  const strip = (text: string) => text.split(`${dir}/`).join('');
  return new AppError(
    err.kind,
    strip(err.message),
    err.issues.map((i) => ({ ...i, message: strip(i.message), ...(i.file ? { file: strip(i.file) } : {}) })),
  );
}
