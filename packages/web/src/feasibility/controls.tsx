import type { ReactNode } from 'react';
import { describedBy, FieldNotes } from '../components/fields';

/**
 * Small labelled form controls with explicit ids (a criterion's fields repeat, so ids are built from
 * its place), hints and inline errors tied with aria-describedby and aria-invalid (WCAG 1.3.1, 3.3.1).
 * Used by the cohort builder and the workspace's analysis form.
 */

interface Common {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  testId?: string;
  className?: string;
}

/** A labelled text or number input. */
export function Input(
  props: Common & {
    value: string;
    onChange: (value: string) => void;
    type?: 'text' | 'date';
    inputMode?: 'numeric' | 'decimal' | 'text';
    placeholder?: string;
    spellCheck?: boolean;
  },
) {
  const {
    id,
    label,
    hint,
    errors,
    testId,
    className,
    value,
    onChange,
    type = 'text',
    inputMode,
    placeholder,
  } = props;
  return (
    <div className={`field ${className ?? ''} ${errors?.length ? 'has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={value}
        inputMode={inputMode}
        placeholder={placeholder}
        spellCheck={props.spellCheck}
        data-testid={testId}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        onChange={(e) => onChange(e.target.value)}
      />
      <FieldNotes id={id} hint={hint} errors={errors} />
    </div>
  );
}

/** A labelled select over fixed options. */
export function Select<V extends string>(
  props: Common & { value: V; options: readonly { value: V; label: string }[]; onChange: (value: V) => void },
) {
  const { id, label, hint, errors, testId, className, value, options, onChange } = props;
  return (
    <div className={`field ${className ?? ''} ${errors?.length ? 'has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        data-testid={testId}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        onChange={(e) => onChange(e.target.value as V)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldNotes id={id} hint={hint} errors={errors} />
    </div>
  );
}

/** A labelled checkbox. */
export function Checkbox(
  props: Common & { checked: boolean; onChange: (checked: boolean) => void; disabled?: boolean },
) {
  const { id, label, hint, errors, testId, checked, onChange, disabled } = props;
  return (
    <div className={`field ${errors?.length ? 'has-error' : ''}`}>
      <div className="field checkbox">
        <input
          type="checkbox"
          id={id}
          checked={checked}
          disabled={disabled}
          data-testid={testId}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={describedBy(id, hint, errors)}
          onChange={(e) => onChange(e.target.checked)}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      <FieldNotes id={id} hint={hint} errors={errors} />
    </div>
  );
}

/** A group of checkboxes with a legend (several values of one field), errors tied to the group. */
export function CheckboxGroup<V extends string>(
  props: Common & {
    values: readonly V[];
    options: readonly { value: V; label: string }[];
    onChange: (values: V[]) => void;
  },
) {
  const { id, label, hint, errors, testId, values, options, onChange } = props;
  return (
    <fieldset
      className={errors?.length ? 'has-error' : undefined}
      aria-describedby={describedBy(id, hint, errors)}
      data-testid={testId}
    >
      <legend>{label}</legend>
      <ul className="inline-list plain-list">
        {options.map((o) => (
          <li key={o.value} className="field checkbox">
            <input
              type="checkbox"
              id={`${id}-${o.value}`}
              checked={values.includes(o.value)}
              aria-invalid={errors?.length ? true : undefined}
              onChange={(e) =>
                onChange(e.target.checked ? [...values, o.value] : values.filter((v) => v !== o.value))
              }
            />
            <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
          </li>
        ))}
      </ul>
      <FieldNotes id={id} hint={hint} errors={errors} />
    </fieldset>
  );
}

/** A row of fields that wraps on narrow screens. */
export function Row({ children }: { children: ReactNode }) {
  return <div className="fz-row">{children}</div>;
}
