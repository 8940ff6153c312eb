import { useId } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { ApiError, type PermitView } from '@openehds/client';
import { applicationsApi } from '../applications/api';
import { Badge } from '../applications/Badge';
import { useAuth } from '../auth/AuthContext';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { fmt, formatDate, formatDateTime } from '../i18n/format';
import { useTitle } from '../layout/use-title';
import { useAsync } from '../lib/use-async';
import { permitsApi } from './api';
import { saveText } from './download';
import { ExtractsSection } from './ExtractsSection';
import { PermitContentView } from './PermitContentView';
import { inForceText, latestVersion, permitBadge, permitFileName } from './permit-text';
import { RenewalSection } from './RenewalSection';
import { ResultForm } from './ResultForm';
import { StaffActions } from './StaffActions';
import { permitsText as t } from './strings';
import { VersionsSection } from './VersionsSection';
import '../applications/applications.css';
import './permits.css';

const [verifyBefore, verifyAfter] = t.document.verifyNote.split('{command}');

/** A notice carried to the next page after an action (a new version, a revocation). */
interface Notice {
  notice?: string;
}

/**
 * One permit version: the Art. 68(10) content by letter, number, status, validity, every version of
 * the chain with its dates and reasons, the signed document, the renewal deadline; the applicant's
 * renewal request and results, HDAB staff's amendment, renewal and revocation, and the extracts.
 */
export function PermitPage() {
  const { id = '' } = useParams();
  const { principal } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const notice = (location.state as Notice | null)?.notice;
  const permit = useAsync((signal) => permitsApi.get(id, signal), [id]);
  const isUser = principal?.role === 'data_user';
  const applicationId = permit.data?.applicationId;
  // Only the applicant may ask for the renewal or report results: is the permit's file among theirs?
  const applicant = useAsync(
    (signal) =>
      isUser && applicationId
        ? applicationsApi.list(undefined, signal).then((items) => items.some((a) => a.id === applicationId))
        : Promise.resolve(false),
    [isUser, applicationId],
  );
  useTitle(fmt(t.detail.title, { number: id }));

  // After an amendment or renewal the address names the new version: never show the previous one meanwhile.
  const view = permit.data?.id === id ? permit.data : undefined;
  if (permit.loading && !view) return <Loading />;
  if (permit.error != null) {
    if (permit.error instanceof ApiError && permit.error.status === 404)
      return (
        <div className="narrow">
          <p className="alert alert-error">{t.detail.notFound}</p>
          <p>
            <Link to="/permits">{t.detail.back}</Link>
          </p>
        </div>
      );
    return <ErrorBox error={permit.error} onRetry={permit.reload} />;
  }
  if (!view) return null;
  const staff = principal?.role === 'hdab_staff';
  const isApplicant = applicant.data === true;

  const successor = (next: PermitView) => {
    // The hub answered with the new version: show it at once, under its own address.
    permit.setData(next);
    navigate(`/permits/${encodeURIComponent(next.id)}`, {
      state: { notice: fmt(t.staff.done, { number: next.id }) } satisfies Notice,
    });
  };

  return (
    <>
      <p>
        <Link to="/permits">← {t.detail.back}</Link>
      </p>
      <div className="app-head">
        <h1>{fmt(t.detail.title, { number: view.id })}</h1>
        <Badge badge={permitBadge(view)} testId="permit-status" />
      </div>
      <ul className="app-meta">
        <li>{fmt(t.detail.versionOf, { n: view.version, total: view.versions.length })}</li>
        <li>
          {staff ? (
            <Link to={`/backoffice/${view.applicationId}`}>
              {fmt(t.detail.application, { reference: view.content.applicationReference })}
            </Link>
          ) : isApplicant ? (
            <Link to={`/applications/${view.applicationId}`}>
              {fmt(t.detail.application, { reference: view.content.applicationReference })}
            </Link>
          ) : (
            fmt(t.detail.application, { reference: view.content.applicationReference })
          )}
        </li>
        {inForceText(view) && <li>{inForceText(view)}</li>}
      </ul>
      <div role="status">{notice && <p className="alert alert-ok">{notice}</p>}</div>
      {!view.current && <NotInForce view={view} />}
      <Facts view={view} />
      <SignedDocument view={view} />
      <PermitContentView content={view.content} />
      <VersionsSection view={view} />
      <RenewalSection
        view={view}
        applicant={isApplicant}
        onRequested={(request) => {
          permit.setData({ ...view, renewal: { ...view.renewal, request } });
          // The request is also in the history: fetch it (the page keeps showing meanwhile).
          permit.reload();
        }}
      />
      {isApplicant && (
        <ResultForm
          reference={view.content.applicationReference}
          onReport={(input) => permitsApi.reportResult(view.id, input)}
        />
      )}
      <ExtractsSection permitId={view.id} />
      {staff && (
        <StaffActions
          view={view}
          onSuccessor={successor}
          onRevoked={(v) => {
            permit.setData(v);
            navigate(location.pathname, {
              replace: true,
              state: { notice: fmt(t.staff.revoked, { number: v.id }) } satisfies Notice,
            });
          }}
        />
      )}
    </>
  );
}

/** Why this version no longer governs access, and where the chain's newest version is. */
function NotInForce({ view }: { view: PermitView }) {
  const latest = latestVersion(view);
  return (
    <p className="alert" data-testid="superseded">
      {latest && latest.id !== view.id ? (
        <>
          {fmt(t.detail.supersededBy, { number: latest.id })} <Badge badge={permitBadge(latest)} />{' '}
          <Link to={`/permits/${encodeURIComponent(latest.id)}`}>{t.detail.goToCurrent}</Link>
        </>
      ) : (
        t.detail.supersededNone
      )}
    </p>
  );
}

/** The permit's key facts: number, status, access period, this version's dates, renewal deadline. */
function Facts({ view }: { view: PermitView }) {
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`} className="card">
      <h2 id={`${id}-title`}>{t.detail.facts}</h2>
      <dl className="key-values">
        <div>
          <dt>{t.detail.number}</dt>
          <dd>
            <code data-testid="permit-number">{view.id}</code>
          </dd>
        </div>
        <div>
          <dt>{t.detail.status}</dt>
          <dd>
            <Badge badge={permitBadge(view)} />
          </dd>
        </div>
        <div>
          <dt>{t.detail.validity}</dt>
          <dd data-testid="permit-validity">
            {fmt(t.detail.validityValue, {
              from: formatDate(view.validFrom),
              until: formatDate(view.validUntil),
            })}
          </dd>
        </div>
        <div>
          <dt>{t.detail.activeFrom}</dt>
          <dd>{formatDateTime(view.activeFrom)}</dd>
        </div>
        <div>
          <dt>{t.detail.activeUntil}</dt>
          <dd>{view.activeUntil ? formatDateTime(view.activeUntil) : t.detail.stillActive}</dd>
        </div>
        {view.current && (
          <div>
            <dt>{t.detail.renewalDeadline}</dt>
            <dd data-testid="renewal-deadline">{formatDate(view.renewal.deadline)}</dd>
          </div>
        )}
        <div>
          <dt>{t.detail.renewals}</dt>
          <dd>
            {view.renewals > 0 || view.status === 'RENEWED' ? t.detail.renewalsDone : t.detail.renewalsNone}
          </dd>
        </div>
        {view.content.issuedBy && (
          <div>
            <dt>{t.detail.issuedBy}</dt>
            <dd>
              {view.content.issuedBy.url ? (
                <a href={view.content.issuedBy.url}>{view.content.issuedBy.name}</a>
              ) : (
                view.content.issuedBy.name
              )}{' '}
              ({view.content.issuedBy.country})
            </dd>
          </div>
        )}
        {view.content.redress && (
          <div>
            <dt>{t.detail.redress}</dt>
            <dd>{view.content.redress}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}

/** The version's signed document as a file to save and check with `ehds verify FILE`. */
function SignedDocument({ view }: { view: PermitView }) {
  const id = useId();
  const sig = view.signed.signature;
  // A revoked or expired version also has the signed notice of its end (Art. 63, 68(12)).
  const endNotice = view.history.find((e) => e.permitId === view.id && e.signed)?.signed;
  return (
    <section aria-labelledby={`${id}-title`} className="card" data-testid="permit-document">
      <h2 id={`${id}-title`}>{t.document.title}</h2>
      <p>{t.document.intro}</p>
      {sig && (
        <p className="muted">
          {fmt(t.document.signedAt, { at: formatDateTime(sig.signedAt), fingerprint: sig.keyFingerprint })}
        </p>
      )}
      <p>
        <button
          type="button"
          className="button"
          onClick={() => saveText(JSON.stringify(view.signed, null, 2), permitFileName(view.id))}
          data-testid="download-permit"
        >
          {t.document.download}
        </button>
        {endNotice && (
          <>
            {' '}
            <button
              type="button"
              className="button secondary"
              onClick={() => saveText(JSON.stringify(endNotice, null, 2), `permit-end-${view.id}.json`)}
              data-testid="download-end-notice"
            >
              {t.document.downloadEnd}
            </button>
          </>
        )}
      </p>
      <p className="hint">
        {verifyBefore}
        <code>{t.document.verifyCommand}</code>
        {verifyAfter}
      </p>
    </section>
  );
}
