import type { Command } from 'commander';
import { fail } from '../../ui/output';

const collect = (value: string, previous: string[] = []) => [...previous, value];

const VARIABLES_HELP = 'JSON file: each variable used → how it is derived ({"age": {"kind": "age"}})';

/** The options every analysis takes, and its action: run `load()`'s command, exit with its code. */
function common(command: Command, load: () => Promise<(opts: never) => Promise<number>>): Command {
  return command
    .requiredOption('--permit <id>', 'the permit to work under (you must be named in it)')
    .requiredOption('--variables <file>', VARIABLES_HELP)
    .option('--hub <url>', 'the hub (default $EHDS_HUB_URL or http://127.0.0.1:8080)')
    .option('--token <token>', 'your API token (default $EHDS_TOKEN)')
    .option('--json', 'the whole analysis with its disclosure-control records, as JSON')
    .action(async (opts) => {
      try {
        const run = await load();
        process.exitCode = await run({
          ...opts,
          hub: opts.hub ?? process.env.EHDS_HUB_URL ?? 'http://127.0.0.1:8080',
          token: opts.token ?? process.env.EHDS_TOKEN,
        } as never);
      } catch (err) {
        process.exitCode = fail(err, Boolean(opts.json));
      }
    });
}

/** `ehds analyse glm|describe|table|km`: analyses under a permit, run at the nodes through the hub (issue 4 §4). */
export function analyseCommand(program: Command): void {
  const analyse = program
    .command('analyse')
    .description(
      "run an analysis in a permit's secure processing environment (federated, disclosure-controlled)",
    );
  common(
    analyse
      .command('glm')
      .description('fit a federated GLM (linear, logistic, Poisson) over the nodes holding the permit’s data')
      .requiredOption('--formula <formula>', "R-style formula, e.g. 'diabetes ~ age + sex + bmi'")
      .requiredOption('--family <family>', 'gaussian | binomial | poisson')
      .option('--categorical <name>', 'treat a numeric variable as a factor (repeatable)', collect),
    async () => (await import('./glm')).analyseGlmCommand,
  );
  common(
    analyse
      .command('describe')
      .description('count, mean and SD of every variable (counts per level for sex), pooled over the nodes')
      .option(
        '--by <name>',
        'one description per level of this variable (sex, or a 0/1 condition/drug/procedure)',
      ),
    async () => (await import('./describe')).analyseDescribeCommand,
  );
  common(
    analyse
      .command('table')
      .description('a one- or two-way contingency table of categorical variables, pooled over the nodes')
      .requiredOption('--rows <name>', 'the row variable (sex, or a 0/1 condition/drug/procedure)')
      .option('--columns <name>', 'the column variable (as --rows); a one-way table without it'),
    async () => (await import('./table')).analyseTableCommand,
  );
  common(
    analyse
      .command('km')
      .description('Kaplan–Meier curves of a survival variable, pooled over the nodes')
      .requiredOption('--survival <name>', 'the survival variable ({"kind": "survival", "event": …})')
      .option(
        '--group <name>',
        'one curve per level of this variable (sex, or a 0/1 condition/drug/procedure)',
      )
      .option('--interval-days <days>', 'times coarsened to multiples of this many days (default 7)'),
    async () => (await import('./km')).analyseKmCommand,
  );
}
