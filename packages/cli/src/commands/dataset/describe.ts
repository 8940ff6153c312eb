import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openNodeStore } from '@openehds/analytics';
import { invalid } from '@openehds/core';
import {
  buildDescription,
  deriveStatistics,
  loadDraft,
  NODE_CONFIG_FILE,
  parseNodeConfig,
  runQuality,
  storePath,
} from '@openehds/node';
import { datasetToRdf, serialise, type RdfFormat } from '@openehds/standards';

/**
 * `ehds dataset describe --data-dir DIR --format turtle|jsonld|rdfxml`: prints the HealthDCAT-AP
 * description the node would publish — derived from its data, completed with the holder's draft and
 * the current quality label. Reads the node's configuration from `DIR/node.json`.
 */
export async function describeCommand(opts: { dataDir: string; format: string }): Promise<void> {
  const formats: RdfFormat[] = ['turtle', 'jsonld', 'rdfxml'];
  if (!formats.includes(opts.format as RdfFormat)) {
    throw invalid(`--format must be one of ${formats.join(', ')}`, [
      { path: 'format', message: `got ${opts.format}` },
    ]);
  }
  const configPath = join(opts.dataDir, NODE_CONFIG_FILE);
  if (!existsSync(configPath)) {
    throw invalid(
      `${configPath} not found: start the node once with \`ehds node --data-dir ${opts.dataDir} …\``,
    );
  }
  const config = parseNodeConfig(JSON.parse(readFileSync(configPath, 'utf8')));
  const store = await openNodeStore(storePath(config));
  try {
    const run = await runQuality(store, { datasetId: config.datasetId });
    const statistics = await deriveStatistics(store, { smallCellThreshold: config.smallCellThreshold });
    const description = buildDescription({
      config,
      draft: loadDraft(config),
      statistics,
      label: run.label,
      now: new Date(),
    });
    process.stdout.write(`${await serialise(datasetToRdf(description), opts.format as RdfFormat)}\n`);
  } finally {
    store.close();
  }
}
