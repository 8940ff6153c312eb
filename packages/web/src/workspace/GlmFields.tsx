import { fmt } from '../i18n/format';
import { Checkbox, Input, Row, Select } from '../feasibility/controls';
import { allowsDescendants, VOCABULARIES } from '../feasibility/vocab';
import {
  emptyVariable,
  FAMILIES,
  isCoded,
  PICKS,
  VARIABLE_KINDS,
  withKind,
  type GlmDraft,
  type GlmFormErrors,
  type VariableRow,
} from './glm-form';
import { workspaceEn as t } from './strings';

interface Props {
  idPrefix: string;
  draft: GlmDraft;
  errors: GlmFormErrors;
  onChange: (next: GlmDraft) => void;
}

/** The federated GLM's fields: formula, family, and the variables editor (one fieldset per variable). */
export function GlmFields({ idPrefix: p, draft, errors, onChange }: Props) {
  const setRow = (i: number, row: VariableRow) =>
    onChange({ ...draft, variables: draft.variables.map((r, j) => (j === i ? row : r)) });
  const rowErr = (row: VariableRow, field: string) => errors[`row:${row.key}:${field}`];
  return (
    <>
      <Input
        id={`${p}-formula`}
        label={t.form.formula}
        hint={t.form.formulaHint}
        value={draft.formula}
        onChange={(formula) => onChange({ ...draft, formula })}
        errors={errors.formula}
        testId="glm-formula"
        spellCheck={false}
      />
      <Select
        id={`${p}-family`}
        label={t.form.family}
        value={draft.family}
        options={FAMILIES.map((f) => ({ value: f, label: t.form.families[f] ?? f }))}
        onChange={(family) => onChange({ ...draft, family })}
        errors={errors.family}
        testId="glm-family"
      />
      <section aria-labelledby={`${p}-vars-title`} className="fz-side" data-testid="glm-variables">
        <h3 id={`${p}-vars-title`}>{t.form.variables}</h3>
        <p id={`${p}-vars-hint`} className="hint">
          {t.form.variablesIntro}
        </p>
        {errors.variables?.length ? (
          <ul id={`${p}-vars-err`} className="field-errors">
            {errors.variables.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        ) : null}
        {draft.variables.map((row, i) => {
          const q = `${p}-v${i}`;
          return (
            <fieldset key={row.key} className="fz-criterion" data-testid={`glm-var-${i}`}>
              <legend>{fmt(t.form.variable, { n: i + 1 })}</legend>
              <Row>
                <Input
                  id={`${q}-name`}
                  label={t.form.name}
                  value={row.name}
                  onChange={(name) => setRow(i, { ...row, name })}
                  errors={rowErr(row, 'name')}
                  testId={`glm-var-${i}-name`}
                  spellCheck={false}
                />
                <Select
                  id={`${q}-kind`}
                  label={t.form.kind}
                  value={row.kind}
                  options={VARIABLE_KINDS.map((k) => ({ value: k, label: t.form.kinds[k] ?? k }))}
                  onChange={(kind) => setRow(i, withKind(row, kind))}
                  errors={rowErr(row, 'kind')}
                  testId={`glm-var-${i}-kind`}
                />
                {isCoded(row.kind) && (
                  <Select
                    id={`${q}-vocab`}
                    label={t.form.vocabulary}
                    value={row.vocabulary}
                    options={VOCABULARIES.map((v) => ({ value: v, label: v }))}
                    onChange={(vocabulary) =>
                      setRow(i, {
                        ...row,
                        vocabulary,
                        descendants: row.descendants && allowsDescendants(vocabulary),
                      })
                    }
                    errors={rowErr(row, 'vocabulary')}
                  />
                )}
                {isCoded(row.kind) && (
                  <Input
                    id={`${q}-codes`}
                    label={t.form.codes}
                    hint={t.form.codesHint}
                    value={row.codes}
                    onChange={(codes) => setRow(i, { ...row, codes })}
                    errors={rowErr(row, 'codes')}
                    testId={`glm-var-${i}-codes`}
                    spellCheck={false}
                  />
                )}
                {row.kind === 'measurement' && (
                  <Select
                    id={`${q}-pick`}
                    label={t.form.pick}
                    value={row.pick}
                    options={PICKS.map((k) => ({ value: k, label: t.form.picks[k] ?? k }))}
                    onChange={(pick) => setRow(i, { ...row, pick })}
                    errors={rowErr(row, 'pick')}
                  />
                )}
              </Row>
              {isCoded(row.kind) && (
                <Checkbox
                  id={`${q}-desc`}
                  label={t.form.descendants}
                  checked={row.descendants}
                  disabled={!allowsDescendants(row.vocabulary) && !row.descendants}
                  onChange={(descendants) => setRow(i, { ...row, descendants })}
                  errors={rowErr(row, 'descendants')}
                />
              )}
              <div className="actions">
                <button
                  type="button"
                  className="button secondary small"
                  onClick={() => onChange({ ...draft, variables: draft.variables.filter((_, j) => j !== i) })}
                >
                  {fmt(t.form.removeVariable, { n: i + 1 })}
                </button>
              </div>
            </fieldset>
          );
        })}
        <button
          type="button"
          className="button secondary small"
          onClick={() => onChange({ ...draft, variables: [...draft.variables, emptyVariable()] })}
          data-testid="glm-add-variable"
        >
          {t.form.addVariable}
        </button>
      </section>
    </>
  );
}
