import { readFileSync } from 'node:fs';
import { createFeasibilityClient, type FeasibilityAnswer } from '@openehds/client';
import { invalid } from '@openehds/core';
import { emit } from '../../ui/output';
import { renderFeasibility } from './render';

/** Where the hub is and who asks: flags first, then the environment; no token asks anonymously. */
export interface HubOptions {
  hub?: string;
  token?: string;
}

/** The hub URL and token to use. */
export function hubOf(opts: HubOptions): { baseUrl: string; token?: string } {
  const token = opts.token ?? process.env.EHDS_TOKEN;
  return {
    baseUrl: opts.hub ?? process.env.EHDS_HUB_URL ?? 'http://127.0.0.1:8080',
    ...(token ? { token } : {}),
  };
}

/** Reads a cohort definition file (JSON). */
export function readCohortFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw invalid(`cannot read ${file}: ${(err as Error).message}`);
  }
  try {
    const value = JSON.parse(text) as unknown;
    if (!value || typeof value !== 'object' || Array.isArray(value))
      throw new Error('the file must hold one JSON object');
    return value as Record<string, unknown>;
  } catch (err) {
    throw invalid(`${file} is not a cohort definition: ${(err as Error).message} (see ehds cohort schema)`);
  }
}

/** `ehds cohort count FILE.json`: a feasibility count across the federation, printed per node. */
export async function cohortCountCommand(
  file: string,
  opts: HubOptions & { dataset?: string[]; json?: boolean },
): Promise<FeasibilityAnswer> {
  const cohort = readCohortFile(file);
  const answer = await createFeasibilityClient(hubOf(opts)).count(cohort, {
    ...(opts.dataset?.length ? { datasets: opts.dataset } : {}),
  });
  emit(answer, Boolean(opts.json), renderFeasibility);
  return answer;
}

/** `ehds cohort schema`: the cohort definition's JSON Schema, as the hub publishes it. */
export async function cohortSchemaCommand(opts: HubOptions): Promise<Record<string, unknown>> {
  const schema = await createFeasibilityClient(hubOf(opts)).schema();
  process.stdout.write(`${JSON.stringify(schema, null, 2)}\n`);
  return schema;
}
