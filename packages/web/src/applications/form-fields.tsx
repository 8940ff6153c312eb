import { useEffect, useState, type ReactNode } from 'react';
import { fmt } from '../i18n/format';
import { joinList, splitList } from './content-edit';
import { fieldDomId } from './issue-fields';
import { applicationsText as t } from './strings';

/**
 * Inputs of the application forms. Each takes the content path it edits: its DOM id comes from the
 * path (so the checklist can move focus to it), and its messages are linked with aria-describedby.
 * `errors` are problems (aria-invalid, red); `todo` are items the completeness check still lists,
 * shown as a neutral "still needed" note until the applicant tries to submit.
 */
export interface FieldMessagesProps {
  errors?: string[];
  todo?: string[];
}

interface BaseProps extends FieldMessagesProps {
  path: string;
  label: string;
  hint?: string;
  required?: boolean;
  disabled?: boolean;
}

/** The ids of a field's hint and messages, for aria-describedby. */
export function describedBy(path: string, hint?: string, m: FieldMessagesProps = {}): string | undefined {
  const id = fieldDomId(path);
  const ids = [hint ? `${id}-hint` : '', m.errors?.length || m.todo?.length ? `${id}-msg` : ''].filter(
    Boolean,
  );
  return ids.length ? ids.join(' ') : undefined;
}

/** The messages of one field: problems first, then what is still needed. */
export function FieldMessages({ path, errors, todo }: FieldMessagesProps & { path: string }) {
  if (!errors?.length && !todo?.length) return null;
  return (
    <div id={`${fieldDomId(path)}-msg`}>
      {errors?.length ? (
        <ul className="field-errors">
          {errors.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      ) : null}
      {todo?.length ? (
        <ul className="field-todo">
          {todo.map((m, i) => (
            <li key={i}>{fmt(t.editor.stillNeeded, { message: m })}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function Label({ path, label, required }: { path: string; label: string; required?: boolean }) {
  return (
    <label htmlFor={fieldDomId(path)}>
      {label}
      {required && <span aria-hidden="true"> *</span>}
    </label>
  );
}

function Hint({ path, hint }: { path: string; hint?: string }) {
  return hint ? (
    <p id={`${fieldDomId(path)}-hint`} className="hint">
      {hint}
    </p>
  ) : null;
}

const errorClass = (errors?: string[]) => `field ${errors?.length ? 'has-error' : ''}`;

/** A labelled one-line input. */
export function TextInput(
  props: BaseProps & {
    value: string;
    onChange: (value: string) => void;
    type?: 'text' | 'email' | 'date';
    autoComplete?: string;
    maxLength?: number;
  },
) {
  const { path, label, hint, errors, todo, required, disabled, value, onChange, type = 'text' } = props;
  return (
    <div className={errorClass(errors)}>
      <Label path={path} label={label} required={required} />
      <Hint path={path} hint={hint} />
      <input
        id={fieldDomId(path)}
        type={type}
        value={value}
        required={required}
        disabled={disabled}
        autoComplete={props.autoComplete}
        maxLength={props.maxLength}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(path, hint, { errors, todo })}
        onChange={(e) => onChange(e.target.value)}
      />
      <FieldMessages path={path} errors={errors} todo={todo} />
    </div>
  );
}

/** A labelled multi-line input. */
export function TextBox(
  props: BaseProps & { value: string; onChange: (value: string) => void; rows?: number; maxLength?: number },
) {
  const { path, label, hint, errors, todo, required, disabled, value, onChange, rows = 4 } = props;
  return (
    <div className={errorClass(errors)}>
      <Label path={path} label={label} required={required} />
      <Hint path={path} hint={hint} />
      <textarea
        id={fieldDomId(path)}
        rows={rows}
        value={value}
        required={required}
        disabled={disabled}
        maxLength={props.maxLength}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(path, hint, { errors, todo })}
        onChange={(e) => onChange(e.target.value)}
      />
      <FieldMessages path={path} errors={errors} todo={todo} />
    </div>
  );
}

/** A labelled number input; empty is `undefined`. */
export function NumberInput(
  props: BaseProps & {
    value: number | undefined;
    onChange: (value: number | undefined) => void;
    min?: number;
    max?: number;
    step?: number;
  },
) {
  const { path, label, hint, errors, todo, required, disabled, value, onChange } = props;
  // Keep what is typed ("1.", "") while the number it stands for travels up.
  const [text, setText] = useState(value === undefined ? '' : String(value));
  useEffect(() => {
    if (Number(text) !== value && !(text === '' && value === undefined))
      setText(value === undefined ? '' : String(value));
    // Only an outside change of the value resyncs the text.
  }, [value]);
  return (
    <div className={errorClass(errors)}>
      <Label path={path} label={label} required={required} />
      <Hint path={path} hint={hint} />
      <input
        id={fieldDomId(path)}
        type="number"
        inputMode="decimal"
        min={props.min}
        max={props.max}
        step={props.step ?? 1}
        value={text}
        required={required}
        disabled={disabled}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(path, hint, { errors, todo })}
        onChange={(e) => {
          setText(e.target.value);
          const raw = e.target.value.trim();
          const n = Number(raw);
          onChange(raw === '' || !Number.isFinite(n) ? undefined : n);
        }}
      />
      <FieldMessages path={path} errors={errors} todo={todo} />
    </div>
  );
}

/** A labelled select; '' is the "choose" option. */
export function SelectInput<V extends string>(
  props: BaseProps & {
    value: V | '' | undefined;
    options: readonly { value: V; label: string }[];
    onChange: (value: V | undefined) => void;
    allowEmpty?: boolean;
  },
) {
  const { path, label, hint, errors, todo, required, disabled, value, options, onChange } = props;
  return (
    <div className={errorClass(errors)}>
      <Label path={path} label={label} required={required} />
      <Hint path={path} hint={hint} />
      <select
        id={fieldDomId(path)}
        value={value ?? ''}
        required={required}
        disabled={disabled}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(path, hint, { errors, todo })}
        onChange={(e) => onChange((e.target.value || undefined) as V | undefined)}
      >
        {(props.allowEmpty ?? true) && <option value="">{t.fields.choose}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldMessages path={path} errors={errors} todo={todo} />
    </div>
  );
}

/**
 * A comma-separated list input. It keeps the text as typed (a trailing comma stays while typing)
 * and passes the parsed list up; a list changed from outside replaces the text.
 */
export function ListInput(
  props: BaseProps & {
    value: readonly string[] | undefined;
    onChange: (list: string[]) => void;
    upper?: boolean;
  },
) {
  const { path, label, hint, errors, todo, required, disabled, value, onChange, upper } = props;
  const [text, setText] = useState(joinList(value));
  useEffect(() => {
    if (joinList(splitList(text, upper)) !== joinList(value)) setText(joinList(value));
    // Only an outside change of the list resyncs the text.
  }, [joinList(value)]);
  return (
    <div className={errorClass(errors)}>
      <Label path={path} label={label} required={required} />
      <Hint path={path} hint={hint} />
      <input
        id={fieldDomId(path)}
        type="text"
        value={text}
        required={required}
        disabled={disabled}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(path, hint, { errors, todo })}
        onChange={(e) => {
          setText(e.target.value);
          onChange(splitList(e.target.value, upper));
        }}
      />
      <FieldMessages path={path} errors={errors} todo={todo} />
    </div>
  );
}

/** A single checkbox with its label to the right. */
export function CheckboxInput(props: BaseProps & { checked: boolean; onChange: (checked: boolean) => void }) {
  const { path, label, hint, errors, todo, disabled, checked, onChange } = props;
  return (
    <div className={errorClass(errors)}>
      <div className="field checkbox">
        <input
          id={fieldDomId(path)}
          type="checkbox"
          checked={checked}
          disabled={disabled}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={describedBy(path, hint, { errors, todo })}
          onChange={(e) => onChange(e.target.checked)}
        />
        <label htmlFor={fieldDomId(path)}>{label}</label>
      </div>
      <Hint path={path} hint={hint} />
      <FieldMessages path={path} errors={errors} todo={todo} />
    </div>
  );
}

/**
 * A fieldset for a group of inputs (persons, purposes, declarations…): focusable by the checklist,
 * its hint and messages linked to the group.
 */
export function Group(
  props: FieldMessagesProps & {
    path: string;
    legend: ReactNode;
    hint?: string;
    children: ReactNode;
    className?: string;
  },
) {
  const { path, legend, hint, errors, todo, children } = props;
  return (
    <fieldset
      id={fieldDomId(path)}
      tabIndex={-1}
      className={`app-group ${props.className ?? ''} ${errors?.length ? 'has-error' : ''}`}
      aria-describedby={describedBy(path, hint, { errors, todo })}
    >
      <legend>{legend}</legend>
      <Hint path={path} hint={hint} />
      <FieldMessages path={path} errors={errors} todo={todo} />
      {children}
    </fieldset>
  );
}
