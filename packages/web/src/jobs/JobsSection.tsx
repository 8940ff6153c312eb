import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import type { Job, JobBackend, JobLanguage, JobLimits } from '@openehds/client';
import { Badge } from '../applications/Badge';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { TextArea } from '../components/fields';
import { fmt, formatDateTime } from '../i18n/format';
import { useAsync } from '../lib/use-async';
import { jobsApi } from './api';
import {
  anyLive,
  DEFAULT_LIMITS,
  fieldErrors,
  jobBadge,
  languageOfFile,
  parseArgs,
  parseLimits,
  type LimitsDraft,
} from './job-rules';
import { jobsText as t } from './strings';

/**
 * The jobs of a permit's workspace (issue 4 §5): a form to submit a script and the list of jobs with
 * their status and outputs. The hub decides who may submit (persons named in the active permit) and
 * answers others with a refusal shown here; `canSubmit` only hides the form (e.g. for HDAB staff).
 */
export function JobsSection({
  permitId,
  canSubmit = true,
  nodes = [],
}: {
  permitId: string;
  canSubmit?: boolean;
  /** The nodes holding the permit's data; with several, the person picks where the job runs. */
  nodes?: { id: string; name: string }[];
}) {
  const list = useAsync((signal) => jobsApi.list(permitId, signal), [permitId]);
  const live = list.data ? anyLive(list.data) : false;
  // While a job may still change, look again every few seconds.
  useEffect(() => {
    if (!live) return;
    const timer = setTimeout(list.reload, 3_000);
    return () => clearTimeout(timer);
  }, [live, list.data, list.reload]);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} data-testid="jobs-section">
      <h2 id={headingId}>{t.section.title}</h2>
      <p className="lead">{t.section.intro}</p>
      {canSubmit && <JobForm permitId={permitId} nodes={nodes} onSubmitted={list.reload} />}
      <h3>{t.section.listTitle}</h3>
      {list.loading && !list.data && <Loading />}
      {list.error != null && <ErrorBox error={list.error} onRetry={list.reload} />}
      {list.data && <JobsTable jobs={list.data} />}
    </section>
  );
}

function JobsTable({ jobs }: { jobs: Job[] }) {
  if (!jobs.length) return <p data-testid="jobs-empty">{t.section.empty}</p>;
  return (
    <div className="table-wrap">
      <table data-testid="jobs-list">
        <caption className="visually-hidden">{t.section.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.section.reference}</th>
            <th scope="col">{t.section.status}</th>
            <th scope="col">{t.section.language}</th>
            <th scope="col">{t.section.author}</th>
            <th scope="col">{t.section.created}</th>
            <th scope="col">{t.section.outputs}</th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((j) => (
            <tr key={j.id} data-testid={`jobs-row-${j.reference}`}>
              <th scope="row">
                <Link to={`/jobs/${j.id}`}>
                  <code>{j.reference}</code>
                </Link>
              </th>
              <td>
                <Badge badge={jobBadge(j.status)} testId={`jobs-status-${j.reference}`} />
              </td>
              <td>{t.languages[j.language]}</td>
              <td>{j.author}</td>
              <td className="nowrap">{formatDateTime(j.createdAt)}</td>
              <td>
                {j.airlock ? (
                  <Link to={`/airlock/${j.airlock.id}`}>
                    <code>{j.airlock.reference}</code>
                  </Link>
                ) : (
                  t.section.noOutputs
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function JobForm({
  permitId,
  nodes,
  onSubmitted,
}: {
  permitId: string;
  nodes: { id: string; name: string }[];
  onSubmitted: () => void;
}) {
  const [language, setLanguage] = useState<JobLanguage>('python');
  const [node, setNode] = useState(nodes[0]?.id ?? '');
  const [script, setScript] = useState('');
  const [args, setArgs] = useState('');
  const [backend, setBackend] = useState<'' | JobBackend>('');
  const [limits, setLimits] = useState<LimitsDraft>(DEFAULT_LIMITS);
  const [limitErrors, setLimitErrors] = useState<Partial<Record<keyof JobLimits, string>>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<Job | null>(null);
  const ids = {
    language: useId(),
    backend: useId(),
    node: useId(),
    file: useId(),
    limits: useId(),
    title: useId(),
  };

  async function loadFile(file: File | undefined) {
    if (!file) return;
    setScript(await file.text());
    const guessed = languageOfFile(file.name);
    if (guessed) setLanguage(guessed);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = parseLimits(limits);
    if ('errors' in parsed) {
      setLimitErrors(parsed.errors);
      return;
    }
    setLimitErrors({});
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const job = await jobsApi.submit(permitId, {
        language,
        script,
        args: parseArgs(args),
        limits: parsed.limits,
        ...(backend ? { backend } : {}),
        ...(nodes.length > 1 && node ? { node } : {}),
      });
      setDone(job);
      onSubmitted();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const limitField = (key: keyof JobLimits, label: string, hint?: string) => {
    const id = `${ids.limits}-${key}`;
    const errors = [...(limitErrors[key] ? [limitErrors[key]!] : []), ...fieldErrors(error, `limits.${key}`)];
    return (
      <div className={`field ${errors.length ? 'has-error' : ''}`}>
        <label htmlFor={id}>{label}</label>
        {hint && (
          <p id={`${id}-hint`} className="hint">
            {hint}
          </p>
        )}
        <input
          id={id}
          type="number"
          min={0}
          step={1}
          inputMode="numeric"
          value={limits[key]}
          data-testid={`job-limit-${key}`}
          aria-invalid={errors.length ? true : undefined}
          aria-describedby={
            [hint ? `${id}-hint` : '', errors.length ? `${id}-err` : ''].filter(Boolean).join(' ') ||
            undefined
          }
          onChange={(e) => setLimits({ ...limits, [key]: e.target.value })}
        />
        {errors.length > 0 && (
          <ul id={`${id}-err`} className="field-errors">
            {errors.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        )}
      </div>
    );
  };

  return (
    <form onSubmit={submit} aria-labelledby={ids.title} data-testid="job-form" noValidate>
      <h3 id={ids.title}>{t.form.title}</h3>
      <div className="field">
        <label htmlFor={ids.language}>{t.form.language}</label>
        <p id={`${ids.language}-hint`} className="hint">
          {t.form.languageHint}
        </p>
        <select
          id={ids.language}
          value={language}
          aria-describedby={`${ids.language}-hint`}
          data-testid="job-language"
          onChange={(e) => setLanguage(e.target.value as JobLanguage)}
        >
          {(['python', 'r', 'javascript'] as const).map((l) => (
            <option key={l} value={l}>
              {t.languages[l]}
            </option>
          ))}
        </select>
      </div>
      <TextArea
        label={t.form.script}
        hint={t.form.scriptHint}
        value={script}
        onChange={setScript}
        rows={12}
        required
        testId="job-script"
        errors={fieldErrors(error, 'script')}
      />
      <div className="field">
        <label htmlFor={ids.file}>{t.form.file}</label>
        <input
          id={ids.file}
          type="file"
          accept=".py,.R,.r,.js,.mjs,text/plain"
          data-testid="job-file"
          onChange={(e) => void loadFile(e.target.files?.[0])}
        />
      </div>
      <TextArea
        label={t.form.args}
        hint={t.form.argsHint}
        value={args}
        onChange={setArgs}
        rows={2}
        testId="job-args"
        errors={fieldErrors(error, 'args')}
      />
      {nodes.length > 1 && (
        <div className="field">
          <label htmlFor={ids.node}>{t.form.node}</label>
          <p id={`${ids.node}-hint`} className="hint">
            {t.form.nodeHint}
          </p>
          <select
            id={ids.node}
            value={node}
            aria-describedby={`${ids.node}-hint`}
            data-testid="job-node"
            onChange={(e) => setNode(e.target.value)}
          >
            {nodes.map((n) => (
              <option key={n.id} value={n.id}>
                {n.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={ids.backend}>{t.form.backend}</label>
        <p id={`${ids.backend}-hint`} className="hint">
          {t.form.backendHint}
        </p>
        <select
          id={ids.backend}
          value={backend}
          aria-describedby={`${ids.backend}-hint`}
          data-testid="job-backend"
          onChange={(e) => setBackend(e.target.value as '' | JobBackend)}
        >
          {(['', 'local', 'slurm', 'tes'] as const).map((b) => (
            <option key={b} value={b}>
              {t.form.backends[b]}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>{t.form.limits}</legend>
        {limitField('cpus', t.form.cpus)}
        {limitField('memoryMb', t.form.memoryMb)}
        {limitField('timeSeconds', t.form.timeSeconds)}
        {limitField('gpus', t.form.gpus, t.form.gpusHint)}
      </fieldset>
      {error != null && <ErrorBox error={error} />}
      <button type="submit" className="button" disabled={busy} data-testid="job-submit">
        {busy ? t.form.submitting : t.form.submit}
      </button>
      <div role="status" aria-live="polite">
        {done && (
          <p data-testid="job-submitted">
            {fmt(t.form.submitted, { reference: done.reference })}{' '}
            <Link to={`/jobs/${done.id}`}>{t.form.open}</Link>
          </p>
        )}
      </div>
    </form>
  );
}
