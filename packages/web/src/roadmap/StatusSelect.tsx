/** A labelled select of statuses (or a filter with an "all" choice). */
export function StatusSelect({
  id,
  label,
  value,
  options,
  names,
  all,
  onChange,
  testId,
}: {
  id: string;
  label: string;
  value: string;
  options: readonly string[];
  names: Record<string, string>;
  all?: string;
  onChange: (v: string) => void;
  testId: string;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} data-testid={testId} onChange={(e) => onChange(e.target.value)}>
        {all !== undefined && <option value="">{all}</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {names[o] ?? o}
          </option>
        ))}
      </select>
    </div>
  );
}
