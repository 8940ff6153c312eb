import { Select } from '../feasibility/controls';
import { analysisText as a } from './analysis-strings';

interface Props {
  id: string;
  label: string;
  hint?: string;
  value: string;
  /** The declared variables that fit. */
  names: string[];
  /** Whether "(none)" is a choice. */
  optional: boolean;
  errors?: string[];
  testId?: string;
  onChange: (value: string) => void;
}

/** A choice among the declared variables (a value no longer declared stays shown, with its error). */
export function NameSelect({ id, label, hint, value, names, optional, errors, testId, onChange }: Props) {
  const choices = [...(optional || !value ? [''] : []), ...names];
  if (value && !names.includes(value)) choices.push(value);
  return (
    <Select
      id={id}
      label={label}
      hint={hint}
      value={value}
      options={choices.map((n) => ({ value: n, label: n || a.common.none }))}
      onChange={onChange}
      errors={errors}
      testId={testId}
    />
  );
}
