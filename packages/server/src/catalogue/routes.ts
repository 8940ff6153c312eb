import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '@openehds/db';
import { AppError } from '@openehds/core';
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
  registerNodeMessageHandler('dataset.publish', (db, node, body) =>
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
    const format = rdfFormat(request);
    const quads = catalogueToRdf(await catalogueDescription(db, config));
    return sendRdf(reply, format, await serialise(quads, format));
  });

  app.get('/catalogue/datasets/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    if (wantsHtml(request)) return reply.redirect(`/catalogue/${encodeURIComponent(id)}`, 303);
    const format = rdfFormat(request);
    const d = await getDataset(db, id);
    return sendRdf(reply, format, await serialise(datasetToRdf(d.description), format));
  });
}

function wantsHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  const query = request.query as { format?: string };
  return !query.format && accept.includes('text/html');
}

function rdfFormat(request: FastifyRequest): (typeof FORMATS)[number] {
  const query = request.query as { format?: string };
  const requested: CatalogueFormat | null = query.format
    ? (FORMATS as readonly string[]).includes(query.format)
      ? (query.format as CatalogueFormat)
      : null
    : negotiate(request.headers.accept);
  const format = requested === 'json' ? 'jsonld' : requested;
  if (!format) {
    throw new AppError(
      'invalid',
      `cannot serve that format; ask for one of ${FORMATS.map((f) => MEDIA_TYPES[f]).join(', ')}`,
    );
  }
  return format;
}

function sendRdf(reply: FastifyReply, format: (typeof FORMATS)[number], body: string): FastifyReply {
  return reply.header('vary', 'accept').type(`${MEDIA_TYPES[format]}; charset=utf-8`).send(body);
}
