import type { NodeStore } from '@openehds/analytics';
import type { BeaconDatasetInput, SdcPolicy } from '@openehds/core';
import type { NodeConfig } from '../config';
import { loadDraft, loadPublication } from '../describe/draft';
import { hubVisaKeys, registryPermitLookup } from './auth-to-access';
import type { VisaJwk } from './auth-visa';
import type { BudgetRule } from './budget';
import { BeaconQueryLog } from './budget-store';
import { runBeaconQuery } from './engine';
import type { BeaconRouteDeps } from './routes';

/**
 * The Beacon's dependencies at a running node, from its configuration, store and hub registration:
 * the engine over the store, the permit registry for visas, the hub's visa keys, the query log.
 * `start-node.ts` passes the result to `createNodeApi({ beacon })`.
 */
export function nodeBeaconDeps(options: {
  config: NodeConfig;
  store: NodeStore;
  /** The node's id at the hub and the hub's federation key (PEM), as the local API's auth has them. */
  nodeId: () => string | null;
  hubPublicKey: () => string | null;
  /** The HDAB's policy as the node applies it (`nodePolicy(...)`), or null when it knows none. */
  policy: () => SdcPolicy | null;
  /** Assembly of the node's variants (default GRCh38). */
  assembly?: string;
  environment?: 'prod' | 'test' | 'dev' | 'staging';
  /** Public URL of the Beacon root, if the node sits behind a proxy. */
  rootUrl?: string;
  visaKeys?: () => Promise<VisaJwk[]>;
  budgets?: BeaconRouteDeps['budgets'];
  filteringTerms?: BeaconRouteDeps['filteringTerms'];
  version?: string;
}): BeaconRouteDeps & { log: BeaconQueryLog } {
  const { config, store } = options;
  const published = () => loadPublication(config);
  const log = new BeaconQueryLog(store);
  const budgets: Record<string, BudgetRule> | undefined = options.budgets;
  return {
    description: () => ({
      id: `eu.openehds.node.${config.datasetId}`,
      name: `${config.name} Beacon`,
      description: `GA4GH Beacon v2 of dataset ${config.datasetId} held by ${config.organisation} (${config.country}).`,
      environment: options.environment ?? 'test',
      version: options.version ?? '0.1.0',
      organization: {
        id: config.organisation.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
        name: config.organisation,
      },
      ...(options.rootUrl ? { rootUrl: options.rootUrl } : {}),
    }),
    auth: {
      nodeId: options.nodeId,
      hubPublicKey: options.hubPublicKey,
      visaKeys: options.visaKeys ?? hubVisaKeys(config.hubUrl),
      // The visa keys come from the hub this node registered with; any visa they verify is its own.
      hubIssuer: () => null,
      publishedDatasetId: () => published()?.id ?? null,
      activePermitFor: registryPermitLookup(store),
      policy: options.policy,
    },
    log,
    ...(budgets ? { budgets: options.budgets } : {}),
    query: (query, access) =>
      runBeaconQuery(store, query, access, {
        datasetId: config.datasetId,
        assembly: options.assembly ?? 'GRCh38',
        identifierSystem: config.personIdentifierSystem,
      }),
    datasets: async (): Promise<BeaconDatasetInput[]> => {
      const draft = loadDraft(config);
      const publication = published();
      return [
        {
          id: config.datasetId,
          name: draft.title.en ?? Object.values(draft.title)[0] ?? config.datasetId,
          ...(draft.description.en ? { description: draft.description.en } : {}),
          ...(publication ? { externalUrl: publication.url, updateDateTime: publication.publishedAt } : {}),
        },
      ];
    },
    ...(options.filteringTerms ? { filteringTerms: options.filteringTerms } : {}),
  };
}
