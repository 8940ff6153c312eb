import type { Command } from 'commander';
import type { JobsClient } from '@openehds/client';
import { fail } from '../../ui/output';
import type { HubOptions } from './options';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/**
 * `ehds job submit | logs | show | cancel | list`: code-to-data jobs under a data permit (issue 4 §5–6),
 * through the hub's API with the caller's API token. Outputs never come here: they go to the airlock.
 */
export function jobCommand(program: Command): void {
  const job = program
    .command('job')
    .description('code-to-data jobs under a data permit: submit a script, follow its log, cancel it');
  const hub = (c: Command) =>
    c
      .option('--hub <url>', 'the hub (default: $EHDS_HUB_URL)')
      .option('--token <token>', 'an API token of your account (default: $EHDS_TOKEN)')
      .option('--json', 'machine-readable output');
  const run = (action: (client: JobsClient) => Promise<number>, opts: HubOptions & { json?: boolean }) =>
    (async () => {
      try {
        const { jobsClientFor } = await import('./options');
        process.exitCode = await action(jobsClientFor(opts));
      } catch (err) {
        process.exitCode = fail(err, Boolean(opts.json));
      }
    })();

  hub(job.command('submit').description('submit a Python, R or JavaScript script to run under a permit'))
    .argument('<script>', 'the script file (.py, .R, .js/.mjs)')
    .requiredOption('--permit <id>', 'the data permit the job runs under')
    .option('--language <language>', 'python, r or javascript (default: from the extension)')
    .option('--backend <backend>', 'local (sandbox at the node), slurm (AI Factory) or tes')
    .option('--arg <value>', 'an argument for the script (repeat for several)', collect)
    .option('--cpus <n>', 'CPUs (default 1)')
    .option('--memory-mb <n>', 'memory in MB (default 1024)')
    .option('--time <seconds>', 'time limit in seconds (default 3600)')
    .option('--gpus <n>', "GPUs (Slurm GPU partition; counted against the permit's GPU hours)")
    .option('--node <id>', 'the node to run at, when several hold the permit’s data')
    .option('--follow', 'follow the log until the job ends')
    .action((script: string, opts) =>
      run(async (client) => (await import('./submit')).submitJobCommand(script, opts, client), opts),
    );

  hub(job.command('logs').description("a job's log; --follow streams it until the job ends"))
    .argument('<id>', 'the job id')
    .option('--follow', 'keep following until the job ends')
    .action((id: string, opts) =>
      run(async (client) => (await import('./logs')).jobLogsCommand(id, opts, client), opts),
    );

  hub(job.command('show').description('a job: status, limits, outputs and its airlock request'))
    .argument('<id>', 'the job id')
    .action((id: string, opts) =>
      run(async (client) => (await import('./logs')).showJobCommand(id, opts, client), opts),
    );

  hub(job.command('cancel').description('cancel a queued or running job'))
    .argument('<id>', 'the job id')
    .action((id: string, opts) =>
      run(async (client) => {
        const { summary } = await import('./submit');
        const { emit } = await import('../../ui/output');
        const cancelled = await client.cancel(id);
        emit({ ...cancelled, script: '' }, Boolean(opts.json), summary);
        return 0;
      }, opts),
    );

  hub(job.command('list').description("the jobs of a permit's workspace"))
    .requiredOption('--permit <id>', 'the data permit')
    .action((opts) =>
      run(async (client) => {
        const { emit } = await import('../../ui/output');
        const jobs = await client.list(opts.permit);
        emit(jobs, Boolean(opts.json), (list: typeof jobs) =>
          list.map((j) => `${j.reference}\t${j.status}\t${j.language}\t${j.author}\t${j.id}`).join('\n'),
        );
        return 0;
      }, opts),
    );
}
