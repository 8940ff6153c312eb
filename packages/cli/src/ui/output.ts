import { AppError, toAppError } from '@openehds/core';

/**
 * CLI output rules: results on stdout (JSON with `--json`), messages and progress on stderr, a non-zero
 * exit on failure with a message that says how to fix it.
 */

/** Prints a message for people on stderr. */
export function say(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** Prints a result: JSON when asked, else the human rendering. */
export function emit(result: unknown, json: boolean, human: (r: never) => string): void {
  process.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : `${human(result as never)}\n`);
}

/** Prints an error on stderr (problem JSON with `--json`) and returns the exit code. */
export function fail(err: unknown, json: boolean): number {
  const error = toAppError(err);
  if (json) process.stderr.write(`${JSON.stringify(error.toProblem())}\n`);
  else {
    process.stderr.write(`error: ${error.message}\n`);
    for (const i of error.issues.slice(0, 50)) {
      const where = i.path ?? [i.file, i.line].filter((x) => x !== undefined).join(':');
      process.stderr.write(`  - ${where ? `${where}: ` : ''}${i.message}\n`);
    }
    if (
      error.kind === 'internal' &&
      !(err instanceof AppError) &&
      err instanceof Error &&
      process.env.EHDS_DEBUG
    )
      process.stderr.write(`${err.stack}\n`);
  }
  return error.kind === 'invalid' ? 2 : 1;
}
