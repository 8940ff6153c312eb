import { Command, CommanderError } from 'commander';
import { hubCommand } from './commands/hub/start';
import { auditCommand } from './commands/audit/index';
import { demoCommand } from './commands/demo/run';
import { nodeCommand } from './commands/node/start';
import { jobCommand } from './commands/job/index';
import { cohortCommand } from './commands/cohort/index';
import { analyseCommand } from './commands/analyse/index';
import { invalid } from '@openehds/core';
import { fail, say } from './ui/output';

/**
 * The `ehds` command: one entry point for the hub, the node and the data-holder tools. Each command
 * lives in `commands/<noun>/<verb>.ts` and is wired here, in one place.
 */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('ehds')
    .description('OpenEHDS: European Health Data Space secondary-use platform')
    .version('0.1.0')
    .showHelpAfterError()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) })
    .exitOverride();
  hubCommand(program);
  auditCommand(program);
  nodeCommand(program);
  demoCommand(program);
  analyseCommand(program);
  jobCommand(program);
  cohortCommand(program);

  program
    .command('ingest')
    .description(
      'ingest FHIR R4 (Bundles, Bulk NDJSON), OMOP CDM 5.4 CSV, Phenopackets v2 and VCF into a node store',
    )
    .argument('<paths...>', 'files or folders (plain or gzipped)')
    .option('--data-dir <dir>', 'the node data directory (holding node.duckdb)')
    .option('--node <url>', "upload to a running node's local API instead (with --token or EHDS_NODE_TOKEN)")
    .option('--token <token>', "the node's operator token (see its data dir)")
    .option('--dataset <id>', 'dataset id the records belong to (with --data-dir)', 'default')
    .option('--person-system <uri>', 'identifier system that unifies persons across formats')
    .option('--batch-size <n>', 'records per transaction', (v) => Number(v))
    .option('--json', 'machine-readable report')
    .action(async (paths: string[], opts) => {
      try {
        if (opts.node) {
          const { uploadToNode } = await import('./commands/ingest/upload');
          await uploadToNode(paths, {
            node: opts.node,
            token: opts.token ?? process.env.EHDS_NODE_TOKEN,
            json: opts.json,
          });
        } else {
          if (!opts.dataDir)
            throw invalid('give --data-dir DIR (a node store) or --node URL (a running node)');
          const { ingestCommand } = await import('./commands/ingest/run');
          const report = await ingestCommand(paths, opts);
          if (report.rejected > 0 && !opts.json)
            say(`${report.rejected} records rejected; they are kept in the quarantine table`);
        }
      } catch (err) {
        process.exitCode = fail(err, Boolean(opts.json));
      }
    });

  program
    .command('synth')
    .description('generate a deterministic synthetic population (FHIR, OMOP CSV, Phenopackets, VCF)')
    .requiredOption('--patients <n>', 'number of persons')
    .requiredOption('--seed <n>', 'seed: the same seed gives the same bytes')
    .requiredOption('--out <dir>', 'output folder')
    .requiredOption('--format <f>', 'fhir-ndjson | fhir-bundles | omop-csv | phenopackets | vcf')
    .option('--country <cc>', 'age/sex structure of FI, ES, DE, FR or IT', 'FI')
    .option('--profile <p>', 'case mix: general, biobank, cancer-registry, hospital', 'general')
    .option('--gzip', 'gzip every output file')
    .option('--end-date <YYYY-MM-DD>', 'last day of observation (default 2025-12-31)')
    .option('--years <n>', 'years of observation before the end date (default 10)')
    .option('--json', 'machine-readable summary')
    .action(async (opts) => {
      try {
        const { synthCommand } = await import('./commands/synth/generate');
        await synthCommand(opts);
      } catch (err) {
        process.exitCode = fail(err, Boolean(opts.json));
      }
    });

  program
    .command('dataset')
    .description('dataset descriptions (HealthDCAT-AP)')
    .command('describe')
    .description('print the HealthDCAT-AP description a node would publish, derived from its data')
    .requiredOption('--data-dir <dir>', 'the node data directory')
    .option('--format <format>', 'turtle | jsonld | rdfxml', 'turtle')
    .action(async (opts) => {
      try {
        const { describeCommand } = await import('./commands/dataset/describe');
        await describeCommand(opts);
      } catch (err) {
        process.exitCode = fail(err, false);
      }
    });

  program
    .command('quality')
    .description(
      'run the data quality checks on a node store and print the quality and utility label (Art. 78)',
    )
    .requiredOption('--data-dir <dir>', 'the node data directory (holding node.duckdb)')
    .option('--dataset <id>', 'dataset id (default: the only one in the store)')
    .option('--declared <file>', "JSON file with the holder's declared information")
    .option('--json', 'machine-readable output')
    .action(async (opts) => {
      try {
        const { qualityCommand } = await import('./commands/quality/run');
        await qualityCommand(opts);
      } catch (err) {
        process.exitCode = fail(err, Boolean(opts.json));
      }
    });
  program
    .command('verify')
    .description('check a signed HDAB decision or permit offline (Ed25519 signature and time stamp)')
    .argument('<file>', 'the signed document (JSON), as downloaded from the hub')
    .option('--key <publicKey>', "the HDAB's public key (base64url) to insist on")
    .option('--json', 'machine-readable output')
    .action(async (file: string, opts) => {
      try {
        const { verifyCommand } = await import('./commands/verify/document');
        const check = await verifyCommand(file, opts);
        if (!check.valid) process.exitCode = 1;
      } catch (err) {
        process.exitCode = fail(err, Boolean(opts.json));
      }
    });
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    throw err;
  }
  return Number(process.exitCode ?? 0);
}
