import { useId } from 'react';

interface BaseProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  /** Validation messages for this field from the server; shown beside it and linked for screen readers. */
  errors?: string[];
  required?: boolean;
  testId?: string;
}

function describedBy(hintId: string, errorId: string, hint?: string, errors?: string[]): string | undefined {
  const ids = [hint ? hintId : '', errors?.length ? errorId : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** Inline messages for one field. */
export function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <ul id={id} className="field-errors">
      {errors.map((m, i) => (
        <li key={i}>{m}</li>
      ))}
    </ul>
  );
}

/** A labelled text input with hint and inline errors (aria-invalid, aria-describedby). */
export function TextField(props: BaseProps & { type?: 'text' | 'email' | 'date'; autoComplete?: string }) {
  const id = useId();
  const { label, value, onChange, hint, errors, required, testId, type = 'text', autoComplete } = props;
  return (
    <div className={`field ${errors?.length ? 'has-error' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <input
        id={id}
        type={type}
        value={value}
        required={required}
        autoComplete={autoComplete}
        data-testid={testId}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, `${id}-err`, hint, errors)}
        onChange={(e) => onChange(e.target.value)}
      />
      <FieldErrors id={`${id}-err`} errors={errors} />
    </div>
  );
}

/** A labelled date input (ISO `YYYY-MM-DD` value, '' when empty) with inline errors. */
export function DateField(props: BaseProps) {
  return <TextField {...props} type="date" />;
}

/** A labelled multi-line text area with hint and inline errors. */
export function TextArea(props: BaseProps & { rows?: number }) {
  const id = useId();
  const { label, value, onChange, hint, errors, required, testId, rows = 4 } = props;
  return (
    <div className={`field ${errors?.length ? 'has-error' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <textarea
        id={id}
        rows={rows}
        value={value}
        required={required}
        data-testid={testId}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, `${id}-err`, hint, errors)}
        onChange={(e) => onChange(e.target.value)}
      />
      <FieldErrors id={`${id}-err`} errors={errors} />
    </div>
  );
}
