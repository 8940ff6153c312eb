import { fmt } from '../i18n/format';
import { issuePlace, type PathIssue } from './field-issues';
import { feasibilityText as t } from './strings';

/**
 * Every problem of the definition in one list before the form, each with where it is (WCAG 3.3.1):
 * the same messages also stand beside their fields.
 */
export function IssueSummary({ id, issues }: { id: string; issues: readonly PathIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <div id={id} className="alert alert-error" role="alert" tabIndex={-1} data-testid="cohort-issues">
      <p className="alert-title">
        {issues.length === 1 ? t.issues.titleOne : fmt(t.issues.title, { n: issues.length })}
      </p>
      <ul>
        {issues.map((i, n) => (
          <li key={n}>
            <strong>{issuePlace(i.path, t.issues)}</strong>: {i.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
