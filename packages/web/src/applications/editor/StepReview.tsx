import type { ApplicationKind, ContentIssue } from '@openehds/client';
import { fmt, inSentence } from '../../i18n/format';
import { contentPath } from '../issue-fields';
import { applicationsText as t } from '../strings';

/**
 * The completeness checklist: every item the hub still lists (path and message), each with a button
 * that opens its step and moves focus to its field.
 */
export function Checklist({
  issues,
  other,
  onGoTo,
  stepName,
}: {
  issues: readonly ContentIssue[];
  /** Problems that belong to no field (shown, never dropped). */
  other: readonly { path: string; message: string }[];
  onGoTo: (path: string) => void;
  stepName: (path: string) => string;
}) {
  return (
    <section aria-labelledby="checklist-title" className="card" data-testid="completeness-checklist">
      <h3 id="checklist-title">{t.editor.checklistTitle}</h3>
      {issues.length === 0 ? (
        <p className="alert alert-ok">{t.editor.checklistDone}</p>
      ) : (
        <>
          <p>{t.editor.checklistIntro}</p>
          <ul className="checklist">
            {issues.map((issue, i) => {
              const path = contentPath(issue.path);
              return (
                <li key={`${path}-${i}`}>
                  <span>
                    <strong>{stepName(path)}</strong>: {issue.message}
                  </span>
                  <button type="button" className="link-button" onClick={() => onGoTo(path)}>
                    {t.editor.goToField}
                    <span className="visually-hidden">: {issue.message}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {other.length > 0 && (
        <>
          <h4>{t.editor.otherIssues}</h4>
          <ul className="field-errors">
            {other.map((o, i) => (
              <li key={i}>
                {o.path ? <code>{o.path}</code> : null} {o.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The submit button with its explanation (Art. 57(1)(j): the HDAB publishes what it receives). */
export function SubmitBox({
  kind,
  busy,
  onSubmit,
}: {
  kind: ApplicationKind;
  busy: boolean;
  onSubmit: () => void;
}) {
  const name = inSentence(t.kinds[kind]);
  return (
    <div className="card">
      <p>{t.editor.submitHelp}</p>
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={onSubmit}
        data-testid="submit-application"
      >
        {busy ? t.editor.submitting : fmt(t.editor.submit, { kind: name })}
      </button>
    </div>
  );
}
