import { invalid, type Issue } from '../errors/app-error';
import { zodIssues } from '../config/parse-config';
import { CohortDefinition } from './definition';

/** Every fault of a candidate definition, each with its field path (`inclusion[0].criteria[2].window`). */
export function cohortDefinitionIssues(raw: unknown): Issue[] {
  const result = CohortDefinition.safeParse(raw);
  return result.success ? [] : zodIssues(result.error);
}

/** A valid definition with defaults filled in, or an `invalid` AppError listing every bad field. */
export function parseCohortDefinition(raw: unknown): CohortDefinition {
  const result = CohortDefinition.safeParse(raw);
  if (result.success) return result.data;
  const issues = zodIssues(result.error);
  throw invalid(`invalid cohort definition: ${issues.map((i) => i.path || '(root)').join(', ')}`, issues);
}
