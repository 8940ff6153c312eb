import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openNodeStore, type NodeStore } from '@openehds/analytics';
import { publicKeyObject } from '@openehds/core';
import type { FastifyInstance } from 'fastify';
import { storePath, type NodeConfig } from './config';
import { createNodeApi } from './api/routes';
import { createNodeServices } from './api/node-services';
import { createHttpTransport, createNodeRuntime, loadOrCreateIdentity, type NodeRuntime } from './federation';
import { ingest } from './ingest/pipeline/ingest';
import { seedPopulation } from './seed-population';
import { installPermits } from './permits/guard';
import { installOptOut } from './opt-out/install';
import { installCohortCount } from './spe/install';
import { installAnalysis } from './analysis/install';
import { installJobs } from './jobs/install';
import { refreshBeaconIndex } from './beacon/engine';
import { cachedFilteringTerms } from './beacon/filtering-terms';
import { installBeaconQuery, type InstalledBeacon } from './beacon/install';
import { nodeBeaconDeps } from './beacon/routes-deps';
import { OPT_OUT_KEY_TASK, OPT_OUT_SYNC_TASK } from './opt-out/sync';

/** The node's configuration as last started, in its data dir. */
export const NODE_CONFIG_FILE = 'node.json';

/** A running node: its local API, store and federation runtime. */
export interface RunningNode {
  nodeId: string;
  apiUrl: string;
  operatorToken: string;
  store: NodeStore;
  runtime: NodeRuntime;
  api: FastifyInstance;
  stop(): Promise<void>;
}

/** Loads (or creates, mode 600) the operator token the holder's own CLI uses against the local API. */
function operatorToken(dataDir: string): string {
  const path = join(dataDir, 'operator-token');
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  const token = randomBytes(32).toString('base64url');
  writeFileSync(path, `${token}\n`, { mode: 0o600 });
  return token;
}

/**
 * Starts a data holder's node: opens its DuckDB store, seeds the demo population on first start, runs
 * the quality checks, serves the holder's local API, registers with the hub and, once approved, pulls
 * tasks (the node opens no port to the hub). With `autoPublish` it publishes its dataset description
 * as soon as it is approved.
 */
export async function startNode(
  config: NodeConfig,
  options: { autoPublish?: boolean; log?: (message: string) => void } = {},
): Promise<RunningNode> {
  const log = options.log ?? (() => undefined);
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const store = await openNodeStore(storePath(config));
  const identity = loadOrCreateIdentity(config.dataDir);
  const token = operatorToken(config.dataDir);
  // The Beacon engine keeps a snapshot of the store (variant index, opted-out persons, samples) and the
  // filtering terms are cached: both are dropped whenever the store's Beacon-visible content changes —
  // after every committed ingest batch (which also links earlier genotypes to this batch's persons),
  // after an opt-out key or registry sync, and once here at start (issue 5; engine README). The index is
  // rebuilt in the background; queries read the store until it is in (never a stale one, Art. 71).
  const beaconTerms = cachedFilteringTerms(store);
  const beaconChanged = () => {
    refreshBeaconIndex(store, { log });
    beaconTerms.refresh();
  };
  beaconChanged();
  // Kept beside the store so the holder's CLI tools (`ehds dataset describe`) describe it the same way.
  writeFileSync(join(config.dataDir, NODE_CONFIG_FILE), JSON.stringify(config, null, 2), { mode: 0o600 });

  const [{ n }] = (await store.all<{ n: number }>('SELECT count(*) AS n FROM ingest_batch')) as [
    { n: number },
  ];
  if (config.seed && n === 0) {
    log(`first start: generating ${config.seed.patients} synthetic persons (${config.seed.profile})`);
    const dirs = await seedPopulation(config);
    const report = await ingest(dirs, {
      store,
      datasetId: config.datasetId,
      personIdentifierSystem: config.personIdentifierSystem,
      onProgress: beaconChanged,
    });
    beaconChanged();
    log(`seed ingested: ${report.loaded} records loaded, ${report.rejected} rejected`);
  }

  let runtime: NodeRuntime | null = null;
  const services = createNodeServices({
    config,
    store,
    hub: () => (runtime?.status === 'APPROVED' ? runtime : null),
    log,
    onIngestCommitted: beaconChanged,
  });
  await services.runQuality();

  const hubPublicKey = () => {
    const key = runtime?.hubPublicKey;
    return key ? publicKeyObject(key).export({ format: 'pem', type: 'spki' }).toString() : null;
  };
  let beaconTask: InstalledBeacon | null = null;
  const api = await createNodeApi({
    services,
    auth: {
      nodeId: () => identity.nodeId,
      hubPublicKey,
      operatorToken: token,
    },
    // The public GA4GH Beacon (issue 5 §2-3). Its minimum count and rounding come from the HDAB's
    // policy as the hub last sent it inside a signed `beacon.query` task (with this dataset's override
    // applied): the node has no other authentic source of the HDAB's policy — it keeps none from
    // `cohort.count` tasks and must not trust one a caller sends. Until the first network query
    // arrives (and after a restart) it is null, and the Beacon applies the platform defaults (10 / 10).
    beacon: nodeBeaconDeps({
      config,
      store,
      nodeId: () => identity.nodeId,
      hubPublicKey,
      policy: () => beaconTask?.policy() ?? null,
      filteringTerms: beaconTerms.terms,
    }),
    allowedOrigins: config.allowedOrigins,
    uploadDir: join(config.dataDir, 'uploads'),
    health: async () => {
      let storeStatus: Record<string, unknown>;
      try {
        await store.all('SELECT 1');
        storeStatus = { status: 'up', engine: 'duckdb', path: store.path };
      } catch (err) {
        storeStatus = { status: 'down', error: (err as Error).message };
      }
      const hub = {
        status: runtime?.status === 'APPROVED' ? 'up' : 'pending',
        registration: runtime?.status ?? 'unregistered',
      };
      return {
        status: storeStatus.status === 'up' ? 'up' : 'down',
        service: 'node',
        nodeId: identity.nodeId,
        dependencies: { store: storeStatus, hub },
      };
    },
  });
  await api.listen({ host: config.host, port: config.port });
  const address = api.server.address();
  const apiUrl = `http://${config.host}:${typeof address === 'object' && address ? address.port : config.port}`;
  log(`local API on ${apiUrl}`);

  let announced = false;
  runtime = createNodeRuntime({
    transport: createHttpTransport(config.hubUrl),
    identity,
    info: { name: config.name, country: config.country, organisation: config.organisation },
    dataDir: config.dataDir,
    // A pending node asks every few seconds, so it starts work soon after an admin approves it.
    approvalPollMs: 3_000,
    onEvent: (event) => {
      if (event.kind === 'status') {
        log(`hub registration: ${event.status}`);
        if (event.status === 'APPROVED' && !announced) {
          announced = true;
          void afterApproval();
        }
      } else if (
        event.kind === 'task.done' &&
        (event.type === OPT_OUT_SYNC_TASK || event.type === OPT_OUT_KEY_TASK)
      )
        // Persons opted out now never count in a Beacon answer (Art. 71).
        beaconChanged();
      else if (event.kind === 'error') log(`federation error during ${event.during}: ${event.error.message}`);
    },
  });
  const afterApproval = async () => {
    try {
      await runtime!.send('node.local-api', { url: apiUrl });
      if (options.autoPublish) await services.publishNow('node (auto-publish)');
    } catch (err) {
      const issues = (err as { issues?: { path?: string; message: string }[] }).issues ?? [];
      log(
        `after approval: ${(err as Error).message}${issues.map((i) => `\n  - ${i.path ?? ''}: ${i.message}`).join('')}`,
      );
    }
  };
  // Permit updates from the hub, and a check of every task naming a permit before its handler runs.
  installPermits(runtime, store);
  // Citizens' opt-out (Art. 71): the registry from the hub, and an extract prepared per permit.
  installOptOut(runtime, store, { identifierSystem: config.personIdentifierSystem, log });
  // Feasibility counts (issue 4 §1), released through disclosure control at this node.
  installCohortCount(runtime, store, { dataDir: config.dataDir });
  // Federated analyses under a permit (issue 4 §4): GLM rounds, KM, describe, tables, each through SDC.
  installAnalysis(runtime, store);
  // Code-to-data jobs (issue 4 §5-6): the permit's data files, job.run / job.cancel, logs and outputs.
  const jobs = installJobs(runtime, store, { dataDir: config.dataDir, compute: config.compute, log });
  // Beacon network queries from the hub (issue 5 §2): the engine's answer at the caller's granularity.
  beaconTask = installBeaconQuery(runtime, store, {
    engine: {
      datasetId: config.datasetId,
      assembly: 'GRCh38',
      identifierSystem: config.personIdentifierSystem,
    },
    dataDir: config.dataDir,
    filteringTerms: beaconTerms.terms,
  });
  runtime.on('ping', async () => ({ pong: true, at: new Date().toISOString() }));
  await runtime.start();

  return {
    nodeId: identity.nodeId,
    apiUrl,
    operatorToken: token,
    store,
    runtime,
    api,
    async stop() {
      await runtime!.stop();
      await jobs.stop();
      await api.close();
      store.close();
    },
  };
}
