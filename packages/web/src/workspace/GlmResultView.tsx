import { useId } from 'react';
import { fmt, formatNumber } from '../i18n/format';
import { formatP, formatStat, glmView, refusalReason, sdcSummaries } from './glm-result';
import { workspaceText as t } from './strings';
import type { AnalysisRun } from './types';

/** An analysis' answer: the coefficient table and fit (or why it was refused), and the nodes' records. */
export function GlmResultView({ run }: { run: AnalysisRun }) {
  const id = useId();
  const glm = run.status === 'DONE' ? glmView(run.result) : null;
  const reason = refusalReason(run);
  const sdc = sdcSummaries(run.sdc);
  const passed = sdc.filter((s) => s.outcome === 'released').length;
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="card"
      data-testid="glm-result"
      data-status={run.status}
    >
      <h3 id={`${id}-title`}>{t.result.title}</h3>
      {run.status === 'REFUSED' && (
        <p className="alert alert-error" data-testid="glm-refused">
          {reason ? fmt(t.result.refused, { reason }) : t.result.refusedNoReason}
        </p>
      )}
      {run.status === 'FAILED' && (
        <p className="alert alert-error" data-testid="glm-failed">
          {reason ? fmt(t.result.failed, { reason }) : t.result.failedNoReason}
        </p>
      )}
      {run.status === 'DONE' && !glm && <p>{t.result.noTable}</p>}
      {glm && (
        <>
          <div className="table-wrap">
            <table data-testid="glm-coefficients">
              <caption className="visually-hidden">{t.result.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.result.term}</th>
                  <th scope="col" className="num">
                    {t.result.estimate}
                  </th>
                  <th scope="col" className="num">
                    {t.result.se}
                  </th>
                  <th scope="col" className="num">
                    {fmt(t.result.statistic, { name: glm.statisticName })}
                  </th>
                  <th scope="col" className="num">
                    {t.result.p}
                  </th>
                </tr>
              </thead>
              <tbody>
                {glm.coefficients.map((c) => (
                  <tr key={c.name} data-testid={`glm-coef-${c.name}`}>
                    <th scope="row">
                      <code>{c.name}</code>
                    </th>
                    <td className="num" data-testid="glm-estimate">
                      {formatStat(c.estimate)}
                    </td>
                    <td className="num" data-testid="glm-se">
                      {formatStat(c.se)}
                    </td>
                    <td className="num">{formatStat(c.statistic)}</td>
                    <td className="num" data-testid="glm-p">
                      {formatP(c.p)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <dl className="fz-facts">
            <dt>{t.result.n}</dt>
            <dd data-testid="glm-n">{glm.n === null ? '—' : formatNumber(glm.n)}</dd>
            <dt>{t.result.iterations}</dt>
            <dd data-testid="glm-iterations">{glm.iterations ?? '—'}</dd>
            <dt>{t.result.deviance}</dt>
            <dd>{formatStat(glm.deviance)}</dd>
            <dt>{t.result.aic}</dt>
            <dd>{formatStat(glm.aic)}</dd>
          </dl>
          {glm.converged === false && <p className="alert">{t.result.notConverged}</p>}
          {glm.warnings.length > 0 && (
            <ul className="muted">
              {glm.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          )}
        </>
      )}
      <h4>{t.result.sdcTitle}</h4>
      {sdc.length === 0 ? (
        <p className="muted">{t.result.sdcNone}</p>
      ) : (
        <>
          <p data-testid="glm-sdc-summary">{fmt(t.result.summary, { passed, total: sdc.length })}</p>
          <div className="table-wrap">
            <table data-testid="glm-sdc">
              <caption className="visually-hidden">{t.result.sdcCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.result.sdcWho}</th>
                  <th scope="col">{t.result.sdcOutcome}</th>
                  <th scope="col">{t.result.sdcChecks}</th>
                  <th scope="col">{t.result.sdcReasons}</th>
                </tr>
              </thead>
              <tbody>
                {sdc.map((s, i) => (
                  <tr key={i} data-outcome={s.outcome}>
                    <th scope="row">{s.who}</th>
                    <td>{t.result.outcomes[s.outcome]}</td>
                    <td>
                      {Object.entries(s.counts)
                        .map(([k, n]) => `${k} ${n}`)
                        .join(', ')}
                    </td>
                    <td>{s.reasons.join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
