import { useId, type ReactNode } from 'react';

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

/** The ids of a control's hint (`<id>-hint`) and errors (`<id>-err`), where it has them, for aria-describedby. */
export function describedBy(id: string, hint?: string, errors?: string[]): string | undefined {
  const ids = [hint ? `${id}-hint` : '', errors?.length ? `${id}-err` : ''].filter(Boolean);
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

/** A control's hint and inline errors, placed after it, with the ids `describedBy` names. */
export function FieldNotes({ id, hint, errors }: { id: string; hint?: string; errors?: string[] }) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <FieldErrors id={`${id}-err`} errors={errors} />
    </>
  );
}

/** The frame of a labelled control: label (with a star when required), hint, the control, inline errors. */
function Frame(props: {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  required?: boolean;
  children: ReactNode;
}) {
  const { id, label, hint, errors, required, children } = props;
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
      {children}
      <FieldErrors id={`${id}-err`} errors={errors} />
    </div>
  );
}

/** The attributes tying a control to its frame's hint and errors (and its test id). */
function ariaOf(id: string, { hint, errors, testId }: BaseProps) {
  return {
    'data-testid': testId,
    'aria-invalid': errors?.length ? true : undefined,
    'aria-describedby': describedBy(id, hint, errors),
  };
}

/** A labelled text input with hint and inline errors (aria-invalid, aria-describedby). */
export function TextField(props: BaseProps & { type?: 'text' | 'email' | 'date'; autoComplete?: string }) {
  const id = useId();
  const { value, onChange, type = 'text', autoComplete } = props;
  return (
    <Frame id={id} {...props}>
      <input
        id={id}
        type={type}
        value={value}
        required={props.required}
        autoComplete={autoComplete}
        {...ariaOf(id, props)}
        onChange={(e) => onChange(e.target.value)}
      />
    </Frame>
  );
}

/** A labelled date input (ISO `YYYY-MM-DD` value, '' when empty) with inline errors. */
export function DateField(props: BaseProps) {
  return <TextField {...props} type="date" />;
}

/** A labelled multi-line text area with hint and inline errors. */
export function TextArea(props: BaseProps & { rows?: number }) {
  const id = useId();
  const { value, onChange, rows = 4 } = props;
  return (
    <Frame id={id} {...props}>
      <textarea
        id={id}
        rows={rows}
        value={value}
        required={props.required}
        {...ariaOf(id, props)}
        onChange={(e) => onChange(e.target.value)}
      />
    </Frame>
  );
}

/** A labelled select over fixed options, with hint and inline errors. */
export function SelectField(props: BaseProps & { options: readonly { value: string; label: string }[] }) {
  const id = useId();
  const { value, onChange, options } = props;
  return (
    <Frame id={id} {...props}>
      <select
        id={id}
        value={value}
        required={props.required}
        {...ariaOf(id, props)}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}
