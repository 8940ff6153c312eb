import type { z } from 'zod';
import { invalid, type Issue } from '../errors/app-error';

/**
 * Validates a process's configuration once at start-up (DESIGN.md §4). A bad value fails the start
 * with every bad key named, e.g. `config key hub.port: expected a number from 1 to 65535`.
 */
export function parseConfig<S extends z.ZodType>(schema: S, raw: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issues: Issue[] = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const keys = issues.map((i) => i.path || '(root)').join(', ');
  throw invalid(
    `invalid ${what} configuration: fix the config key${issues.length > 1 ? 's' : ''} ${keys}`,
    issues,
  );
}

/** Issues of a zod error as our `Issue`s with dotted field paths (`datasets[0].title.en`). */
export function zodIssues(error: z.ZodError): Issue[] {
  return error.issues.map((i) => ({
    path: i.path
      .map((p, n) => (typeof p === 'number' ? `[${p}]` : n === 0 ? String(p) : `.${String(p)}`))
      .join(''),
    message: i.message,
  }));
}
