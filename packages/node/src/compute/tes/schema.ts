import { z } from 'zod';

/**
 * GA4GH Task Execution Service v1.1 documents, as zod schemas (the `tesTask` family of the TES 1.1
 * OpenAPI description): what a client sends to POST /tasks and what GET /tasks/{id} returns. Field
 * names are the spec's (snake_case). Unknown fields are allowed on input, as the spec adds fields in
 * minor versions; what this server does not support is refused in `task-to-job.ts`, not here.
 */

/** tesState, including PREEMPTED (added in 1.1). */
export const TES_STATES = [
  'UNKNOWN',
  'QUEUED',
  'INITIALIZING',
  'RUNNING',
  'PAUSED',
  'COMPLETE',
  'EXECUTOR_ERROR',
  'SYSTEM_ERROR',
  'CANCELED',
  'PREEMPTED',
] as const;
export const TesStateSchema = z.enum(TES_STATES);
export type TesState = z.infer<typeof TesStateSchema>;

const absolute = z.string().startsWith('/', 'must be an absolute path');
const FileType = z.enum(['FILE', 'DIRECTORY']);

export const TesExecutorSchema = z.object({
  image: z.string().min(1),
  command: z.array(z.string()).min(1),
  workdir: absolute.optional(),
  stdin: absolute.optional(),
  stdout: absolute.optional(),
  stderr: absolute.optional(),
  env: z.record(z.string(), z.string()).optional(),
  /** 1.1: keep going to the next executor when this one fails. */
  ignore_error: z.boolean().optional(),
});

const TesInputShape = z.object({
  name: z.string().optional(),
  description: z.string().optional(),
  url: z.string().optional(),
  path: absolute,
  type: FileType.default('FILE'),
  content: z.string().optional(),
  /** 1.1: the input may be streamed rather than copied. */
  streamable: z.boolean().optional(),
});

/** An input as submitted: a URL or inline content (BASIC views drop the content, so not there). */
export const TesInputSchema = TesInputShape.refine((i) => i.url !== undefined || i.content !== undefined, {
  message: 'an input needs a url, or its content inline',
  path: ['url'],
});

export const TesOutputSchema = z.object({
  name: z.string().optional(),
  description: z.string().optional(),
  url: z.string().min(1),
  path: absolute,
  /** 1.1: for wildcard outputs, the prefix removed from each matched path. */
  path_prefix: z.string().optional(),
  type: FileType.default('FILE'),
});

export const TesResourcesSchema = z.object({
  cpu_cores: z.number().int().positive().optional(),
  preemptible: z.boolean().optional(),
  ram_gb: z.number().positive().optional(),
  disk_gb: z.number().positive().optional(),
  zones: z.array(z.string()).optional(),
  /** 1.1: backend-specific key/values; keys are case-insensitive. */
  backend_parameters: z.record(z.string(), z.string()).optional(),
  backend_parameters_strict: z.boolean().optional(),
});

/** The body of POST /tasks (read-only fields such as id, state, logs are ignored if sent). */
export const TesTaskSchema = z.object({
  name: z.string().optional(),
  description: z.string().optional(),
  inputs: z.array(TesInputSchema).optional(),
  outputs: z.array(TesOutputSchema).optional(),
  resources: TesResourcesSchema.optional(),
  executors: z.array(TesExecutorSchema).min(1),
  volumes: z.array(absolute).optional(),
  tags: z.record(z.string(), z.string()).optional(),
});
export type TesTaskInput = z.infer<typeof TesTaskSchema>;

export const TesExecutorLogSchema = z.object({
  start_time: z.string().optional(),
  end_time: z.string().optional(),
  stdout: z.string().optional(),
  stderr: z.string().optional(),
  exit_code: z.number().int(),
});

export const TesOutputFileLogSchema = z.object({
  url: z.string(),
  path: z.string(),
  /** int64 as a string, as the spec says. */
  size_bytes: z.string().regex(/^\d+$/),
});

export const TesTaskLogSchema = z.object({
  logs: z.array(TesExecutorLogSchema),
  metadata: z.record(z.string(), z.string()).optional(),
  start_time: z.string().optional(),
  end_time: z.string().optional(),
  outputs: z.array(TesOutputFileLogSchema),
  system_logs: z.array(z.string()).optional(),
});

/** A task as the server returns it (GET /tasks/{id}); MINIMAL view has only id and state. */
export const TesTaskViewSchema = TesTaskSchema.partial({ executors: true }).extend({
  inputs: z.array(TesInputShape).optional(),
  id: z.string(),
  state: TesStateSchema,
  logs: z.array(TesTaskLogSchema).optional(),
  creation_time: z.string().optional(),
});
export type TesTaskView = z.infer<typeof TesTaskViewSchema>;

export const TesCreateTaskResponseSchema = z.object({ id: z.string().min(1) });

export const TesListTasksResponseSchema = z.object({
  tasks: z.array(TesTaskViewSchema),
  next_page_token: z.string().optional(),
});

/** GA4GH service-info with the TES extensions. */
export const TesServiceInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.object({ group: z.string(), artifact: z.string(), version: z.string() }),
  description: z.string().optional(),
  organization: z.object({ name: z.string(), url: z.string() }),
  version: z.string(),
  storage: z.array(z.string()).optional(),
  /** 1.1: the backend_parameters keys this server understands. */
  tesResources_backend_parameters: z.array(z.string()).optional(),
});
export type TesServiceInfo = z.infer<typeof TesServiceInfoSchema>;

export const TES_VIEWS = ['MINIMAL', 'BASIC', 'FULL'] as const;
export type TesView = (typeof TES_VIEWS)[number];
