import type { Command } from 'commander';
import { ApiError } from '@openehds/client';
import { AppError, type AppErrorKind } from '@openehds/core';
import { fail } from '../../ui/output';

const collect = (value: string, previous: string[] = []) => [...previous, value];

const KIND_OF_STATUS: Record<number, AppErrorKind> = {
  400: 'invalid',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  429: 'unavailable',
  503: 'unavailable',
};

/** Prints a hub's problem (detail and every field issue) the way the CLI prints its own errors. */
function failed(err: unknown, json: boolean): number {
  if (err instanceof ApiError) {
    const kind = KIND_OF_STATUS[err.status] ?? (err.status === 0 ? 'unavailable' : 'internal');
    return fail(
      new AppError(
        kind,
        err.detail,
        err.issues.map((i) => ({ path: i.path ?? '', message: i.message })),
      ),
      json,
    );
  }
  return fail(err, json);
}

/** `ehds cohort count | schema`: feasibility counts against a running hub (issue 4 §1). */
export function cohortCommand(program: Command): void {
  const cohort = program
    .command('cohort')
    .description('cohort definitions: feasibility counts across the federation, and their JSON Schema');
  const hub = (c: Command) =>
    c
      .option('--hub <url>', 'the hub (default: $EHDS_HUB_URL or http://127.0.0.1:8080)')
      .option('--token <token>', 'a session or API token (default: $EHDS_TOKEN; none: ask anonymously)');

  hub(
    cohort
      .command('count')
      .description('count the persons matching a cohort definition at every node, after disclosure control')
      .argument('<file>', 'the cohort definition (JSON; see ehds cohort schema)'),
  )
    .option('--dataset <id>', 'ask only the nodes holding this published dataset; repeatable', collect)
    .option('--json', 'machine-readable answer')
    .action(async (file: string, opts) => {
      try {
        const { cohortCountCommand } = await import('./count');
        await cohortCountCommand(file, opts);
      } catch (err) {
        process.exitCode = failed(err, Boolean(opts.json));
      }
    });

  hub(cohort.command('schema').description('print the JSON Schema of cohort definitions')).action(
    async (opts) => {
      try {
        const { cohortSchemaCommand } = await import('./count');
        await cohortSchemaCommand(opts);
      } catch (err) {
        process.exitCode = failed(err, false);
      }
    },
  );
}
