import { Input, Select } from '../feasibility/controls';
import { FAMILIES, type GlmDraft, type GlmFormErrors } from './glm-form';
import { workspaceText as t } from './strings';
import { VariablesEditor } from './VariablesEditor';

interface Props {
  idPrefix: string;
  draft: GlmDraft;
  errors: GlmFormErrors;
  onChange: (next: GlmDraft) => void;
}

/** The federated GLM's fields: formula, family, and the variables editor (one fieldset per variable). */
export function GlmFields({ idPrefix: p, draft, errors, onChange }: Props) {
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
      <VariablesEditor
        idPrefix={p}
        testPrefix="glm"
        rows={draft.variables}
        errors={errors}
        onChange={(variables) => onChange({ ...draft, variables })}
      />
    </>
  );
}
