import { useEffect, useId, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, type AirlockRequestView } from '@openehds/client';
import { Badge } from '../applications/Badge';
import { useAuth } from '../auth/AuthContext';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { fmt, formatDateTime } from '../i18n/format';
import { useTitle } from '../layout/use-title';
import { useAsync } from '../lib/use-async';
import { airlockApi } from './api';
import { returnReason, reviewBlock, statusBadge, viewerOf, type Viewer } from './airlock-rules';
import { AuthorActions } from './AuthorActions';
import { DecisionPanel } from './DecisionPanel';
import { FileCard } from './FileCard';
import { HistoryList } from './HistoryList';
import { ReleasePanel } from './ReleasePanel';
import { ReviewForm } from './ReviewForm';
import { ReviewsList } from './ReviewsList';
import { airlockText as t } from './strings';
import '../applications/applications.css';
import './airlock.css';

/**
 * One output request (issue 4 §5; Art. 73(2)). For an output checker: the author's note, every file
 * with its automatic check and an inline preview, the review form (never on one's own outputs, one
 * review per checker), the reviews so far, the decision the reviews allow, the release. For the
 * author: submit and withdraw, the checkers' comments on a returned request, and the downloads once
 * released. The hub checks every step again; its refusal is shown as it says it.
 */
export function RequestPage() {
  const { id = '' } = useParams();
  const { principal } = useAuth();
  const request = useAsync((signal) => airlockApi.get(id, signal), [id]);
  // A counter with the text, so the same message twice still moves focus.
  const [notice, setNotice] = useState<{ text: string; n: number } | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const view = request.data?.id === id ? request.data : undefined;
  useTitle(view ? fmt(t.detail.title, { reference: view.reference }) : undefined);

  // After an action, the form that was used is gone: put the keyboard on the message saying what happened.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  if (request.loading && !view) return <Loading />;
  if (request.error != null && !view) {
    if (request.error instanceof ApiError && [403, 404].includes(request.error.status))
      return (
        <div className="narrow">
          <p className="alert alert-error">{t.detail.notFound}</p>
        </div>
      );
    return <ErrorBox error={request.error} onRetry={request.reload} />;
  }
  if (!view) return null;
  const viewer = viewerOf(view, principal);
  const staff = principal?.role === 'hdab_staff';
  // After an action: show the request as it is now, then say what happened (and focus that).
  const done = (message: string) => {
    airlockApi.get(view.id).then(
      (next) => {
        request.setData(next);
        setNotice((n) => ({ text: message, n: (n?.n ?? 0) + 1 }));
      },
      () => {
        setNotice((n) => ({ text: message, n: (n?.n ?? 0) + 1 }));
        request.reload();
      },
    );
  };

  return (
    <>
      <p>
        {staff ? (
          <Link to="/airlock">← {t.detail.back}</Link>
        ) : (
          <Link to="/outputs">← {t.detail.backMine}</Link>
        )}
      </p>
      <div className="app-head">
        <h1>{fmt(t.detail.title, { reference: view.reference })}</h1>
        <Badge badge={statusBadge(view.status)} testId="airlock-status" />
      </div>
      <div role="status">
        {notice && (
          <p
            key={notice.n}
            ref={noticeRef}
            tabIndex={-1}
            className="alert alert-ok"
            data-testid="airlock-notice"
          >
            {notice.text}
          </p>
        )}
      </div>
      <p className="alert alert-info" data-testid="airlock-four-eyes">
        {viewer === 'author' ? (staff ? t.detail.checkerIsAuthor : t.detail.youAreAuthor) : t.fourEyes}
      </p>
      <Facts view={view} />
      {viewer === 'author' && !staff && <AuthorActions key={view.status} view={view} onDone={done} />}
      {viewer === 'author' && (view.status === 'RETURNED' || view.status === 'REJECTED') && (
        <ReviewsList
          reviews={view.reviews}
          files={view.files.map((f) => f.name)}
          title={t.reviews.returnedTitle}
          reason={returnReason(view) ?? rejectReason(view)}
        />
      )}
      <Files view={view} viewer={viewer} />
      {viewer === 'checker' && principal && (
        <CheckerSections view={view} me={principal.accountId} onDone={done} />
      )}
      <HistoryList history={view.history} />
    </>
  );
}

/** The reason of the rejection, for the author of a rejected request. */
function rejectReason(view: AirlockRequestView): string | null {
  if (view.status !== 'REJECTED') return null;
  return [...view.history].reverse().find((e) => e.action === 'reject')?.reason ?? null;
}

/** Reference, status, permit, author, where the outputs came from, dates, and the author's note. */
function Facts({ view }: { view: AirlockRequestView }) {
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`} className="card">
      <h2 id={`${id}-title`}>{t.detail.facts}</h2>
      <dl className="key-values">
        <div>
          <dt>{t.detail.reference}</dt>
          <dd>
            <code data-testid="airlock-reference">{view.reference}</code>
          </dd>
        </div>
        <div>
          <dt>{t.detail.permit}</dt>
          <dd>
            <Link to={`/permits/${encodeURIComponent(view.permitId)}`}>
              <code>{view.permitId}</code>
            </Link>
          </dd>
        </div>
        <div>
          <dt>{t.detail.author}</dt>
          <dd data-testid="airlock-author">{view.author}</dd>
        </div>
        <div>
          <dt>{t.detail.origin}</dt>
          <dd>{fmt(t.origin[view.origin.kind]!, { id: view.origin.id })}</dd>
        </div>
        <div>
          <dt>{t.detail.submission}</dt>
          <dd>{view.submission}</dd>
        </div>
        <div>
          <dt>{t.detail.received}</dt>
          <dd>{formatDateTime(view.createdAt)}</dd>
        </div>
        <div>
          <dt>{t.detail.updated}</dt>
          <dd>{formatDateTime(view.updatedAt)}</dd>
        </div>
        <div>
          <dt>{t.detail.note}</dt>
          <dd className="airlock-comment" data-testid="airlock-note-text">
            {view.note ?? <span className="muted">{t.detail.noNote}</span>}
          </dd>
        </div>
      </dl>
    </section>
  );
}

/** The files, each with its facts, check, record, preview and download. */
function Files({ view, viewer }: { view: AirlockRequestView; viewer: Viewer }) {
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.files.title}</h2>
      <p className="hint">{t.files.intro}</p>
      <ul className="airlock-files">
        {view.files.map((f) => (
          <FileCard key={f.name} requestId={view.id} file={f} viewer={viewer} status={view.status} />
        ))}
      </ul>
    </section>
  );
}

/** A checker's part: the review (or why not now), the reviews so far, the decision, the release. */
function CheckerSections({
  view,
  me,
  onDone,
}: {
  view: AirlockRequestView;
  me: string;
  onDone: (message: string) => void;
}) {
  const id = useId();
  const block = reviewBlock(view, { accountId: me });
  const reviewing = view.status === 'SUBMITTED' || view.status === 'PARTIALLY_REVIEWED';
  return (
    <>
      {reviewing && (
        <section aria-labelledby={`${id}-review`} className="card" data-testid="airlock-review-section">
          <h2 id={`${id}-review`}>{t.review.title}</h2>
          {block === null ? (
            <ReviewForm key={`${view.submission}-${view.reviews.length}`} view={view} onDone={onDone} />
          ) : (
            <p data-testid="airlock-review-blocked" data-reason={block}>
              {block === 'already'
                ? t.review.alreadyReviewed
                : block === 'author'
                  ? t.detail.checkerIsAuthor
                  : t.review.notNow}
            </p>
          )}
        </section>
      )}
      {view.status !== 'PENDING' && (
        <ReviewsList reviews={view.reviews} files={view.files.map((f) => f.name)} />
      )}
      {(reviewing || view.status === 'REVIEWED') && (
        <DecisionPanel key={view.status} view={view} onDone={onDone} />
      )}
      {view.status === 'APPROVED' && <ReleasePanel view={view} onDone={onDone} />}
    </>
  );
}
