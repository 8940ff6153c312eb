import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, open, readFile, writeFile, chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { conflict, invalid, notFound } from '@openehds/core';
import { checkJobDirs, isSafeId, parseJob } from '../job';
import { classifyExit } from '../exit-status';
import { listOutputFiles, readLogChunk, readTail } from '../files';
import {
  isFinal,
  type ComputeBackend,
  type Job,
  type JobHandle,
  type JobStatus,
  type LogChunk,
  type OutputFile,
} from '../types';
import { sandboxArgv, scriptName, pickCpus, type HostLayout } from './command';
import { allowedCpus, describeHost } from './host';

/** Options of the local sandbox. */
export interface LocalSandboxOptions {
  /** Folder for each job's work files (script, log, status): `<workRoot>/<jobId>/`. Not the output. */
  workRoot: string;
  /** Jobs running at once; later ones wait as `queued` (default 2). */
  maxConcurrent?: number;
  /** Largest file a job may write, MiB (default 1024). */
  maxFileMb?: number;
  host?: HostLayout;
}

interface Entry {
  job: Job;
  scriptFile: string;
  status: JobStatus;
  child?: ChildProcess;
  timer?: NodeJS.Timeout;
  timedOut: boolean;
  cancelled: boolean;
  done: Promise<void>;
  finish: () => void;
}

/** The files of one job's work folder. */
export function workFiles(workRoot: string, jobId: string) {
  if (!isSafeId(jobId)) throw invalid(`job id ${jobId} is not valid`);
  const dir = join(workRoot, jobId);
  return { dir, log: join(dir, 'job.log'), status: join(dir, 'status.json'), job: join(dir, 'job.json') };
}

/**
 * Runs jobs on this node in a bubblewrap sandbox (issue 4 §5). Jobs beyond `maxConcurrent` wait in
 * a queue; each runs as one process tree whose stdout and stderr go to one log file, readable while
 * it runs; the wall-clock limit is a timer that kills the sandbox's process group. Statuses are kept
 * in memory and in `status.json`, so a finished job can still be asked about after a restart (a
 * job running or queued when the node stops is lost: bwrap dies with its parent).
 */
export class LocalSandboxBackend implements ComputeBackend {
  private readonly entries = new Map<string, Entry>();
  private readonly queue: Entry[] = [];
  private running = 0;
  private readonly host: HostLayout;

  constructor(private readonly options: LocalSandboxOptions) {
    this.host = options.host ?? describeHost();
  }

  async submit(input: Job): Promise<JobHandle> {
    const job = parseJob(input);
    await checkJobDirs(job);
    const files = workFiles(this.options.workRoot, job.id);
    await mkdir(this.options.workRoot, { recursive: true });
    // mkdir without `recursive` fails if the folder exists: a job id is used once.
    await mkdir(files.dir).catch(() => {
      throw conflict(`job ${job.id} already exists; submit under a new id`);
    });
    // The folder is bound nowhere; only the script file inside it is (read-only, at /job).
    await chmod(files.dir, 0o755);
    const scriptFile = join(files.dir, scriptName(job.language));
    await writeFile(scriptFile, job.script, { mode: 0o444 });
    await writeFile(files.job, JSON.stringify({ ...job, script: undefined }));
    await writeFile(files.log, '');
    let finish = () => {};
    const done = new Promise<void>((resolve) => (finish = resolve));
    const entry: Entry = {
      job,
      scriptFile,
      status: { state: 'queued' },
      timedOut: false,
      cancelled: false,
      done,
      finish,
    };
    this.entries.set(job.id, entry);
    this.queue.push(entry);
    this.pump();
    return { backend: 'local', jobId: job.id, ref: job.id };
  }

  /** Starts queued jobs while there is room. */
  private pump(): void {
    while (this.running < (this.options.maxConcurrent ?? 2) && this.queue.length) {
      const entry = this.queue.shift()!;
      this.running += 1;
      void this.start(entry)
        .catch(async (error: Error) => {
          entry.status = {
            state: 'failed',
            reason: 'system',
            message: `could not run the job: ${error.message}`,
          };
          await this.save(entry).catch(() => undefined);
        })
        .finally(() => {
          this.running -= 1;
          this.pump();
        });
    }
  }

  /** Runs one job to its end; resolves when its final status is saved. */
  private async start(entry: Entry): Promise<void> {
    const { job } = entry;
    const files = workFiles(this.options.workRoot, job.id);
    const argv = sandboxArgv(job, {
      host: this.host,
      scriptFile: entry.scriptFile,
      cpuList: pickCpus(allowedCpus(), job.limits.cpus),
      maxFileMb: this.options.maxFileMb,
    });
    const startedAt = new Date().toISOString();
    entry.status = { state: 'running', startedAt };
    const log = await open(files.log, 'a');
    const [command, ...args] = argv as [string, ...string[]];
    // detached: its own process group, so a kill reaches bwrap and everything below it.
    const child = spawn(command, args, { stdio: ['ignore', log.fd, log.fd], detached: true });
    await log.close();
    entry.child = child;
    if (entry.cancelled) killGroup(child); // cancelled while it was being started
    entry.timer = setTimeout(() => {
      entry.timedOut = true;
      killGroup(child);
    }, job.limits.timeSeconds * 1000);
    const ended = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: Error }>(
      (resolve) => {
        child.once('error', (error) => resolve({ code: null, signal: null, error }));
        child.once('exit', (code, signal) => resolve({ code, signal }));
      },
    );
    clearTimeout(entry.timer);
    const endedAt = new Date().toISOString();
    entry.status = ended.error
      ? {
          state: 'failed',
          reason: 'system',
          message: `could not start bwrap: ${ended.error.message}`,
          startedAt,
          endedAt,
        }
      : {
          ...classifyExit({
            code: ended.code,
            signal: ended.signal,
            timedOut: entry.timedOut,
            cancelled: entry.cancelled,
            logTail: await readTail(files.log),
            limits: job.limits,
          }),
          startedAt,
          endedAt,
        };
    await this.save(entry);
  }

  private async save(entry: Entry): Promise<void> {
    await writeFile(
      workFiles(this.options.workRoot, entry.job.id).status,
      JSON.stringify(entry.status),
    ).finally(entry.finish);
  }

  async status(handle: JobHandle): Promise<JobStatus> {
    const entry = this.entries.get(handle.jobId);
    if (entry) return entry.status;
    const files = workFiles(this.options.workRoot, handle.jobId);
    const saved = await readFile(files.status, 'utf8').catch(() => undefined);
    if (saved) return JSON.parse(saved) as JobStatus;
    throw notFound('job', handle.jobId);
  }

  async logs(handle: JobHandle, fromOffset: number): Promise<LogChunk> {
    const final = isFinal((await this.status(handle)).state);
    return readLogChunk(workFiles(this.options.workRoot, handle.jobId).log, fromOffset, final);
  }

  async cancel(handle: JobHandle): Promise<void> {
    const entry = this.entries.get(handle.jobId);
    if (!entry) {
      await this.status(handle); // unknown → not found; ended before a restart → nothing to do
      return;
    }
    if (isFinal(entry.status.state)) return;
    entry.cancelled = true;
    const queued = this.queue.indexOf(entry);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      entry.status = { state: 'cancelled', message: 'cancelled before it started' };
      await this.save(entry);
      return;
    }
    if (entry.child) killGroup(entry.child);
    await entry.done;
  }

  async outputs(handle: JobHandle): Promise<OutputFile[]> {
    return listOutputFiles(await this.outputDir(handle));
  }

  /** Resolves when the job has ended (for callers that want to wait rather than poll). */
  async wait(handle: JobHandle): Promise<JobStatus> {
    await this.entries.get(handle.jobId)?.done;
    return this.status(handle);
  }

  /** The output folder of a job (from memory, or its saved description). */
  async outputDir(handle: JobHandle): Promise<string> {
    const entry = this.entries.get(handle.jobId);
    if (entry) return entry.job.outputDir;
    const saved = await readFile(workFiles(this.options.workRoot, handle.jobId).job, 'utf8').catch(
      () => undefined,
    );
    if (!saved) throw notFound('job', handle.jobId);
    return (JSON.parse(saved) as Job).outputDir;
  }
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
