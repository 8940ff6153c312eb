import { fmt, formatDateTime } from '../../i18n/format';
import type { SaveState } from '../autosave';
import { applicationsText as t } from '../strings';

/**
 * Where saving stands. The plain states (saving, saved) are shown but not announced, so a screen
 * reader is not interrupted at every pause in typing; problems are announced as alerts.
 */
export function AutosaveStatus({
  state,
  onRetry,
  onReload,
}: {
  state: SaveState;
  onRetry: () => void;
  onReload: () => void;
}) {
  let text = '';
  if (state.kind === 'saving') text = t.editor.saving;
  else if (state.kind === 'saved')
    text = fmt(t.editor.savedAt, { at: formatDateTime(state.at.toISOString()) });
  else if (state.kind === 'pending') text = t.editor.pending;
  return (
    <div className="app-save-status" data-testid="autosave-status" data-state={state.kind}>
      {text && <span className={state.kind === 'saved' ? 'saved' : 'muted'}>{text}</span>}
      <div role="alert">
        {state.kind === 'stale' && (
          <div className="alert alert-error">
            <p>{t.editor.stale}</p>
            <p className="muted">{state.detail}</p>
            <button type="button" className="button" onClick={onReload} data-testid="reload-stale">
              {t.editor.reload}
            </button>
          </div>
        )}
        {state.kind === 'error' && (
          <div className="alert alert-error">
            <p>{fmt(t.editor.saveError, { detail: state.detail })}</p>
            <button type="button" className="button secondary" onClick={onRetry}>
              {t.editor.retry}
            </button>
          </div>
        )}
        {state.kind === 'invalid' && (
          <p className="alert alert-error">
            {state.issues.length === 1
              ? t.editor.invalidOne
              : fmt(t.editor.invalid, { n: state.issues.length })}
          </p>
        )}
      </div>
    </div>
  );
}
