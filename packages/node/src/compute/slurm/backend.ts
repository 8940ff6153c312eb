import { mkdir, readFile, writeFile, chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { conflict, invalid, notFound } from '@openehds/core';
import { checkJobDirs, parseJob } from '../job';
import { classifyExit } from '../exit-status';
import { listOutputFiles, readLogChunk, readTail } from '../files';
import { workFiles } from '../sandbox/local-backend';
import { sandboxArgv, scriptName, type HostLayout } from '../sandbox/command';
import { describeHost } from '../sandbox/host';
import {
  isFinal,
  type ComputeBackend,
  type Job,
  type JobHandle,
  type JobStatus,
  type LogChunk,
  type OutputFile,
} from '../types';
import type { SlurmApi, SlurmJobInfo } from './api';
import { batchScript, slurmMinutes, TIMEOUT_EXIT } from './batch-script';
import { gpuHoursUsed, reserveGpuHours, type GpuHoursLedger } from './gpu-hours';

/** Options of the Slurm backend. */
export interface SlurmBackendOptions {
  api: SlurmApi;
  /**
   * Work folder on a file system the Slurm nodes share with this node (script, log, exit code).
   * The job's inputDir/outputDir must be on it too.
   */
  workRoot: string;
  /** Partition for CPU jobs (the cluster default if unset). */
  partition?: string;
  /** Partition for jobs that ask for GPUs, and the GRES name (`gpu`). */
  gpuPartition?: string;
  gresName?: string;
  /** Device nodes a GPU job sees in its sandbox (the compute nodes' /dev/nvidia*), if any. */
  gpuDevices?: string[];
  /** Where the permits' GPU hours are counted; without it, GPU jobs are refused. */
  ledger?: GpuHoursLedger;
  /** Layout of the compute nodes (same machine / same image as this node by default). */
  host?: HostLayout;
}

/**
 * Runs jobs at an AI Factory through Slurm (issue 4 §6). The batch script runs the same bubblewrap
 * sandbox as the local backend; logs and outputs are read from the shared file system. GPU jobs go
 * to the GPU partition and are counted against the permit's granted GPU hours.
 */
export class SlurmBackend implements ComputeBackend {
  private readonly host: HostLayout;
  private readonly jobs = new Map<string, Job>();
  /** Submissions per permit, one at a time, so the GPU budget check and reservation do not interleave. */
  private readonly permitQueue = new Map<string, Promise<unknown>>();

  constructor(private readonly options: SlurmBackendOptions) {
    this.host = options.host ?? describeHost();
  }

  async submit(input: Job): Promise<JobHandle> {
    const job = parseJob(input);
    await checkJobDirs(job);
    const gpus = job.limits.gpus ?? 0;
    if (gpus > 0 && !this.options.gpuPartition)
      throw invalid('this AI Factory connector has no GPU partition configured; submit with gpus: 0');
    if (gpus > 0 && !this.options.ledger)
      throw invalid('GPU jobs need a GPU-hours ledger to count them against the permit');
    const previous = this.permitQueue.get(job.permitId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.submitNow(job, gpus));
    this.permitQueue.set(job.permitId, next);
    return next;
  }

  private async submitNow(job: Job, gpus: number): Promise<JobHandle> {
    const files = workFiles(this.options.workRoot, job.id);
    await mkdir(this.options.workRoot, { recursive: true });
    await mkdir(files.dir).catch(() => {
      throw conflict(`job ${job.id} already exists; submit under a new id`);
    });
    await chmod(files.dir, 0o755);
    if (gpus > 0) await reserveGpuHours(this.options.ledger!, job);
    try {
      const scriptFile = join(files.dir, scriptName(job.language));
      await writeFile(scriptFile, job.script, { mode: 0o444 });
      await writeFile(files.job, JSON.stringify({ ...job, script: undefined }));
      const sandbox = sandboxArgv(job, {
        host: this.host,
        scriptFile,
        ...(gpus > 0 ? { devices: this.options.gpuDevices ?? [] } : {}),
      });
      const ref = await this.options.api.submit(batchScript(job, sandbox, exitFile(files.dir)), {
        name: `ehds-${job.id}`,
        partition: gpus > 0 ? this.options.gpuPartition : this.options.partition,
        current_working_directory: files.dir,
        standard_output: files.log,
        environment: { PATH: '/usr/bin:/bin', EHDS_JOB: job.id },
        time_limit: slurmMinutes(job.limits.timeSeconds),
        cpus_per_task: job.limits.cpus,
        memory_per_node: job.limits.memoryMb,
        ...(gpus > 0 ? { gres: `${this.options.gresName ?? 'gpu'}:${gpus}` } : {}),
      });
      await writeFile(join(files.dir, 'slurm-job-id'), ref);
      this.jobs.set(job.id, job);
      return { backend: 'slurm', jobId: job.id, ref };
    } catch (error) {
      if (gpus > 0) await this.options.ledger!.release(job.permitId, job.id);
      throw error;
    }
  }

  async status(handle: JobHandle): Promise<JobStatus> {
    const files = workFiles(this.options.workRoot, handle.jobId);
    const saved = await readFile(files.status, 'utf8').catch(() => undefined);
    if (saved) return JSON.parse(saved) as JobStatus;
    const job = await this.job(handle.jobId);
    const info = await this.options.api.job(handle.ref);
    const status = await this.toStatus(job, info, files.dir, files.log);
    if (isFinal(status.state)) {
      if ((job.limits.gpus ?? 0) > 0 && this.options.ledger) {
        const used =
          info?.start_time && info.end_time
            ? gpuHoursUsed(job.limits.gpus!, info.start_time, info.end_time)
            : 0;
        await this.options.ledger.settle(job.permitId, job.id, used);
      }
      await writeFile(files.status, JSON.stringify(status));
    }
    return status;
  }

  private async toStatus(
    job: Job,
    info: SlurmJobInfo | undefined,
    dir: string,
    log: string,
  ): Promise<JobStatus> {
    const times = {
      ...(info?.start_time ? { startedAt: new Date(info.start_time * 1000).toISOString() } : {}),
      ...(info?.end_time && info.end_time >= (info.start_time ?? 0) && isEnded(info.job_state)
        ? { endedAt: new Date(info.end_time * 1000).toISOString() }
        : {}),
    };
    const code = await readExitCode(dir);
    const state = info?.job_state;
    if (!info && code === undefined) throw notFound('Slurm job for', job.id);
    if (state && /^(PENDING|CONFIGURING|REQUEUED|REQUEUE_HOLD|RESIZING|SUSPENDED)$/.test(state))
      return { state: 'queued', ...times };
    if (state && /^(RUNNING|COMPLETING|SIGNALING|STAGE_OUT)$/.test(state))
      return { state: 'running', ...times };
    if (state === 'CANCELLED') return { state: 'cancelled', message: 'cancelled', ...times };
    if (state === 'TIMEOUT')
      return {
        state: 'failed',
        reason: 'time-limit',
        message: `stopped by Slurm at its time limit`,
        ...times,
      };
    if (state === 'OUT_OF_MEMORY')
      return {
        state: 'failed',
        reason: 'memory-limit',
        message: `ran out of its ${job.limits.memoryMb} MB memory`,
        ...times,
      };
    if (code === undefined)
      return {
        state: 'failed',
        reason: 'system',
        message: `Slurm ended the job (${state ?? 'unknown'})`,
        ...times,
      };
    return {
      ...classifyExit({
        code,
        timedOut: code === TIMEOUT_EXIT,
        logTail: await readTail(log),
        limits: job.limits,
      }),
      ...times,
    };
  }

  async logs(handle: JobHandle, fromOffset: number): Promise<LogChunk> {
    const final = isFinal((await this.status(handle)).state);
    return readLogChunk(workFiles(this.options.workRoot, handle.jobId).log, fromOffset, final);
  }

  async cancel(handle: JobHandle): Promise<void> {
    if (isFinal((await this.status(handle)).state)) return;
    await this.options.api.cancel(handle.ref);
  }

  async outputs(handle: JobHandle): Promise<OutputFile[]> {
    return listOutputFiles((await this.job(handle.jobId)).outputDir);
  }

  private async job(id: string): Promise<Job> {
    const known = this.jobs.get(id);
    if (known) return known;
    const saved = await readFile(workFiles(this.options.workRoot, id).job, 'utf8').catch(() => undefined);
    if (!saved) throw notFound('job', id);
    return JSON.parse(saved) as Job;
  }
}

function isEnded(state: string): boolean {
  return !/^(PENDING|CONFIGURING|RUNNING|COMPLETING|SUSPENDED|REQUEUED|RESIZING|SIGNALING|STAGE_OUT)$/.test(
    state,
  );
}

function exitFile(dir: string): string {
  return join(dir, 'exit-code');
}

async function readExitCode(dir: string): Promise<number | undefined> {
  const text = await readFile(exitFile(dir), 'utf8').catch(() => undefined);
  const code = text === undefined ? NaN : Number.parseInt(text.trim(), 10);
  return Number.isFinite(code) ? code : undefined;
}
