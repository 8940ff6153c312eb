import { Command, CommanderError } from 'commander';
import { hubCommand } from './commands/hub/start';
import { demoCommand } from './commands/demo/run';
import { fail } from './ui/output';

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
  demoCommand(program);

  program
    .command('quality')
    .description('run the data quality checks on a node store and print the quality and utility label (Art. 78)')
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
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    throw err;
  }
  return Number(process.exitCode ?? 0);
}
