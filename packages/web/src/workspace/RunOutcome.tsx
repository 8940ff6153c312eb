import { fmt } from '../i18n/format';
import { refusalReason } from './glm-result';
import { workspaceText as t } from './strings';
import type { AnalysisRun } from './types';

/** Why an analysis gave no result: refused by disclosure control or failed, with the nodes' reason. */
export function RunOutcome({ run, testId }: { run: AnalysisRun; testId: string }) {
  const reason = refusalReason(run);
  if (run.status === 'REFUSED')
    return (
      <p className="alert alert-error" data-testid={`${testId}-refused`}>
        {reason ? fmt(t.result.refused, { reason }) : t.result.refusedNoReason}
      </p>
    );
  if (run.status === 'FAILED')
    return (
      <p className="alert alert-error" data-testid={`${testId}-failed`}>
        {reason ? fmt(t.result.failed, { reason }) : t.result.failedNoReason}
      </p>
    );
  return null;
}
