import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, isJobFinal, type JobView } from '@openehds/client';
import { Badge } from '../applications/Badge';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { fmt, formatDateTime } from '../i18n/format';
import { useTitle } from '../layout/use-title';
import { useAsync } from '../lib/use-async';
import { jobsApi } from './api';
import { jobBadge } from './job-rules';
import { jobsText as t } from './strings';
import './jobs.css';

/**
 * One job (issue 4 §5): status, limits, script, the log as it grows (polled every second while the
 * job runs), and the airlock request its outputs became. Its author and HDAB staff only (the hub
 * refuses others).
 */
export function JobPage() {
  const { id = '' } = useParams();
  const job = useAsync((signal) => jobsApi.get(id, signal), [id]);
  const [log, setLog] = useState({ text: '', offset: 0, complete: false, truncated: false, polls: 0 });
  const [logError, setLogError] = useState<unknown>(null);
  const [cancelling, setCancelling] = useState(false);
  const [cancelError, setCancelError] = useState<unknown>(null);
  const reloadJob = useRef(job.reload);
  reloadJob.current = job.reload;
  useTitle(job.data ? fmt(t.page.title, { reference: job.data.reference }) : t.page.log);

  // Polls the log from where it stopped; when it is complete, the job is read once more for its end.
  useEffect(() => {
    if (log.complete) return;
    const controller = new AbortController();
    const timer = setTimeout(
      () => {
        jobsApi.logs(id, log.offset, controller.signal).then(
          (chunk) => {
            setLogError(null);
            setLog((prev) => ({
              text: prev.text + chunk.text,
              offset: chunk.nextOffset,
              complete: chunk.complete,
              truncated: chunk.truncated,
              polls: prev.polls + 1,
            }));
            if (chunk.complete || chunk.status !== job.data?.status) reloadJob.current();
          },
          (err: unknown) => {
            if (controller.signal.aborted) return;
            setLogError(err);
            // Try again a second later (a network hiccup should not stop a live log); a refusal stays.
            if (!(err instanceof ApiError && err.status < 500))
              setLog((prev) => ({ ...prev, polls: prev.polls + 1 }));
          },
        );
      },
      // At once on opening the page, then every second.
      log.polls === 0 ? 0 : 1_000,
    );
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [id, log, job.data?.status]);

  async function cancel() {
    setCancelling(true);
    setCancelError(null);
    try {
      await jobsApi.cancel(id);
      job.reload();
    } catch (err) {
      setCancelError(err);
    } finally {
      setCancelling(false);
    }
  }

  if (job.loading && !job.data) return <Loading />;
  if (job.error != null && !job.data) return <ErrorBox error={job.error} onRetry={job.reload} />;
  const j = job.data!;
  return (
    <>
      <p>
        <Link to={`/workspaces/${encodeURIComponent(j.permitId)}`}>{t.page.back}</Link>
      </p>
      <h1>
        {fmt(t.page.title, { reference: j.reference })}{' '}
        <Badge badge={jobBadge(j.status)} testId="job-status" />
      </h1>
      <JobFacts job={j} />
      {!isJobFinal(j.status) && (
        <p>
          <button
            type="button"
            className="button danger"
            onClick={() => void cancel()}
            disabled={cancelling || j.cancelRequestedAt !== null}
            data-testid="job-cancel"
          >
            {cancelling ? t.page.cancelling : t.page.cancel}
          </button>
        </p>
      )}
      {cancelError != null && <ErrorBox error={cancelError} />}
      <section aria-labelledby="job-log-title">
        <h2 id="job-log-title">{t.page.log}</h2>
        {!log.complete && <p className="hint">{t.page.logLive}</p>}
        {logError != null && <ErrorBox error={logError} />}
        <pre
          className="job-log"
          role="log"
          aria-labelledby="job-log-title"
          tabIndex={0}
          data-testid="job-log"
        >
          {log.text || t.page.logEmpty}
        </pre>
        {log.truncated && <p className="hint">{t.page.logTruncated}</p>}
      </section>
      <Outputs job={j} />
      <section aria-labelledby="job-script-title">
        <h2 id="job-script-title">{t.page.script}</h2>
        <pre className="job-script" tabIndex={0} data-testid="job-script-text">
          {j.script}
        </pre>
        {j.args.length > 0 && (
          <p>
            {t.page.args}: <code>{j.args.join(' ')}</code>
          </p>
        )}
      </section>
    </>
  );
}

function JobFacts({ job: j }: { job: JobView }) {
  return (
    <dl className="job-facts" data-testid="job-facts">
      <dt>{t.page.permit}</dt>
      <dd>
        <Link to={`/permits/${encodeURIComponent(j.permitId)}`}>
          <code>{j.permitId}</code>
        </Link>
      </dd>
      <dt>{t.page.node}</dt>
      <dd>{j.nodeName ?? j.nodeId}</dd>
      <dt>{t.page.backend}</dt>
      <dd>{j.backend ?? t.page.defaultBackend}</dd>
      <dt>{t.page.limits}</dt>
      <dd>{fmt(t.page.limitsText, { ...j.limits })}</dd>
      {j.limits.gpus > 0 && (
        <>
          <dt>{t.page.gpuHours}</dt>
          <dd>
            {fmt(t.page.gpuHoursText, {
              used: j.gpuHoursUsed === null ? '—' : j.gpuHoursUsed.toFixed(3),
              reserved: j.gpuHoursReserved.toFixed(3),
            })}
          </dd>
        </>
      )}
      <dt>{t.page.created}</dt>
      <dd>{formatDateTime(j.createdAt)}</dd>
      {j.startedAt && (
        <>
          <dt>{t.page.started}</dt>
          <dd>{formatDateTime(j.startedAt)}</dd>
        </>
      )}
      {j.endedAt && (
        <>
          <dt>{t.page.ended}</dt>
          <dd>{formatDateTime(j.endedAt)}</dd>
        </>
      )}
      {j.exitCode !== null && (
        <>
          <dt>{t.page.exitCode}</dt>
          <dd>{j.exitCode}</dd>
        </>
      )}
      {j.message && (
        <>
          <dt>{t.page.message}</dt>
          <dd data-testid="job-message">{j.message}</dd>
        </>
      )}
    </dl>
  );
}

function Outputs({ job: j }: { job: JobView }) {
  if (!isJobFinal(j.status)) return null;
  return (
    <section aria-labelledby="job-outputs-title" data-testid="job-outputs">
      <h2 id="job-outputs-title">{t.page.outputs}</h2>
      {j.airlock ? (
        <p>
          {fmt(t.page.airlock, { reference: j.airlock.reference, status: j.airlock.status })}{' '}
          <Link to={`/airlock/${j.airlock.id}`} data-testid="job-airlock-link">
            {t.page.openAirlock}
          </Link>
        </p>
      ) : j.outputs?.airlockError ? (
        <p className="alert alert-error">{fmt(t.page.airlockError, { error: j.outputs.airlockError })}</p>
      ) : (
        <p>{t.page.noOutputs}</p>
      )}
      {j.outputs && j.outputs.withheld.length > 0 && (
        <>
          <h3>{t.page.withheld}</h3>
          <ul data-testid="job-withheld">
            {j.outputs.withheld.map((w) => (
              <li key={w.path}>
                <code>{w.path}</code>: {w.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
