import type { Command } from 'commander';
import { fail } from '../../ui/output';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `ehds analyse glm`: analyses under a permit, run at the nodes through the hub (issue 4 §4). */
export function analyseCommand(program: Command): void {
  const analyse = program
    .command('analyse')
    .description(
      "run an analysis in a permit's secure processing environment (federated, disclosure-controlled)",
    );
  analyse
    .command('glm')
    .description('fit a federated GLM (linear, logistic, Poisson) over the nodes holding the permit’s data')
    .requiredOption('--permit <id>', 'the permit to work under (you must be named in it)')
    .requiredOption('--formula <formula>', "R-style formula, e.g. 'diabetes ~ age + sex + bmi'")
    .requiredOption('--family <family>', 'gaussian | binomial | poisson')
    .requiredOption(
      '--variables <file>',
      'JSON file: each formula variable → how it is derived ({"age": {"kind": "age"}})',
    )
    .option('--categorical <name>', 'treat a numeric variable as a factor (repeatable)', collect)
    .option('--hub <url>', 'the hub (default $EHDS_HUB_URL or http://127.0.0.1:8080)')
    .option('--token <token>', 'your API token (default $EHDS_TOKEN)')
    .option('--json', 'the whole analysis with its disclosure-control records, as JSON')
    .action(async (opts) => {
      try {
        const { analyseGlmCommand } = await import('./glm');
        process.exitCode = await analyseGlmCommand({
          ...opts,
          hub: opts.hub ?? process.env.EHDS_HUB_URL ?? 'http://127.0.0.1:8080',
          token: opts.token ?? process.env.EHDS_TOKEN,
        });
      } catch (err) {
        process.exitCode = fail(err, Boolean(opts.json));
      }
    });
}
