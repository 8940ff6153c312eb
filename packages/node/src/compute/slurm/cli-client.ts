import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { AppError } from '@openehds/core';
import type { SlurmApi, SlurmJobInfo, SlurmJobProperties } from './api';

const exec = promisify(execFile);

/**
 * Slurm through its commands, for a node that runs on a Slurm login node without slurmrestd. It
 * speaks the same v0.0.38 JSON (`squeue --json` is rendered by the same openapi plugin).
 */
export class SlurmCliClient implements SlurmApi {
  /** `env` carries `SLURM_CONF` when the cluster's config is not /etc/slurm/slurm.conf. */
  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  async submit(script: string, job: SlurmJobProperties): Promise<string> {
    const args = [
      '--parsable',
      `--job-name=${job.name}`,
      `--chdir=${job.current_working_directory}`,
      `--output=${job.standard_output}`,
      `--time=${job.time_limit}`,
      `--cpus-per-task=${job.cpus_per_task}`,
      ...(job.standard_error ? [`--error=${job.standard_error}`] : []),
      ...(job.partition ? [`--partition=${job.partition}`] : []),
      ...(job.memory_per_node ? [`--mem=${job.memory_per_node}`] : []),
      ...(job.gres ? [`--gres=${job.gres}`] : []),
    ];
    const out = await run('/usr/bin/sbatch', args, script, { ...this.env, ...job.environment });
    const id = out.trim().split(';')[0] ?? '';
    if (!/^\d+$/.test(id)) throw new AppError('unavailable', `sbatch printed no job id: ${out}`);
    return id;
  }

  async job(id: string): Promise<SlurmJobInfo | undefined> {
    try {
      const { stdout } = await exec('/usr/bin/squeue', ['--json', `--jobs=${id}`], { env: this.env });
      // squeue --json lists every job it knows, whatever --jobs says (22.05): pick ours.
      return (JSON.parse(stdout) as { jobs: SlurmJobInfo[] }).jobs.find((j) => String(j.job_id) === id);
    } catch (error) {
      if (/Invalid job id/i.test(String((error as { stderr?: string }).stderr ?? error))) return undefined;
      throw new AppError('unavailable', `squeue: ${String(error)}`);
    }
  }

  async cancel(id: string): Promise<void> {
    await exec('/usr/bin/scancel', [id], { env: this.env });
  }
}

function run(cmd: string, args: string[], input: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0
        ? resolve(out)
        : reject(new AppError('unavailable', `${cmd} failed (${code}): ${err.trim()}`)),
    );
    child.stdin.end(input);
  });
}
