import { useMemo, useState } from 'react';
import { analysisEn as a } from './analysis-strings';
import { AnalysisFormShell } from './AnalysisFormShell';
import {
  describeDraftErrors,
  describeIssueKey,
  exampleDescribeDraft,
  toDescribeRequest,
} from './describe-form';
import { NameSelect } from './NameSelect';
import { useAnalysisRun } from './use-analysis-run';
import { categoricalNames, mergeErrors } from './variables-form';
import { VariablesEditor } from './VariablesEditor';
import type { AnalysisRun } from './types';

/** Descriptive statistics of declared variables, optionally split by a categorical one (issue 4 §4). */
export function DescribeForm({ permitId, onDone }: { permitId: string; onDone: (run: AnalysisRun) => void }) {
  const [draft, setDraftState] = useState(exampleDescribeDraft);
  const [checked, setChecked] = useState(false);
  const r = useAnalysisRun(permitId, onDone);
  const local = useMemo(() => (checked ? describeDraftErrors(draft) : {}), [checked, draft]);
  const errors = mergeErrors(local, r.hubErrors);
  const setDraft = (next: typeof draft) => {
    setDraftState(next);
    r.clearHubErrors();
  };
  const submit = () => {
    setChecked(true);
    const ok = Object.keys(describeDraftErrors(draft)).length === 0;
    void r.start(ok ? toDescribeRequest(draft) : null, (path) => describeIssueKey(path, draft.variables));
  };
  return (
    <AnalysisFormShell
      title={a.describe.title}
      intro={a.describe.intro}
      testId="describe"
      errors={errors}
      running={r.running}
      error={r.error}
      run={r.run}
      problems={r.problems}
      result={r.result}
      onSubmit={submit}
    >
      <VariablesEditor
        idPrefix="describe"
        testPrefix="describe"
        rows={draft.variables}
        errors={errors}
        onChange={(variables) => setDraft({ ...draft, variables })}
      />
      <NameSelect
        id="describe-by"
        label={a.describe.by}
        hint={a.describe.byHint}
        value={draft.by}
        names={categoricalNames(draft.variables)}
        optional
        errors={errors.by}
        testId="describe-by"
        onChange={(by) => setDraft({ ...draft, by })}
      />
    </AnalysisFormShell>
  );
}
