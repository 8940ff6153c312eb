import { Link, useParams } from 'react-router-dom';
import { ApiError } from '@openehds/client';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { fmt } from '../i18n/format';
import { useTitle } from '../layout/use-title';
import { useAsync } from '../lib/use-async';
import { JobsSection } from '../jobs/JobsSection';
import { ActivitySection } from './ActivitySection';
import { AnalysesSection } from './AnalysesSection';
import { AnalysisPanel } from './AnalysisPanel';
import { workspaceApi } from './api';
import { BudgetSection } from './BudgetSection';
import { DataSection } from './DataSection';
import { OutputsSection } from './OutputsSection';
import { workspaceText as t } from './strings';
import type { AnalysisRun, WorkspaceView } from './types';
import '../feasibility/feasibility.css';

/**
 * One permit's workspace in the secure processing environment (issue 4 §3–§4; Art. 73): the data
 * available, the privacy budget, federated analyses, outputs in the airlock and the caller's own
 * audited actions. The persons the permit names work here; HDAB staff see it read-only.
 */
export function WorkspacePage() {
  const { permitId = '' } = useParams();
  useTitle(fmt(t.detail.title, { id: permitId }));
  const ws = useAsync((signal) => workspaceApi.get(permitId, signal), [permitId]);
  const view = ws.data;

  return (
    <>
      <p>
        <Link to="/workspaces">{t.detail.back}</Link>
      </p>
      <h1>{fmt(t.detail.title, { id: permitId })}</h1>
      {ws.loading && !view && <Loading />}
      {ws.error != null &&
        (ws.error instanceof ApiError && ws.error.status === 404 ? (
          <p className="alert alert-error">{t.detail.notFound}</p>
        ) : (
          <ErrorBox error={ws.error} onRetry={ws.reload} />
        ))}
      {view && (
        <WorkspaceBody
          view={view}
          onRun={(run) =>
            ws.setData({ ...view, analyses: [run, ...view.analyses.filter((a) => a.id !== run.id)] })
          }
        />
      )}
    </>
  );
}

/** The sections of a loaded workspace; the analysis form only for the persons the permit names. */
export function WorkspaceBody({ view, onRun }: { view: WorkspaceView; onRun: (run: AnalysisRun) => void }) {
  const member = view.role === 'member';
  return (
    <div className="fz-side" data-testid="workspace" data-role={view.role}>
      <p>
        <Link to={`/permits/${encodeURIComponent(view.permit.id)}`}>{t.detail.permitLink}</Link>
      </p>
      {!member && (
        <p className="alert" data-testid="workspace-read-only">
          {t.detail.staffNote}
        </p>
      )}
      <DataSection view={view} />
      <BudgetSection budget={view.budget} />
      {member && <AnalysisPanel permitId={view.permit.id} onDone={onRun} />}
      <AnalysesSection permitId={view.permit.id} analyses={view.analyses} />
      <JobsSection
        permitId={view.permit.id}
        canSubmit={member}
        nodes={view.extracts
          .filter((e) => e.status === 'prepared')
          .map((e) => ({ id: e.nodeId, name: e.nodeName }))}
      />
      <OutputsSection outputs={view.outputs} />
      <ActivitySection activity={view.activity} />
    </div>
  );
}
