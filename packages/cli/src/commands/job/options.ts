import { extname } from 'node:path';
import { invalid } from '@openehds/core';
import { createJobsClient, type JobLanguage, type JobLimits, type JobsClient } from '@openehds/client';

/** How the job commands reach the hub: `--hub`/`$EHDS_HUB_URL` and `--token`/`$EHDS_TOKEN`. */
export interface HubOptions {
  hub?: string;
  token?: string;
}

/** The jobs client for the command's options (a `fetch` may be given for tests). */
export function jobsClientFor(opts: HubOptions, fetch?: typeof globalThis.fetch): JobsClient {
  const baseUrl = opts.hub ?? process.env.EHDS_HUB_URL;
  const token = opts.token ?? process.env.EHDS_TOKEN;
  if (!baseUrl) throw invalid('give the hub with --hub URL or EHDS_HUB_URL');
  if (!token)
    throw invalid('give an API token of your account with --token or EHDS_TOKEN (web: Account → API tokens)');
  return createJobsClient({ baseUrl, token, ...(fetch ? { fetch } : {}) });
}

const BY_EXTENSION: Record<string, JobLanguage> = {
  '.py': 'python',
  '.r': 'r',
  '.js': 'javascript',
  '.mjs': 'javascript',
};

/** The job's language: as given, or from the script's extension (`.py`, `.R`, `.js`/`.mjs`). */
export function languageOf(script: string, given?: string): JobLanguage {
  const language = given ?? BY_EXTENSION[extname(script).toLowerCase()];
  if (language === 'python' || language === 'r' || language === 'javascript') return language;
  throw invalid(
    given
      ? `language ${given} is not one of python, r, javascript`
      : `cannot tell the language of ${script} from its extension; give --language python, r or javascript`,
  );
}

/** The limits given on the command line (whole numbers; left out → the hub's defaults). */
export function limitsOf(opts: {
  cpus?: string;
  memoryMb?: string;
  time?: string;
  gpus?: string;
}): Partial<JobLimits> {
  const out: Partial<JobLimits> = {};
  const issues: { path: string; message: string }[] = [];
  for (const [key, flag, value] of [
    ['cpus', '--cpus', opts.cpus],
    ['memoryMb', '--memory-mb', opts.memoryMb],
    ['timeSeconds', '--time', opts.time],
    ['gpus', '--gpus', opts.gpus],
  ] as const) {
    if (value === undefined) continue;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) issues.push({ path: flag, message: 'a whole number' });
    else out[key] = n;
  }
  if (issues.length) throw invalid('the limits are not valid', issues);
  return out;
}
