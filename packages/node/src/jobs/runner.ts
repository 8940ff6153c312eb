import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { NodeStore } from '@openehds/analytics';
import { conflict, invalid } from '@openehds/core';
import { isFinal, type ComputeBackend, type JobHandle, type JobStatus } from '../compute/types';
import { EXTRACT_FILES_DIR, extractFolder, hasExtractFiles } from '../extract/files';
import { permitState } from '../permits/state';
import { sleep } from '../federation/sleep';
import type { BackendName, Backends } from './backends';
import type { HubApprovedLedger } from './ledger';
import { collectOutputs } from './outputs';
import {
  AIRLOCK_OUTPUTS_MESSAGE,
  JOB_FINISHED_MESSAGE,
  JOB_LOG_MESSAGE,
  type JobRunPayload,
} from './payload';

/** What the runner needs: where files live, the backends, and the way to the hub. */
export interface JobRunnerOptions {
  store: NodeStore;
  /** The node's data dir, as a real path (no symlinks: the sandbox refuses symlinked folders). */
  dataDir: string;
  backends: Backends;
  defaultBackend: BackendName;
  ledger: HubApprovedLedger;
  /** Sends a signed node message to the hub (`runtime.send`). */
  send: (type: string, body: unknown) => Promise<unknown>;
  /** How often a running job is looked at (ms). */
  pollMs?: number;
  clock?: () => Date;
  log?: (message: string) => void;
}

interface Entry {
  payload: JobRunPayload;
  backendName: BackendName;
  backend: ComputeBackend;
  handle: JobHandle;
  outputDir: string;
  /** Resolves when the job's end was reported to the hub (or given up). */
  done: Promise<void>;
}

/** At most this much of a job's log goes to the hub per message (the hub keeps up to 2 MiB). */
const CHUNK_BYTES = 256 * 1024;

/**
 * Runs the jobs the hub sends (issue 4 §5–6): each on the backend it asks for (the node's default
 * otherwise), with the permit's data files read-only as its input and a fresh output folder; watches
 * it, sending its log to the hub as it grows (`job.log`), cancels it if the permit stops being active
 * here, and at its end hands the output files to the airlock (`airlock.outputs`, the only place they
 * ever go; Art. 73(2)) and reports how it ended (`job.finished`). Then the job's folders are removed.
 */
export class JobRunner {
  private readonly jobs = new Map<string, Entry>();
  private readonly stopper = new AbortController();

  constructor(private readonly options: JobRunnerOptions) {}

  /** Starts a job (idempotent per job id: a redelivered task gets the job's current state). */
  async run(
    payload: JobRunPayload,
  ): Promise<{ jobId: string; backend: BackendName; ref: string; state: string }> {
    const known = this.jobs.get(payload.jobId);
    if (known) {
      const status = await known.backend.status(known.handle).catch(() => ({ state: 'unknown' }));
      return { jobId: payload.jobId, backend: known.backendName, ref: known.handle.ref, state: status.state };
    }
    const backendName = payload.backend ?? this.options.defaultBackend;
    const chosen = this.options.backends[backendName];
    if (!chosen)
      throw invalid(
        `this node runs no ${backendName} backend; it has ${Object.keys(this.options.backends).join(', ')}. Submit with one of those`,
      );
    if ((payload.limits.gpus ?? 0) > 0 && backendName !== 'slurm')
      throw invalid(
        `GPUs are given only on an AI Factory's GPU partition: submit with backend slurm, or gpus 0`,
      );
    const root = join(this.options.dataDir, EXTRACT_FILES_DIR);
    if (!(await hasExtractFiles(root, payload.permitId)))
      throw conflict(
        `the data files of permit ${payload.permitId} are not prepared at this node yet (the extract waits for the opt-out registry or an earlier version); try again later`,
      );
    const outputDir = join(this.options.dataDir, 'jobs', payload.jobId, 'output');
    await mkdir(outputDir, { recursive: true, mode: 0o700 });
    const gpus = payload.limits.gpus ?? 0;
    if (gpus > 0) this.options.ledger.approve(payload.permitId, payload.jobId, payload.gpuHoursApproved);
    const handle = await chosen.backend.submit({
      id: payload.jobId,
      permitId: payload.permitId,
      language: payload.language,
      script: payload.script,
      args: payload.args,
      limits: { ...payload.limits, gpus },
      inputDir: extractFolder(root, payload.permitId),
      outputDir,
    });
    let finished = () => {};
    const entry: Entry = {
      payload,
      backendName,
      backend: chosen.backend,
      handle,
      outputDir,
      done: new Promise<void>((r) => (finished = r)),
    };
    this.jobs.set(payload.jobId, entry);
    void this.watch(entry)
      .catch((err: Error) => this.options.log?.(`job ${payload.jobId}: watching failed: ${err.message}`))
      .finally(finished);
    return { jobId: payload.jobId, backend: backendName, ref: handle.ref, state: 'queued' };
  }

  /** Cancels a job (the hub's `job.cancel`); its end is reported by the watcher as for any job. */
  async cancel(jobId: string): Promise<{ jobId: string; known: boolean }> {
    const entry = this.jobs.get(jobId);
    if (!entry) return { jobId, known: false };
    await entry.backend.cancel(entry.handle);
    return { jobId, known: true };
  }

  /** Resolves when the job's end has been reported (for tests and orderly shutdown). */
  async settled(jobId: string): Promise<void> {
    await this.jobs.get(jobId)?.done;
  }

  /** Stops watching (the node is stopping); local jobs die with the node (compute/README.md). */
  async stop(): Promise<void> {
    this.stopper.abort();
    await Promise.allSettled([...this.jobs.values()].map((e) => e.done));
  }

  private async watch(entry: Entry): Promise<void> {
    const { payload, backend, handle } = entry;
    const signal = this.stopper.signal;
    const pollMs = this.options.pollMs ?? 1_000;
    let offset = 0;
    let reported: string | undefined;
    let permitEnded: string | null = null;
    let failures = 0;
    let status: JobStatus = { state: 'queued' };
    for (;;) {
      if (signal.aborted) return;
      try {
        status = await backend.status(handle);
        if (!isFinal(status.state) && !permitEnded) {
          // The permit is policy for the whole run, not only at the start (DESIGN.md §1; Art. 63, 68(12)).
          const permit = await permitState(this.options.store, payload.permitId, this.now());
          if (!permit.active) {
            permitEnded = permit.reason;
            await backend.cancel(handle);
            continue;
          }
        }
        const chunk = await backend.logs(handle, offset);
        const text = clip(chunk.text);
        const live = isFinal(status.state) ? 'running' : status.state;
        if (text || live !== reported) {
          const ack = (await this.options.send(JOB_LOG_MESSAGE, {
            jobId: payload.jobId,
            permitId: payload.permitId,
            offset,
            text,
            state: live,
          })) as { logBytes?: number } | null;
          // The hub says how many bytes it holds: a lost chunk is sent again from there.
          offset = typeof ack?.logBytes === 'number' ? ack.logBytes : offset + Buffer.byteLength(text);
          reported = live;
        }
        failures = 0;
        if (isFinal(status.state) && chunk.complete && offset >= chunk.nextOffset) break;
        if (!text) await sleep(pollMs, signal);
      } catch (err) {
        failures += 1;
        this.options.log?.(`job ${payload.jobId}: ${(err as Error).message} (retrying)`);
        await sleep(Math.min(pollMs * 2 ** failures, 30_000), signal);
      }
    }
    await this.finish(entry, status, permitEnded);
  }

  private async finish(entry: Entry, status: JobStatus, permitEnded: string | null): Promise<void> {
    const { payload } = entry;
    const { files, withheld, listed } = await collectOutputs(entry.outputDir);
    let airlock: { id: string; reference: string } | null = null;
    let airlockError: string | null = null;
    if (permitEnded) {
      if (files.length) airlockError = `not sent: the permit is no longer active here (${permitEnded})`;
    } else if (files.length) {
      try {
        const r = (await this.options.send(AIRLOCK_OUTPUTS_MESSAGE, {
          permitId: payload.permitId,
          origin: { kind: 'job', id: payload.jobId },
          author: payload.author,
          files,
        })) as { id: string; reference: string };
        airlock = { id: r.id, reference: r.reference };
      } catch (err) {
        airlockError = (err as Error).message;
      }
    }
    const body = {
      jobId: payload.jobId,
      permitId: payload.permitId,
      state: status.state,
      ...(status.exitCode !== undefined ? { exitCode: status.exitCode } : {}),
      ...(status.reason ? { reason: status.reason } : {}),
      message: permitEnded ? `cancelled: ${permitEnded}` : (status.message ?? null),
      startedAt: status.startedAt ?? null,
      endedAt: status.endedAt ?? null,
      outputs: listed,
      withheld,
      airlock,
      airlockError,
      gpuHoursUsed: this.options.ledger.usedBy(payload.permitId, payload.jobId) ?? null,
    };
    for (let attempt = 0; ; attempt++) {
      try {
        await this.options.send(JOB_FINISHED_MESSAGE, body);
        break;
      } catch (err) {
        if (attempt >= 5 || this.stopper.signal.aborted) {
          // Kept: the folder stays until someone looks, rather than outputs vanishing unreported.
          this.options.log?.(`job ${payload.jobId}: the hub did not take its end: ${(err as Error).message}`);
          return;
        }
        await sleep(500 * 2 ** attempt, this.stopper.signal);
      }
    }
    // The outputs are in the airlock now (or were refused): nothing of the job stays at the node.
    await rm(join(this.options.dataDir, 'jobs', payload.jobId), { recursive: true, force: true });
    const workRoot = this.options.backends[entry.backendName]?.workRoot;
    if (workRoot) await rm(join(workRoot, payload.jobId), { recursive: true, force: true });
  }

  private now(): Date {
    return (this.options.clock ?? (() => new Date()))();
  }
}

/** At most {@link CHUNK_BYTES} of text, cut on a character boundary. */
function clip(text: string): string {
  if (Buffer.byteLength(text) <= CHUNK_BYTES) return text;
  let cut = Buffer.from(text).subarray(0, CHUNK_BYTES).toString('utf8');
  if (cut.endsWith('\uFFFD')) cut = cut.slice(0, -1);
  return cut;
}
