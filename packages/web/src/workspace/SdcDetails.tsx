import { useId } from 'react';
import type { AnalysisNodeSdc } from '@openehds/client';
import { fmt } from '../i18n/format';
import { analysisText as a } from './analysis-strings';
import { nodesPassed, sdcDetails } from './sdc-detail';

/**
 * Every node's disclosure-control outcome: a summary line, one row per node (status, outputs released,
 * checks by outcome, its message), and every check that suppressed, rounded, noised or refused an
 * output with the cell it applied to.
 */
export function SdcDetails({ sdc, testId }: { sdc: readonly AnalysisNodeSdc[] | undefined; testId: string }) {
  const id = useId();
  const details = sdcDetails(sdc);
  const marked = details.flatMap((d) => d.marked.map((m) => ({ node: d.node, ...m })));
  return (
    <section aria-labelledby={`${id}-title`} data-testid={`${testId}-sdc`}>
      <h4 id={`${id}-title`}>{a.sdc.title}</h4>
      <p className="muted">{a.sdc.intro}</p>
      <p data-testid={`${testId}-sdc-summary`}>
        {fmt(a.sdc.summary, { passed: nodesPassed(details), total: details.length })}
      </p>
      {details.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{a.sdc.title}</caption>
            <thead>
              <tr>
                <th scope="col">{a.sdc.node}</th>
                <th scope="col">{a.sdc.status}</th>
                <th scope="col">{a.sdc.checks}</th>
              </tr>
            </thead>
            <tbody>
              {details.map((d) => (
                <tr key={d.node} data-status={d.status} data-testid={`${testId}-sdc-node`}>
                  <th scope="row">{d.node}</th>
                  <td>
                    {a.sdc.statuses[d.status] ?? d.status}
                    {d.records > 0 && (
                      <div className="muted small">
                        {fmt(a.sdc.records, { released: d.released, total: d.records })}
                      </div>
                    )}
                    {d.message && <div className="small">{d.message}</div>}
                  </td>
                  <td>
                    {d.records === 0
                      ? a.sdc.noRecords
                      : d.counts.map(([outcome, n]) => `${outcome} ${n}`).join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {details.some((d) => d.records > 0) &&
        (marked.length === 0 ? (
          <p className="muted">{a.sdc.noneMarked}</p>
        ) : (
          <div className="table-wrap">
            <table data-testid={`${testId}-sdc-marked`}>
              <caption>{a.sdc.marked}</caption>
              <thead>
                <tr>
                  <th scope="col">{a.sdc.node}</th>
                  <th scope="col">{a.sdc.output}</th>
                  <th scope="col">{a.sdc.rule}</th>
                  <th scope="col">{a.sdc.target}</th>
                  <th scope="col">{a.sdc.outcome}</th>
                  <th scope="col">{a.sdc.note}</th>
                </tr>
              </thead>
              <tbody>
                {marked.map((m, i) => (
                  <tr key={i} data-outcome={m.outcome}>
                    <th scope="row">{m.node}</th>
                    <td>{m.output}</td>
                    <td>{m.rule}</td>
                    <td>
                      <code>{m.target}</code>
                    </td>
                    <td>{m.outcome}</td>
                    <td>{m.note ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}
