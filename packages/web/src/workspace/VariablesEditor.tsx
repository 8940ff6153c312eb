import { fmt } from '../i18n/format';
import {
  emptyVariable,
  VARIABLE_KINDS,
  type FormErrors,
  type VariableKind,
  type VariableRow,
} from './variables-form';
import { VariableRowFields } from './VariableRowFields';
import { workspaceText as t } from './strings';

interface Props {
  /** Prefix of every id inside (`<p>-v0-name`…). */
  idPrefix: string;
  /** Prefix of the test ids (`<testPrefix>-var-0-name`, `<testPrefix>-variables`…). */
  testPrefix: string;
  rows: VariableRow[];
  errors: FormErrors;
  onChange: (rows: VariableRow[]) => void;
  /** The kinds offered (a table counts categories only). */
  kinds?: readonly VariableKind[];
  intro?: string;
}

/** The variables of an analysis: one fieldset per variable, each removable, and a button to add one. */
export function VariablesEditor({
  idPrefix: p,
  testPrefix,
  rows,
  errors,
  onChange,
  kinds = VARIABLE_KINDS,
  intro = t.form.variablesIntro,
}: Props) {
  const setRow = (i: number, row: VariableRow) => onChange(rows.map((r, j) => (j === i ? row : r)));
  return (
    <section aria-labelledby={`${p}-vars-title`} className="fz-side" data-testid={`${testPrefix}-variables`}>
      <h3 id={`${p}-vars-title`}>{t.form.variables}</h3>
      <p id={`${p}-vars-hint`} className="hint">
        {intro}
      </p>
      {errors.variables?.length ? (
        <ul id={`${p}-vars-err`} className="field-errors">
          {errors.variables.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      ) : null}
      {rows.map((row, i) => (
        <fieldset key={row.key} className="fz-criterion" data-testid={`${testPrefix}-var-${i}`}>
          <legend>{fmt(t.form.variable, { n: i + 1 })}</legend>
          <VariableRowFields
            id={`${p}-v${i}`}
            testId={`${testPrefix}-var-${i}`}
            row={row}
            kinds={kinds}
            errors={errors}
            onChange={(next) => setRow(i, next)}
          />
          <div className="actions">
            <button
              type="button"
              className="button secondary small"
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
            >
              {fmt(t.form.removeVariable, { n: i + 1 })}
            </button>
          </div>
        </fieldset>
      ))}
      <button
        type="button"
        className="button secondary small"
        onClick={() =>
          onChange([...rows, emptyVariable(kinds.includes('condition') ? 'condition' : kinds[0])])
        }
        data-testid={`${testPrefix}-add-variable`}
      >
        {t.form.addVariable}
      </button>
    </section>
  );
}
