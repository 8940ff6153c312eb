import { useMemo, useState } from 'react';
import { Row } from '../feasibility/controls';
import { analysisEn as a } from './analysis-strings';
import { AnalysisFormShell } from './AnalysisFormShell';
import { NameSelect } from './NameSelect';
import { exampleTableDraft, tableDraftErrors, tableIssueKey, toTableRequest } from './table-form';
import { useAnalysisRun } from './use-analysis-run';
import { CATEGORICAL_KINDS, categoricalNames, mergeErrors } from './variables-form';
import { VariablesEditor } from './VariablesEditor';
import type { AnalysisRun } from './types';

/** A one- or two-way contingency table of categorical variables (issue 4 §4). */
export function TableForm({ permitId, onDone }: { permitId: string; onDone: (run: AnalysisRun) => void }) {
  const [draft, setDraftState] = useState(exampleTableDraft);
  const [checked, setChecked] = useState(false);
  const r = useAnalysisRun(permitId, onDone);
  const local = useMemo(() => (checked ? tableDraftErrors(draft) : {}), [checked, draft]);
  const errors = mergeErrors(local, r.hubErrors);
  const names = categoricalNames(draft.variables);
  const setDraft = (next: typeof draft) => {
    setDraftState(next);
    r.clearHubErrors();
  };
  const submit = () => {
    setChecked(true);
    const ok = Object.keys(tableDraftErrors(draft)).length === 0;
    void r.start(ok ? toTableRequest(draft) : null, (path) => tableIssueKey(path, draft.variables));
  };
  return (
    <AnalysisFormShell
      title={a.table.title}
      intro={a.table.intro}
      testId="table"
      errors={errors}
      running={r.running}
      error={r.error}
      run={r.run}
      problems={r.problems}
      result={r.result}
      onSubmit={submit}
    >
      <VariablesEditor
        idPrefix="table"
        testPrefix="table"
        rows={draft.variables}
        errors={errors}
        kinds={CATEGORICAL_KINDS}
        intro={a.table.variablesIntro}
        onChange={(variables) => setDraft({ ...draft, variables })}
      />
      <Row>
        <NameSelect
          id="table-rows"
          label={a.table.rows}
          value={draft.rows}
          names={names}
          optional={false}
          errors={errors.rows}
          testId="table-rows"
          onChange={(rows) => setDraft({ ...draft, rows })}
        />
        <NameSelect
          id="table-columns"
          label={a.table.columns}
          hint={a.table.columnsHint}
          value={draft.columns}
          names={names}
          optional
          errors={errors.columns}
          testId="table-columns"
          onChange={(columns) => setDraft({ ...draft, columns })}
        />
      </Row>
    </AnalysisFormShell>
  );
}
