import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, type ApplicationView, type Decision } from '@openehds/client';
import { applicationsApi } from '../applications/api';
import { Badge } from '../applications/Badge';
import { ClocksPanel } from '../applications/ClocksPanel';
import { ContentView } from '../applications/ContentView';
import { DecisionView } from '../applications/DecisionView';
import { statusBadge } from '../applications/status-text';
import { applicationsText } from '../applications/strings';
import { Timeline } from '../applications/Timeline';
import { CrossBorderPanel } from '../applications/cross-border/CrossBorderPanel';
import { DataUseMatch } from '../catalogue/DataUseMatch';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { fmt, formatDateTime, inSentence } from '../i18n/format';
import { useTitle } from '../layout/use-title';
import { useAsync } from '../lib/use-async';
import { AssessmentChecklist } from './AssessmentChecklist';
import { CaseActions } from './CaseActions';
import { DecisionForm, issuedText } from './DecisionForm';
import { FeesPanel } from './FeesPanel';
import { backofficeText as t } from './strings';
import '../applications/applications.css';

/**
 * One case for HDAB staff: the file read-only by letter of Art. 67(2) / 69(2), its deadlines and
 * history, the status actions the hub allows, the assessment checklist, holder costs and fee
 * estimate, and the decision form; after the decision, the signed decision and permit number.
 */
export function CasePage() {
  const { id = '' } = useParams();
  const file = useAsync((signal) => applicationsApi.get(id, signal), [id]);
  const [issued, setIssued] = useState<Decision | null>(null);

  if (file.loading && !file.data) return <Loading />;
  if (file.error != null && !file.data) {
    if (file.error instanceof ApiError && file.error.status === 404)
      return (
        <div className="narrow">
          <p className="alert alert-error">{applicationsText.file.notFound}</p>
          <p>
            <Link to="/backoffice">{t.case.back}</Link>
          </p>
        </div>
      );
    return <ErrorBox error={file.error} onRetry={file.reload} />;
  }
  const view = file.data;
  if (!view) return null;
  return (
    <CaseFile
      view={view}
      onView={file.setData}
      issued={issued}
      onDecision={(d) => {
        setIssued(d);
        file.reload();
      }}
    />
  );
}

function CaseFile({
  view,
  onView,
  issued,
  onDecision,
}: {
  view: ApplicationView;
  onView: (v: ApplicationView) => void;
  issued: Decision | null;
  onDecision: (d: Decision) => void;
}) {
  const kind = applicationsText.kinds[view.kind];
  const title =
    view.content.title?.trim() || fmt(applicationsText.editor.untitled, { kind: inSentence(kind) });
  useTitle(`${view.reference} · ${title}`);
  const assessing = view.status === 'PROCESSING' || Boolean(view.assessment?.items.length);
  const fees =
    view.status === 'PRE_SCREENING' ||
    view.status === 'PROCESSING' ||
    Boolean(view.feeEstimate) ||
    Boolean(view.holderCosts?.length);
  return (
    <>
      <p>
        <Link to="/backoffice">← {t.case.back}</Link>
      </p>
      <div className="app-head">
        <h1>{title}</h1>
        <Badge badge={statusBadge(view.status, view.outcome)} testId="case-status" />
      </div>
      <ul className="app-meta">
        <li>
          <code>{view.reference}</code>
        </li>
        <li>{kind}</li>
        <li>
          {t.case.applicant}: {view.applicant.displayName} ({view.applicant.username})
        </li>
        <li>
          {t.case.organisation}:{' '}
          {view.organisation
            ? `${view.organisation.name} (${view.organisation.kind.replace(/_/g, ' ')})`
            : t.case.noOrganisation}
        </li>
        {view.submittedAt && (
          <li>
            {applicationsText.file.submitted}: {formatDateTime(view.submittedAt)}
          </li>
        )}
        {view.accelerated && <li>{applicationsText.file.accelerated}</li>}
      </ul>
      {issued && (
        <p className="alert alert-ok" role="status" data-testid="decision-issued">
          {issuedText(issued)}
        </p>
      )}
      {view.decision && (
        <DecisionView applicationId={view.id} reference={view.reference} decision={view.decision} />
      )}
      <CrossBorderPanel view={view} applicant={false} />
      <ClocksPanel view={view} />
      <CaseActions view={view} onView={onView} />
      <DataUseMatch dataUse={view.dataUse} />
      {assessing && (
        <AssessmentChecklist view={view} onAssessment={(assessment) => onView({ ...view, assessment })} />
      )}
      {fees && <FeesPanel view={view} onView={onView} />}
      {view.status === 'PROCESSING' && !view.decision && <DecisionForm view={view} onDecision={onDecision} />}
      <Timeline history={view.history} id={view.id} />
      <section aria-labelledby={`content-${view.id}`} className="card">
        <h2 id={`content-${view.id}`}>{fmt(t.case.content, { kind })}</h2>
        <ContentView kind={view.kind} content={view.content} />
      </section>
    </>
  );
}
