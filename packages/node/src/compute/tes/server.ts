import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import { invalid, notFound, zodIssues } from '@openehds/core';
import { isFinal, type ComputeBackend, type JobHandle } from '../types';
import {
  DEFAULT_TES_POLICY,
  TES_BACKEND_PARAMETERS,
  taskPermit,
  taskToJob,
  tesState,
  type TesLimitsPolicy,
} from './mapping';
import {
  TES_VIEWS,
  TesTaskSchema,
  type TesServiceInfo,
  type TesTaskInput,
  type TesTaskView,
  type TesView,
} from './schema';

/** Where a task may run: decided by the node for the caller and the permit it names. */
export interface TesPlacement {
  permitId: string;
  /** The permit's extract, read-only at /data. */
  inputDir: string;
  /** A fresh, empty folder for this task's outputs (the airlock takes it from there). */
  outputDir: string;
}

/** Options of the TES server plugin. */
export interface TesServerOptions {
  backend: ComputeBackend;
  /**
   * Authenticates the caller and checks the permit the task names (tags.permit): it must be active
   * and name the caller; returns where the task runs, or throws `unauthenticated`/`forbidden`.
   */
  admit(
    request: FastifyRequest,
    task: TesTaskInput,
    permitId: string | undefined,
    taskId: string,
  ): Promise<TesPlacement>;
  /** Authenticates a caller for reads and cancels; returns the permits it may see. */
  caller(request: FastifyRequest): Promise<{ permits: string[] }>;
  policy?: TesLimitsPolicy;
  serviceInfo?: Partial<Pick<TesServiceInfo, 'id' | 'name' | 'description' | 'organization'>>;
  /** Most log text returned in a FULL view (the tail), bytes. */
  maxLogBytes?: number;
}

interface Entry {
  id: string;
  task: TesTaskInput;
  permitId: string;
  handle: JobHandle;
  creation_time: string;
}

/** Path prefix of TES v1 (the spec's `servers: /ga4gh/tes/v1`). */
export const TES_PREFIX = '/ga4gh/tes/v1';

/**
 * A minimal GA4GH TES v1.1 server in front of a compute backend (normally the local sandbox), so a
 * node can take tasks from its AI Factory partners in the standard shape (issue 4 §6). Tasks run in
 * the sandbox like any job; outputs stay at the node for the airlock, listed in the task log with an
 * `airlock:` URL. Tasks are held in memory (a restart forgets them; the jobs' files remain).
 * Register with `app.register(tesServer, { ...options, prefix: TES_PREFIX })`.
 */
export const tesServer: FastifyPluginAsync<TesServerOptions> = async (app: FastifyInstance, options) => {
  const tasks = new Map<string, Entry>();
  const policy = options.policy ?? DEFAULT_TES_POLICY;
  const maxLog = options.maxLogBytes ?? 256 * 1024;

  async function visible(request: FastifyRequest, id: string): Promise<Entry> {
    const { permits } = await options.caller(request);
    const entry = tasks.get(id);
    // A task under a permit the caller does not hold is reported as absent, not as forbidden.
    if (!entry || !permits.includes(entry.permitId)) throw notFound('task', id);
    return entry;
  }

  async function render(entry: Entry, view: TesView): Promise<TesTaskView> {
    const status = await options.backend.status(entry.handle);
    const state = tesState(status);
    if (view === 'MINIMAL') return { id: entry.id, state };
    const inputs = entry.task.inputs?.map((i) => (view === 'FULL' ? i : { ...i, content: undefined }));
    const ended = isFinal(status.state);
    let stdout: string | undefined;
    if (view === 'FULL') {
      let text = '';
      for (let offset = 0; ;) {
        const chunk = await options.backend.logs(entry.handle, offset);
        text += chunk.text;
        offset = chunk.nextOffset;
        if (chunk.complete || !chunk.text) break;
      }
      stdout = Buffer.byteLength(text) > maxLog ? Buffer.from(text).subarray(-maxLog).toString('utf8') : text;
    }
    const outputs = ended
      ? (await options.backend.outputs(entry.handle)).map((f) => ({
          url: `airlock:${entry.id}/${f.path}`,
          path: `/output/${f.path}`,
          size_bytes: String(f.size),
        }))
      : [];
    return {
      ...entry.task,
      inputs,
      id: entry.id,
      state,
      creation_time: entry.creation_time,
      logs: [
        {
          start_time: status.startedAt,
          end_time: status.endedAt,
          logs:
            status.startedAt === undefined
              ? []
              : [
                  {
                    start_time: status.startedAt,
                    end_time: status.endedAt,
                    // stdout and stderr are captured together, in order, as one log.
                    ...(stdout !== undefined ? { stdout, stderr: '' } : {}),
                    exit_code: status.exitCode ?? (ended ? -1 : 0),
                  },
                ],
          outputs,
          metadata: { permit: entry.permitId, ...(status.reason ? { reason: status.reason } : {}) },
          ...(view === 'FULL' && status.message ? { system_logs: [status.message] } : {}),
        },
      ],
    };
  }

  function viewOf(request: FastifyRequest): TesView {
    const view = (request.query as { view?: string }).view ?? 'MINIMAL';
    if (!(TES_VIEWS as readonly string[]).includes(view))
      throw invalid('view must be MINIMAL, BASIC or FULL', [
        { path: 'view', message: `unknown view ${view}` },
      ]);
    return view as TesView;
  }

  app.get('/service-info', async () => {
    const info: TesServiceInfo = {
      id: options.serviceInfo?.id ?? 'eu.openehds.node.tes',
      name: options.serviceInfo?.name ?? 'OpenEHDS node TES',
      description:
        options.serviceInfo?.description ??
        'Runs Python, R and JavaScript tasks next to permitted data in a bubblewrap sandbox; outputs go to the airlock.',
      type: { group: 'org.ga4gh', artifact: 'tes', version: '1.1.0' },
      organization: options.serviceInfo?.organization ?? { name: 'OpenEHDS', url: 'https://openehds.eu' },
      version: '0.1.0',
      storage: ['airlock:'],
      tesResources_backend_parameters: [...TES_BACKEND_PARAMETERS],
    };
    return info;
  });

  app.post('/tasks', async (request) => {
    const parsed = TesTaskSchema.safeParse(request.body);
    if (!parsed.success) throw invalid('the TES task is not valid', zodIssues(parsed.error));
    const task = parsed.data;
    const id = `tes-${randomUUID()}`;
    // Check the shape against what this node can run before admitting it (which may create folders).
    taskToJob(
      task,
      { jobId: id, permitId: 'unchecked', inputDir: '/unchecked', outputDir: '/unchecked' },
      policy,
    );
    const placement = await options.admit(request, task, taskPermit(task), id);
    const job = taskToJob(task, { jobId: id, ...placement }, policy);
    const handle = await options.backend.submit(job);
    tasks.set(id, {
      id,
      task,
      permitId: placement.permitId,
      handle,
      creation_time: new Date().toISOString(),
    });
    return { id };
  });

  app.get('/tasks', async (request) => {
    const { permits } = await options.caller(request);
    const query = request.query as { name_prefix?: string; page_size?: string; page_token?: string };
    const view = viewOf(request);
    const size = Math.min(2047, Math.max(1, Number(query.page_size ?? 256) || 256));
    const all = [...tasks.values()]
      .filter((e) => permits.includes(e.permitId))
      .filter((e) => !query.name_prefix || (e.task.name ?? '').startsWith(query.name_prefix))
      .sort((a, b) => a.creation_time.localeCompare(b.creation_time) || a.id.localeCompare(b.id));
    const start = query.page_token ? Number(Buffer.from(query.page_token, 'base64url').toString()) || 0 : 0;
    const page = all.slice(start, start + size);
    const next =
      start + size < all.length ? Buffer.from(String(start + size)).toString('base64url') : undefined;
    return {
      tasks: await Promise.all(page.map((e) => render(e, view))),
      ...(next ? { next_page_token: next } : {}),
    };
  });

  app.get('/tasks/:id', async (request) => {
    const entry = await visible(request, (request.params as { id: string }).id);
    return render(entry, viewOf(request));
  });

  // The spec's path is /tasks/{id}:cancel; `::` is Fastify's literal colon, and the id's pattern
  // stops it from swallowing the `:cancel` suffix.
  app.post('/tasks/:id(^[^:]+)::cancel', async (request) => {
    const entry = await visible(request, (request.params as { id: string }).id);
    // Cancelling a finished task is not an error (the task simply stays as it ended).
    await options.backend.cancel(entry.handle);
    return {};
  });
};
