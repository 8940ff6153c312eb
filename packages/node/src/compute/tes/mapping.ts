import { invalid, type Issue } from '@openehds/core';
import { SANDBOX_PATHS, scriptName } from '../sandbox/command';
import type { Job, JobLanguage, JobStatus } from '../types';
import type { TesState, TesTaskInput } from './schema';

/**
 * How a TES task maps onto our `Job` and back. TES names a container image and a command; this node
 * runs no containers, only its sandboxed interpreters, so the image picks the interpreter and the
 * command must be `<interpreter> <script> args…` where the script is an input given inline
 * (`content`). Data never comes from a URL: the permit's extract is always at /data, and outputs
 * stay in /output for the airlock (Art. 73), so output URLs are recorded, never written to.
 */

/** Image base names (before `:tag`) accepted, and the interpreter each means. */
export const TES_IMAGES: Record<string, JobLanguage> = {
  python: 'python',
  'r-base': 'r',
  rscript: 'r',
  node: 'javascript',
};

/** argv[0] accepted for each language. */
const INTERPRETERS: Record<JobLanguage, string[]> = {
  python: ['python', 'python3', '/usr/bin/python3'],
  r: ['Rscript', '/usr/bin/Rscript'],
  javascript: ['node'],
};

/** Image we send for each language when we are the TES client. */
const IMAGE_FOR: Record<JobLanguage, string> = { python: 'python', r: 'r-base', javascript: 'node' };
const COMMAND_FOR: Record<JobLanguage, string> = { python: 'python3', r: 'Rscript', javascript: 'node' };

/** backend_parameters keys this server understands (case-insensitive, TES 1.1). */
export const TES_BACKEND_PARAMETERS = ['time_seconds', 'permit'] as const;

/** Limits a TES server applies when the task does not say, and the most it grants. */
export interface TesLimitsPolicy {
  defaultCpus: number;
  defaultMemoryMb: number;
  defaultTimeSeconds: number;
  maxCpus: number;
  maxMemoryMb: number;
  maxTimeSeconds: number;
}

export const DEFAULT_TES_POLICY: TesLimitsPolicy = {
  defaultCpus: 1,
  defaultMemoryMb: 1024,
  defaultTimeSeconds: 600,
  maxCpus: 2,
  maxMemoryMb: 8192,
  maxTimeSeconds: 24 * 3600,
};

/** The permit a task says it runs under: tags.permit, or backend_parameters.permit. */
export function taskPermit(task: TesTaskInput): string | undefined {
  return task.tags?.permit ?? lowerKeys(task.resources?.backend_parameters ?? {}).permit;
}

/** Turns a TES task into a job, listing every reason it cannot run here. */
export function taskToJob(
  task: TesTaskInput,
  placement: { jobId: string; permitId: string; inputDir: string; outputDir: string },
  policy: TesLimitsPolicy = DEFAULT_TES_POLICY,
): Job {
  const issues: Issue[] = [];
  if (task.executors.length !== 1)
    issues.push({ path: 'executors', message: 'this server runs exactly one executor per task' });
  const executor = task.executors[0]!; // the schema requires at least one
  const base = (executor.image.split(/[:@]/)[0] ?? '').split('/').pop()!.toLowerCase();
  const language = TES_IMAGES[base];
  if (!language)
    issues.push({
      path: 'executors[0].image',
      message: `image ${executor.image} is not offered; use one of ${Object.keys(TES_IMAGES).join(', ')}`,
    });
  if (executor.env && Object.keys(executor.env).length)
    issues.push({ path: 'executors[0].env', message: 'environment variables are not passed; use arguments' });
  for (const field of ['stdin', 'stdout', 'stderr'] as const)
    if (executor[field])
      issues.push({ path: `executors[0].${field}`, message: 'not supported: the log is captured' });
  if (executor.workdir && executor.workdir !== SANDBOX_PATHS.output)
    issues.push({
      path: 'executors[0].workdir',
      message: `the working directory is always ${SANDBOX_PATHS.output}`,
    });
  if (task.volumes?.length) issues.push({ path: 'volumes', message: 'volumes are not supported; use /tmp' });

  const scripts = (task.inputs ?? []).filter((i) => i.content !== undefined);
  (task.inputs ?? []).forEach((input, n) => {
    if (input.content === undefined)
      issues.push({
        path: `inputs[${n}].url`,
        message: 'inputs from URLs are not fetched: the permit’s data is at /data; give the script inline',
      });
  });
  if (scripts.length !== 1)
    issues.push({ path: 'inputs', message: 'give exactly one input with the script as its content' });
  const script = scripts[0];
  if (language && script) {
    const [argv0 = '', scriptPath] = executor.command;
    if (!INTERPRETERS[language].includes(argv0))
      issues.push({
        path: 'executors[0].command[0]',
        message: `for ${executor.image} the command starts with ${INTERPRETERS[language].join(' or ')}`,
      });
    if (scriptPath !== script.path)
      issues.push({
        path: 'executors[0].command[1]',
        message: `must be the script input's path ${script.path}`,
      });
  }
  (task.outputs ?? []).forEach((output, n) => {
    if (!output.path.startsWith(`${SANDBOX_PATHS.output}/`) && output.path !== SANDBOX_PATHS.output)
      issues.push({ path: `outputs[${n}].path`, message: `outputs must be under ${SANDBOX_PATHS.output}` });
  });

  const resources = task.resources ?? {};
  const params = lowerKeys(resources.backend_parameters ?? {});
  const unknown = Object.keys(params).filter(
    (k) => !(TES_BACKEND_PARAMETERS as readonly string[]).includes(k),
  );
  if (unknown.length && resources.backend_parameters_strict)
    issues.push({ path: 'resources.backend_parameters', message: `unsupported keys: ${unknown.join(', ')}` });
  const cpus = resources.cpu_cores ?? policy.defaultCpus;
  const memoryMb =
    resources.ram_gb !== undefined ? Math.ceil(resources.ram_gb * 1024) : policy.defaultMemoryMb;
  const timeSeconds =
    params.time_seconds !== undefined ? Number(params.time_seconds) : policy.defaultTimeSeconds;
  if (cpus > policy.maxCpus)
    issues.push({ path: 'resources.cpu_cores', message: `at most ${policy.maxCpus}` });
  if (memoryMb > policy.maxMemoryMb)
    issues.push({ path: 'resources.ram_gb', message: `at most ${policy.maxMemoryMb / 1024} GB` });
  if (!Number.isInteger(timeSeconds) || timeSeconds < 1 || timeSeconds > policy.maxTimeSeconds)
    issues.push({
      path: 'resources.backend_parameters.time_seconds',
      message: `a whole number of seconds from 1 to ${policy.maxTimeSeconds}`,
    });
  if (issues.length) throw invalid('this TES task cannot run on this node', issues);

  return {
    id: placement.jobId,
    permitId: placement.permitId,
    language: language!,
    script: script!.content!,
    args: executor.command.slice(2),
    limits: { cpus, memoryMb, timeSeconds },
    inputDir: placement.inputDir,
    outputDir: placement.outputDir,
  };
}

/** The TES task a client sends for a job (the inverse of `taskToJob`). */
export function jobToTask(job: Job): TesTaskInput {
  const path = `${SANDBOX_PATHS.job}/${scriptName(job.language)}`;
  return {
    name: job.id,
    inputs: [{ path, content: job.script, type: 'FILE' }],
    outputs: [{ path: SANDBOX_PATHS.output, url: `airlock:${job.id}`, type: 'DIRECTORY' }],
    resources: {
      cpu_cores: job.limits.cpus,
      ram_gb: job.limits.memoryMb / 1024,
      backend_parameters: { time_seconds: String(job.limits.timeSeconds) },
    },
    executors: [{ image: IMAGE_FOR[job.language], command: [COMMAND_FOR[job.language], path, ...job.args] }],
    tags: { permit: job.permitId, job: job.id },
  };
}

/** tesState for one of our statuses. */
export function tesState(status: JobStatus): TesState {
  switch (status.state) {
    case 'queued':
      return 'QUEUED';
    case 'running':
      return 'RUNNING';
    case 'succeeded':
      return 'COMPLETE';
    case 'cancelled':
      return 'CANCELED';
    case 'failed':
      return status.reason === 'system' ? 'SYSTEM_ERROR' : 'EXECUTOR_ERROR';
  }
}

/** Our status for a tesState (the client side). */
export function jobState(state: TesState): JobStatus['state'] {
  switch (state) {
    case 'UNKNOWN':
    case 'QUEUED':
    case 'INITIALIZING':
    case 'PAUSED':
      return 'queued';
    case 'RUNNING':
      return 'running';
    case 'COMPLETE':
      return 'succeeded';
    case 'CANCELED':
      return 'cancelled';
    case 'EXECUTOR_ERROR':
    case 'SYSTEM_ERROR':
    case 'PREEMPTED':
      return 'failed';
  }
}

function lowerKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k.toLowerCase(), v]));
}
