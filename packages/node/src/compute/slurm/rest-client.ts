import { AppError } from '@openehds/core';
import type { SlurmApi, SlurmJobInfo, SlurmJobProperties } from './api';

/** How to reach slurmrestd. */
export interface SlurmRestOptions {
  /** Base URL, e.g. https://aifactory.example.eu:6820 */
  url: string;
  /** The Slurm user jobs run as (`X-SLURM-USER-NAME`). */
  user: string;
  /** A current JWT for that user (`X-SLURM-USER-TOKEN`); called per request so it can be refreshed. */
  token: () => Promise<string> | string;
  /** API version slurmrestd was started with (`-s openapi/v0.0.38`). */
  version?: string;
  fetch?: typeof fetch;
}

interface RestErrors {
  errors?: { error?: string; error_number?: number; description?: string }[];
}

/** slurmrestd client: JWT in the `X-SLURM-USER-*` headers, v0.0.38 paths. */
export class SlurmRestClient implements SlurmApi {
  private readonly base: string;

  constructor(private readonly options: SlurmRestOptions) {
    this.base = `${options.url.replace(/\/$/, '')}/slurm/${options.version ?? 'v0.0.38'}`;
  }

  private async call<T>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: T & RestErrors }> {
    const res = await (this.options.fetch ?? fetch)(`${this.base}${path}`, {
      method,
      headers: {
        'X-SLURM-USER-NAME': this.options.user,
        'X-SLURM-USER-TOKEN': await this.options.token(),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let json: T & RestErrors;
    try {
      json = (text ? JSON.parse(text) : {}) as T & RestErrors;
    } catch {
      throw new AppError(
        'unavailable',
        `slurmrestd ${method} ${path}: HTTP ${res.status}, not JSON: ${text.slice(0, 200)}`,
      );
    }
    return { status: res.status, json };
  }

  /** Checks that slurmrestd answers and accepts the token. */
  async ping(): Promise<void> {
    const { status, json } = await this.call('GET', '/ping');
    if (status !== 200) throw failure('ping', status, json);
  }

  async submit(script: string, job: SlurmJobProperties): Promise<string> {
    const { status, json } = await this.call<{ job_id?: number }>('POST', '/job/submit', { script, job });
    if (status !== 200 || json.job_id === undefined || json.errors?.length)
      throw failure('submit', status, json);
    return String(json.job_id);
  }

  async job(id: string): Promise<SlurmJobInfo | undefined> {
    const { status, json } = await this.call<{ jobs?: SlurmJobInfo[] }>(
      'GET',
      `/job/${encodeURIComponent(id)}`,
    );
    const found = json.jobs?.find((j) => String(j.job_id) === id);
    if (status === 200 && found) return found;
    // slurmrestd answers an unknown (aged-out) job id with an error "Invalid job id specified".
    if (json.errors?.some((e) => /invalid job id/i.test(`${e.error} ${e.description}`))) return undefined;
    if (status === 200) return undefined;
    throw failure('job', status, json);
  }

  async cancel(id: string): Promise<void> {
    const { status, json } = await this.call('DELETE', `/job/${encodeURIComponent(id)}`);
    if (status !== 200) throw failure('cancel', status, json);
  }
}

function failure(what: string, status: number, json: RestErrors): AppError {
  const detail = json.errors?.map((e) => e.error ?? e.description).join('; ') || `HTTP ${status}`;
  return new AppError(
    status === 401 || status === 403 ? 'unauthenticated' : 'unavailable',
    `slurmrestd ${what}: ${detail}`,
  );
}
