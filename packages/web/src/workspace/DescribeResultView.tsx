import { useId } from 'react';
import type { DescribeResultJson } from '@openehds/client';
import { fmt, formatNumber } from '../i18n/format';
import { analysisText as a } from './analysis-strings';
import { CountTable, hasSuppressed } from './CountTable';
import { formatStat } from './glm-result';
import { RunOutcome } from './RunOutcome';
import { SdcDetails } from './SdcDetails';
import type { AnalysisRun } from './types';

function describedOf(result: unknown): DescribeResultJson | null {
  const r = result as Partial<DescribeResultJson> | null;
  return r && Array.isArray(r.groups) ? (r as DescribeResultJson) : null;
}

/** Descriptive statistics' answer: per group n, mean and SD (or which nodes withheld them), counts per level. */
export function DescribeResultView({ run }: { run: AnalysisRun }) {
  const id = useId();
  const d = run.status === 'DONE' ? describedOf(run.result) : null;
  const suppressed =
    d?.groups.some(
      (g) =>
        Object.values(g.numeric).some((s) => s.suppressed) || Object.values(g.counts).some(hasSuppressed),
    ) ?? false;
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="card"
      data-testid="describe-result"
      data-status={run.status}
    >
      <h3 id={`${id}-title`}>{a.result.title}</h3>
      <RunOutcome run={run} testId="describe" />
      {run.status === 'DONE' && !d && <p>{a.result.noResult}</p>}
      {d && (
        <>
          <h4>{a.result.pooled}</h4>
          {d.groups.map((g, gi) => {
            const heading =
              g.group === null ? a.result.all : fmt(a.result.groupOf, { name: d.by ?? '', level: g.group });
            const numeric = Object.entries(g.numeric);
            return (
              <div key={gi} data-testid={`describe-group-${gi}`}>
                <h5>{heading}</h5>
                {numeric.length > 0 && (
                  <div className="table-wrap">
                    <table>
                      <caption className="visually-hidden">{heading}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{a.result.variable}</th>
                          <th scope="col" className="num">
                            {a.result.n}
                          </th>
                          <th scope="col" className="num">
                            {a.result.mean}
                          </th>
                          <th scope="col" className="num">
                            {a.result.sd}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {numeric.map(([name, s]) => (
                          <tr
                            key={name}
                            data-testid={`describe-${gi}-${name}`}
                            data-suppressed={s.suppressed}
                          >
                            <th scope="row">
                              <code>{name}</code>
                            </th>
                            {s.suppressed ? (
                              <td colSpan={3} className="muted">
                                {fmt(a.result.suppressedAt, { nodes: s.suppressedAt.join(', ') })}
                              </td>
                            ) : (
                              <>
                                <td className="num">{formatNumber(s.n)}</td>
                                <td className="num">{formatStat(s.mean)}</td>
                                <td className="num">{formatStat(s.sd)}</td>
                              </>
                            )}
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
                {Object.entries(g.counts).map(([name, t]) => (
                  <CountTable
                    key={name}
                    table={t}
                    corner={name}
                    columnLabels={[a.result.count]}
                    caption={`${fmt(a.result.countsOf, { name })} · ${heading}`}
                  />
                ))}
              </div>
            );
          })}
          {suppressed && <p className="muted small">{a.result.suppressedLegend}</p>}
        </>
      )}
      <SdcDetails sdc={run.sdc} testId="describe" />
    </section>
  );
}
