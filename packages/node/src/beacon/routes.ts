import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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
  type Audience,
  type BeaconAccess,
  type BeaconCohortInput,
  type BeaconDatasetInput,
  type BeaconDescription,
  type BeaconEntryType,
  type BeaconFilteringTerm,
  type BeaconQuery,
  type BeaconResultSet,
  type ParsedBeaconRequest,
} from '@openehds/core';
import { resolveBeaconCaller, type BeaconAuthContext, type BeaconCaller } from './auth-to-access';
import { budgetMessage, DEFAULT_BEACON_BUDGETS, type BudgetRule } from './budget';
import type { BeaconQueryLog } from './budget-store';

/**
 * The node's GA4GH Beacon v2 API under `/api/beacon` (issue 5 §2-3): the informational endpoints, the
 * query endpoints for variants, individuals and biosamples (GET and POST), datasets and cohorts. It is
 * public — callers without a token get booleans — so the local API's data-holder authentication does
 * not apply here (routes.ts skips these paths, `isBeaconPath`); access comes from auth-to-access.ts.
 * Errors use Beacon's error model with the HTTP status as `errorCode`, not problem+json.
 */

/** Where the Beacon lives on the node's local API. */
export const BEACON_ROOT = '/api/beacon';

/** Whether a request URL is a Beacon route (public; authenticated by auth-to-access.ts instead). */
export function isBeaconPath(url: string): boolean {
  const path = url.split('?')[0]!;
  return path === BEACON_ROOT || path.startsWith(`${BEACON_ROOT}/`);
}

export interface BeaconRouteDeps {
  /** Who this Beacon is; `rootUrl` absent → derived from the request's host. */
  description: () => Omit<BeaconDescription, 'rootUrl'> & { rootUrl?: string };
  auth: BeaconAuthContext;
  /** Budget and query log in the node store. */
  log: BeaconQueryLog;
  budgets?: Record<Audience, BudgetRule>;
  /** The node's query engine (`runBeaconQuery` bound to the store and its context). */
  query: (query: BeaconQuery, access: BeaconAccess) => Promise<BeaconResultSet[]>;
  /** The dataset(s) this node answers for, as the catalogue describes them. */
  datasets: () => Promise<BeaconDatasetInput[]>;
  cohorts?: () => Promise<BeaconCohortInput[]>;
  /**
   * Terms the node holds. When given, filters naming other terms are refused before the engine runs;
   * when absent, only their syntax is checked here and the engine refuses the ones it cannot apply.
   */
  filteringTerms?: () => Promise<BeaconFilteringTerm[]>;
  now?: () => Date;
}

const QUERY_ENTRIES: [string, BeaconEntryType][] = [
  ['/g_variants', 'genomicVariant'],
  ['/individuals', 'individual'],
  ['/biosamples', 'biosample'],
];

/** Registers the Beacon routes on the node's app (one encapsulated plugin with its own error handler). */
export async function registerBeaconRoutes(app: FastifyInstance, deps: BeaconRouteDeps): Promise<void> {
  // The query log drops its old rows and loads the budget's counts before the first query; it writes
  // in batches, the last one when the API closes (onClose runs after in-flight requests end), so a
  // graceful node stop loses no row. A failed write is logged here and retried (budget-store.ts).
  const budgets = deps.budgets ?? DEFAULT_BEACON_BUDGETS;
  await deps.log.open({
    horizonSeconds: Math.max(...Object.values(budgets).map((rule) => rule.windowSeconds)),
    ...(deps.now ? { now: deps.now() } : {}),
    onError: (err) => app.log.error({ err }, 'Beacon query log: rows not written yet (kept, retried)'),
  });
  app.addHook('onClose', () => deps.log.close());
  await app.register(
    async (beacon) => {
      const describe = (request: FastifyRequest): BeaconDescription => {
        const d = deps.description();
        return { ...d, rootUrl: d.rootUrl ?? `${request.protocol}://${request.host}${BEACON_ROOT}` };
      };
      const beaconId = () => deps.description().id;
      const fail = (reply: FastifyReply, status: number, message: string, parsed?: ParsedBeaconRequest) =>
        reply.status(status).send(
          beaconErrorResponse({
            beaconId: beaconId(),
            status,
            message,
            ...(parsed ? { query: parsed.query, received: parsed.received } : {}),
          }),
        );

      beacon.setErrorHandler((err: Error & { statusCode?: number }, _request, reply) => {
        // Body parsing and other framework errors, in Beacon's model.
        const status = err instanceof AppError ? err.status : (err.statusCode ?? 500);
        const message =
          status >= 500 ? 'the Beacon failed to answer; the node operator can see why' : err.message;
        if (status >= 500) beacon.log.error(err);
        return fail(reply, status, message);
      });
      beacon.setNotFoundHandler((request, reply) =>
        fail(
          reply,
          404,
          `no Beacon endpoint ${request.method} ${request.url.split('?')[0]}; GET ${BEACON_ROOT}/map lists them`,
        ),
      );

      // Informational endpoints: public documents, no budget. '/' also serves the bare prefix.
      const both = (path: string, handler: (request: FastifyRequest) => unknown) => {
        beacon.get(path, async (request) => handler(request));
        beacon.post(path, async (request) => handler(request));
      };
      both('/', (request) => beaconInfoResponse(describe(request)));
      both('/info', (request) => beaconInfoResponse(describe(request)));
      both('/service-info', (request) => serviceInfo(describe(request)));
      both('/map', (request) => mapResponse(beaconId(), describe(request).rootUrl));
      both('/configuration', () => configurationResponse(beaconId(), deps.description().environment));
      both('/entry_types', () => entryTypesResponse(beaconId()));
      const terms = async () => filteringTermsResponse(beaconId(), (await deps.filteringTerms?.()) ?? []);
      beacon.get('/filtering_terms', terms);
      beacon.post('/filtering_terms', terms);

      // Collections: catalogue metadata, shown to everyone.
      const collection =
        (entryType: 'dataset' | 'cohort') => async (request: FastifyRequest, reply: FastifyReply) => {
          const parsed =
            request.method === 'GET'
              ? parseGetRequest(request.query as Record<string, unknown>, { entryType })
              : parsePostRequest(request.body ?? {}, { entryType });
          if (parsed.errors.length) return reply.status(400).send(requestErrorResponse(beaconId(), parsed));
          return entryType === 'dataset'
            ? datasetsResponse(beaconId(), parsed.query, await deps.datasets(), parsed.received)
            : cohortsResponse(beaconId(), parsed.query, (await deps.cohorts?.()) ?? [], parsed.received);
        };
      beacon.get('/datasets', collection('dataset'));
      beacon.post('/datasets', collection('dataset'));
      beacon.get('/cohorts', collection('cohort'));
      beacon.post('/cohorts', collection('cohort'));

      for (const [path, entryType] of QUERY_ENTRIES) {
        const handler = (request: FastifyRequest, reply: FastifyReply) =>
          answer(request, reply, entryType, deps, fail);
        beacon.get(path, handler);
        beacon.post(path, handler);
        beacon.get(`${path}/:id`, handler);
        beacon.post(`${path}/:id`, handler);
      }
    },
    { prefix: BEACON_ROOT },
  );
}

/** One query: caller → parse → budget → engine → response, every step logged in the query log. */
async function answer(
  request: FastifyRequest,
  reply: FastifyReply,
  entryType: BeaconEntryType,
  deps: BeaconRouteDeps,
  fail: (reply: FastifyReply, status: number, message: string, parsed?: ParsedBeaconRequest) => FastifyReply,
) {
  const now = deps.now?.() ?? new Date();
  const path = request.url.split('?')[0]!;
  const base = { method: request.method, path, entryType };
  let caller: BeaconCaller;
  try {
    caller = await resolveBeaconCaller(request.headers.authorization, request.ip, deps.auth, now);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    await deps.log.record(
      { ...base, caller: `ip:${request.ip}`, audience: 'anonymous', status: 401, outcome: 'unauthenticated' },
      now,
    );
    return fail(reply, 401, err.message);
  }
  const entryId = (request.params as { id?: string }).id;
  const terms = await deps.filteringTerms?.();
  const options = {
    entryType,
    ...(entryId !== undefined ? { entryId, defaultGranularity: 'record' as const } : {}),
    ...(terms ? { filteringTerms: terms } : {}),
  };
  const parsed =
    request.method === 'GET'
      ? parseGetRequest(request.query as Record<string, unknown>, options)
      : parsePostRequest(request.body ?? {}, options);
  const who = { caller: caller.key, audience: caller.audience };
  if (parsed.errors.length) {
    await deps.log.record({ ...base, ...who, query: parsed.query, status: 400, outcome: 'invalid' }, now);
    return reply.status(400).send(requestErrorResponse(deps.description().id, parsed));
  }
  // An individual or biosample named by id is a record; asking whether a pseudonymous id exists is
  // already a disclosure, so only a caller with record access to some dataset may ask.
  if (entryId !== undefined && entryType !== 'genomicVariant' && !caller.access.recordDatasets.length) {
    await deps.log.record({ ...base, ...who, query: parsed.query, status: 403, outcome: 'refused' }, now);
    return fail(
      reply,
      403,
      `${entryType} records by id need a GA4GH visa of an active data permit for this node's dataset`,
      parsed,
    );
  }
  const rule = (deps.budgets ?? DEFAULT_BEACON_BUDGETS)[caller.audience];
  const { decision, seq } = await deps.log.reserve({ ...base, ...who, query: parsed.query }, rule, now);
  reply.header('x-beacon-budget-limit', String(decision.limit));
  reply.header('x-beacon-budget-remaining', String(decision.remaining));
  if (!decision.allowed || seq === null) {
    await deps.log.record({ ...base, ...who, query: parsed.query, status: 429, outcome: 'refused' }, now);
    reply.header('retry-after', String(decision.retryAfterSeconds ?? 1));
    return fail(reply, 429, budgetMessage(rule, decision), parsed);
  }
  let resultSets: BeaconResultSet[];
  try {
    resultSets = await deps.query(parsed.query, caller.access);
  } catch (err) {
    const status = err instanceof AppError ? err.status : 500;
    await deps.log.finish(seq, { status, outcome: status < 500 ? 'invalid' : 'error' });
    if (!(err instanceof AppError) || status >= 500) throw err;
    const issues = err.issues.map((i) => ({ parameter: i.path ?? '(request)', message: i.message }));
    const message = issues.length
      ? `${err.message}: ${issues.map((i) => `${i.parameter}: ${i.message}`).join('; ')}`
      : err.message;
    return reply.status(status).send({
      ...beaconErrorResponse({
        beaconId: deps.description().id,
        status,
        message,
        errors: issues,
        query: parsed.query,
        received: parsed.received,
      }),
    });
  }
  const body = beaconResultResponse({
    beaconId: deps.description().id,
    query: parsed.query,
    received: parsed.received,
    access: caller.access,
    resultSets,
  });
  await deps.log.finish(seq, {
    status: 200,
    outcome: 'answered',
    granularity: body.meta.returnedGranularity,
  });
  return caller.notes.length ? { ...body, info: { ...body.info, notes: caller.notes } } : body;
}
