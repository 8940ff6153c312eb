import type { z } from 'zod';
import { invalid, zodIssues } from '@openehds/core';

/** Validates an input at the edge; a failure lists every field at fault (problem+json `issues`). */
export function validate<S extends z.ZodType>(schema: S, value: unknown, what = 'request'): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = zodIssues(result.error);
  throw invalid(`the ${what} has ${issues.length} problem${issues.length === 1 ? '' : 's'}`, issues);
}
