import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '@openehds/db';
import {
  AppError,
  beaconErrorResponse,
  beaconInfoResponse,
  beaconResultResponse,
  cohortsResponse,
  configurationResponse,
  datasetsResponse,
  entryTypesResponse,
  filteringTermsResponse,
  mapResponse,
  parseGetRequest,
  parsePostRequest,
  requestErrorResponse,
  serviceInfo,
  type BeaconDatasetInput,
  type BeaconDescription,
  type BeaconEntryType,
  type ParsedBeaconRequest,
} from '@openehds/core';
import { hashJson } from '@openehds/privacy';
import type { HubConfig } from '../config';
import { recordAudit } from '../audit/service';
import { hdabSdcPolicy } from '../spe/policy';
import { budgetExhaustedMessage, spendBeaconBudget } from './budget';
import { resolveCaller, type BeaconCaller } from './caller';
import { askBeaconNetwork, beaconTargets, type NodeOutcome } from './network';
import { NetworkTerms } from './terms';

/**
 * The hub's GA4GH Beacon v2 network under `/api/beacon` (issue 5 §2-3): the informational endpoints,
 * `/datasets` from the hub catalogue, `/cohorts`, and `/g_variants`, `/individuals`, `/biosamples`
 * (GET and POST) fanned out to every node, each node's answer one result set. Public, like the
 * feasibility counts (discovery is free, TEHDAS2 M4.1.1), with optional sign-in deciding the
 * granularity (caller.ts), rate-limited per client like the other public endpoints and with a
 * per-caller query budget (budget.ts). Errors use Beacon's error model (`errorCode` = HTTP status),
 * not problem+json, so Beacon clients and other networks can read them.
 */

export const HUB_BEACON_ROOT = '/api/beacon';

const QUERY_ENTRIES: [string, BeaconEntryType][] = [
  ['/g_variants', 'genomicVariant'],
  ['/individuals', 'individual'],
  ['/biosamples', 'biosample'],
];

export interface HubBeaconDeps {
  db: Db;
  idleMinutes: number;
  config: HubConfig;
  /** Silence after which a node is offline and not asked (default network.ts BEACON_OFFLINE_AFTER_MS). */
  offlineAfterMs?: number;
  /** Clock (tests). */
  now?: () => Date;
}

/** Who the hub's Beacon is: the HDAB's network of its nodes. */
export function hubBeaconDescription(config: HubConfig, rootUrl: string): BeaconDescription {
  const host = new URL(config.publicUrl).hostname;
  const reversed =
    /^[a-z0-9.-]+$/i.test(host) && /[a-z]/i.test(host) ? host.split('.').reverse().join('.') : null;
  return {
    id:
      reversed && host !== 'localhost'
        ? `${reversed}.beacon`
        : `eu.openehds.hub.${config.hdab.country.toLowerCase()}`,
    name: `${config.hdab.name} Beacon network`,
    description:
      'GA4GH Beacon v2 network of the data holders connected to this Health Data Access Body: each node answers for its published dataset, at the granularity the caller may see.',
    environment: config.seedDemo ? 'test' : 'prod',
    version: '0.1.0',
    organization: {
      id: config.hdab.country.toLowerCase() + '-hdab',
      name: config.hdab.name,
      welcomeUrl: config.hdab.url,
      contactUrl: `mailto:${config.hdab.email}`,
    },
    rootUrl,
  };
}

/** Registers the hub's Beacon routes (one encapsulated plugin with its own error handler). */
export async function beaconRoutes(app: FastifyInstance, deps: HubBeaconDeps): Promise<void> {
  const { db, config } = deps;
  const terms = new NetworkTerms(db, {
    cacheSeconds: config.beacon.termsCacheSeconds,
    timeoutMs: Math.min(config.beacon.timeoutMs, 5_000),
    ...(deps.offlineAfterMs !== undefined ? { offlineAfterMs: deps.offlineAfterMs } : {}),
  });
  const rootUrl = `${config.publicUrl.replace(/\/+$/, '')}${HUB_BEACON_ROOT}`;
  const description = hubBeaconDescription(config, rootUrl);
  const beaconId = description.id;

  await app.register(
    async (beacon) => {
      const fail = (
        reply: FastifyReply,
        status: number,
        message: string,
        extra: { parsed?: ParsedBeaconRequest; errors?: { parameter: string; message: string }[] } = {},
      ) =>
        reply.status(status).send(
          beaconErrorResponse({
            beaconId,
            status,
            message,
            ...(extra.errors?.length ? { errors: extra.errors } : {}),
            ...(extra.parsed ? { query: extra.parsed.query, received: extra.parsed.received } : {}),
          }),
        );

      beacon.setErrorHandler((err: Error & { statusCode?: number }, _request, reply) => {
        // Sign-in, rate-limit (429 with Retry-After) and body-parsing errors, in Beacon's model.
        const status = err instanceof AppError ? err.status : (err.statusCode ?? 500);
        if (status >= 500) beacon.log.error(err);
        const issues = err instanceof AppError ? err.issues : [];
        return fail(reply, status, status >= 500 ? 'the Beacon network failed to answer' : err.message, {
          errors: issues.map((i) => ({ parameter: i.path ?? '(request)', message: i.message })),
        });
      });
      beacon.setNotFoundHandler((request, reply) =>
        fail(
          reply,
          404,
          `no Beacon endpoint ${request.method} ${request.url.split('?')[0]}; GET ${HUB_BEACON_ROOT}/map lists them`,
        ),
      );

      const both = (path: string, handler: (request: FastifyRequest, reply: FastifyReply) => unknown) => {
        beacon.get(path, async (request, reply) => handler(request, reply));
        beacon.post(path, async (request, reply) => handler(request, reply));
      };
      both('/', () => beaconInfoResponse(description));
      both('/info', () => beaconInfoResponse(description));
      both('/service-info', () => serviceInfo(description));
      both('/map', () => networkMap(beaconId, rootUrl));
      both('/configuration', () => configurationResponse(beaconId, description.environment));
      both('/entry_types', () => entryTypesResponse(beaconId));
      both('/filtering_terms', async () => filteringTermsResponse(beaconId, (await terms.union()).terms));

      const parse = (request: FastifyRequest, options: Parameters<typeof parseGetRequest>[1]) =>
        request.method === 'GET'
          ? parseGetRequest(request.query as Record<string, unknown>, options)
          : parsePostRequest(request.body ?? {}, options);

      // Collections: public catalogue metadata (Art. 77), shown to everyone, no budget.
      both('/datasets', async (request, reply) => {
        const parsed = parse(request, { entryType: 'dataset' });
        if (parsed.errors.length) return reply.status(400).send(requestErrorResponse(beaconId, parsed));
        return datasetsResponse(beaconId, parsed.query, await publishedDatasets(db), parsed.received);
      });
      both('/cohorts', async (request, reply) => {
        const parsed = parse(request, { entryType: 'cohort' });
        if (parsed.errors.length) return reply.status(400).send(requestErrorResponse(beaconId, parsed));
        // No node defines cohorts yet; the list is empty rather than the endpoint missing.
        return cohortsResponse(beaconId, parsed.query, [], parsed.received);
      });

      for (const [path, entryType] of QUERY_ENTRIES) {
        const handler = (request: FastifyRequest, reply: FastifyReply) =>
          answer(request, reply, entryType, { ...deps, terms, beaconId, fail, parse });
        both(path, handler);
        // Individuals and biosamples by id are not served by the network: their ids are pseudonyms of
        // one permit at one node, so they are looked up at that node's Beacon with the permit's visa.
        if (entryType === 'genomicVariant') both(`${path}/:id`, handler);
      }
    },
    { prefix: HUB_BEACON_ROOT },
  );
}

/** The core map without the by-id endpoints the network does not serve (individuals, biosamples). */
function networkMap(beaconId: string, rootUrl: string) {
  const map = mapResponse(beaconId, rootUrl);
  const endpointSets = Object.fromEntries(
    Object.entries(map.response.endpointSets).map(([id, set]) => {
      if (id === 'genomicVariant' || !('singleEntryUrl' in set)) return [id, set];
      const { singleEntryUrl: _dropped, ...rest } = set as typeof set & { singleEntryUrl?: string };
      return [id, rest];
    }),
  );
  return { ...map, response: { ...map.response, endpointSets } };
}

/** The published datasets of approved nodes, as the catalogue describes them, with their node. */
async function publishedDatasets(db: Db): Promise<BeaconDatasetInput[]> {
  const rows = await db.query<{
    id: string;
    description: Record<string, unknown> | null;
    published_at: Date | string | null;
    updated_at: Date | string | null;
    node_id: string;
    node_name: string;
    country: string;
  }>(
    `SELECT d.id, d.description, d.published_at, d.updated_at, n.id AS node_id, n.name AS node_name, n.country
     FROM dataset d JOIN node n ON n.id = d.node_id
     WHERE d.status = 'PUBLISHED' AND n.status = 'APPROVED' ORDER BY d.id`,
  );
  const iso = (v: Date | string | null) => (v ? new Date(v).toISOString() : undefined);
  return rows.map((r) => {
    const d = r.description ?? {};
    const title = (d.title ?? {}) as Record<string, string>;
    const text = (d.description ?? {}) as Record<string, string>;
    const created = iso(r.published_at);
    const updated = iso(r.updated_at);
    return {
      id: r.id,
      name: title.en ?? Object.values(title)[0] ?? r.id,
      ...((text.en ?? Object.values(text)[0]) ? { description: text.en ?? Object.values(text)[0] } : {}),
      ...(typeof d.landingPage === 'string' ? { externalUrl: d.landingPage } : {}),
      ...(created ? { createDateTime: created } : {}),
      ...(updated ? { updateDateTime: updated } : {}),
      info: { node: { id: r.node_id, name: r.node_name, country: r.country.trim() } },
    } as BeaconDatasetInput;
  });
}

type AnswerDeps = HubBeaconDeps & {
  terms: NetworkTerms;
  beaconId: string;
  fail: (
    reply: FastifyReply,
    status: number,
    message: string,
    extra?: { parsed?: ParsedBeaconRequest; errors?: { parameter: string; message: string }[] },
  ) => FastifyReply;
  parse: (request: FastifyRequest, options: Parameters<typeof parseGetRequest>[1]) => ParsedBeaconRequest;
};

/** One query: caller → parse → budget → fan-out → merged answer, audited at every outcome. */
async function answer(
  request: FastifyRequest,
  reply: FastifyReply,
  entryType: BeaconEntryType,
  deps: AnswerDeps,
) {
  const { db, config, beaconId, fail } = deps;
  const now = deps.now?.() ?? new Date();
  const policy = hdabSdcPolicy(config);
  const caller = await resolveCaller(db, deps.idleMinutes, policy, request, reply);
  const entryId = (request.params as { id?: string }).id;
  const known = await deps.terms.union();
  const parsed = deps.parse(request, {
    entryType,
    ...(entryId !== undefined ? { entryId, defaultGranularity: 'record' as const } : {}),
    // Terms no node holds are refused by name once every node has said what it holds (terms.ts).
    ...(known.complete ? { filteringTerms: known.terms } : {}),
  });
  const queryHash = hashJson(parsed.query);
  const audit = (outcome: 'success' | 'denied' | 'rejected', details: Record<string, unknown>) =>
    recordAudit(db, {
      actor: caller.actor,
      action: 'beacon.query',
      object: `beacon-query:${queryHash}`,
      outcome,
      // The query's hash, never its alleles or filters (a genotype is personal data, Art. 9 GDPR).
      details: { entryType, queryHash, audience: caller.audience, ...details },
    });
  if (parsed.errors.length) {
    await audit('rejected', { status: 400 });
    return reply.status(400).send(requestErrorResponse(beaconId, parsed));
  }
  // An individual or biosample by id is a record: asking whether a pseudonymous id exists already
  // discloses, so only a caller with record access somewhere may ask (as at the node).
  if (entryId !== undefined && entryType !== 'genomicVariant' && !caller.access.recordDatasets.length) {
    await audit('denied', { status: 403 });
    return fail(
      reply,
      403,
      `${entryType} records by id need an active data permit naming you for the dataset; sign in with the account the permit names`,
      { parsed },
    );
  }
  const rule = budgetRule(config, caller);
  const budget = await spendBeaconBudget(db, caller.key, rule, now);
  reply.header('x-beacon-budget-limit', String(budget.limit));
  reply.header('x-beacon-budget-remaining', String(budget.remaining));
  if (!budget.allowed) {
    await audit('denied', { status: 429 });
    reply.header('retry-after', String(budget.retryAfterSeconds ?? 1));
    return fail(reply, 429, budgetExhaustedMessage(rule, budget, now), { parsed });
  }

  const targets = await beaconTargets(db, parsed.query.datasetIds);
  const unknown = (parsed.query.datasetIds ?? []).filter(
    (id) => !targets.some((t) => t.datasets.includes(id)),
  );
  if (unknown.length) {
    await audit('rejected', { status: 400 });
    const parameter = request.method === 'GET' ? 'datasets' : 'query.requestParameters.datasets.datasetIds';
    return fail(
      reply,
      400,
      `${parameter}: not a published dataset of this network: ${unknown.join(', ')}; GET ${HUB_BEACON_ROOT}/datasets lists them`,
      { parsed, errors: unknown.map((id) => ({ parameter, message: `${id} is not a published dataset` })) },
    );
  }
  const outcomes = await askBeaconNetwork(db, {
    targets,
    query: parsed.query,
    access: caller.access,
    policy,
    createdBy: caller.accountId,
    timeoutMs: config.beacon.timeoutMs,
    ...(deps.offlineAfterMs !== undefined ? { offlineAfterMs: deps.offlineAfterMs } : {}),
  });
  const nodesAsked = outcomes.map((o) => ({ nodeId: o.nodeId, status: o.status }));
  // Every node that answered refused the query itself (an assembly none holds, say): the caller's error.
  const refused = outcomes.filter((o) => o.status === 'invalid');
  if (
    refused.length &&
    refused.length ===
      outcomes.filter((o) => o.status !== 'timeout' && o.status !== 'offline' && o.status !== 'error').length
  ) {
    await audit('rejected', { status: 400, nodes: nodesAsked });
    const first = refused[0]!;
    return fail(reply, 400, first.message ?? 'the nodes refused the query', {
      parsed,
      errors: (first.issues ?? []).map((i) => ({ parameter: i.path ?? '(request)', message: i.message })),
    });
  }
  const body = beaconResultResponse({
    beaconId,
    query: parsed.query,
    received: parsed.received,
    access: caller.access,
    resultSets: outcomes.flatMap((o) => o.resultSets),
  });
  await audit('success', { granularity: body.meta.returnedGranularity, nodes: nodesAsked });
  return withNodes(body, outcomes);
}

function budgetRule(config: HubConfig, caller: BeaconCaller) {
  const b = config.beacon.budget;
  return caller.audience === 'anonymous'
    ? b.anonymous
    : caller.audience === 'permit_holder'
      ? b.permitHolder
      : b.registered;
}

/** Names each result set's node, and lists every node asked with how it answered. */
function withNodes(body: ReturnType<typeof beaconResultResponse>, outcomes: NodeOutcome[]) {
  const nodeOf = (datasetId: string) => outcomes.find((o) => o.datasets.includes(datasetId));
  const resultSets = body.response?.resultSets.map((s) => {
    const n = nodeOf(s.id);
    return n
      ? { ...s, info: { ...s.info, node: { id: n.nodeId, name: n.nodeName, country: n.country } } }
      : s;
  });
  const nodes = outcomes.map((o) => ({
    nodeId: o.nodeId,
    nodeName: o.nodeName,
    country: o.country,
    datasetIds: o.datasets,
    status: o.status === 'invalid' ? ('refused' as const) : o.status,
    // A yes/no per Beacon is what an anonymous network answer shows anyway.
    ...(o.status === 'ok' ? { exists: o.resultSets.some((s) => s.exists) } : {}),
    ...(o.message ? { message: o.message } : {}),
    ...(o.notes?.length ? { notes: o.notes } : {}),
  }));
  return {
    ...body,
    ...(resultSets ? { response: { resultSets } } : {}),
    info: { ...body.info, nodes },
  };
}
