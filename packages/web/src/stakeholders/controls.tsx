import type { ReactNode } from 'react';
import { describedBy, FieldNotes } from '../components/fields';

/**
 * Labelled form controls with explicit ids, hints and errors beside the field, tied with
 * aria-describedby and aria-invalid (WCAG 1.3.1, 3.3.1), for the stakeholder forms.
 */

interface Common {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  testId?: string;
  required?: boolean;
}

function Field({ c, children }: { c: Common; children: ReactNode }) {
  return (
    <div className={`field ${c.errors?.length ? 'has-error' : ''}`}>
      <label htmlFor={c.id}>
        {c.label}
        {c.required && <span aria-hidden="true"> *</span>}
      </label>
      {children}
      <FieldNotes id={c.id} hint={c.hint} errors={c.errors} />
    </div>
  );
}

const aria = (c: Common) => ({
  id: c.id,
  'data-testid': c.testId,
  'aria-invalid': c.errors?.length ? true : undefined,
  'aria-describedby': describedBy(c.id, c.hint, c.errors),
  required: c.required,
});

/** A labelled text input. */
export function Input(
  props: Common & {
    value: string;
    onChange: (v: string) => void;
    type?: 'text' | 'email' | 'url' | 'number' | 'search';
    min?: number;
    max?: number;
  },
) {
  return (
    <Field c={props}>
      <input
        {...aria(props)}
        type={props.type ?? 'text'}
        value={props.value}
        min={props.min}
        max={props.max}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </Field>
  );
}

/** A labelled multi-line text area. */
export function Area(props: Common & { value: string; onChange: (v: string) => void; rows?: number }) {
  return (
    <Field c={props}>
      <textarea
        {...aria(props)}
        rows={props.rows ?? 3}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </Field>
  );
}

/** A labelled select. */
export function Select(
  props: Common & {
    value: string;
    onChange: (v: string) => void;
    options: { value: string; label: string }[];
  },
) {
  return (
    <Field c={props}>
      <select {...aria(props)} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A group of checkboxes under one legend, with the group's errors. */
export function Checkboxes(
  props: Common & {
    values: string[];
    onChange: (v: string[]) => void;
    options: { value: string; label: string }[];
  },
) {
  const { id, label, values, options, errors } = props;
  return (
    <fieldset
      className={`field checkbox-group ${errors?.length ? 'has-error' : ''}`}
      aria-describedby={describedBy(id, props.hint, errors)}
      data-testid={props.testId}
    >
      <legend>{label}</legend>
      {options.map((o) => (
        <div key={o.value} className="checkbox">
          <input
            id={`${id}-${o.value}`}
            type="checkbox"
            checked={values.includes(o.value)}
            onChange={(e) =>
              props.onChange(e.target.checked ? [...values, o.value] : values.filter((v) => v !== o.value))
            }
          />
          <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
        </div>
      ))}
      <FieldNotes id={id} hint={props.hint} errors={errors} />
    </fieldset>
  );
}
