import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { fail, say } from '../../ui/output';
import { onShutdown } from '../../ui/shutdown';

/** `ehds node`: runs a data holder's node. */
export function nodeCommand(program: Command): void {
  program
    .command('node')
    .description(
      "run a data holder's node: local store and API, registration with the hub, signed task pulling",
    )
    .requiredOption('--name <name>', 'name of the node shown at the hub')
    .requiredOption('--organisation <name>', 'the data holder organisation running the node')
    .requiredOption('--country <cc>', 'ISO 3166-1 alpha-2 country code, e.g. FI')
    .requiredOption('--dataset-id <id>', 'id of the dataset this node publishes (lowercase, digits, dashes)')
    .requiredOption('--hub <url>', 'URL of the hub to register with')
    .option('--data-dir <dir>', 'where the node keeps its store, keys and uploads', './data/node')
    .option('--host <host>', 'interface of the local API', '127.0.0.1')
    .option('--port <port>', 'port of the local API (0: any free port)', '0')
    .option('--allowed-origin <origin...>', 'browser origins allowed to call the local API (the hub web UI)')
    .option('--person-system <uri>', 'identifier system that unifies persons across formats')
    .option('--small-cell-threshold <n>', 'counts below this never leave the node', '10')
    .option('--seed-patients <n>', 'first start: generate and ingest this many synthetic persons')
    .option('--seed <n>', 'seed of the synthetic population', '1')
    .option(
      '--profile <profile>',
      'case mix of the synthetic population: biobank, cancer-registry, hospital',
      'hospital',
    )
    .option('--auto-publish', 'publish the dataset description as soon as the hub approves the node')
    .option(
      '--compute <file>',
      'JSON file of the compute section: where jobs run (local sandbox, Slurm via slurmrestd, GA4GH TES)',
    )
    .action(async (opts) => {
      try {
        const { parseNodeConfig, startNode } = await import('@openehds/node');
        const num = (v: string) => (Number.isNaN(Number(v)) ? v : Number(v));
        const config = parseNodeConfig({
          name: opts.name,
          organisation: opts.organisation,
          country: opts.country,
          datasetId: opts.datasetId,
          hubUrl: opts.hub,
          dataDir: resolve(opts.dataDir),
          host: opts.host,
          port: num(opts.port),
          allowedOrigins: opts.allowedOrigin ?? [],
          ...(opts.personSystem ? { personIdentifierSystem: opts.personSystem } : {}),
          smallCellThreshold: num(opts.smallCellThreshold),
          ...(opts.compute
            ? { compute: JSON.parse(readFileSync(resolve(opts.compute), 'utf8')) as unknown }
            : {}),
          ...(opts.seedPatients
            ? { seed: { patients: num(opts.seedPatients), seed: num(opts.seed), profile: opts.profile } }
            : {}),
        });
        const node = await startNode(config, { autoPublish: Boolean(opts.autoPublish), log: say });
        say(
          `node ${node.nodeId} up; local API ${node.apiUrl}; operator token in ${config.dataDir}/operator-token`,
        );
        onShutdown(async () => {
          await node.stop();
          say('node stopped');
        });
      } catch (err) {
        process.exitCode = fail(err, false);
      }
    });
}
