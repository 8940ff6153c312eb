import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, type ApplicationView } from '@openehds/client';
import { DataUseMatch } from '../catalogue/DataUseMatch';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { fmt, formatDateTime, inSentence } from '../i18n/format';
import { useTitle } from '../layout/use-title';
import { useAsync } from '../lib/use-async';
import { permitsApi } from '../permits/api';
import { ResultForm } from '../permits/ResultForm';
import { AnonymisedAnswerConsent, FeeEstimatePanel, WithdrawButton } from './ApplicantActions';
import { applicationsApi } from './api';
import { Badge } from './Badge';
import { ClocksPanel } from './ClocksPanel';
import { CrossBorderPanel } from './cross-border/CrossBorderPanel';
import { ContentView } from './ContentView';
import { DecisionView } from './DecisionView';
import { ApplicationEditor } from './editor/ApplicationEditor';
import { ExportLinks } from './ExportLinks';
import { statusBadge } from './status-text';
import { applicationsText as t } from './strings';
import { Timeline } from './Timeline';
import './applications.css';

/**
 * One of the data user's files: the editor while it is a draft or awaiting information, otherwise
 * the submitted file with its deadlines, history, fee estimate, decision and the applicant's actions.
 */
export function ApplicationPage() {
  const { id = '' } = useParams();
  // Bumped by "reload" after a stale save: a fresh load and a fresh editor from the saved version.
  const [generation, setGeneration] = useState(0);
  const file = useAsync((signal) => applicationsApi.get(id, signal), [id, generation]);

  // While (re)loading show nothing stale: a reload after a 409 must start the editor from the new copy.
  if (file.loading) return <Loading />;
  if (file.error != null) {
    if (file.error instanceof ApiError && file.error.status === 404)
      return (
        <div className="narrow">
          <p className="alert alert-error">{t.file.notFound}</p>
          <p>
            <Link to="/applications">{t.list.title}</Link>
          </p>
        </div>
      );
    return <ErrorBox error={file.error} onRetry={file.reload} />;
  }
  const view = file.data;
  if (!view) return null;
  const editable = view.status === 'DRAFT' || view.status === 'AWAITING_ADDITIONAL_INFORMATION';
  return (
    <>
      <p>
        <Link to="/applications">← {t.list.title}</Link>
      </p>
      {editable ? (
        <>
          <ApplicationEditor
            key={`${view.id}-${generation}`}
            view={view}
            onView={file.setData}
            onReload={() => setGeneration((g) => g + 1)}
          />
          {view.status === 'AWAITING_ADDITIONAL_INFORMATION' && (
            <FileSide view={view} onView={file.setData} />
          )}
        </>
      ) : (
        <SubmittedFile view={view} onView={file.setData} />
      )}
    </>
  );
}

/** A submitted file as its applicant sees it. */
function SubmittedFile({ view, onView }: { view: ApplicationView; onView: (v: ApplicationView) => void }) {
  const title =
    view.content.title?.trim() || fmt(t.editor.untitled, { kind: inSentence(t.kinds[view.kind]) });
  useTitle(title);
  return (
    <>
      <div className="app-head">
        <h1>{title}</h1>
        <Badge badge={statusBadge(view.status, view.outcome)} testId="application-status" />
      </div>
      <ul className="app-meta">
        <li>
          <code>{view.reference}</code>
        </li>
        <li>{t.kinds[view.kind]}</li>
        {view.submittedAt && (
          <li>
            {t.file.submitted}: {formatDateTime(view.submittedAt)}
          </li>
        )}
        {view.accelerated && <li>{t.file.accelerated}</li>}
      </ul>
      {view.decision && (
        <DecisionView applicationId={view.id} reference={view.reference} decision={view.decision} />
      )}
      {view.outcome === 'ANSWERED_AS_REQUEST' && (
        <ResultForm
          reference={view.reference}
          onReport={(input) => permitsApi.reportRequestResult(view.id, input)}
        />
      )}
      <FileSide view={view} onView={onView} />
      <DataUseMatch dataUse={view.dataUse} />
      <section aria-labelledby={`content-${view.id}`} className="card">
        <h2 id={`content-${view.id}`}>{fmt(t.file.content, { kind: t.kinds[view.kind] })}</h2>
        <p className="muted">{t.file.readOnly}</p>
        <ExportLinks view={view} />
        <ContentView kind={view.kind} content={view.content} />
      </section>
    </>
  );
}

/** The parts of a submitted file around its content: fees, consent, deadlines, history, withdrawal. */
function FileSide({ view, onView }: { view: ApplicationView; onView: (v: ApplicationView) => void }) {
  const feeOpen = Boolean(view.feeEstimate && !view.feeEstimate.acknowledgedAt);
  return (
    <>
      <FeeEstimatePanel view={view} onView={onView} />
      {view.status !== 'DECISION_ISSUED' && view.status !== 'WITHDRAWN' && (
        <AnonymisedAnswerConsent view={view} onView={onView} />
      )}
      <CrossBorderPanel view={view} onView={onView} applicant />
      <ClocksPanel view={view} />
      <Timeline history={view.history} id={view.id} />
      {/* The fee estimate offers its own Withdraw button while it waits for an answer. */}
      {!feeOpen && view.allowedEvents.includes('withdraw') && (
        <section aria-labelledby={`withdraw-${view.id}`} className="card">
          <h2 id={`withdraw-${view.id}`}>{t.file.withdrawTitle}</h2>
          <p>{t.file.withdrawIntro}</p>
          <WithdrawButton view={view} onView={onView} />
        </section>
      )}
    </>
  );
}
