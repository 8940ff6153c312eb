import { useEffect, useId, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, type Organisation } from '@openehds/client';
import { useAuth } from '../../auth/AuthContext';
import { identity } from '../../auth/identity-api';
import { ErrorBox } from '../../components/ErrorBox';
import { Loading } from '../../components/Loading';
import { ui } from '../../i18n/ui';
import { fmt, formatDate, nameOf } from '../../i18n/format';
import { useTitle } from '../../layout/use-title';
import { useAsync } from '../../lib/use-async';
import { MembersSection } from './MembersSection';
import { isPublicKind } from './org-form';
import { organisationsText as t } from './strings';
import '../../account/account.css';

const d = t.detail;

/**
 * One organisation: its facts, the Art. 53(2) finding (administrators record or withdraw it) and its
 * members with their roles (administrators add and remove them).
 */
export function OrganisationPage() {
  const { id = '' } = useParams();
  const { principal } = useAuth();
  const isAdmin = principal?.role === 'admin';
  const org = useAsync(() => identity.getOrganisation(id), [id]);
  useTitle(org.data?.name ?? t.list.title);

  return (
    <div className="org-admin" data-testid="organisation-page">
      <p>
        <Link to="/admin/organisations">{d.back}</Link>
      </p>
      {org.loading && !org.data && <Loading />}
      {org.error != null &&
        (org.error instanceof ApiError && org.error.status === 404 ? (
          <p className="alert alert-info">{d.notFound}</p>
        ) : (
          <ErrorBox error={org.error} onRetry={org.reload} />
        ))}
      {org.data && (
        <>
          <h1 data-testid="organisation-name-heading">{org.data.name}</h1>
          <section aria-labelledby="org-facts" className="card">
            <h2 id="org-facts">{d.facts}</h2>
            <dl className="key-values">
              <div>
                <dt>{d.kind}</dt>
                <dd data-testid="organisation-kind-value">{nameOf(t.kinds, org.data.kind)}</dd>
              </div>
              <div>
                <dt>{d.country}</dt>
                <dd>
                  {nameOf(ui.countries, org.data.country)} ({org.data.country})
                </dd>
              </div>
              <div>
                <dt>{d.publicBody}</dt>
                <dd data-testid="organisation-public-body" data-verified={org.data.publicBodyVerified}>
                  {org.data.publicBodyVerified
                    ? fmt(d.verifiedAt, { date: formatDate(org.data.publicBodyVerifiedAt) })
                    : d.notVerified}
                </dd>
              </div>
              <div>
                <dt>{d.created}</dt>
                <dd>{formatDate(org.data.createdAt)}</dd>
              </div>
            </dl>
          </section>
          {isAdmin && <PublicBodySection org={org.data} onChange={org.setData} />}
          <MembersSection org={org.data} isAdmin={isAdmin} selfId={principal?.accountId ?? null} />
        </>
      )}
    </div>
  );
}

/**
 * Records or withdraws the finding that the organisation is a public sector body or EU body
 * (`POST /api/organisations/:id/public-body`). Withdrawing takes purposes away from its members, so it
 * asks first; focus goes to the outcome afterwards.
 */
function PublicBodySection({ org, onChange }: { org: Organisation; onChange: (o: Organisation) => void }) {
  const id = useId();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const status = useRef<HTMLParagraphElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (message) status.current?.focus();
  }, [message]);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);

  async function set(verified: boolean) {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const next = await identity.setPublicBodyVerified(org.id, verified);
      onChange(next);
      setAsking(false);
      setMessage(fmt(verified ? d.verified : d.unverified, { name: next.name }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={`${id}-title`} className="card" data-testid="organisation-verify">
      <h2 id={`${id}-title`}>{d.verifyTitle}</h2>
      <p className="hint">{d.verifyIntro}</p>
      {message && (
        <p ref={status} tabIndex={-1} className="alert alert-ok form-status" role="status">
          {message}
        </p>
      )}
      {error != null && <ErrorBox error={error} />}
      {!org.publicBodyVerified ? (
        <>
          {!isPublicKind(org.kind) && (
            <p className="alert alert-info">{fmt(d.verifyKindNote, { kind: nameOf(t.kinds, org.kind) })}</p>
          )}
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void set(true)}
            data-testid="organisation-verify-button"
          >
            {busy ? d.working : d.verify}
          </button>
        </>
      ) : !asking ? (
        <button
          ref={opener}
          type="button"
          className="button secondary"
          disabled={busy}
          onClick={() => {
            setMessage(null);
            setAsking(true);
          }}
          data-testid="organisation-unverify-button"
        >
          {d.unverify}
        </button>
      ) : (
        <div
          ref={confirmRef}
          role="group"
          tabIndex={-1}
          aria-labelledby={`${id}-warn`}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setAsking(false);
              setTimeout(() => opener.current?.focus(), 0);
            }
          }}
          data-testid="organisation-unverify-confirm"
        >
          <p id={`${id}-warn`} className="alert alert-error">
            {fmt(d.unverifyWarning, { name: org.name })}
          </p>
          <div className="actions">
            <button type="button" className="button danger" disabled={busy} onClick={() => void set(false)}>
              {busy ? d.working : d.unverifyConfirm}
            </button>
            <button
              type="button"
              className="button secondary"
              onClick={() => {
                setAsking(false);
                setTimeout(() => opener.current?.focus(), 0);
              }}
            >
              {d.cancel}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
