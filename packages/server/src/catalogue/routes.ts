import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '@openehds/db';
import { invalid, notAcceptable } from '@openehds/core';
import {
  catalogueToRdf,
  datasetToRdf,
  MEDIA_TYPES,
  negotiate,
  serialise,
  type CatalogueFormat,
} from '@openehds/standards';
import type { HubConfig } from '../config';
import { validate } from '../http/validate';
import { registerNodeMessageHandler } from '../federation';
import { catalogueDescription, getDataset, publishDataset, searchDatasets } from './service';
import { parseSubmission } from './submission';

const list = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
  .optional();

const SearchQuery = z.object({
  q: z.string().max(200).optional(),
  healthCategory: list,
  country: list,
  codingSystem: list,
  accessRights: list,
  dataUse: list,
  minStars: z.coerce.number().int().min(0).max(5).optional(),
  minIndividuals: z.coerce.number().int().min(0).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

const FORMATS = ['turtle', 'jsonld', 'rdfxml'] as const;

/**
 * The catalogue: a paged, faceted JSON API for the UI, and HealthDCAT-AP (on DCAT-AP 3) at stable URLs
 * by content negotiation — Turtle, JSON-LD, RDF/XML (`?format=` overrides `Accept`). Discovery is free
 * and public (TEHDAS2 M4.1.1: no charge for metadata, catalogue or labels).
 */
export function catalogueRoutes(
  app: FastifyInstance,
  deps: { db: Db; idleMinutes: number; config: HubConfig },
): void {
  const { db, config } = deps;

  // A node publishes its dataset description with a signed message; the data stays at the node.
  registerNodeMessageHandler('dataset.publish', (db, node, body, { config }) =>
    publishDataset(db, config, { id: node.id, organisationId: node.organisationId }, parseSubmission(body)),
  );

  app.get('/api/datasets', async (request) =>
    searchDatasets(db, validate(SearchQuery, request.query, 'search')),
  );

  app.get('/api/datasets/:id', async (request) => {
    const d = await getDataset(db, (request.params as { id: string }).id);
    return {
      id: d.id,
      description: d.description,
      statistics: d.statistics,
      quality: d.quality,
      node: d.node,
      publishedAt: d.publishedAt,
      summary: d.summary,
    };
  });

  app.get('/catalogue', async (request, reply) => {
    if (wantsHtml(request) && config.webDir) return reply.sendFile('index.html');
    const format = rdfFormat(request, reply);
    const quads = catalogueToRdf(await catalogueDescription(db, config));
    return sendRdf(reply, format, await serialise(quads, format));
  });

  app.get('/catalogue/datasets/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    if (wantsHtml(request))
      return reply.header('vary', 'accept').redirect(`/catalogue/${encodeURIComponent(id)}`, 303);
    const format = rdfFormat(request, reply);
    const d = await getDataset(db, id);
    return sendRdf(reply, format, await serialise(datasetToRdf(d.description), format));
  });
}

function wantsHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  const query = request.query as { format?: string };
  return !query.format && accept.includes('text/html');
}

function rdfFormat(request: FastifyRequest, reply: FastifyReply): (typeof FORMATS)[number] {
  // The answer depends on Accept even when it is an error, so caches must key on it.
  reply.header('vary', 'accept');
  const query = request.query as { format?: string };
  const offer = FORMATS.map((f) => `${f} (${MEDIA_TYPES[f]})`).join(', ');
  if (query.format) {
    if ((FORMATS as readonly string[]).includes(query.format))
      return query.format as (typeof FORMATS)[number];
    throw invalid(`unknown format ${JSON.stringify(query.format)}; use ?format= one of ${offer}`, [
      { path: 'format', message: `one of ${FORMATS.join(', ')}` },
    ]);
  }
  const requested: CatalogueFormat | null = negotiate(request.headers.accept);
  const format = requested === 'json' ? 'jsonld' : requested;
  if (!format) {
    // RFC 9110 §15.5.7: nothing the client accepts can be served.
    throw notAcceptable(
      `cannot serve any type in Accept: ${request.headers.accept}; ask for one of ${offer}, or add ?format=`,
      [{ path: 'accept', message: `accept one of ${FORMATS.map((f) => MEDIA_TYPES[f]).join(', ')}` }],
    );
  }
  return format;
}

function sendRdf(reply: FastifyReply, format: (typeof FORMATS)[number], body: string): FastifyReply {
  return reply.type(`${MEDIA_TYPES[format]}; charset=utf-8`).send(body);
}
