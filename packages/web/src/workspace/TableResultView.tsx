import { useId } from 'react';
import type { TableResultJson } from '@openehds/client';
import { fmt } from '../i18n/format';
import { analysisText as a } from './analysis-strings';
import { CountTable, hasSuppressed } from './CountTable';
import { RunOutcome } from './RunOutcome';
import { SdcDetails } from './SdcDetails';
import type { AnalysisRun } from './types';

/** The result's shape, when it has one. */
function tableOf(result: unknown): TableResultJson | null {
  const r = result as Partial<TableResultJson> | null;
  return r && Array.isArray(r.rows) && Array.isArray(r.columns) && Array.isArray(r.cells)
    ? (r as TableResultJson)
    : null;
}

/** A contingency table's answer: the pooled counts (or why none), and every node's disclosure control. */
export function TableResultView({ run }: { run: AnalysisRun }) {
  const id = useId();
  const t = run.status === 'DONE' ? tableOf(run.result) : null;
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="card"
      data-testid="table-result"
      data-status={run.status}
    >
      <h3 id={`${id}-title`}>{a.result.title}</h3>
      <RunOutcome run={run} testId="table" />
      {run.status === 'DONE' && !t && <p>{a.result.noResult}</p>}
      {t && (
        <>
          <h4>{a.result.pooled}</h4>
          <CountTable
            table={t}
            testId="table-counts"
            corner={t.columnVariable ? `${t.rowVariable} \\ ${t.columnVariable}` : t.rowVariable}
            caption={
              t.columnVariable
                ? fmt(a.result.tableCaption, { rows: t.rowVariable, columns: t.columnVariable })
                : fmt(a.result.tableCaptionOne, { rows: t.rowVariable })
            }
          />
          <p data-testid="table-missing">
            {fmt(a.result.missing, { n: t.missing === null ? a.result.suppressed : t.missing })}
          </p>
          {(hasSuppressed(t) || t.missing === null) && (
            <p className="muted small">{a.result.suppressedLegend}</p>
          )}
        </>
      )}
      <SdcDetails sdc={run.sdc} testId="table" />
    </section>
  );
}
