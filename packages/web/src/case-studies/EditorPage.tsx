import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, type ApiIssue, type CaseStudy } from '@openehds/client';
import { useAuth } from '../auth/AuthContext';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { fmt } from '../i18n/format';
import { useTitle } from '../layout/use-title';
import { useAsync } from '../lib/use-async';
import { caseStudiesApi, permitsForPrefill } from './api';
import { EMPTY_FORM, toContent, toForm, type CaseStudyForm } from './draft';
import { PrefillPicker } from './PrefillPicker';
import { caseStudiesText as t } from './strings';
import { TemplateForm } from './TemplateForm';

/** Roles that hold permits (the hub lists permits to data users and HDAB staff). */
const PERMIT_ROLES = new Set(['data_user', 'hdab_staff']);

/** The editor: `/case-studies/new` (with the pre-fill picker) and `/case-studies/:id/edit`. */
export function EditorPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { principal } = useAuth();
  const existing = useAsync((signal) => (id ? caseStudiesApi.get(id, signal) : Promise.resolve(null)), [id]);
  const permits = useAsync(
    (signal) =>
      !id && principal && PERMIT_ROLES.has(principal.role)
        ? permitsForPrefill.list({}, signal)
        : Promise.resolve([]),
    [id, principal?.role],
  );
  const [form, setForm] = useState<CaseStudyForm>(EMPTY_FORM);
  const [stored, setStored] = useState<CaseStudy | null>(null);
  const [issues, setIssues] = useState<ApiIssue[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  useTitle(stored ? fmt(t.editor.editTitle, { reference: stored.reference }) : t.editor.newTitle);

  useEffect(() => {
    if (existing.data) {
      setStored(existing.data);
      setForm(toForm(existing.data));
    }
  }, [existing.data]);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setIssues([]);
    setSaved(false);
    try {
      await work();
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) setIssues(err.issues);
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      if (stored) {
        const next = await caseStudiesApi.update(
          stored.id,
          toContent(form, stored.pathwayReportId),
          stored.version,
        );
        setStored(next);
        setSaved(true);
      } else {
        const created = await caseStudiesApi.create(toContent(form));
        navigate(`/case-studies/${created.id}`);
      }
    });
  };

  const onPrefill = (permitId: string, useCaseId: string) =>
    void run(async () => {
      const created = await caseStudiesApi.prefill(permitId, useCaseId);
      navigate(`/case-studies/${created.id}/edit`);
    });

  if (id && existing.loading && !existing.data) return <Loading />;
  if (existing.error != null) return <ErrorBox error={existing.error} onRetry={existing.reload} />;
  if (stored && stored.status !== 'DRAFT')
    return (
      <div className="alert alert-info" role="status">
        <p>{t.editor.notEditable}</p>
        <Link to={`/case-studies/${stored.id}`}>{stored.title}</Link>
      </div>
    );
  return (
    <>
      <h1>{stored ? fmt(t.editor.editTitle, { reference: stored.reference }) : t.editor.newTitle}</h1>
      <p className="muted">{t.editor.intro}</p>
      {!id && <PrefillPicker permits={permits.data ?? []} busy={busy} onPrefill={onPrefill} />}
      {!id && <h2>{t.editor.orByHand}</h2>}
      {error != null && <ErrorBox error={error} />}
      <form onSubmit={onSubmit} className="form case-study-form" noValidate>
        <TemplateForm form={form} issues={issues} onChange={setForm} />
        <button type="submit" className="button" disabled={busy} data-testid="case-study-save">
          {stored ? t.editor.save : t.editor.create}
        </button>{' '}
        <Link to={stored ? `/case-studies/${stored.id}` : '/case-studies'} data-testid="case-study-cancel">
          {t.editor.cancel}
        </Link>
        {saved && (
          <p role="status" data-testid="case-study-saved">
            {t.editor.saved}
          </p>
        )}
      </form>
    </>
  );
}
