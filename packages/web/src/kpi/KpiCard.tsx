import { useId } from 'react';
import type { KpiFigure } from '@openehds/client';
import { TimeChart } from '../charts/TimeChart';
import { fmt, formatNumber } from '../i18n/format';
import { kpiText as t } from './strings';
import { chartData, chartKind, targetText, valueText, verdictOf, verdictText } from './view';

/** A safe fragment of a KPI key for ids and test ids. */
export const keyId = (key: string) => key.replace(/[^a-z0-9]+/gi, '-');

/** One KPI: its current value, the target and verdict beside a manual one, the monthly trend, the breakdown. */
export function KpiCard({ kpi }: { kpi: KpiFigure }) {
  const id = `kpi-${keyId(kpi.key)}`;
  const headingId = useId();
  const verdict = verdictOf(kpi);
  const target = targetText(kpi);
  return (
    <article className="kpi-card" aria-labelledby={headingId} data-testid={id} data-source={kpi.source}>
      <h3 id={headingId}>{kpi.title}</h3>
      <dl className="kpi-figures">
        <div>
          <dt>{t.current}</dt>
          <dd>
            <span className="kpi-value" data-testid={`${id}-value`}>
              {valueText(kpi.current, kpi.unit)}
            </span>{' '}
            <span className="muted small">{t.basis[kpi.currentBasis]}</span>
          </dd>
        </div>
        {target && (
          <div>
            <dt>{t.target}</dt>
            <dd>
              {target}{' '}
              <span
                className={`kpi-verdict kpi-${verdict}`}
                data-testid={`${id}-verdict`}
                data-verdict={verdict}
              >
                {verdictText(verdict)}
              </span>
            </dd>
          </div>
        )}
      </dl>
      {/* Outside the list: a <dl> holds only term and description groups (WCAG 1.3.1). */}
      {kpi.direction && !target && (
        <p className="muted small kpi-direction">
          {kpi.direction === 'higher' ? t.higherIsBetter : t.lowerIsBetter}
        </p>
      )}
      <TimeChart
        title={fmt(t.trend, { title: kpi.title })}
        data={chartData(kpi)}
        kind={chartKind(kpi)}
        periodLabel={t.month}
        valueLabel={t.units[kpi.unit] ?? kpi.unit}
      />
      {kpi.breakdown.length > 0 && (
        <table className="kpi-breakdown" data-testid={`${id}-breakdown`}>
          <caption>{t.breakdown}</caption>
          <tbody>
            {kpi.breakdown.map((b) => (
              <tr key={b.label}>
                <th scope="row">{b.label}</th>
                <td className="num">{formatNumber(b.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <details className="kpi-definition">
        <summary>{t.howComputed}</summary>
        <p>
          {kpi.definition}
          {kpi.article && <span className="muted"> ({kpi.article})</span>}
        </p>
      </details>
    </article>
  );
}
