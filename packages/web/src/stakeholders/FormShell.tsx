import type { FormEvent, ReactNode } from 'react';
import { ErrorBox } from '../components/ErrorBox';
import { stakeholdersText as t } from './strings';

/**
 * The frame every stakeholder form shares: a form named by its heading (`<idPrefix>-h`), the fields,
 * the failure that names no field, and Save (busy while saving) with an optional Cancel.
 */
export function FormShell(props: {
  idPrefix: string;
  testId: string;
  title: string;
  saveTestId: string;
  busy: boolean;
  error: unknown;
  onSubmit: (e: FormEvent) => void;
  onCancel?: () => void;
  children: ReactNode;
}) {
  const { idPrefix, busy, error, onCancel } = props;
  return (
    <form
      className="form"
      onSubmit={props.onSubmit}
      noValidate
      data-testid={props.testId}
      aria-labelledby={`${idPrefix}-h`}
    >
      <h3 id={`${idPrefix}-h`}>{props.title}</h3>
      {props.children}
      {error != null && <ErrorBox error={error} />}
      <div className="actions">
        <button type="submit" className="button" disabled={busy} data-testid={props.saveTestId}>
          {busy ? t.forms.saving : t.forms.save}
        </button>
        {onCancel && (
          <button type="button" className="button secondary" onClick={onCancel}>
            {t.forms.cancel}
          </button>
        )}
      </div>
    </form>
  );
}
