import { invalid, zodIssues } from '@openehds/core';
import type { NodeStore } from '@openehds/analytics';
import type { NodeConfig } from '../config';
import { ingest } from '../ingest/pipeline/ingest';
import { runQuality, type QualityRun } from '../quality/run-quality';
import { qualityTrend } from '../quality/trend';
import { deriveStatistics } from '../describe/statistics';
import {
  DatasetDraftSchema,
  loadDraft,
  loadPublication,
  saveDraft,
  savePublication,
  type Publication,
} from '../describe/draft';
import { buildDescription } from '../describe/description';
import { pageQuality, pageStatistics } from '../describe/page';
import type { NodeServices } from './services';

/** Anything that can send a signed message to the hub (the federation runtime). */
export interface HubSender {
  send<T = unknown>(type: string, body: unknown): Promise<T>;
}

/**
 * The node's services over its store: ingest, quality, description and publication. One instance per
 * node process; operations on the store are serialised, since a DuckDB connection runs one statement
 * at a time and an ingest batch must not interleave with a quality run.
 */
export function createNodeServices(options: {
  config: NodeConfig;
  store: NodeStore;
  hub: () => HubSender | null;
  log: (message: string) => void;
  /** Called after every committed ingest batch and after each run (the Beacon drops its snapshot). */
  onIngestCommitted?: () => void;
}): NodeServices & {
  latestQuality(): Promise<QualityRun | null>;
  publishNow(actor: string): Promise<unknown>;
} {
  const { config, store } = options;
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };
  let latest: QualityRun | null = null;

  const runQualityNow = async () => {
    latest = await runQuality(store, {
      datasetId: config.datasetId,
      declared: { description: loadDraft(config) as never },
    });
    return latest;
  };
  const qualityView = async (run: QualityRun) => ({
    label: run.label,
    ranAt: run.ranAt,
    checks: run.checks,
    trend: await qualityTrend(store, config.datasetId),
  });
  const lastRun = async (): Promise<QualityRun> => latest ?? (await runQualityNow());

  const describe = async () => {
    const statistics = await deriveStatistics(store, { smallCellThreshold: config.smallCellThreshold });
    const run = await lastRun();
    return { statistics, run };
  };

  const publishNow = (actor: string) =>
    serial(async () => {
      const hub = options.hub();
      if (!hub) throw invalid('this node is not connected to a hub yet; wait until an admin approves it');
      const { statistics, run } = await describe();
      const description = buildDescription({
        config,
        draft: loadDraft(config),
        statistics,
        label: run.label,
        now: new Date(),
      });
      const result = await hub.send<Publication>('dataset.publish', {
        description,
        statistics: pageStatistics(statistics),
        quality: pageQuality(run),
      });
      await savePublication(config, result);
      options.log(`dataset ${config.datasetId} published to the hub by ${actor}`);
      return result;
    });

  return {
    ingestFiles: (paths, actor) =>
      serial(async () => {
        const report = await ingest(paths, {
          store,
          datasetId: config.datasetId,
          personIdentifierSystem: config.personIdentifierSystem,
          ...(options.onIngestCommitted ? { onProgress: options.onIngestCommitted } : {}),
        }).finally(() => options.onIngestCommitted?.());
        options.log(
          `${actor} ingested ${paths.length} file(s): ${report.loaded} loaded, ${report.rejected} rejected`,
        );
        await runQualityNow();
        return report;
      }),
    listBatches: () =>
      serial(() =>
        store.all(
          `SELECT batch_id AS "batchId", started_at AS "startedAt", finished_at AS "finishedAt", status, read, loaded, rejected
           FROM ingest_batch ORDER BY started_at DESC LIMIT 100`,
        ),
      ),
    quality: () => serial(async () => qualityView(await lastRun())),
    runQuality: () => serial(async () => qualityView(await runQualityNow())),
    dataset: () =>
      serial(async () => {
        const { statistics, run } = await describe();
        return {
          id: config.datasetId,
          derived: pageStatistics(statistics),
          draft: loadDraft(config),
          quality: { stars: run.label.stars, score: run.label.score },
          published: loadPublication(config),
        };
      }),
    saveDraft: (input) =>
      serial(async () => {
        const parsed = DatasetDraftSchema.safeParse(input);
        if (!parsed.success) {
          const issues = zodIssues(parsed.error);
          throw invalid(
            `the description has ${issues.length} problem${issues.length === 1 ? '' : 's'}`,
            issues,
          );
        }
        await saveDraft(config, parsed.data);
        return { draft: parsed.data };
      }),
    publish: (actor) => publishNow(actor),
    publishNow,
    latestQuality: async () => latest,
  };
}
