import { analysisText as a } from './analysis-strings';
import { AnalysisFormShell } from './AnalysisFormShell';
import {
  describeDraftErrors,
  describeIssueKey,
  exampleDescribeDraft,
  toDescribeRequest,
} from './describe-form';
import { NameSelect } from './NameSelect';
import { useAnalysisDraft, type AnalysisDraftRules } from './use-analysis-draft';
import { categoricalNames } from './variables-form';
import { VariablesEditor } from './VariablesEditor';
import type { AnalysisRun } from './types';

const DESCRIBE: AnalysisDraftRules<ReturnType<typeof exampleDescribeDraft>> = {
  example: exampleDescribeDraft,
  errorsOf: describeDraftErrors,
  toRequest: toDescribeRequest,
  issueKey: (path, d) => describeIssueKey(path, d.variables),
};

/** Descriptive statistics of declared variables, optionally split by a categorical one (issue 4 §4). */
export function DescribeForm({ permitId, onDone }: { permitId: string; onDone: (run: AnalysisRun) => void }) {
  const { draft, setDraft, errors, shell } = useAnalysisDraft(permitId, onDone, DESCRIBE);
  return (
    <AnalysisFormShell title={a.describe.title} intro={a.describe.intro} testId="describe" {...shell}>
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
