import { ApiError } from '@openehds/client';
import { ui } from '../i18n/ui';

interface Props {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}

/** Shows an error's detail and every issue it lists; announced to screen readers as an alert. */
export function ErrorBox({ error, title = ui.app.errorTitle, onRetry }: Props) {
  const detail =
    error instanceof Error ? (error instanceof ApiError ? error.detail : error.message) : String(error);
  const issues = error instanceof ApiError ? error.issues : [];
  return (
    <div className="alert alert-error" role="alert">
      <p className="alert-title">{title}</p>
      <p>{detail}</p>
      {issues.length > 0 && (
        <ul>
          {issues.map((i, n) => (
            <li key={n}>
              {i.path ? <code>{i.path}</code> : null}
              {i.file ? <code>{`${i.file}${i.line ? `:${i.line}` : ''}`}</code> : null} {i.message}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" className="button secondary" onClick={onRetry}>
          {ui.app.retry}
        </button>
      )}
    </div>
  );
}
