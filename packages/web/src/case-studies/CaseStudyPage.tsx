import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { CaseStudyAction } from '@openehds/client';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { fmt, formatDate } from '../i18n/format';
import { useTitle } from '../layout/use-title';
import { useAsync } from '../lib/use-async';
import { caseStudiesApi } from './api';
import { CaseStudyBody } from './CaseStudyBody';
import { ReviewPanel } from './ReviewPanel';
import { caseStudiesText as t } from './strings';

/** The author's button moving the case study on (`case-study-<action>`), disabled while a move is sent. */
function MoveButton(props: {
  action: 'submit' | 'withdraw';
  label: string;
  primary?: boolean;
  busy: boolean;
  onMove: (action: CaseStudyAction) => Promise<void>;
}) {
  return (
    <button
      type="button"
      className={props.primary ? 'button' : 'button secondary'}
      disabled={props.busy}
      data-testid={`case-study-${props.action}`}
      onClick={() => void props.onMove(props.action)}
    >
      {props.label}
    </button>
  );
}

/** The reading view of one case study, with the author's and the reviewer's controls. */
export function CaseStudyPage() {
  const { id = '' } = useParams();
  const cs = useAsync((signal) => caseStudiesApi.get(id, signal), [id]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useTitle(cs.data?.title);

  const move = async (action: CaseStudyAction, reason?: string) => {
    setBusy(true);
    setError(null);
    try {
      await caseStudiesApi.move(id, action, reason);
      cs.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (cs.loading && !cs.data) return <Loading />;
  if (cs.error != null) return <ErrorBox error={cs.error} onRetry={cs.reload} />;
  const c = cs.data!;
  return (
    <article className="case-study" data-testid="case-study" data-status={c.status}>
      <p>
        <Link to="/case-studies">{t.view.back}</Link>
      </p>
      <h1>{c.title}</h1>
      <p className="muted">
        <span className={`badge status-${c.status.toLowerCase()}`} data-testid="case-study-status">
          {t.status[c.status] ?? c.status}
        </span>{' '}
        {c.reference} ·{' '}
        {fmt(t.library.publishedBy, { author: c.authorName, date: formatDate(c.publishedAt ?? c.updatedAt) })}
      </p>
      {c.returnReason && (
        <div className="alert alert-info" role="status" data-testid="case-study-returned">
          {fmt(t.view.returned, { reason: c.returnReason })}
        </div>
      )}
      {error != null && <ErrorBox error={error} />}
      {(c.can.edit || c.can.submit || c.can.withdraw) && (
        <p className="case-study-actions">
          {c.can.edit && (
            <Link
              className="button secondary"
              to={`/case-studies/${c.id}/edit`}
              data-testid="case-study-edit"
            >
              {t.view.edit}
            </Link>
          )}{' '}
          {c.can.submit && (
            <MoveButton action="submit" label={t.view.submit} primary busy={busy} onMove={move} />
          )}
          {c.can.withdraw && (
            <MoveButton action="withdraw" label={t.view.withdraw} busy={busy} onMove={move} />
          )}
        </p>
      )}
      <ReviewPanel cs={c} busy={busy} onMove={(a, r) => void move(a, r)} />
      <CaseStudyBody cs={c} />
    </article>
  );
}
