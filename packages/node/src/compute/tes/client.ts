import { AppError, notFound } from '@openehds/core';
import type { z } from 'zod';
import {
  TesCreateTaskResponseSchema,
  TesListTasksResponseSchema,
  TesServiceInfoSchema,
  TesTaskViewSchema,
  type TesServiceInfo,
  type TesTaskInput,
  type TesTaskView,
  type TesView,
} from './schema';

/** How to reach a TES server. */
export interface TesClientOptions {
  /** Base URL including the TES prefix, e.g. https://factory.example.eu/ga4gh/tes/v1 */
  url: string;
  /** Bearer token (the spec recommends OAuth2 bearer tokens), per request so it can be refreshed. */
  token?: () => Promise<string> | string;
  fetch?: typeof fetch;
}

/** A GA4GH TES v1.1 client; every response is checked against the spec's schemas. */
export class TesClient {
  private readonly base: string;

  constructor(private readonly options: TesClientOptions) {
    this.base = options.url.replace(/\/$/, '');
  }

  private async call<S extends z.ZodType>(
    method: string,
    path: string,
    schema: S,
    body?: unknown,
  ): Promise<z.infer<S>> {
    const token = this.options.token ? await this.options.token() : undefined;
    const res = await (this.options.fetch ?? fetch)(`${this.base}${path}`, {
      method,
      headers: {
        accept: 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : {};
    } catch {
      throw new AppError('unavailable', `TES ${method} ${path}: HTTP ${res.status}, not JSON`);
    }
    if (res.status === 404) throw notFound('TES task at', path);
    if (!res.ok) {
      const detail =
        (json as { detail?: string; message?: string }).detail ?? (json as { message?: string }).message;
      const kind =
        res.status === 401
          ? 'unauthenticated'
          : res.status === 403
            ? 'forbidden'
            : res.status < 500
              ? 'invalid'
              : 'unavailable';
      throw new AppError(
        kind,
        `TES ${method} ${path}: HTTP ${res.status}${detail ? `: ${detail}` : ''}`,
        (json as { issues?: [] }).issues ?? [],
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success)
      throw new AppError(
        'unavailable',
        `TES ${method} ${path}: the response does not follow TES v1.1 (${parsed.error.issues[0]?.message})`,
      );
    return parsed.data;
  }

  serviceInfo(): Promise<TesServiceInfo> {
    return this.call('GET', '/service-info', TesServiceInfoSchema);
  }

  async createTask(task: TesTaskInput): Promise<string> {
    return (await this.call('POST', '/tasks', TesCreateTaskResponseSchema, task)).id;
  }

  getTask(id: string, view: TesView = 'MINIMAL'): Promise<TesTaskView> {
    return this.call('GET', `/tasks/${encodeURIComponent(id)}?view=${view}`, TesTaskViewSchema);
  }

  listTasks(query: { namePrefix?: string; pageSize?: number; pageToken?: string; view?: TesView } = {}) {
    const params = new URLSearchParams({
      view: query.view ?? 'MINIMAL',
      ...(query.namePrefix ? { name_prefix: query.namePrefix } : {}),
      ...(query.pageSize ? { page_size: String(query.pageSize) } : {}),
      ...(query.pageToken ? { page_token: query.pageToken } : {}),
    });
    return this.call('GET', `/tasks?${params}`, TesListTasksResponseSchema);
  }

  async cancelTask(id: string): Promise<void> {
    await this.call('POST', `/tasks/${encodeURIComponent(id)}:cancel`, TesCreateTaskResponseSchema.partial());
  }
}
