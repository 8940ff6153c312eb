import type { ReactNode } from 'react';
import { ErrorBox } from '../components/ErrorBox';
import { roadmapText as t } from './strings';

/**
 * The frame of a roadmap form: named by its heading (`<prefix>-form-title`), the fields, the hub's
 * refusal if any, then Save and Cancel (`<prefix>-save`, `<prefix>-cancel`).
 */
export function RoadmapForm({
  prefix,
  testId,
  title,
  error,
  onSubmit,
  onCancel,
  children,
}: {
  prefix: string;
  testId: string;
  title: string;
  error: unknown;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <form
      className="roadmap-form"
      aria-labelledby={`${prefix}-form-title`}
      data-testid={testId}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <h3 id={`${prefix}-form-title`}>{title}</h3>
      {children}
      {error !== null && <ErrorBox error={error} />}
      <div className="roadmap-form-actions">
        <button type="submit" className="button" data-testid={`${prefix}-save`}>
          {t.save}
        </button>
        <button
          type="button"
          className="button secondary"
          onClick={onCancel}
          data-testid={`${prefix}-cancel`}
        >
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
