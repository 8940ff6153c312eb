import { describe, expect, it } from 'vitest';
import { AppError } from '@openehds/core';
import { jobState, jobToTask, taskToJob, tesState } from './mapping';
import { TES_STATES, TesTaskSchema, TesTaskViewSchema } from './schema';
import type { Job } from '../types';

const job: Job = {
  id: 'job-7',
  permitId: 'P-2027-0042-FI',
  language: 'r',
  script: 'cat(1)',
  args: ['--flag', 'x'],
  limits: { cpus: 2, memoryMb: 2048, timeSeconds: 120 },
  inputDir: '/srv/in',
  outputDir: '/srv/out',
};

describe('TES mapping', () => {
  it('round-trips a job through a TES task', () => {
    const task = TesTaskSchema.parse(jobToTask(job));
    expect(task.executors[0]).toEqual({
      image: 'r-base',
      command: ['Rscript', '/job/main.R', '--flag', 'x'],
    });
    const back = taskToJob(task, {
      jobId: 'job-7',
      permitId: job.permitId,
      inputDir: '/srv/in',
      outputDir: '/srv/out',
    });
    expect(back).toEqual(job);
  });

  it('applies the policy defaults and ceilings', () => {
    const task = jobToTask(job);
    delete task.resources;
    const placed = { jobId: 'j', permitId: 'P', inputDir: '/a', outputDir: '/b' };
    expect(taskToJob(task, placed).limits).toEqual({ cpus: 1, memoryMb: 1024, timeSeconds: 600 });
    const greedy = {
      ...task,
      resources: { cpu_cores: 64, ram_gb: 1024, backend_parameters: { TIME_SECONDS: '0' } },
    };
    let error: AppError | undefined;
    try {
      taskToJob(greedy, placed);
    } catch (e) {
      error = e as AppError;
    }
    expect(error?.issues.map((i) => i.path)).toEqual([
      'resources.cpu_cores',
      'resources.ram_gb',
      'resources.backend_parameters.time_seconds',
    ]);
  });

  it('maps states both ways and validates the state enum', () => {
    expect(tesState({ state: 'failed', reason: 'memory-limit' })).toBe('EXECUTOR_ERROR');
    expect(tesState({ state: 'failed', reason: 'system' })).toBe('SYSTEM_ERROR');
    expect(tesState({ state: 'cancelled' })).toBe('CANCELED');
    for (const state of TES_STATES)
      expect(['queued', 'running', 'succeeded', 'failed', 'cancelled']).toContain(jobState(state));
    expect(TesTaskViewSchema.safeParse({ id: 't', state: 'DONE' }).success).toBe(false);
    expect(TesTaskViewSchema.safeParse({ id: 't', state: 'PREEMPTED' }).success).toBe(true);
  });

  it('requires executors, absolute paths and a url or content on each input', () => {
    const result = TesTaskSchema.safeParse({
      executors: [],
      inputs: [{ path: 'relative', type: 'FILE' }],
      outputs: [{ path: '/output/x', type: 'FOLDER', url: 'u' }],
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['executors', 'inputs.0.path', 'inputs.0.url', 'outputs.0.type']),
    );
  });
});
