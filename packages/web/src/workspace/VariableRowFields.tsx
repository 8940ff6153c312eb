import { Checkbox, Input, Row, Select } from '../feasibility/controls';
import { allowsDescendants, VOCABULARIES } from '../feasibility/vocab';
import {
  isCoded,
  PICKS,
  withKind,
  type FormErrors,
  type VariableKind,
  type VariableRow,
} from './variables-form';
import { workspaceText as t } from './strings';

interface Props {
  /** Prefix of the fields' ids (`<id>-name`, `<id>-codes`…). */
  id: string;
  /** Prefix of the fields' test ids, or none. */
  testId?: string;
  row: VariableRow;
  kinds: readonly VariableKind[];
  errors: FormErrors;
  onChange: (row: VariableRow) => void;
}

/** One variable's fields: name, kind, and for coded kinds vocabulary, codes, descendants (and the value used). */
export function VariableRowFields({ id: q, testId, row, kinds, errors, onChange }: Props) {
  const err = (field: string) => errors[`row:${row.key}:${field}`];
  return (
    <>
      <Row>
        <Input
          id={`${q}-name`}
          label={t.form.name}
          value={row.name}
          onChange={(name) => onChange({ ...row, name })}
          errors={err('name')}
          testId={testId && `${testId}-name`}
          spellCheck={false}
        />
        <Select
          id={`${q}-kind`}
          label={t.form.kind}
          value={row.kind}
          options={kinds.map((k) => ({ value: k, label: t.form.kinds[k] ?? k }))}
          onChange={(kind) => onChange(withKind(row, kind))}
          errors={err('kind')}
          testId={testId && `${testId}-kind`}
        />
        {isCoded(row.kind) && (
          <Select
            id={`${q}-vocab`}
            label={t.form.vocabulary}
            value={row.vocabulary}
            options={VOCABULARIES.map((v) => ({ value: v, label: v }))}
            onChange={(vocabulary) =>
              onChange({ ...row, vocabulary, descendants: row.descendants && allowsDescendants(vocabulary) })
            }
            errors={err('vocabulary')}
          />
        )}
        {isCoded(row.kind) && (
          <Input
            id={`${q}-codes`}
            label={t.form.codes}
            hint={t.form.codesHint}
            value={row.codes}
            onChange={(codes) => onChange({ ...row, codes })}
            errors={err('codes')}
            testId={testId && `${testId}-codes`}
            spellCheck={false}
          />
        )}
        {row.kind === 'measurement' && (
          <Select
            id={`${q}-pick`}
            label={t.form.pick}
            value={row.pick}
            options={PICKS.map((k) => ({ value: k, label: t.form.picks[k] ?? k }))}
            onChange={(pick) => onChange({ ...row, pick })}
            errors={err('pick')}
          />
        )}
      </Row>
      {isCoded(row.kind) && (
        <Checkbox
          id={`${q}-desc`}
          label={t.form.descendants}
          checked={row.descendants}
          disabled={!allowsDescendants(row.vocabulary) && !row.descendants}
          onChange={(descendants) => onChange({ ...row, descendants })}
          errors={err('descendants')}
        />
      )}
    </>
  );
}
