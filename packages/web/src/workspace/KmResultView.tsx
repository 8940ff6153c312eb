import { useId } from 'react';
import type { KmResultJson } from '@openehds/client';
import { fmt, formatNumber } from '../i18n/format';
import { analysisText as a } from './analysis-strings';
import { curveLabel, KmChart } from './KmChart';
import { RunOutcome } from './RunOutcome';
import { SdcDetails } from './SdcDetails';
import type { AnalysisRun } from './types';

function kmOf(result: unknown): KmResultJson | null {
  const r = result as Partial<KmResultJson> | null;
  return r && Array.isArray(r.curves) ? (r as KmResultJson) : null;
}

/** Kaplan–Meier curves' answer: the chart (with its table), each curve's n, events and cut, and the nodes' records. */
export function KmResultView({ run }: { run: AnalysisRun }) {
  const id = useId();
  const km = run.status === 'DONE' ? kmOf(run.result) : null;
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="card"
      data-testid="km-result"
      data-status={run.status}
    >
      <h3 id={`${id}-title`}>{a.result.title}</h3>
      <RunOutcome run={run} testId="km" />
      {run.status === 'DONE' && !km && <p>{a.result.noResult}</p>}
      {km && (
        <>
          <h4>{a.result.pooled}</h4>
          <KmChart curves={km.curves} survival={km.survival} group={km.group} />
          <ul data-testid="km-curves">
            {km.curves.map((c) => (
              <li key={c.group ?? 'all'} data-truncated={c.truncatedAt !== null}>
                {fmt(a.kmResult.curveFacts, {
                  group: curveLabel(km.group, c.group),
                  n: formatNumber(c.n),
                  events: formatNumber(c.events),
                })}
                {c.truncatedAt !== null && <> — {fmt(a.kmResult.cut, { day: c.truncatedAt })}</>}
              </li>
            ))}
          </ul>
        </>
      )}
      <SdcDetails sdc={run.sdc} testId="km" />
    </section>
  );
}
