import { Row } from '../feasibility/controls';
import { analysisText as a } from './analysis-strings';
import { AnalysisFormShell } from './AnalysisFormShell';
import { NameSelect } from './NameSelect';
import { exampleTableDraft, tableDraftErrors, tableIssueKey, toTableRequest } from './table-form';
import { useAnalysisDraft, type AnalysisDraftRules } from './use-analysis-draft';
import { CATEGORICAL_KINDS, categoricalNames } from './variables-form';
import { VariablesEditor } from './VariablesEditor';
import type { AnalysisRun } from './types';

const TABLE: AnalysisDraftRules<ReturnType<typeof exampleTableDraft>> = {
  example: exampleTableDraft,
  errorsOf: tableDraftErrors,
  toRequest: toTableRequest,
  issueKey: (path, d) => tableIssueKey(path, d.variables),
};

/** A one- or two-way contingency table of categorical variables (issue 4 §4). */
export function TableForm({ permitId, onDone }: { permitId: string; onDone: (run: AnalysisRun) => void }) {
  const { draft, setDraft, errors, shell } = useAnalysisDraft(permitId, onDone, TABLE);
  const names = categoricalNames(draft.variables);
  return (
    <AnalysisFormShell title={a.table.title} intro={a.table.intro} testId="table" {...shell}>
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
