import { useMemo, useState } from 'react';
import type { AnalysisRequestJson } from '@openehds/client';
import { useAnalysisRun } from './use-analysis-run';
import { mergeErrors, type FormErrors } from './variables-form';
import type { AnalysisRun } from './types';

/** The pure half of an analysis form: its example draft, its checks, its request and where issues land. */
export interface AnalysisDraftRules<D> {
  example: () => D;
  errorsOf: (draft: D) => FormErrors;
  toRequest: (draft: D) => AnalysisRequestJson;
  /** The form field a hub issue's path names. */
  issueKey: (path: string, draft: D) => string;
}

/**
 * The state every analysis form keeps: the draft, its local problems once the user has tried to run
 * it, the hub's problems (cleared on the next edit), and the props of {@link AnalysisFormShell}.
 */
export function useAnalysisDraft<D>(
  permitId: string,
  onDone: (run: AnalysisRun) => void,
  rules: AnalysisDraftRules<D>,
) {
  const [draft, setDraftState] = useState(rules.example);
  const [checked, setChecked] = useState(false);
  const r = useAnalysisRun(permitId, onDone);
  const local = useMemo(() => (checked ? rules.errorsOf(draft) : {}), [checked, draft, rules]);
  const errors = mergeErrors(local, r.hubErrors);
  const setDraft = (next: D) => {
    setDraftState(next);
    r.clearHubErrors();
  };
  const submit = () => {
    setChecked(true);
    const ok = Object.keys(rules.errorsOf(draft)).length === 0;
    void r.start(ok ? rules.toRequest(draft) : null, (path) => rules.issueKey(path, draft));
  };
  const shell = {
    errors,
    running: r.running,
    error: r.error,
    run: r.run,
    problems: r.problems,
    result: r.result,
    onSubmit: submit,
  };
  return { draft, setDraft, errors, shell };
}
