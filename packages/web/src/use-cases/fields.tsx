import type { ReactNode } from 'react';

/** The hub's messages for one field (by field path), tied to its control as `<id>-err`. */
export function FieldError({ id, messages }: { id: string; messages: string[] | undefined }) {
  if (!messages?.length) return null;
  return (
    <p id={`${id}-err`} className="field-error">
      {messages.join(' ')}
    </p>
  );
}

/** Attributes tying a control to its error. */
export const errAttrs = (id: string, messages: string[] | undefined) =>
  messages?.length ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-err` } : {};

/** A labelled control (`id`) with its error below it; the control spreads `errAttrs(id, messages)`. */
export function Field({
  id,
  label,
  messages,
  children,
}: {
  id: string;
  label: string;
  messages?: string[];
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      <FieldError id={id} messages={messages} />
    </div>
  );
}

/** A labelled select of a vocabulary's values by their names, for a form read with FormData. */
export function VocabSelect<V extends string>({
  id,
  name,
  label,
  values,
  names,
  defaultValue,
  messages,
}: {
  id: string;
  name: string;
  label: string;
  values: readonly V[];
  names: Record<V, string>;
  defaultValue?: V;
  messages?: string[];
}) {
  return (
    <Field id={id} label={label} messages={messages}>
      <select id={id} name={name} data-testid={id} defaultValue={defaultValue} {...errAttrs(id, messages)}>
        {values.map((v) => (
          <option key={v} value={v}>
            {names[v]}
          </option>
        ))}
      </select>
    </Field>
  );
}
