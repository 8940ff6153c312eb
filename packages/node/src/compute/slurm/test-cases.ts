import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { isFinal, type ComputeBackend, type JobHandle, type JobStatus } from '../types';
import { jobFolders, testJob } from '../test-support';
import { gpuHoursUsed, type MemoryGpuLedger } from './gpu-hours';
import type { SlurmApi } from './api';

/** Polls until the job has ended. */
export async function waitFinal(backend: ComputeBackend, handle: JobHandle): Promise<JobStatus> {
  for (;;) {
    const status = await backend.status(handle);
    if (isFinal(status.state)) return status;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * The end-to-end cases every Slurm transport must pass (REST with JWT, or the CLI), each with a
 * real Python job in the bubblewrap sandbox inside a Slurm job.
 */
export function slurmCases(
  get: () => { backend: ComputeBackend; api: SlurmApi; ledger: MemoryGpuLedger; workRoot: string },
  permitWithGpuHours: string,
): void {
  const dirs = jobFolders('ehds-sjob-');
  afterAll(() => dirs.remove());
  const fresh = (name: string) => {
    const out = join(dirs.root, name);
    mkdirSync(out);
    return out;
  };
  writeFileSync(join(dirs.inputDir, 'cohort.csv'), 'age\n40\n52\n61\n');

  it('runs a Python job through Slurm in the sandbox and reads its output file', async () => {
    // Prepare
    const { backend } = get();
    const outputDir = fresh('out-e2e');
    const job = testJob({
      inputDir: dirs.inputDir,
      outputDir,
      args: ['mean'],
      script: [
        'import sys, os, socket, json',
        'ages = [int(l) for l in open("/data/cohort.csv").read().split()[1:]]',
        'r = {"what": sys.argv[1], "value": sum(ages) / len(ages), "passwd": os.path.exists("/etc/passwd")}',
        'try:',
        '    socket.create_connection(("127.0.0.1", 22), timeout=2); r["net"] = "connected"',
        'except OSError as e: r["net"] = type(e).__name__',
        'json.dump(r, open("/output/result.json", "w"))',
        'print("mean computed", flush=True)',
      ].join('\n'),
    });
    // Execute
    const handle = await backend.submit(job);
    const status = await waitFinal(backend, handle);
    // Assert
    const log = (await backend.logs(handle, 0)).text;
    expect(status.state, log).toBe('succeeded');
    expect(log).toContain('mean computed');
    expect(await backend.outputs(handle)).toEqual([{ path: 'result.json', size: expect.any(Number) }]);
    const result = JSON.parse(readFileSync(join(outputDir, 'result.json'), 'utf8'));
    expect(result).toMatchObject({ what: 'mean', value: 51, passwd: false });
    expect(result.net).not.toBe('connected');
  });

  it('stops a job at its time limit inside Slurm', async () => {
    const { backend } = get();
    const handle = await backend.submit(
      testJob({
        inputDir: dirs.inputDir,
        outputDir: fresh('out-loop'),
        script: 'while True:\n    pass',
        limits: { cpus: 1, memoryMb: 256, timeSeconds: 2 },
      }),
    );
    const st = await waitFinal(backend, handle);
    expect(st, JSON.stringify(st)).toMatchObject({ state: 'failed', reason: 'time-limit' });
  });

  it('cancels a queued or running job', async () => {
    const { backend } = get();
    const handle = await backend.submit(
      testJob({
        inputDir: dirs.inputDir,
        outputDir: fresh('out-cancel'),
        script: 'import time\ntime.sleep(120)',
      }),
    );
    await backend.cancel(handle);
    expect((await waitFinal(backend, handle)).state).toBe('cancelled');
  });

  it('runs a GPU job on the GPU partition and counts its GPU hours against the permit', async () => {
    // Prepare
    const { backend, api, ledger } = get();
    const job = testJob({
      permitId: permitWithGpuHours,
      inputDir: dirs.inputDir,
      outputDir: fresh('out-gpu'),
      script: 'import time\ntime.sleep(1.5)\nprint("trained", flush=True)',
      limits: { cpus: 1, memoryMb: 256, timeSeconds: 600, gpus: 2 },
    });
    // Execute
    const handle = await backend.submit(job);
    const reserved = await ledger.usedHours(permitWithGpuHours);
    const status = await waitFinal(backend, handle);
    const info = await api.job(handle.ref);
    // Assert: reserved the worst case (2 GPUs × 600 s), then settled at 2 × elapsed from Slurm.
    expect(status.state).toBe('succeeded');
    expect(reserved).toBeCloseTo((2 * 600) / 3600, 9);
    expect(info).toMatchObject({ partition: 'gpu', tres_per_node: 'gres:gpu:2' });
    const used = gpuHoursUsed(2, info!.start_time!, info!.end_time!);
    expect(used).toBeGreaterThan(0);
    expect(await ledger.usedHours(permitWithGpuHours)).toBeCloseTo(used, 9);
  });

  it('refuses a GPU job that would exceed the permit’s GPU hours, without submitting it', async () => {
    const { backend } = get();
    const job = testJob({
      permitId: permitWithGpuHours,
      inputDir: dirs.inputDir,
      outputDir: fresh('out-gpu-big'),
      script: 'print(1)',
      limits: { cpus: 1, memoryMb: 256, timeSeconds: 4 * 3600, gpus: 2 },
    });
    await expect(backend.submit(job)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(backend.status({ backend: 'slurm', jobId: job.id, ref: '0' })).rejects.toMatchObject({
      kind: 'not-found',
    });
  });
}
